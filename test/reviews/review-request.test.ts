import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createHarness, inlineButtons, type Harness, type TestUser } from '../harness/index.js';
import { customerOf, onboard } from '../harness/customers.js';
import { stampVisit, undoLastOperation } from '../harness/visits.js';
import { ledgerOf } from '../staff/fixtures.js';
import { REVIEW_REQUEST_JOB, REVIEW_REQUESTS_JOB } from '../../domain/reviews/service.js';
import { reviewRequestModel } from '../../domain/reviews/model.js';

const RATING_BUTTONS = ['1 ⭐', '2 ⭐', '3 ⭐', '4 ⭐', '5 ⭐'];

describe('the review request after a visit', () => {
  let h: Harness;
  let barista: TestUser;
  beforeAll(async () => {
    h = await createHarness();
    barista = h.staff();
  });
  afterAll(async () => h.close());
  beforeEach(async () => {
    const { campaigns } = await h.services.settings.get();
    await h.services.settings.update({ reviewDelayMinutes: 120, campaigns: { ...campaigns, reviewRequest: true } }, null);
  });

  const questions = (user: TestUser) => user.messages.filter((m) => inlineButtons(m).some((b) => b.text === '5 ⭐'));
  const requestsAsked = async (user: TestUser) =>
    reviewRequestModel(h.app.conn).countDocuments({ customerId: (await customerOf(h, user))!._id });

  it('two hours after a confirmed visit, the customer is asked in their language to rate it from 1 to 5', async () => {
    const ivana = h.user({ language_code: 'bg' });
    await onboard(h, ivana);
    await stampVisit(h, barista, ivana);

    h.clock.advance({ hours: 1, minutes: 59 });
    await h.runJobs();
    expect(questions(ivana)).toHaveLength(0);

    h.clock.advance({ minutes: 1 });
    await h.runJobs();
    expect(questions(ivana)).toHaveLength(1);
    expect(ivana.lastText).toMatch(/^⭐ Как мина посещението ви \(\d\d:\d\d\)\? Оценете го от 1 до 5/);
    expect(ivana.buttons).toEqual(RATING_BUTTONS);
  });

  it('the delay is the one the owner set', async () => {
    await h.services.settings.update({ reviewDelayMinutes: 30 }, null);
    const anna = h.user();
    await onboard(h, anna);
    await stampVisit(h, barista, anna);

    h.clock.advance({ minutes: 29 });
    await h.runJobs();
    expect(questions(anna)).toHaveLength(0);
    h.clock.advance({ minutes: 1 });
    await h.runJobs();
    expect(questions(anna)).toHaveLength(1);
    expect(anna.lastText).toContain('How was your visit');
  });

  it('one request per visit: a second job for the same visit asks nothing', async () => {
    const anna = h.user();
    await onboard(h, anna);
    await stampVisit(h, barista, anna);
    h.clock.advance({ hours: 2 });
    await h.runJobs();
    expect(questions(anna)).toHaveLength(1);

    // The same job again (a retry, another worker): the request for this visit exists already.
    const customer = (await customerOf(h, anna))!;
    const [visit] = (await ledgerOf(h, customer._id)).filter((e) => e.type === 'stamp');
    await h.app.scheduler.schedule(REVIEW_REQUEST_JOB, h.clock.now(), { customerId: String(customer._id), visitId: String(visit!._id) });
    await h.app.scheduler.schedule(REVIEW_REQUEST_JOB, h.clock.now(), { customerId: String(customer._id), visitId: String(visit!._id) });
    await h.runJobs();

    expect(questions(anna)).toHaveLength(1);
    expect(await reviewRequestModel(h.app.conn).countDocuments({ visitId: visit!._id })).toBe(1);
  });

  it('a visit that was undone is not asked about, when its minute comes or by a job queued before', async () => {
    const anna = h.user();
    await onboard(h, anna);
    await stampVisit(h, barista, anna);
    await undoLastOperation(barista);

    // A per-visit job queued by an earlier version of the bot still asks nothing either.
    const customer = (await customerOf(h, anna))!;
    const [visit] = (await ledgerOf(h, customer._id)).filter((e) => e.type === 'stamp');
    await h.app.scheduler.schedule(REVIEW_REQUEST_JOB, h.clock.now(), { customerId: String(customer._id), visitId: String(visit!._id) });
    h.clock.advance({ hours: 2 });
    await h.runJobs();

    expect(questions(anna)).toHaveLength(0);
    expect(await requestsAsked(anna)).toBe(0);
  });

  it('visits confirmed in the same minute share one job, and each customer is asked once', async () => {
    const [anna, boris, vera] = [h.user(), h.user({ language_code: 'ru' }), h.user({ language_code: 'bg' })];
    for (const user of [anna, boris, vera]) await onboard(h, user);
    const before = new Set((await h.app.scheduler.pending(REVIEW_REQUESTS_JOB)).map((j) => JSON.stringify(j.data)));
    for (const user of [anna, boris, vera]) await stampVisit(h, barista, user);
    const added = (await h.app.scheduler.pending(REVIEW_REQUESTS_JOB)).filter((j) => !before.has(JSON.stringify(j.data)));
    expect(added).toHaveLength(1);

    h.clock.advance({ hours: 2 });
    await h.runJobs();
    // The same minute's job run again (a retry after a failure, another instance): nobody is asked twice.
    await h.app.scheduler.schedule(REVIEW_REQUESTS_JOB, h.clock.now(), added[0]!.data as object);
    await h.runJobs();
    for (const user of [anna, boris, vera]) expect(questions(user)).toHaveLength(1);
    expect(boris.lastText).toContain('Как прошёл');
    expect(vera.lastText).toContain('Как мина');
    for (const user of [anna, boris, vera]) expect(await requestsAsked(user)).toBe(1);
  });

  it('with review requests switched off in the settings, nobody is asked', async () => {
    const { campaigns } = await h.services.settings.get();
    await h.services.settings.update({ campaigns: { ...campaigns, reviewRequest: false } }, null);
    const anna = h.user();
    await onboard(h, anna);
    await stampVisit(h, barista, anna);
    h.clock.advance({ hours: 2 });
    await h.runJobs();
    expect(questions(anna)).toHaveLength(0);
  });

  it("a customer whose data was erased before the question is not asked", async () => {
    const anna = h.user();
    await onboard(h, anna);
    await stampVisit(h, barista, anna);
    const customer = (await customerOf(h, anna))!;

    await h.services.customers.erase(customer._id);
    h.clock.advance({ hours: 2 });
    await h.runJobs();
    expect(questions(anna)).toHaveLength(0);
    expect(await reviewRequestModel(h.app.conn).countDocuments({ customerId: customer._id })).toBe(0);
  });
});
