// One-off jobs run at least once: a failed attempt is retried after a backoff, a worker that dies
// mid-job is taken over once its lease runs out, and the ledger's keys keep the effects single.
// The faults are real: a TCP proxy in front of the database resets or swallows chosen commands.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import { createHarness, type Harness, type TestUser } from '../harness/index.js';
import { DatabaseProxy } from '../harness/db-proxy.js';
import { customerOf, onboard } from '../harness/customers.js';
import { stampVisit } from '../harness/visits.js';
import { ledgerOf } from '../staff/fixtures.js';
import { REFERRAL_RECONCILE_JOB } from '../../domain/referrals/service.js';

describe('a referral reconciliation meets a database fault', () => {
  let proxy: DatabaseProxy;
  let h: Harness;
  let barista: TestUser;
  beforeAll(async () => {
    proxy = await DatabaseProxy.start(inject('mongoUri'));
    h = await createHarness({ connectVia: proxy.uri, settings: { referralBonusFriend: 1, referralBonusReferrer: 2, referralMonthlyCap: 10 } });
    barista = h.staff();
  });
  afterEach(() => proxy.heal());
  afterAll(async () => {
    await h.close();
    await proxy.close();
  });
  beforeEach(() => h.clock.advance({ hours: 4 }));

  async function invitation() {
    const referrer = h.user({ language_code: 'ru' });
    await onboard(h, referrer);
    const code = (await customerOf(h, referrer))!.referralCode;
    const friend = h.user({ language_code: 'bg' });
    await onboard(h, friend, { payload: `ref_${code}` });
    const ids = { referrer: (await customerOf(h, referrer))!._id, friend: (await customerOf(h, friend))!._id };
    return { referrer, friend, ids };
  }

  const bonuses = async (h: Harness, customerId: Parameters<typeof ledgerOf>[1], reason: string) =>
    (await ledgerOf(h, customerId)).filter((e) => e.type === 'bonus' && e.reason === reason);
  const welcomes = (friend: TestUser) => friend.messages.filter((m) => m.text?.startsWith('🎁 Добре дошли!')).length;
  const thanks = (referrer: TestUser) => referrer.messages.filter((m) => m.text?.includes('по вашему приглашению')).length;
  const reconcileJobId = async () => String((await h.app.scheduler.agenda.queryJobs({ name: REFERRAL_RECONCILE_JOB })).jobs.at(-1)!._id);

  it('a blip between the two bonuses: the attempt fails, the retry after the backoff brings both, once', async () => {
    const { referrer, friend, ids } = await invitation();
    await stampVisit(h, barista, friend);
    const jobId = await reconcileJobId();

    // The referrer's bonus is the second write of the reconciliation; its connection is reset on the way.
    proxy.breakOn('referral-referrer');
    await h.runJobs();
    proxy.heal();
    expect(proxy.hits).toBeGreaterThan(0);
    expect(await bonuses(h, ids.friend, 'referral-friend')).toHaveLength(1);
    expect(await bonuses(h, ids.referrer, 'referral-referrer')).toHaveLength(0);
    expect((await h.app.scheduler.attemptsOf(jobId)).map((a) => a.state)).toEqual(['failed']);

    // Not before the backoff…
    h.clock.advance({ seconds: 20 });
    expect(await h.runJobs()).toBe(0);
    // …then the retry reconciles the rest and tells both of them, once.
    h.clock.advance({ seconds: 15 });
    expect(await h.runJobs()).toBe(1);
    expect(await bonuses(h, ids.friend, 'referral-friend')).toHaveLength(1);
    expect(await bonuses(h, ids.referrer, 'referral-referrer')).toHaveLength(1);
    expect(welcomes(friend)).toBe(1);
    expect(thanks(referrer)).toBe(1);
    expect((await h.app.scheduler.attemptsOf(jobId)).map((a) => a.state)).toEqual(['failed', 'done']);

    h.clock.advance({ hours: 1 });
    expect(await h.runJobs()).toBe(0);
    expect(welcomes(friend) + thanks(referrer)).toBe(2);
  });

  it('a worker that dies mid-job: once its lease has run out another worker completes it, once', async () => {
    const { referrer, friend, ids } = await invitation();
    await stampVisit(h, barista, friend);
    const jobId = await reconcileJobId();
    const other = await h.anotherInstance();

    // Worker 1 grants the friend's bonus, then hangs on the referrer's for good: as if its process died.
    const hitsBefore = proxy.hits;
    proxy.holdOn('referral-referrer');
    void h.app.scheduler.runDue(h.clock.now()).catch(() => undefined);
    await expect.poll(() => proxy.hits, { timeout: 10_000 }).toBe(hitsBefore + 1);
    expect(await bonuses(h, ids.friend, 'referral-friend')).toHaveLength(1);

    // While its lease holds, nobody else touches the job.
    h.clock.advance({ minutes: 2 });
    expect(await other.scheduler.runDue(h.clock.now())).toBe(0);
    expect(await bonuses(h, ids.referrer, 'referral-referrer')).toHaveLength(0);

    // The lease runs out: the other worker takes over and finishes, telling each of them once.
    h.clock.advance({ minutes: 4 });
    expect(await other.scheduler.runDue(h.clock.now())).toBe(1);
    expect(await bonuses(h, ids.friend, 'referral-friend')).toHaveLength(1);
    expect(await bonuses(h, ids.referrer, 'referral-referrer')).toHaveLength(1);
    expect(welcomes(friend)).toBe(1);
    expect(thanks(referrer)).toBe(1);
    const attempts = await other.scheduler.attemptsOf(jobId);
    expect(attempts.map((a) => [a.attempt, a.state, a.worker])).toEqual([
      [1, 'expired', 'test-worker-1'],
      [2, 'done', 'test-worker-2'],
    ]);
  });
});
