import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Types } from 'mongoose';
import { createHarness, STAFF_CHAT_ID, type Harness, type TestUser } from '../harness/index.js';
import { customerOf, giveStamps, onboard } from '../harness/customers.js';
import { stampVisit, undoLastOperation } from '../harness/visits.js';
import { ledgerOf, ledgerSum, undoButtonOf } from '../staff/fixtures.js';
import { REFERRAL_RECONCILE_JOB } from '../../domain/referrals/service.js';

describe('a referred friend’s first visit', () => {
  let h: Harness;
  let barista: TestUser;
  beforeAll(async () => {
    h = await createHarness();
    barista = h.staff();
  });
  afterAll(async () => h.close());
  beforeEach(async () => {
    await h.services.settings.update({ referralBonusFriend: 1, referralBonusReferrer: 2, referralMonthlyCap: 10, cooldownMinutes: 180 }, null);
    // Each scenario starts after the last one's cooldowns and undo windows.
    h.clock.advance({ hours: 4 });
  });

  /** A referrer with a card, and a friend who registered through the referrer's invite link. */
  async function invitation(referrerInfo = {}, friendInfo = {}) {
    const referrer = h.user(referrerInfo);
    await onboard(h, referrer);
    const code = (await customerOf(h, referrer))!.referralCode;
    const friend = h.user(friendInfo);
    await onboard(h, friend, { payload: `ref_${code}` });
    const ids = { referrer: (await customerOf(h, referrer))!._id, friend: (await customerOf(h, friend))!._id };
    return { referrer, friend, ids };
  }

  const bonuses = async (customerId: Types.ObjectId, reason: string) =>
    (await ledgerOf(h, customerId)).filter((e) => e.type === 'bonus' && e.reason === reason);
  const undone = async (customerId: Types.ObjectId) => (await ledgerOf(h, customerId)).filter((e) => e.type === 'undo');

  it('gives both of them their bonus stamps and a message each, in their own languages', async () => {
    const { referrer, friend, ids } = await invitation({ first_name: 'Anna', language_code: 'ru' }, { first_name: 'Bozhidar', language_code: 'bg' });
    const friendSeen = friend.messages.length;
    await stampVisit(h, barista, friend);
    await h.runJobs();

    const [visit] = (await ledgerOf(h, ids.friend)).filter((e) => e.type === 'stamp');
    const [friendBonus] = await bonuses(ids.friend, 'referral-friend');
    const [referrerBonus] = await bonuses(ids.referrer, 'referral-referrer');
    expect(friendBonus).toMatchObject({ stamps: 1, staffId: null, key: `referral-friend:${String(ids.friend)}:${String(visit!._id)}` });
    expect(friendBonus!.refersTo?.equals(visit!._id)).toBe(true);
    expect(referrerBonus).toMatchObject({ stamps: 2, staffId: null, key: `referral-referrer:${String(ids.friend)}:${String(visit!._id)}` });
    expect(await ledgerSum(h, ids.friend)).toEqual({ stamps: 2, rewards: 0 });
    expect(await ledgerSum(h, ids.referrer)).toEqual({ stamps: 2, rewards: 0 });

    // The friend hears about the visit first, then about the welcome bonus.
    const [stamped, welcome] = friend.textsSince(friendSeen);
    expect(stamped).toMatch(/^🔖 \+1 печат!/);
    expect(welcome).toBe(
      '🎁 Добре дошли! Дойдохте по покана от приятел, затова първото ви посещение ви носи 1 бонус печат.\nПечати: 2 от 8. Още 6 печата до наградата: безплатно кафе',
    );
    expect(referrer.lastText).toBe(
      '🎉 Bozhidar: первый визит по вашему приглашению! Вам +2 бонусных штампа. Спасибо, что рекомендуете нас!\nШтампы: 2 из 8. До награды осталось 6 штампов: бесплатный кофе',
    );
    const staffLines = h.staffChat.slice(-2).map((m) => m.text);
    expect(staffLines[0]).toMatch(/^🤝 Bozhidar •••• \d{4} \(.+\): \+1 · welcome bonus, first visit on an invitation from Anna$/);
    expect(staffLines[1]).toMatch(/^🤝 Anna •••• \d{4} \(.+\): \+2 · invitation bonus, first visit of Bozhidar$/);
  });

  it('exactly once: later visits, a repeated settle job and a second settle change nothing', async () => {
    const { referrer, friend, ids } = await invitation();
    await stampVisit(h, barista, friend);
    await h.runJobs();
    const referrerSeen = referrer.messages.length;

    await h.app.scheduler.schedule(REFERRAL_RECONCILE_JOB, h.clock.now(), { customerId: String(ids.friend), trigger: 'again' });
    await h.runJobs();
    expect(await h.services.referrals.reconcile(ids.friend)).toEqual([]);
    h.clock.advance({ hours: 4 });
    await stampVisit(h, barista, friend);
    await h.runJobs();

    expect(await bonuses(ids.friend, 'referral-friend')).toHaveLength(1);
    expect(await bonuses(ids.referrer, 'referral-referrer')).toHaveLength(1);
    expect(referrer.messages).toHaveLength(referrerSeen);
  });

  it('when that first visit is undone, both bonuses are undone with it, and come back with the next real first visit', async () => {
    const { referrer, friend, ids } = await invitation({ first_name: 'Anna' });
    await stampVisit(h, barista, friend);
    await h.runJobs();
    expect(await ledgerSum(h, ids.referrer)).toEqual({ stamps: 2, rewards: 0 });

    await undoLastOperation(barista);
    await h.runJobs();
    const [friendBonus] = await bonuses(ids.friend, 'referral-friend');
    const [referrerBonus] = await bonuses(ids.referrer, 'referral-referrer');
    expect((await undone(ids.friend)).map((e) => String(e.undoes))).toContain(String(friendBonus!._id));
    expect((await undone(ids.referrer)).map((e) => [String(e.undoes), e.stamps, e.reason])).toEqual([[String(referrerBonus!._id), -2, 'undo']]);
    expect(await ledgerSum(h, ids.friend)).toEqual({ stamps: 0, rewards: 0 });
    expect(await ledgerSum(h, ids.referrer)).toEqual({ stamps: 0, rewards: 0 });
    expect(friend.lastText).toBe(
      '↩️ Your visit was cancelled at the counter, so the welcome bonus (1 stamp) was taken back as well. It will come back with your next visit.\nStamps: 0 of 8. 8 more to your reward: free coffee',
    );
    expect(referrer.lastText).toMatch(/^↩️ The visit of User\d+ was cancelled at the counter, so the invitation bonus \(2 stamps\) was taken back\./);

    // Running the settling again does not undo twice.
    await h.services.referrals.reconcile(ids.friend);
    expect(await undone(ids.referrer)).toHaveLength(1);

    // The next real visit is the first one that counts: the bonuses come back, under its own keys.
    await stampVisit(h, barista, friend);
    await h.runJobs();
    const [, secondVisit] = (await ledgerOf(h, ids.friend)).filter((e) => e.type === 'stamp');
    const referrerBonuses = await bonuses(ids.referrer, 'referral-referrer');
    expect(referrerBonuses.map((e) => e.key)).toEqual([referrerBonus!.key, `referral-referrer:${String(ids.friend)}:${String(secondVisit!._id)}`]);
    expect(await ledgerSum(h, ids.friend)).toEqual({ stamps: 2, rewards: 0 });
    expect(await ledgerSum(h, ids.referrer)).toEqual({ stamps: 2, rewards: 0 });
    expect(referrer.lastText).toContain('thanks to your invitation: +2 bonus stamps for you.');
  });

  it('an invitation bonus already handed out as a coffee stays when the visit is undone, and is not given twice', async () => {
    const { referrer, friend, ids } = await invitation({}, { first_name: 'Bogdan' });
    await giveStamps(h, referrer, 6);
    await stampVisit(h, barista, friend);
    await h.runJobs();
    expect(await ledgerSum(h, ids.referrer)).toEqual({ stamps: 0, rewards: 1 });
    // The bonus completed the card, and the reward is collected at once.
    await barista.send(`/start c_${(await customerOf(h, referrer))!.cardToken}`);
    await barista.press(/Redeem/);

    const visit = undoButtonOf(h, (line) => line.includes('Barista → Bogdan'));
    await barista.pressData(visit.data, visit.message, STAFF_CHAT_ID);
    await h.runJobs();
    expect(await ledgerSum(h, ids.friend)).toEqual({ stamps: 0, rewards: 0 });
    expect(await undone(ids.referrer)).toHaveLength(0);

    await stampVisit(h, barista, friend);
    await h.runJobs();
    expect(await bonuses(ids.friend, 'referral-friend')).toHaveLength(2);
    expect(await bonuses(ids.referrer, 'referral-referrer')).toHaveLength(1);
  });

  it('a first visit undone before the bonuses were settled never earns them', async () => {
    const { referrer, friend, ids } = await invitation();
    await stampVisit(h, barista, friend);
    await undoLastOperation(barista);
    const referrerSeen = referrer.messages.length;
    await h.runJobs();

    expect(await bonuses(ids.friend, 'referral-friend')).toHaveLength(0);
    expect(await bonuses(ids.referrer, 'referral-referrer')).toHaveLength(0);
    expect(referrer.messages).toHaveLength(referrerSeen);
  });

  it('a customer who did not come through an invitation earns nobody a referral bonus', async () => {
    const anna = h.user();
    await onboard(h, anna);
    await stampVisit(h, barista, anna);
    await h.runJobs();
    const entries = await ledgerOf(h, (await customerOf(h, anna))!._id);
    expect(entries.map((e) => e.type)).toEqual(['stamp']);
    expect(await h.app.scheduler.pending(REFERRAL_RECONCILE_JOB)).toHaveLength(0);
  });

  it('self-referral and re-attribution are impossible: only the first inviter is rewarded, once', async () => {
    const { referrer: anna, friend: bob, ids } = await invitation();
    // Bob opens another customer's invite link after registering, and Anna opens her own.
    const carl = h.user();
    await onboard(h, carl);
    const carlId = (await customerOf(h, carl))!._id;
    await bob.send(`/start ref_${(await customerOf(h, carl))!.referralCode}`);
    await anna.send(`/start ref_${(await customerOf(h, anna))!.referralCode}`);
    expect(String((await customerOf(h, bob))!.referredBy)).toBe(String(ids.referrer));
    expect((await customerOf(h, anna))!.referredBy).toBeNull();

    await stampVisit(h, barista, bob);
    await stampVisit(h, barista, anna);
    await h.runJobs();

    expect(await bonuses(ids.referrer, 'referral-referrer')).toHaveLength(1);
    expect(await bonuses(carlId, 'referral-referrer')).toHaveLength(0);
    expect(await bonuses(ids.referrer, 'referral-friend')).toHaveLength(0);
  });

  it('with the bonuses set to 0 nothing is written, and nobody gets a message', async () => {
    await h.services.settings.update({ referralBonusFriend: 0, referralBonusReferrer: 0 }, null);
    const { referrer, friend, ids } = await invitation();
    const seen = referrer.messages.length;
    await stampVisit(h, barista, friend);
    await h.runJobs();
    expect((await ledgerOf(h, ids.friend)).map((e) => e.type)).toEqual(['stamp']);
    expect(await ledgerOf(h, ids.referrer)).toEqual([]);
    expect(referrer.messages).toHaveLength(seen);
  });
});
