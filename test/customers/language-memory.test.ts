// Languages are kept in memory by each instance (domain/preferences.ts): a change is in force at once
// on the instance that made it and within PREFERENCES_CHECK_MS on the others, and a known user's update
// reads nothing to learn their language.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../harness/index.js';
import { PREFERENCES_CHECK_MS } from '../../domain/preferences.js';
import { CommandLog } from '../harness/commands.js';

describe('languages in memory', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness({ monitorCommands: true });
  });
  afterAll(async () => h.close());

  it('a language chosen on one instance is used by another within a few seconds', async () => {
    const other = await h.anotherInstance();
    const [anna, boris] = [h.user(), h.user()];
    await h.services.preferences.setLocale(anna.info.id, 'ru');
    expect(await other.services.preferences.getLocale(anna.info.id)).toBe('ru');

    // Both instances know Anna's and Boris's choices; two changes follow within one millisecond.
    await other.services.preferences.setLocale(boris.info.id, 'en');
    expect(await h.services.preferences.getLocale(boris.info.id)).toBe('en');
    await h.services.preferences.setLocale(anna.info.id, 'bg');
    await h.services.preferences.setLocale(boris.info.id, 'bg');
    expect(await h.services.preferences.getLocale(anna.info.id)).toBe('bg');
    // The other instance trusts what it remembers for a moment…
    expect(await other.services.preferences.getLocale(anna.info.id)).toBe('ru');
    // …and then follows both changes.
    h.clock.advance({ seconds: PREFERENCES_CHECK_MS / 1000 });
    expect(await other.services.preferences.getLocale(anna.info.id)).toBe('bg');
    expect(await other.services.preferences.getLocale(boris.info.id)).toBe('bg');
  });

  it("a change made elsewhere between two of this instance's own changes is not missed", async () => {
    const other = await h.anotherInstance();
    const [vera, gleb] = [h.user(), h.user()];
    h.clock.advance({ seconds: PREFERENCES_CHECK_MS / 1000 });
    expect(await h.services.preferences.getLocale(gleb.info.id)).toBeUndefined();
    await h.services.preferences.setLocale(vera.info.id, 'en');
    await other.services.preferences.setLocale(gleb.info.id, 'ru');
    await h.services.preferences.setLocale(vera.info.id, 'bg');
    h.clock.advance({ seconds: PREFERENCES_CHECK_MS / 1000 });
    expect(await h.services.preferences.getLocale(gleb.info.id)).toBe('ru');
  });

  it("erasing a user's data forgets their language on every instance", async () => {
    const other = await h.anotherInstance();
    const dana = h.user();
    await h.services.preferences.setLocale(dana.info.id, 'ru');
    expect(await other.services.preferences.getLocale(dana.info.id)).toBe('ru');
    await h.services.preferences.forget(dana.info.id);
    expect(await h.services.preferences.getLocale(dana.info.id)).toBeUndefined();
    h.clock.advance({ seconds: PREFERENCES_CHECK_MS / 1000 });
    expect(await other.services.preferences.getLocale(dana.info.id)).toBeUndefined();
  });

  it("a known user's message reads nothing to learn their language", async () => {
    const eva = h.user({ language_code: 'bg' });
    await eva.send('/help');
    const log = new CommandLog(h.app.conn);
    const commands = await log.during(() => eva.send('/help'));
    log.stop();
    expect(eva.lastText).toMatch(/[а-я]/);
    expect(commands.filter((c) => c.collection === 'preferences')).toEqual([]);
  });
});
