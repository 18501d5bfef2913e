// Every message the bot sends outside of the recipient's own update (jobs, the staff chat, notices to
// the other side of an action) is in the recipient's language: customers', owners' (chosen, or what
// their Telegram says) and the staff chat's (the owner's, unless set in /settings). One Russian and
// one Bulgarian café, DEFAULT_LOCALE English: any English word anywhere fails.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locale } from '../../domain/locales.js';
import { localesDir } from '../../app/paths.js';
import { LANGUAGE_NAMES } from '../../bot/keyboards/customer.js';
import { createHarness, inlineButtons, OWNER_ID, STAFF_CHAT_ID, TestClock, type Harness } from '../harness/index.js';
import { giveStamps, nextPhone } from '../harness/customers.js';
import { registerCustomer } from '../staff/fixtures.js';
import { customerOf, onboard } from '../harness/customers.js';
import { stampVisit } from '../harness/visits.js';
import { undoButtonOf } from '../staff/fixtures.js';
import { addEntry, daysAgo, insertCustomer, sweep, visit } from '../owner/fixtures.js';
import { sweepFraud } from '../../jobs/trust.js';

const SECOND_OWNER = 500_002;
const NAMES: Record<'ru' | 'bg', string[]> = {
  ru: ['Анна', 'Борис', 'Вера', 'Глеб', 'Дарья', 'Егор', 'Жанна', 'Зоя'],
  bg: ['Ана', 'Божидар', 'Веса', 'Георги', 'Деси', 'Емил', 'Живка', 'Зорница'],
};

/** The first words of a message as the .ftl file has them (up to its first placeable). */
function openingOf(locale: Locale, key: string): string {
  const source = readFileSync(join(localesDir, `${locale}.ftl`), 'utf8').split('\n');
  const at = source.findIndex((line) => line.startsWith(`${key} =`));
  if (at < 0) throw new Error(`no ${key} in ${locale}.ftl`);
  const first = source[at]!.slice(key.length + 2).trim() || source[at + 1]!.trim();
  return first.split('{')[0]!.trim().slice(0, 12);
}

