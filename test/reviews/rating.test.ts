import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createHarness, inlineButtons, OWNER_ID, type Harness, type TestUser } from '../harness/index.js';
import { customerOf, onboard } from '../harness/customers.js';
import { stampVisit, undoLastOperation } from '../harness/visits.js';
import { lastAnswer, ledgerOf } from '../staff/fixtures.js';
import { reviewModel } from '../../domain/reviews/model.js';
import { reviewData } from '../../bot/keyboards/reviews.js';

const GOOGLE = 'https://maps.google.com/?cid=4242';

describe('rating a visit', () => {
  let h: Harness;
  let barista: TestUser;
  let owner: TestUser;
  beforeAll(async () => {
    h = await createHarness();
    barista = h.staff();
    owner = h.owner();
  });
  afterAll(async () => h.close());
  beforeEach(async () => {
    await h.services.settings.update({ reviewDelayMinutes: 120, reviewBonusStamps: 1, publicReviewUrl: null }, null);
    await h.services.preferences.forget(OWNER_ID);
  });

  /** A registered customer whose visit two hours ago has just been asked about. */
  async function askedCustomer(info: Parameters<Harness['user']>[0] = {}): Promise<TestUser> {
    const customer = h.user(info);
    await onboard(h, customer);
    await stampVisit(h, barista, customer);
    h.clock.advance({ hours: 2 });
    await h.runJobs();
    expect(customer.buttons).toContain('5 ⭐');
    return customer;
  }

  const reviewsOf = async (user: TestUser) => reviewModel(h.app.conn).find({ customerId: (await customerOf(h, user))!._id }).lean();
  const reviewBonuses = async (user: TestUser) =>
    (await ledgerOf(h, (await customerOf(h, user))!._id)).filter((e) => e.type === 'bonus' && e.reason === 'review');

  it('a rating is thanked with the bonus stamp, and the line typed next goes with it to the staff group', async () => {
    const anna = await askedCustomer({ first_name: 'Anna' });
    const posts = h.staffChat.length;
    await anna.press('5 ⭐');

    const question = anna.messages.at(-2)!;
    expect(question.text).toContain('Your rating: ★★★★★');
    expect(inlineButtons(question)).toEqual([]);
    expect(anna.lastText).toContain('Thank you for your rating!');
    expect(anna.lastText).toContain('🎁 +1 bonus stamp for your review.\nStamps: 2 of 8.');
    expect(anna.lastText).toContain('Would you like to add a few words?');
    expect(anna.buttons).toEqual(['Skip']);
    expect((await reviewBonuses(anna)).map((e) => e.stamps)).toEqual([1]);
    // Nothing is posted until the customer has had the chance to add a line.
    expect(h.staffChat).toHaveLength(posts);

    await anna.send('Great flat white, friendly barista!');
    expect(anna.lastText).toBe('Thank you! Your words have been passed on to the team.');
    expect(h.staffChat).toHaveLength(posts + 1);
    const post = h.staffChat.at(-1)!.text!;
    expect(post).toMatch(/^⭐ Review ★★★★★ \(5\/5\) · Anna •••• \d{4} \([2-9A-Z]{4}-[2-9A-Z]{4}\) · visit .+ · 🎁 bonus \+1\n💬 “Great flat white, friendly barista!”$/);
    expect(owner.messages).toHaveLength(0);

    const [review] = await reviewsOf(anna);
    expect(review).toMatchObject({ rating: 5, comment: 'Great flat white, friendly barista!', bonusStamps: 1 });
    expect(review!.publishedAt).toEqual(h.clock.now());
  });

  it('Skip passes the rating on without a line', async () => {
    const anna = await askedCustomer();
    await anna.press('4 ⭐');
    await anna.press('Skip');

    expect(anna.lastText).toBe('Thank you! Your rating has been passed on to the team.');
    expect(h.staffChat.at(-1)!.text).toMatch(/^⭐ Review ★★★★☆ \(4\/5\) .*\n\(no comment\)$/);
    expect(inlineButtons(anna.messages.at(-2))).toEqual([]);
    expect((await reviewsOf(anna))[0]).toMatchObject({ rating: 4, comment: null });

    // A later text is just a text again.
    const posts = h.staffChat.length;
    await anna.send('hello?');
    expect(h.staffChat).toHaveLength(posts);
  });

  it("a rating of 3 or lower also goes to every owner privately, in the owner's language", async () => {
    await h.services.preferences.setLocale(OWNER_ID, 'ru');
    // The staff chat would follow the owner (Russian); here the owner chose English for it.
    await h.services.settings.update({ staffChatLocale: 'en' }, null);
    const boris = await askedCustomer({ first_name: 'Boris' });
    await boris.press('2 ⭐');
    await boris.send('Waited 20 minutes for a cappuccino.');

    expect(h.staffChat.at(-1)!.text).toMatch(/^⭐ Review ★★☆☆☆ \(2\/5\) · Boris .*\n💬 “Waited 20 minutes for a cappuccino\.”$/);
    expect(owner.messages).toHaveLength(1);
    expect(owner.lastText).toMatch(/^⚠️ Низкая оценка ★★☆☆☆ \(2\/5\): Boris •••• \d{4} \(.+\), визит .+\n💬 «Waited 20 minutes for a cappuccino\.»$/);

    const carla = await askedCustomer();
    await carla.press('3 ⭐');
    await carla.press('Skip');
    expect(owner.messages).toHaveLength(2);
    expect(owner.lastText).toContain('(3/5)');

    const dora = await askedCustomer();
    await dora.press('4 ⭐');
    await dora.press('Skip');
    expect(owner.messages).toHaveLength(2);
  });

  it('a 2★ reviewer gets the same public-review invitation as a 5★ one, and it promises nothing', async () => {
    await h.services.settings.update({ publicReviewUrl: GOOGLE }, null);
    const invitation = (user: TestUser) => ({
      text: user.lastText.split('\n\n').filter((p) => p.includes('public')),
      link: inlineButtons(user.last).find((b) => 'url' in b),
    });
    const invited = [];
    for (const [rating, line] of [['5 ⭐', 'Lovely!'], ['2 ⭐', 'Too slow.']] as const) {
      const customer = await askedCustomer();
      await customer.press(rating);
      invited.push(invitation(customer));
      // Once the review is passed on, the link stays and Skip goes.
      await customer.send(line);
      expect(inlineButtons(customer.messages.at(-2))).toEqual([{ text: '🌍 Write a public review', url: GOOGLE }]);
    }
    const [happy, unhappy] = invited;
    expect(unhappy).toEqual(happy);
    expect(happy!.text).toEqual(['If you wish, you can also share your experience publicly, whatever it was. It is entirely up to you.']);
    expect(happy!.link).toEqual({ text: '🌍 Write a public review', url: GOOGLE });
    // The invitation is never tied to the bonus: it does not mention stamps or rewards.
    expect(happy!.text.join(' ')).not.toMatch(/stamp|bonus|reward/i);

    // No link set: nobody is invited, whatever the rating.
    await h.services.settings.update({ publicReviewUrl: null }, null);
    for (const rating of ['5 ⭐', '1 ⭐']) {
      const customer = await askedCustomer();
      await customer.press(rating);
      expect(customer.lastText).not.toContain('public');
      expect(inlineButtons(customer.last).some((b) => 'url' in b)).toBe(false);
    }
  });

  it('an owner answers a low rating with one tap: the customer reads it in the bot, in the business name', async () => {
    await h.services.settings.update({ businessName: 'Café Lipa' }, null);
    const boris = await askedCustomer({ first_name: 'Boris', language_code: 'ru' });
    await boris.press('2 ⭐');
    await boris.send('Cold milk.');
    expect(owner.buttons).toEqual(['↩️ Reply to the customer']);

    // Someone else cannot press it.
    const stranger = h.user();
    const reply = inlineButtons(owner.last)[0]!;
    await stranger.pressData('callback_data' in reply ? reply.callback_data : '', owner.last, stranger.id);
    expect(lastAnswer(h)).toBe('🔒 This is for the owner of the program only.');

    await owner.press('↩️ Reply to the customer');
    expect(owner.lastText).toMatch(/^Write your answer to Boris •••• \d{4} in one message/);
    await owner.sendSticker();
    expect(owner.lastText).toBe('Please send your answer as a text message.');
    await owner.send("We are sorry, Boris — next coffee is on us.");
    expect(owner.lastText).toBe('✅ Your answer has been sent to the customer.');
    expect(boris.lastText).toBe('💬 Ответ на ваш отзыв от «Café Lipa»:\n\nWe are sorry, Boris — next coffee is on us.');
    const [review] = await reviewsOf(boris);
    expect(review!.replies).toEqual([{ by: OWNER_ID, at: h.clock.now(), text: 'We are sorry, Boris — next coffee is on us.' }]);
    // The next text is just a text again, not a second answer.
    const seen = boris.messages.length;
    await owner.send('hello');
    expect(boris.messages).toHaveLength(seen);
    await h.services.settings.update({ businessName: null }, null);
  });

  it('a customer who rates and walks away: the review reaches the staff when the time for a line is over', async () => {
    const anna = await askedCustomer({ first_name: 'Walker' });
    await anna.press('1 ⭐');
    const posts = h.staffChat.length;
    h.clock.advance({ minutes: 14 });
    await h.runJobs();
    expect(h.staffChat).toHaveLength(posts);

    h.clock.advance({ minutes: 1 });
    await h.runJobs();
    expect(h.staffChat).toHaveLength(posts + 1);
    expect(h.staffChat.at(-1)!.text).toMatch(/^⭐ Review ★☆☆☆☆ \(1\/5\) · Walker .*\n\(no comment\)$/);
    expect(owner.lastText).toContain('(1/5)');

    // Too late for a line now: the text is not added, and the review is not posted again.
    await anna.send('Sorry, forgot to write: the milk was cold.');
    expect(h.staffChat).toHaveLength(posts + 1);
    expect((await reviewsOf(anna))[0]!.comment).toBeNull();
    await anna.press('Skip');
    expect(lastAnswer(h)).toBe('Your rating has already been passed on to the team. Thank you!');
    expect(h.staffChat).toHaveLength(posts + 1);
  });

  it('the line is taken after a restart too: the waiting state lives in the database', async () => {
    const anna = await askedCustomer({ first_name: 'Restart' });
    await anna.press('3 ⭐');
    await h.restart();
    await anna.send('The music was too loud.');
    expect(anna.lastText).toBe('Thank you! Your words have been passed on to the team.');
    expect(h.staffChat.at(-1)!.text).toMatch(/^⭐ Review ★★★☆☆ \(3\/5\) · Restart .*\n💬 “The music was too loud\.”$/);
  });

  it('a line longer than 500 characters is refused with the reason, and the question stays open', async () => {
    const anna = await askedCustomer();
    await anna.press('5 ⭐');
    const posts = h.staffChat.length;
    await anna.send('☕'.repeat(501));
    expect(anna.lastText).toBe(
      'That is a little too long: a review can have up to 500 characters, and this one has 501. Please shorten it and send it again, or tap “Skip”.',
    );
    expect(h.staffChat).toHaveLength(posts);

    await anna.send('☕'.repeat(500));
    expect(h.staffChat).toHaveLength(posts + 1);
    expect((await reviewsOf(anna))[0]!.comment).toBe('☕'.repeat(500));
  });

  it("stickers and photos are refused with a reason in the customer's language; the line can still be written", async () => {
    const ivan = await askedCustomer({ language_code: 'ru' });
    await ivan.press('4 ⭐');
    const posts = h.staffChat.length;
    await ivan.sendSticker();
    expect(ivan.lastText).toBe(
      'В отзыв можно добавить только текст — стикеры, фото и голосовые сообщения не подойдут. Напишите, пожалуйста, пару слов или нажмите «Пропустить».',
    );
    expect(ivan.buttons).toEqual(['Пропустить']);
    await ivan.sendPhoto('look at this foam');
    expect(ivan.lastText).toContain('только текст');
    expect(h.staffChat).toHaveLength(posts);

    await ivan.send('Отличный кофе');
    expect(ivan.lastText).toBe('Спасибо! Ваши слова переданы команде.');
    expect(h.staffChat.at(-1)!.text).toContain('💬 “Отличный кофе”');
  });

  it('/cancel while a line is awaited: the next text is not taken for the review, Skip still passes it on', async () => {
    const anna = await askedCustomer();
    await anna.press('2 ⭐');
    await anna.send('/cancel');
    const posts = h.staffChat.length;
    await anna.send('just chatting');
    expect(h.staffChat).toHaveLength(posts);

    await anna.press('Skip');
    expect(h.staffChat).toHaveLength(posts + 1);
    expect(h.staffChat.at(-1)!.text).toContain('(no comment)');
  });

  it('the menu pressed while a line is awaited is the menu, not the line', async () => {
    const anna = await askedCustomer();
    await anna.press('5 ⭐');
    const posts = h.staffChat.length;
    await anna.send('⭐ Leave a review');
    expect(anna.lastText).toBe('You have already rated your last visit — thank you! We will ask again after your next one.');
    await anna.send('🎁 Rewards');
    expect(anna.lastText).toMatch(/^No rewards yet\.\nStamps: 2 of 8/);
    expect(h.staffChat).toHaveLength(posts);

    await anna.send('Cosy place.');
    expect(h.staffChat.at(-1)!.text).toContain('💬 “Cosy place.”');
  });

  it('pressing again, or another rating on the same question, keeps the first rating and its single bonus', async () => {
    const anna = await askedCustomer();
    const question = anna.last!;
    const [five, one] = ['5 ⭐', '1 ⭐'].map((label) => {
      const button = inlineButtons(question).find((b) => b.text === label);
      return button && 'callback_data' in button ? button.callback_data : '';
    });
    await Promise.all([anna.pressData(five!, question), anna.pressData(five!, question), anna.pressData(one!, question)]);
    await anna.pressData(one!, question);

    expect(lastAnswer(h)).toBe('You have already rated this visit. Thank you!');
    const reviews = await reviewsOf(anna);
    expect(reviews).toHaveLength(1);
    expect(await reviewBonuses(anna)).toHaveLength(1);
    expect(anna.messages.filter((m) => m.text?.startsWith('Thank you for your rating!'))).toHaveLength(1);
  });

  it('someone else pressing the rating buttons (forged data) changes nothing', async () => {
    const anna = await askedCustomer();
    const question = anna.last!;
    const button = inlineButtons(question).find((b) => b.text === '1 ⭐');
    const data = button && 'callback_data' in button ? button.callback_data : '';
    const intruder = h.user();
    await onboard(h, intruder);

    await intruder.pressData(data, question);
    expect(lastAnswer(h)).toBe('This button is not meant for you.');
    await intruder.pressData(reviewData.rate.encode('0123456789abcdef01234567', 5));
    expect(lastAnswer(h)).toBe('This button is not meant for you.');
    await intruder.pressData('rev:rate:not-an-id:5');
    expect(await reviewsOf(anna)).toHaveLength(0);
    expect(await reviewsOf(intruder)).toHaveLength(0);

    // The customer's own press still works afterwards.
    await anna.pressData(data, question);
    expect((await reviewsOf(anna))[0]).toMatchObject({ rating: 1 });
  });

  it('a visit undone after the question was sent cannot be rated', async () => {
    await h.services.settings.update({ reviewDelayMinutes: 1 }, null);
    const anna = h.user({ first_name: 'Undone' });
    await onboard(h, anna);
    await stampVisit(h, barista, anna);
    h.clock.advance({ minutes: 1 });
    await h.runJobs();
    const question = anna.last!;
    expect(inlineButtons(question).map((b) => b.text)).toContain('5 ⭐');
    await undoLastOperation(barista);

    await anna.press('5 ⭐');
    expect(lastAnswer(h)).toBe('This visit was cancelled at the counter, so there is nothing to rate.');
    expect(question.text).toBe('This visit was cancelled at the counter, so there is nothing to rate.');
    expect(inlineButtons(question)).toEqual([]);
    expect(await reviewsOf(anna)).toHaveLength(0);
    expect(await reviewBonuses(anna)).toHaveLength(0);
    h.clock.advance({ minutes: 15 });
    await h.runJobs();
    expect(h.staffChat.filter((m) => m.text?.startsWith('⭐ Review') && m.text.includes('Undone'))).toHaveLength(0);
  });
});
