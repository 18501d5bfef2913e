// Fraud signals: read from the ledger by the fraud sweep (never on the stamp path), sent to every owner
// privately in their language, at most once per pattern and subject a day, listed in the digest.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHarness, OWNER_ID, STAFF_CHAT_ID, TestClock, type Harness, type TestUser } from '../harness/index.js';
import { customerOf, onboard } from '../harness/customers.js';
import { stampVisit } from '../harness/visits.js';
import { sweepFraud } from '../../jobs/trust.js';
import { addEntry, insertCustomer, sweep } from './fixtures.js';

describe('fraud signals', () => {
  let h: Harness;
  let owner: TestUser;
  let barista: TestUser;
  beforeEach(async () => {
    // Monday 2 March 2026, 09:00 in Sofia.
    h = await createHarness({
      clock: new TestClock('2026-03-02T09:00:00+02:00'),
      settings: { cooldownMinutes: 0, dailyCap: 50, fraudCustomerVisitsPerDay: 5, fraudStaffSameCustomerPerDay: 20, fraudQuickRedeemMinutes: 0 },
    });
    owner = h.owner();
    barista = h.staff({ first_name: 'Petya' });
  });
  afterEach(async () => h.close());

  const fraud = () => sweepFraud(h.app, h.clock.now());
  const alertsToOwner = () => owner.messages.filter((m) => m.text?.startsWith('🚨'));

  it('an alert fires once for 6 stamps in a day and not for 5 (threshold 5)', async () => {
    const anna = h.user({ first_name: 'Anna' });
    await onboard(h, anna);
    for (let i = 0; i < 5; i++) {
      await stampVisit(h, barista, anna);
      h.clock.advance({ minutes: 20 });
    }
    expect(await fraud()).toEqual([]);
    expect(alertsToOwner()).toHaveLength(0);

    await stampVisit(h, barista, anna);
    expect((await fraud()).map((a) => a.pattern)).toEqual(['customerVisits']);
    expect(alertsToOwner().map((m) => m.text)).toEqual([
      expect.stringMatching(/^🚨 Anna •••• \d{4} \([2-9A-Z]{4}-[2-9A-Z]{4}\) has had 6 stamped visits today: more than 5\.$/),
    ]);

    // Once per pattern a day: a 7th visit and further sweeps say nothing new.
    await stampVisit(h, barista, anna);
    await fraud();
    await fraud();
    expect(alertsToOwner()).toHaveLength(1);
    // The staff group never sees it.
    expect(h.staffChat.some((m) => m.text?.startsWith('🚨'))).toBe(false);

    // An undone visit does not count: the next day, 6 stamps with one undone is 5.
    h.clock.set(new Date('2026-03-03T09:00:00+02:00'));
    for (let i = 0; i < 5; i++) {
      await stampVisit(h, barista, anna);
      h.clock.advance({ minutes: 20 });
    }
    await stampVisit(h, barista, anna);
    await barista.press('↩️ Undo', STAFF_CHAT_ID);
    expect(await fraud()).toEqual([]);
    await stampVisit(h, barista, anna);
    expect((await fraud()).map((a) => a.pattern)).toEqual(['customerVisits']);
    expect(alertsToOwner()).toHaveLength(2);
  });

  it("alerts and the digest speak the owner's language; the digest lists the day's signals", async () => {
    await h.services.preferences.setLocale(OWNER_ID, 'ru');
    await h.services.settings.update({ fraudStaffSameCustomerPerDay: 2 }, null);
    const ivan = h.user({ first_name: 'Ivan' });
    await onboard(h, ivan);
    for (let i = 0; i < 3; i++) {
      await stampVisit(h, barista, ivan);
      h.clock.advance({ minutes: 30 });
    }
    expect((await fraud()).map((a) => a.pattern)).toEqual(['staffSameCustomer']);
    expect(alertsToOwner().at(-1)!.text).toMatch(/^🚨 Member \(№ \d+\) сегодня 3 раза ставил\(-а\) штамп клиенту Ivan •••• \d{4} \(.+\): больше 2\.$/);

    h.clock.set(new Date('2026-03-02T21:05:00+02:00'));
    await sweep(h);
    const digest = owner.messages.find((m) => m.text?.startsWith('🌙'))!;
    expect(digest.text).toContain('🚨 Сигналов сегодня: 1');
    expect(digest.text).toContain('• 🚨 Member');
  });

  it('a staff member stamping far above their usual day, and a reward redeemed right after it was earned', async () => {
    await h.services.settings.update({ fraudCustomerVisitsPerDay: 100, fraudStaffRateFactor: 3, fraudQuickRedeemMinutes: 10, stampsPerReward: 2 }, null);
    // Their usual day: 4 visits on each of the last 5 days.
    const regulars = await Promise.all(Array.from({ length: 12 }, () => insertCustomer(h)));
    for (let d = 1; d <= 5; d++) {
      for (let i = 0; i < 4; i++) {
        await addEntry(h, regulars[i]!._id, { type: 'stamp', stamps: 1, reason: 'visit', staffId: barista.id, at: new Date(h.clock.now().getTime() - d * 86_400_000) });
      }
    }
    // Today: 12 visits (more than 3 × 4), one of which completes a card redeemed two minutes later.
    for (const customer of regulars) {
      await addEntry(h, customer._id, { type: 'stamp', stamps: 1, reason: 'visit', staffId: barista.id, at: h.clock.now() });
    }
    const lucky = h.user({ first_name: 'Lucky' });
    await onboard(h, lucky, { phone: '+359877123456' });
    await stampVisit(h, barista, lucky, 2);
    h.clock.advance({ minutes: 2 });
    const card = (await customerOf(h, lucky))!;
    await barista.send(`/start c_${card.cardToken}`);
    await barista.press('🎁 Redeem a reward');

    const patterns = (await fraud()).map((a) => a.pattern).sort();
    expect(patterns).toEqual(['quickRedeem', 'staffRate']);
    const texts = alertsToOwner().map((m) => m.text);
    expect(texts).toContainEqual(expect.stringMatching(/^🚨 Member \(ID \d+\) has stamped 13 visits today; their usual day is about 4\.$/));
    expect(texts).toContainEqual(expect.stringMatching(/^🚨 Member \(ID \d+\) redeemed a reward for Lucky •••• \d{4} \(.+\) 2 minutes after stamping the visit that completed the card\.$/));
    expect(await fraud()).toEqual([]);
  });

  it('/stats shows stamped visits per staff member for 30 days', async () => {
    const other = h.staff({ first_name: 'Georgi' });
    const c = await insertCustomer(h);
    for (let i = 0; i < 3; i++) await addEntry(h, c._id, { type: 'stamp', stamps: 1, reason: 'visit', staffId: barista.id, at: h.clock.now() });
    await addEntry(h, c._id, { type: 'stamp', stamps: 1, reason: 'visit', staffId: other.id, at: h.clock.now() });
    await addEntry(h, c._id, { type: 'stamp', stamps: 1, reason: 'visit', staffId: other.id, at: new Date(h.clock.now().getTime() - 31 * 86_400_000) });
    await owner.send('/stats');
    const line = owner.messages.find((m) => m.text?.startsWith('👥 Stamped visits per staff member'))!;
    expect(line.text).toBe(`👥 Stamped visits per staff member, last 30 days:\nMember (ID ${barista.id}): 3\nMember (ID ${other.id}): 1`);
  });
});