/** Words of Latin letters left after removing what is the same in every language (card numbers, commands). */
function englishIn(text: string): string[] {
  const neutral = text
    .replace(/\b[0-9A-Z]{4}-[0-9A-Z]{4}\b/g, '') // card numbers
    .replace(/\/[a-z]+/g, '') // commands
    .replace(/https?:\/\/\S+/g, '')
    .replace(/Loyalty Café/g, '') // the business's name (the harness bot's), as the default privacy text names it
    .replace(/Member \(/g, '('); // a staff member's first name as the harness's getChatMember gives it
  return (neutral.match(/[A-Za-z]{2,}/g) ?? []).filter((word) => !['QR', 'Telegram', 'CSV', 'Google', 'Maps'].includes(word));
}

for (const locale of ['ru', 'bg'] as const) {
  describe(`a café whose people read ${locale}, with DEFAULT_LOCALE en`, () => {
    let h: Harness;
    beforeEach(async () => {
      h = await createHarness({
        clock: new TestClock('2026-03-02T11:00:00+02:00'),
        config: { OWNER_IDS: [OWNER_ID, SECOND_OWNER], DEFAULT_LOCALE: 'en' },
        settings: { cooldownMinutes: 0, stampsPerReward: 2, referralMonthlyCap: 1, winBackDays: 30, marketingMaxPerWeek: 21 },
      });
    });
    afterEach(async () => h.close());

    it('every message sent by a job or to someone else than the sender is in the recipient\'s language', async () => {
      const names = [...NAMES[locale]];
      const name = () => names.shift()!;
      // One owner only ever wrote /help from a Telegram in this language; the other chose it.
      const owner = h.owner({ language_code: locale });
      await owner.send('/help');
      const second = h.user({ id: SECOND_OWNER, first_name: name(), language_code: 'en' });
      await second.send('/language');
      await second.press(LANGUAGE_NAMES[locale]);
      const barista = h.staff({ first_name: name(), language_code: locale });

      // Campaigns: a reward left waiting, a card one stamp short, a customer gone a month.
      const waiting = await insertCustomer(h, { locale, firstName: name() });
      await addEntry(h, waiting._id, { type: 'reward', stamps: -2, rewards: 1, at: daysAgo(h, 8) });
      const close = await insertCustomer(h, { locale, firstName: name() });
      await visit(h, close, daysAgo(h, 4), 1);
      const gone = await insertCustomer(h, { locale, firstName: name() });
      await visit(h, gone, daysAgo(h, 31), 1);
      const swept = await sweep(h);
      expect([swept.rewardReminder, swept.winBack]).toEqual([1, 1]);
      expect(swept.almostThere).toBeGreaterThan(0);

      // Rewards expire a day after they are earned, from here on.
      await h.services.settings.update({ rewardExpiryDays: 1 }, null);

      // Referrals: a friend's first visit pays both; the second friend's is over the referrer's cap.
      const referrer = h.user({ first_name: name(), language_code: locale });
      await onboard(h, referrer, { phone: '+359877000101' });
      const code = (await customerOf(h, referrer))!.referralCode;
      const friend = h.user({ first_name: name(), language_code: locale });
      await onboard(h, friend, { payload: `ref_${code}`, phone: '+359877000102' });
      const friend2 = h.user({ first_name: name(), language_code: locale });
      await onboard(h, friend2, { payload: `ref_${code}`, phone: '+359877000103' });
      await stampVisit(h, barista, friend);
      await h.runJobs();
      h.clock.advance({ minutes: 1 });
      await stampVisit(h, barista, friend2, 2);
      await h.runJobs();
      // The friend's visit undone: both bonuses are taken back.
      h.clock.advance({ minutes: 1 });
      const friendName = (await customerOf(h, friend))!.firstName!;
      const undo = undoButtonOf(h, (line) => line.includes(`→ ${friendName}`));
      await barista.pressData(undo.data, undo.message, STAFF_CHAT_ID);
      await h.runJobs();

      // The review request two hours later; a low rating goes to the staff chat and to both owners.
      h.clock.advance({ hours: 2, minutes: 5 });
      await h.runJobs();
      await friend2.press('2 ⭐');
      const skip = inlineButtons(friend2.last).find((b) => 'callback_data' in b && b.callback_data.startsWith('rev:skip:'));
      await friend2.pressData((skip as { callback_data: string }).callback_data, friend2.last);

      // A day later friend2's reward expires; that evening both owners get the digest.
      h.clock.set('2026-03-03T18:00:00+02:00');
      await h.runJobs();
      // Three visits to one card that day: a fraud signal to both owners, and a line in their digests.
      await h.services.settings.update({ fraudCustomerVisitsPerDay: 2 }, null);
      for (let i = 0; i < 3; i++) await addEntry(h, close._id, { type: 'stamp', stamps: 1, staffId: barista.id, at: h.clock.now() });
      expect((await sweepFraud(h.app, h.clock.now())).map((a) => a.pattern)).toContain('customerVisits');
      h.clock.set('2026-03-03T21:30:00+02:00');
      expect((await sweep(h)).digests).toBe(2);

      // The broadcast's report goes to the owner who sent it.
      const texts = { en: 'Spring menu', ru: 'Весеннее меню уже здесь!', bg: 'Пролетното меню е тук!' };
      const scheduled = await h.services.broadcasts.schedule({ draftId: 'spring', segment: 'all', texts, photoFileId: null, sendAt: null, createdBy: SECOND_OWNER });
      expect(scheduled.ok).toBe(true);
      await h.runJobs();
      h.clock.advance({ minutes: 2 });
      await h.runJobs();

      // What each kind looks like, so that none of them is missing from the check below.
      const t = (key: string) => openingOf(locale, key);
      const all = (chatId: number) => h.telegram.messages(chatId).map((m) => m.text ?? m.caption ?? '');
      const everywhere = [owner.id, SECOND_OWNER, barista.id, STAFF_CHAT_ID, waiting.telegramId!, close.telegramId!, gone.telegramId!, referrer.id, friend.id, friend2.id];
      const seen = everywhere.flatMap(all);
      const expectedKinds = [
        'campaign-reward-reminder', 'campaign-almost-there', 'campaign-win-back', 'campaign-daily-digest',
        'referral-friend-bonus', 'referral-referrer-bonus', 'referral-referrer-capped', 'referral-friend-taken-back', 'referral-referrer-taken-back',
        'review-ask', 'review-owner-low', 'visit-expired', 'broadcast-report', 'fraud-customer-visits',
      ];
      for (const kind of expectedKinds) expect(seen.some((text) => text.startsWith(t(kind))), kind).toBe(true);
      for (const kind of ['review-staff-post', 'staff-audit-stamp', 'staff-audit-stamp-reward', 'staff-audit-undo', 'staff-audit-expire', 'referral-staff-friend-bonus', 'referral-staff-referrer-capped', 'referral-staff-taken-back']) {
        expect(all(STAFF_CHAT_ID).some((text) => text.split('\n').some((line) => line.replace(/^\d+\. /, '').startsWith(t(kind)))), kind).toBe(true);
      }
      expect(all(OWNER_ID).filter((text) => text.startsWith(t('campaign-daily-digest')))).toHaveLength(1);
      expect(all(SECOND_OWNER).filter((text) => text.startsWith(t('campaign-daily-digest')))).toHaveLength(1);
      for (const ownerId of [OWNER_ID, SECOND_OWNER]) {
        expect(all(ownerId).some((text) => text.startsWith(t('fraud-customer-visits'))), 'fraud alert').toBe(true);
        expect(all(ownerId).some((text) => text.startsWith(t('campaign-daily-digest')) && text.includes(t('digest-fraud-alerts'))), 'digest fraud line').toBe(true);
      }

      for (const chatId of everywhere) {
        // The second owner's Telegram is English: the language question came before the choice.
        const texts = chatId === SECOND_OWNER ? all(chatId).slice(1) : all(chatId);
        for (const text of texts) expect(englishIn(text), `${chatId}: ${text}`).toEqual([]);
      }
      expect(h.errorLogs).toEqual([]);
    }, 120_000);

    it('a café set up in Telegram: the claimed owner, the group bound with /staffchat and a card move, all in its language', async () => {
      await h.close();
      h = await createHarness({
        clock: new TestClock('2026-03-02T11:00:00+02:00'),
        config: { OWNER_IDS: [], STAFF_CHAT_ID: undefined, DEFAULT_LOCALE: 'en' },
        settings: { cooldownMinutes: 0 },
      });
      const GROUP = -1009876543210;
      const names = [...NAMES[locale]];
      const owner = h.user({ first_name: names.shift()!, language_code: locale });
      await owner.send(`/claim ${await h.services.team.openClaim()}`);
      expect(await h.services.team.owners()).toEqual([owner.id]);
      await owner.send('/staffchat', GROUP);
      expect(await h.services.team.staffChatId()).toBe(GROUP);
      const barista = h.user({ first_name: names.shift()!, language_code: locale });
      h.telegram.setMember(GROUP, barista.id, 'member');

      // A stamp's audit line reaches the bound group through the paced feed, in the café's language.
      const guest = await registerCustomer(h, h.user({ first_name: names.shift()! }), { locale });
      await barista.send(`/card ${guest.cardNumber}`, GROUP);
      await barista.press('+1', GROUP);
      const t = (key: string) => openingOf(locale, key);
      const group = () => h.telegram.messages(GROUP).map((m) => m.text ?? '');
      expect(group().some((text) => text.startsWith(t('staff-audit-stamp')))).toBe(true);
      expect(await h.app.conn.collection('stafffeedlines').countDocuments({ chatId: GROUP })).toBe(1);

      // A card moves to a new account: the old one is told, the group gets the audit line.
      const phone = nextPhone();
      const old = h.user({ first_name: names.shift()!, language_code: locale });
      await onboard(h, old, { phone });
      await giveStamps(h, old, 2);
      await barista.send(`/find ${phone.slice(-4)}`);
      await barista.press(new RegExp(`•••• ${phone.slice(-4)}`));
      await barista.press(h.app.t(locale, 'staff-button-move'));
      const fresh = h.user({ first_name: old.info.first_name, language_code: locale });
      await fresh.send('/start');
      await fresh.press(/^✅/);
      await fresh.press(h.app.t(locale, 'onboarding-continue'));
      await fresh.press(h.app.t(locale, 'onboarding-privacy-agree'));
      await fresh.shareContact(phone);
      expect(old.lastText).toBe(h.app.t(locale, 'move-card-old-account'));
      expect(group().some((text) => text.startsWith(t('staff-audit-card-moved')))).toBe(true);

      // That evening the claimed owner's digest.
      h.clock.set('2026-03-02T21:30:00+02:00');
      expect((await sweep(h)).digests).toBe(1);
      expect(h.telegram.messages(owner.id).some((m) => (m.text ?? '').startsWith(t('campaign-daily-digest')))).toBe(true);

      for (const chatId of [owner.id, GROUP, old.id, fresh.id, barista.id]) {
        for (const text of h.telegram.messages(chatId).map((m) => m.text ?? m.caption ?? '')) expect(englishIn(text), `${chatId}: ${text}`).toEqual([]);
      }
      expect(h.errorLogs).toEqual([]);
    }, 120_000);
  });
}

/** Locales the check above relies on: an English word in a Russian or Bulgarian text is a finding. */
export type CheckedLocale = Exclude<Locale, 'en'>;
