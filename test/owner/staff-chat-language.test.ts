// The staff chat has a language of its own (default: the owner's), set in /settings, and each owner's
// digest goes in that owner's language, also when DEFAULT_LOCALE is English.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHarness, OWNER_ID, TestClock, type Harness } from '../harness/index.js';
import { openCard, registerCustomer } from '../staff/fixtures.js';
import { sweep } from './fixtures.js';

const RU_OWNER = 500_002;
const SILENT_OWNER = 500_003;

describe('the staff chat and owners in their own languages', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await createHarness({
      clock: new TestClock('2026-03-02T12:00:00+02:00'),
      config: { OWNER_IDS: [OWNER_ID, RU_OWNER, SILENT_OWNER], DEFAULT_LOCALE: 'en' },
      settings: { cooldownMinutes: 0 },
    });
  });
  afterEach(async () => h.close());

  it("a Bulgarian café: the staff chat reads the owner's Bulgarian until the owner picks another language in /settings", async () => {
    const owner = h.owner({ language_code: 'bg' });
    await owner.send('/help');
    const barista = h.staff({ first_name: 'Niki' });
    const customer = await registerCustomer(h, h.user(), { locale: 'bg' });

    await openCard(h, barista, customer);
    await barista.press('+1');
    expect(h.staffChat.at(-1)!.text).toMatch(/^✅ Niki → .*: \+1 · 1\/8 · награди: 0$/);

    await owner.send('/settings');
    await owner.press('🌍 Часова зона и език');
    expect(owner.lastText).toContain('Език на чата на служителите: езикът на собственика');
    expect(owner.buttons).toContain('✅ Чат: езикът на собственика');
    await owner.press('Чат на служителите: Русский');
    expect(owner.lastText).toContain('Език на чата на служителите: Русский');
    expect(owner.buttons).toContain('✅ Чат на служителите: Русский');

    h.clock.advance({ minutes: 1 });
    await openCard(h, barista, customer);
    await barista.press('+1');
    expect(h.staffChat.at(-1)!.text).toMatch(/^✅ Niki → .*: \+1 · 2\/8 · наград: 0$/);
    await barista.press('↩️ Отменить', h.staffChat.at(-1)!.chatId);
    expect(h.staffChat.at(-2)!.text).toContain('↩️ отменено: Niki');

    // Back to the owner's language.
    await owner.press('Чат: езикът на собственика');
    h.clock.advance({ minutes: 1 });
    await openCard(h, barista, customer);
    await barista.press('+1');
    expect(h.staffChat.at(-1)!.text).toMatch(/награди: 0$/);

    // Someone who is not an owner cannot change it.
    const stranger = h.user();
    await stranger.pressData('set:scl:en');
    expect((await h.services.settings.get()).staffChatLocale).toBeNull();
  });

  it("each owner's digest in that owner's language; one who never wrote gets the café's", async () => {
    const bg = h.owner({ language_code: 'bg' });
    await bg.send('/help');
    const ru = h.user({ id: RU_OWNER, language_code: 'ru' });
    await ru.send('/help');
    await h.services.settings.update({ staffChatLocale: 'bg' }, OWNER_ID);

    h.clock.set('2026-03-02T21:30:00+02:00');
    expect((await sweep(h)).digests).toBe(3);
    expect(bg.lastText).toMatch(/^🌙 Денят в числа:/);
    expect(ru.lastText).toMatch(/^🌙 Итоги дня:/);
    expect(h.telegram.messages(SILENT_OWNER).at(-1)!.text).toMatch(/^🌙 Денят в числа:/);
  });

  it('an owner who chooses a language gets the menu of owner commands in it', async () => {
    const owner = h.owner({ language_code: 'en' });
    await owner.send('/language');
    await owner.press('Русский');
    const menu = h.telegram.callsOf('setMyCommands').at(-1)!.payload;
    expect(menu.scope).toEqual({ type: 'chat', chat_id: OWNER_ID });
    expect((menu.commands as { command: string; description: string }[]).find((c) => c.command === 'settings')?.description).toBe('Настройки программы');
    expect(owner.lastText).toBe(h.app.t('ru', 'language-changed'));
  });
});
