import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createHarness, inlineButtons, type Harness, type SentMessage, type TestUser } from '../harness/index.js';
import { customerOf, onboard } from '../harness/customers.js';
import { stampVisit } from '../harness/visits.js';
import { ledgerOf, ledgerSum } from '../staff/fixtures.js';
import { balanceOf } from '../../domain/ledger/balance.js';

describe('the review bonus', () => {
  let h: Harness;
  let barista: TestUser;
  beforeAll(async () => {
    h = await createHarness();
    barista = h.staff();
  });
  afterAll(async () => h.close());
  beforeEach(async () => {
    await h.services.settings.update(
      { reviewDelayMinutes: 120, reviewBonusStamps: 1, reviewBonusPeriodDays: 30, cooldownMinutes: 180, stampsPerReward: 8 },
      null,
    );
  });

  /** A visit, two hours, the question: returns the question message. */
  async function visitAndQuestion(customer: TestUser): Promise<SentMessage> {
    await stampVisit(h, barista, customer);
    h.clock.advance({ hours: 2 });
    await h.runJobs();
    const question = customer.last!;
    expect(inlineButtons(question).map((b) => b.text)).toContain('5 ⭐');
    return question;
  }

  const reviewBonuses = async (user: TestUser) =>
    (await ledgerOf(h, (await customerOf(h, user))!._id)).filter((e) => e.type === 'bonus' && e.reason === 'review');

  it('the first review earns the bonus; a second inside the period is thanked, not rewarded; after the period, rewarded again', async () => {
    await h.services.settings.update({ reviewBonusStamps: 2 }, null);
    const anna = h.user();
    await onboard(h, anna);

    await visitAndQuestion(anna);
    await anna.press('5 ⭐');
    expect(anna.lastText).toContain('🎁 +2 bonus stamps for your review.\nStamps: 3 of 8.');
    await anna.press('Skip');

    h.clock.advance({ days: 10 });
    await visitAndQuestion(anna);
    await anna.press('4 ⭐');
    expect(anna.lastText).toMatch(/The review bonus is given once every 30 days; the next one is possible from .+\. This time — just a big thank you!/);
    expect(anna.lastText).not.toContain('bonus stamp');
    await anna.press('Skip');
    expect(h.staffChat.at(-1)!.text).not.toContain('🎁');

    h.clock.advance({ days: 20 });
    await visitAndQuestion(anna);
    await anna.press('5 ⭐');
    expect(anna.lastText).toContain('🎁 +2 bonus stamps for your review.');

    const bonuses = await reviewBonuses(anna);
    expect(bonuses.map((e) => [e.type, e.reason, e.stamps, e.staffId])).toEqual([
      ['bonus', 'review', 2, null],
      ['bonus', 'review', 2, null],
    ]);
    const customerId = (await customerOf(h, anna))!._id;
    expect(await balanceOf(h.app.conn, customerId)).toEqual({ stamps: 7, rewards: 0 });
    expect(await ledgerSum(h, customerId)).toEqual({ stamps: 7, rewards: 0 });
  });

  it('the period is the one the owner set', async () => {
    await h.services.settings.update({ reviewBonusPeriodDays: 7 }, null);
    const anna = h.user();
    await onboard(h, anna);
    await visitAndQuestion(anna);
    await anna.press('5 ⭐');
    h.clock.advance({ days: 7 });
    await visitAndQuestion(anna);
    await anna.press('5 ⭐');
    expect(await reviewBonuses(anna)).toHaveLength(2);
  });

  it('two reviews rated at the same moment earn one bonus', async () => {
    await h.services.settings.update({ cooldownMinutes: 0 }, null);
    const anna = h.user();
    await onboard(h, anna);
    await stampVisit(h, barista, anna);
    await stampVisit(h, barista, anna);
    h.clock.advance({ hours: 2 });
    await h.runJobs();
    const questions = anna.messages.filter((m) => inlineButtons(m).some((b) => b.text === '5 ⭐'));
    expect(questions).toHaveLength(2);

    const fiveOn = (question: SentMessage) => {
      const button = inlineButtons(question).find((b) => b.text === '5 ⭐');
      return button && 'callback_data' in button ? button.callback_data : '';
    };
    await Promise.all(questions.map((q) => anna.pressData(fiveOn(q), q)));

    expect(await reviewBonuses(anna)).toHaveLength(1);
    const thanks = anna.messages.filter((m) => m.text?.startsWith('Thank you for your rating!'));
    expect(thanks).toHaveLength(2);
    expect(thanks.filter((m) => m.text!.includes('+1 bonus stamp'))).toHaveLength(1);
  });

  it('a bonus stamp that completes the card turns it into a reward', async () => {
    await h.services.settings.update({ stampsPerReward: 2 }, null);
    const anna = h.user();
    await onboard(h, anna);
    await visitAndQuestion(anna);
    await anna.press('5 ⭐');

    expect(anna.lastText).toContain('You have 1 reward ready: free coffee.');
    const customerId = (await customerOf(h, anna))!._id;
    expect(await balanceOf(h.app.conn, customerId)).toEqual({ stamps: 0, rewards: 1 });
    expect((await ledgerOf(h, customerId)).map((e) => e.type)).toEqual(['stamp', 'bonus', 'reward']);
  });

  it('with the bonus set to 0, a review is thanked and writes nothing to the ledger', async () => {
    await h.services.settings.update({ reviewBonusStamps: 0 }, null);
    const anna = h.user();
    await onboard(h, anna);
    await visitAndQuestion(anna);
    await anna.press('5 ⭐');
    expect(anna.lastText).toMatch(/^Thank you for your rating! 🙏\n\n✍️ Would you like to add a few words\?/);
    expect(await reviewBonuses(anna)).toHaveLength(0);
  });
});
