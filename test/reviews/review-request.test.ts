import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createHarness, inlineButtons, type Harness, type TestUser } from '../harness/index.js';
import { customerOf, onboard } from '../harness/customers.js';
import { stampVisit, undoLastOperation } from '../harness/visits.js';
import { ledgerOf } from '../staff/fixtures.js';
import { REVIEW_REQUEST_JOB } from '../../domain/reviews/service.js';
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
  const pendingRequests = async (user: TestUser) => {
    const customerId = String((await customerOf(h, user))!._id);
    const jobs = await h.app.scheduler.pending(REVIEW_REQUEST_JOB);
    return jobs.filter((j) => (j.data as { customerId?: string }).customerId === customerId);
  };

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

  it('a visit that was undone is not asked about, even if its job still runs', async () => {
    const anna = h.user();
    await onboard(h, anna);
    await stampVisit(h, barista, anna);
    expect(await pendingRequests(anna)).toHaveLength(1);
    await undoLastOperation(barista);
    expect(await pendingRequests(anna)).toHaveLength(0);

    // A job that escaped the cancellation (it was already running on another worker) still asks nothing.
    const customer = (await customerOf(h, anna))!;
    const [visit] = (await ledgerOf(h, customer._id)).filter((e) => e.type === 'stamp');
    await h.app.scheduler.schedule(REVIEW_REQUEST_JOB, h.clock.now(), { customerId: String(customer._id), visitId: String(visit!._id) });
    h.clock.advance({ hours: 2 });
    await h.runJobs();

    expect(questions(anna)).toHaveLength(0);
    expect(await reviewRequestModel(h.app.conn).countDocuments({ customerId: customer._id })).toBe(0);
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

  it("erasing the customer's data cancels the pending request", async () => {
    const anna = h.user();
    await onboard(h, anna);
    await stampVisit(h, barista, anna);
    const customer = (await customerOf(h, anna))!;
    expect(await pendingRequests(anna)).toHaveLength(1);

    await h.services.customers.erase(customer._id);
    const jobs = await h.app.scheduler.pending(REVIEW_REQUEST_JOB);
    expect(jobs.filter((j) => (j.data as { customerId?: string }).customerId === String(customer._id))).toHaveLength(0);
    h.clock.advance({ hours: 2 });
    await h.runJobs();
    expect(questions(anna)).toHaveLength(0);
  });
});
