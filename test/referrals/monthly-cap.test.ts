import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Types } from 'mongoose';
import { createHarness, TestClock, type Harness, type TestUser } from '../harness/index.js';
import { customerOf, onboard } from '../harness/customers.js';
import { stampVisit, undoLastOperation } from '../harness/visits.js';
import { ledgerOf } from '../staff/fixtures.js';

describe('the monthly cap on invitation bonuses', () => {
  let h: Harness;
  let barista: TestUser;
  // Sofia is on summer time (UTC+3) from 29 March 2026.
  const clock = new TestClock('2026-03-10T10:00:00+02:00');
  beforeAll(async () => {
    h = await createHarness({ clock, settings: { timeZone: 'Europe/Sofia' } });
    barista = h.staff();
  });
  afterAll(async () => h.close());
  beforeEach(async () => {
    await h.services.settings.update({ referralBonusFriend: 1, referralBonusReferrer: 1, referralMonthlyCap: 2 }, null);
  });

  async function referrer(info = {}): Promise<{ user: TestUser; id: Types.ObjectId; code: string }> {
    const user = h.user(info);
    await onboard(h, user);
    const card = (await customerOf(h, user))!;
    return { user, id: card._id, code: card.referralCode! };
  }

  async function invitedFriend(code: string): Promise<{ user: TestUser; id: Types.ObjectId }> {
    const user = h.user({ first_name: 'Friend' });
    await onboard(h, user, { payload: `ref_${code}` });
    return { user, id: (await customerOf(h, user))!._id };
  }

  const bonuses = async (customerId: Types.ObjectId, reason: string) =>
    (await ledgerOf(h, customerId)).filter((e) => e.type === 'bonus' && e.reason === reason);

  it('holds per referrer and calendar month in the business time zone; the friend over the cap still gets theirs', async () => {
    clock.set('2026-03-10T10:00:00+02:00');
    const anna = await referrer({ first_name: 'Anna' });
    const friends = [await invitedFriend(anna.code), await invitedFriend(anna.code), await invitedFriend(anna.code)];
    for (const friend of friends) {
      await stampVisit(h, barista, friend.user);
      await h.runJobs();
    }

    expect(await bonuses(anna.id, 'referral-referrer')).toHaveLength(2);
    for (const friend of friends) expect(await bonuses(friend.id, 'referral-friend')).toHaveLength(1);
    expect(anna.user.lastText).toBe(
      '🎉 Friend came for a first visit thanks to your invitation — thank you for recommending us! You have already received this month\'s limit of 2 invitation bonuses, so this one brings no stamp.',
    );
    expect(h.staffChat.at(-1)!.text).toMatch(/^🤝 Anna •••• \d{4} \(.+\): no invitation bonus for the first visit of Friend, the monthly limit \(2\) is reached$/);

    // 21:30 UTC on 31 March is already 1 April in Sofia: a new month there, so a new allowance.
    clock.set('2026-03-31T21:30:00Z');
    const april = await invitedFriend(anna.code);
    await stampVisit(h, barista, april.user);
    await h.runJobs();
    expect(await bonuses(anna.id, 'referral-referrer')).toHaveLength(3);
    expect(anna.user.lastText).toContain('+1 bonus stamp for you');
  });

  it('the capped invitation is not reconsidered later: reconciling again next month gives nothing', async () => {
    clock.set('2026-05-05T10:00:00+03:00');
    const anna = await referrer();
    const friends = [await invitedFriend(anna.code), await invitedFriend(anna.code), await invitedFriend(anna.code)];
    for (const friend of friends) {
      await stampVisit(h, barista, friend.user);
      await h.runJobs();
    }
    const seen = anna.user.messages.length;
    clock.set('2026-06-02T10:00:00+03:00');
    for (const friend of friends) await h.services.referrals.reconcile(friend.id);
    expect(await bonuses(anna.id, 'referral-referrer')).toHaveLength(2);
    expect(anna.user.messages).toHaveLength(seen);
  });

  it('an undone invitation bonus frees its place in the month', async () => {
    clock.set('2026-07-05T10:00:00+03:00');
    await h.services.settings.update({ referralMonthlyCap: 1 }, null);
    const anna = await referrer();
    const first = await invitedFriend(anna.code);
    await stampVisit(h, barista, first.user);
    await h.runJobs();
    await undoLastOperation(barista);
    await h.runJobs();
    expect(await bonuses(anna.id, 'referral-referrer')).toHaveLength(1);

    const second = await invitedFriend(anna.code);
    await stampVisit(h, barista, second.user);
    await h.runJobs();
    const live = (await ledgerOf(h, anna.id)).reduce((sum, e) => sum + e.stamps, 0);
    expect(live).toBe(1);
  });

  it('two friends reconciled at the same moment cannot both take the last place', async () => {
    clock.set('2026-08-05T10:00:00+03:00');
    await h.services.settings.update({ referralMonthlyCap: 1 }, null);
    const anna = await referrer();
    const friends = [await invitedFriend(anna.code), await invitedFriend(anna.code), await invitedFriend(anna.code)];
    for (const friend of friends) await stampVisit(h, barista, friend.user);

    await Promise.all(friends.map((friend) => h.services.referrals.reconcile(friend.id)));
    await h.runJobs();

    expect(await bonuses(anna.id, 'referral-referrer')).toHaveLength(1);
    for (const friend of friends) expect(await bonuses(friend.id, 'referral-friend')).toHaveLength(1);
  });

  it('a cap of 0 pauses invitation bonuses, and the invite screen stops promising one', async () => {
    clock.set('2026-09-05T10:00:00+03:00');
    await h.services.settings.update({ referralMonthlyCap: 0 }, null);
    const anna = await referrer();
    const friend = await invitedFriend(anna.code);
    await stampVisit(h, barista, friend.user);
    await h.runJobs();
    expect(await bonuses(anna.id, 'referral-referrer')).toHaveLength(0);
    expect(await bonuses(friend.id, 'referral-friend')).toHaveLength(1);
    expect(anna.user.lastText).toContain('Invitation bonuses are paused at the moment, so this one brings no stamp.');

    await anna.user.send('👫 Invite friends');
    expect(anna.user.lastText).not.toContain('you get');
    expect(anna.user.lastText).toContain('Your friend gets 1 bonus stamp on their first visit.');
  });
});
