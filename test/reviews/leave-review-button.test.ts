import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, inlineButtons, type Harness, type TestUser } from '../harness/index.js';
import { customerOf, onboard } from '../harness/customers.js';
import { stampVisit, undoLastOperation } from '../harness/visits.js';
import { reviewModel, reviewRequestModel } from '../../domain/reviews/model.js';

describe('the "Leave a review" button', () => {
  let h: Harness;
  let barista: TestUser;
  beforeAll(async () => {
    h = await createHarness({ settings: { cooldownMinutes: 0 } });
    barista = h.staff();
  });
  afterAll(async () => h.close());

  const questions = (user: TestUser) => user.messages.filter((m) => inlineButtons(m).some((b) => b.text === '5 ⭐'));

  it('before any visit, it explains that the rating is asked after a visit', async () => {
    const anna = h.user();
    await onboard(h, anna);
    await anna.send('⭐ Leave a review');
    expect(anna.lastText).toBe(
      'After your next visit we will ask you to rate it from 1 to 5, with a single tap. Thank you for helping us get better!',
    );
  });

  it('after a visit, it asks about that visit with the same flow, and the job does not ask again', async () => {
    const ivana = h.user({ language_code: 'bg' });
    await onboard(h, ivana);
    await stampVisit(h, barista, ivana);

    await ivana.send('⭐ Оставяне на отзив');
    expect(ivana.lastText).toMatch(/^⭐ Как мина посещението ви/);
    await ivana.press('4 ⭐');
    expect(ivana.lastText).toContain('Благодарим за оценката!');
    await ivana.send('Много вкусно!');
    expect(h.staffChat.at(-1)!.text).toContain('💬 “Много вкусно!”');

    h.clock.advance({ hours: 2 });
    await h.runJobs();
    expect(ivana.messages.filter((m) => m.text?.startsWith('⭐ Как мина посещението ви'))).toHaveLength(1);
    const customerId = (await customerOf(h, ivana))!._id;
    expect(await reviewRequestModel(h.app.conn).countDocuments({ customerId })).toBe(1);
  });

  it('asked by the job and then by the button: the same question again, and one review', async () => {
    const anna = h.user();
    await onboard(h, anna);
    await stampVisit(h, barista, anna);
    h.clock.advance({ hours: 2 });
    await h.runJobs();
    await anna.send('⭐ Leave a review');
    // The customer asked for it: the same request is shown again, not a second one.
    const [fromJob, fromMenu] = questions(anna);
    const data = (m: typeof fromJob) => inlineButtons(m).map((b) => ('callback_data' in b ? b.callback_data : ''));
    expect(data(fromMenu)).toEqual(data(fromJob));
    await anna.press('5 ⭐');
    await anna.pressData(data(fromJob)[0]!, fromJob);
    expect(await reviewModel(h.app.conn).countDocuments({ customerId: (await customerOf(h, anna))!._id })).toBe(1);
  });

  it('when the last visit is rated already, it says so politely', async () => {
    const anna = h.user();
    await onboard(h, anna);
    await stampVisit(h, barista, anna);
    await anna.send('⭐ Leave a review');
    await anna.press('5 ⭐');
    await anna.press('Skip');

    await anna.send('⭐ Leave a review');
    expect(anna.lastText).toBe('You have already rated your last visit — thank you! We will ask again after your next one.');

    // A new visit can be rated again.
    await stampVisit(h, barista, anna);
    await anna.send('⭐ Leave a review');
    expect(anna.buttons).toContain('5 ⭐');
  });

  it('an undone visit is not offered: the most recent visit that counts is', async () => {
    const anna = h.user();
    await onboard(h, anna);
    await stampVisit(h, barista, anna);
    await undoLastOperation(barista);
    await anna.send('⭐ Leave a review');
    expect(anna.lastText).toContain('After your next visit we will ask you to rate it');

    h.clock.advance({ minutes: 1 });
    await stampVisit(h, barista, anna);
    const counted = h.clock.now();
    h.clock.advance({ minutes: 5 });
    await stampVisit(h, barista, anna);
    await undoLastOperation(barista);
    await anna.send('⭐ Leave a review');
    await anna.press('3 ⭐');
    const [review] = await reviewModel(h.app.conn).find({ customerId: (await customerOf(h, anna))!._id }).lean();
    expect(review!.visitAt).toEqual(counted);
  });
});
