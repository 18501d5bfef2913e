// Settings are kept in memory by each instance (domain/settings.ts): a change is in force at once on
// the instance that made it and within SETTINGS_RECHECK_MS on the others, listeners hear of it, and a
// stored document with invalid fields keeps every valid one.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, OWNER_ID, type Harness } from '../harness/index.js';
import { SETTINGS_RECHECK_MS, type Settings } from '../../domain/settings.js';

describe('settings in memory', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness();
  });
  afterAll(async () => h.close());

  it('a change is in force here at once and on another instance within a few seconds; listeners hear it', async () => {
    const other = await h.anotherInstance();
    expect((await other.services.settings.get()).dailyCap).toBe(3);
    const heardHere: number[] = [];
    const heardThere: number[] = [];
    h.services.settings.onChange((s: Settings) => void heardHere.push(s.dailyCap));
    other.services.settings.onChange((s: Settings) => void heardThere.push(s.dailyCap));

    await h.services.settings.update({ dailyCap: 7 }, OWNER_ID);
    expect((await h.services.settings.get()).dailyCap).toBe(7);
    expect(heardHere).toEqual([7]);
    // The other instance trusts its copy for a moment…
    expect((await other.services.settings.get()).dailyCap).toBe(3);
    // …and then sees the new version.
    h.clock.advance({ seconds: SETTINGS_RECHECK_MS / 1000 });
    expect((await other.services.settings.get()).dailyCap).toBe(7);
    expect(heardThere).toEqual([7]);
    await h.services.settings.update({ dailyCap: 3 }, OWNER_ID);
  });

  it('a stored document with an invalid field keeps every valid one, logs an error and tells the owners once', async () => {
    await h.services.settings.update({ stampsPerReward: 12 }, OWNER_ID);
    const stored = await h.app.conn.collection('settings').findOne({ _id: 'program' as never });
    await h.app.conn.collection('settings').updateOne(
      { _id: 'program' as never },
      {
        $set: {
          'values.dailyCap': 'lots',
          'values.campaigns.winBack': 'maybe',
          updatedAt: new Date(new Date(stored!.updatedAt as Date).getTime() + 1000),
        },
      },
    );
    h.clock.advance({ seconds: SETTINGS_RECHECK_MS / 1000 });
    const errorsBefore = h.errorLogs.length;
    const settings = await h.services.settings.get();
    expect(settings.stampsPerReward).toBe(12);
    expect(settings.dailyCap).toBe(3);
    expect(settings.campaigns.winBack).toBe(true);
    expect(settings.campaigns.reviewRequest).toBe(true);
    expect(h.errorLogs.slice(errorsBefore).join('\n')).toContain('stored settings failed validation');

    const owner = h.owner();
    await owner.send('/settings');
    expect(owner.lastText).toContain('Some saved settings could not be read');
    expect(owner.lastText).toContain('Stamps a day per customer');
    await owner.send('/settings');
    expect(owner.lastText).not.toContain('could not be read');
  });
});
