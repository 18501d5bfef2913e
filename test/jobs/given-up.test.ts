// A one-off job given up after its last attempt reaches the owners, privately and in each owner's
// language: what did not happen and what they can do. The faults are real (a TCP proxy in front of
// the database resets the chosen command every time), the retries run on the test clock.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import { createHarness, OWNER_ID, type Harness, type TestUser } from '../harness/index.js';
import { DatabaseProxy } from '../harness/db-proxy.js';
import { customerOf, onboard } from '../harness/customers.js';
import { stampVisit } from '../harness/visits.js';
import { insertCustomers } from '../owner/fixtures.js';
import { REFERRAL_RECONCILE_JOB } from '../../domain/referrals/service.js';
import { BROADCAST_JOB } from '../../domain/broadcasts/service.js';
import { retryDelayMs } from '../../jobs/scheduler.js';
import { givenUpMessageKey } from '../../jobs/given-up.js';

describe('a job given up after its last attempt', () => {
  let proxy: DatabaseProxy;
  let h: Harness;
  let owner: TestUser;
  beforeAll(async () => {
    proxy = await DatabaseProxy.start(inject('mongoUri'));
  });
  beforeEach(async () => {
    h = await createHarness({ connectVia: proxy.uri, settings: { referralBonusFriend: 1, referralBonusReferrer: 2, referralMonthlyCap: 10 } });
    owner = h.owner();
    h.clock.advance({ hours: 4 });
  });
  afterEach(async () => {
    proxy.heal();
    await h.close();
  });
  afterAll(async () => {
    await proxy.close();
  });

  const jobIdOf = async (name: string) => String((await h.app.scheduler.agenda.queryJobs({ name })).jobs.at(-1)!._id);
  const givenUpLogs = () => h.errorLogs.filter((line) => line.includes('job given up after its last attempt'));

  /** Runs the job's five attempts, each after its backoff; the fault stays on throughout. */
  async function exhaust(jobId: string): Promise<void> {
    for (let attempt = 1; attempt <= 5; attempt++) {
      await h.runJobs();
      const states = (await h.app.scheduler.attemptsOf(jobId)).map((a) => a.state);
      expect(states).toHaveLength(attempt === 5 ? 6 : attempt);
      if (attempt < 5) h.clock.advance({ seconds: retryDelayMs(attempt) / 1000 + 1 });
    }
  }

  it('a referral settlement that keeps failing: the owner is told once, in Bulgarian, what to do', async () => {
    await h.services.preferences.setLocale(OWNER_ID, 'bg');
    const barista = h.staff();
    const referrer = h.user({ language_code: 'ru' });
    await onboard(h, referrer);
    const code = (await customerOf(h, referrer))!.referralCode;
    const friend = h.user({ language_code: 'en' });
    await onboard(h, friend, { payload: `ref_${code}` });
    await stampVisit(h, barista, friend);
    const jobId = await jobIdOf(REFERRAL_RECONCILE_JOB);
    const before = owner.messages.length;

    proxy.breakOn('referral-referrer');
    await exhaust(jobId);
    expect((await h.app.scheduler.attemptsOf(jobId)).map((a) => a.state)).toEqual(['failed', 'failed', 'failed', 'failed', 'failed', 'exhausted']);

    const told = owner.messages.slice(before).map((m) => m.text);
    expect(told).toEqual([h.app.notifier.t('bg', givenUpMessageKey(REFERRAL_RECONCILE_JOB))]);
    expect(told[0]).toContain('Бонусите за покана');
    expect(givenUpLogs()).toHaveLength(1);

    // Nothing more afterwards: the job is over and told once.
    proxy.heal();
    h.clock.advance({ hours: 2 });
    await h.runJobs();
    expect(await h.app.scheduler.attemptsOf(jobId)).toHaveLength(6);
    expect(owner.messages.slice(before).map((m) => m.text)).toEqual(told);
  });

  it('a broadcast whose every run fails: the owner hears in Russian that it stopped and that /broadcasts shows it', async () => {
    await h.services.preferences.setLocale(OWNER_ID, 'ru');
    await insertCustomers(h, 3, () => ({}));
    const scheduled = await h.services.broadcasts.schedule({
      draftId: 'given-up',
      segment: 'all',
      texts: { en: 'Spring menu is here!', ru: 'Весеннее меню уже здесь!', bg: 'Пролетното меню е тук!' },
      photoFileId: null,
      sendAt: null,
      createdBy: OWNER_ID,
    });
    if (!scheduled.ok) throw new Error(scheduled.error.code);
    const jobId = await jobIdOf(BROADCAST_JOB);
    const before = owner.messages.length;

    // Every run fails when it writes its checkpoint.
    proxy.breakOn('resumeAfter');
    await exhaust(jobId);

    const told = owner.messages.slice(before).map((m) => m.text);
    expect(told).toEqual([h.app.notifier.t('ru', givenUpMessageKey(BROADCAST_JOB))]);
    expect(told[0]).toContain('/broadcasts');
    expect(told[0]).toContain('Рассылка');
    expect(givenUpLogs()).toHaveLength(1);
  });
});
