// A Russian and a Bulgarian café, through the real bot: a customer joins and presses every menu button,
// a barista stamps and redeems, the owner reads settings, stats and broadcasts. Nothing any of them
// reads — texts, captions, buttons, alerts, the staff group's audit lines — may be English, whichever
// piece of code wrote it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locale } from '../../domain/locales.js';
import { LANGUAGE_NAMES, MENU_KEYS } from '../../bot/keyboards/customer.js';
import { SETTINGS_SECTIONS } from '../../bot/settings-menu.js';
import { createHarness, STAFF_CHAT_ID, type Harness } from '../harness/index.js';
import { onboard } from '../harness/customers.js';
import { stampVisit } from '../harness/visits.js';
import { englishWords } from '../harness/latin.js';

/** Every text a person reads in an outgoing call: text, caption, alert, button labels, command descriptions. */
function readable(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(readable);
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, v]) =>
    typeof v === 'string' ? (['text', 'caption', 'description'].includes(key) ? [v] : []) : readable(v),
  );
}

for (const locale of ['ru', 'bg'] as const satisfies readonly Locale[]) {
  describe(`a ${locale} café`, () => {
    let h: Harness;
    beforeAll(async () => {
      h = await createHarness({ config: { DEFAULT_LOCALE: locale }, settings: { stampsPerReward: 2, rewardExpiryDays: 30 } });
    });
    afterAll(async () => h.close());

    it('never shows its customers, staff or owner an English word', async () => {
      const t = (key: string, vars?: Record<string, string | number>) => h.app.t(locale, key, vars);
      const customer = h.user({ language_code: locale, first_name: 'Мария' });
      await onboard(h, customer, { locale });
      for (const key of MENU_KEYS) await customer.send(t(key));
      await customer.send('что-то непонятное');
      await customer.send('/help');

      const barista = h.staff({ language_code: locale, first_name: 'Олга' });
      await stampVisit(h, barista, customer, 2);
      await barista.press(t('staff-button-redeem'));
      await barista.press(t('staff-button-undo'), STAFF_CHAT_ID);
      await barista.send('/card 1234');
      h.clock.advance({ hours: 4 });
      await stampVisit(h, barista, customer, 1);
      await barista.press(t('staff-button-done'));

      const owner = h.owner({ language_code: locale });
      await owner.send('/settings');
      for (const section of SETTINGS_SECTIONS) {
        await owner.press(t(`settings-section-${section}`));
        await owner.press(t('settings-back'));
      }
      await owner.send('/stats');
      await owner.send('/broadcasts');
      await owner.send('/broadcast');
      await owner.press(t('broadcast-abort'));

      // Every call, edits included (a message's first text is gone once it is edited), except the
      // command menus published for English speakers and for users whose language is unknown.
      const chats = new Set([customer.id, barista.id, owner.id, STAFF_CHAT_ID]);
      const seen = h.telegram.calls
        .filter(({ method, payload }) => {
          const p = payload as { chat_id?: number; language_code?: string; callback_query_id?: string };
          if (method === 'setMyCommands') return p.language_code === locale;
          return p.callback_query_id !== undefined || (p.chat_id !== undefined && chats.has(p.chat_id));
        })
        .flatMap((call) => readable(call.payload));
      expect(seen.length).toBeGreaterThan(40);
      // English may appear only where it is data: the language button naming English in itself, and the
      // English reward name the owner typed, shown to the owner in /settings.
      // The harness's own names are data too: the bot's name (the business name by default) and the
      // first name its fake Telegram gives every group member.
      const data = [LANGUAGE_NAMES.en, ...(await h.services.settings.get()).rewardName.en.split(/\s+/), 'Loyalty', 'Caf', 'Member'];
      const english = seen.flatMap((text) => englishWords(text, data).map((w) => `${w} in “${text.slice(0, 60)}”`));
      expect([...new Set(english)]).toEqual([]);
    });
  });
}
