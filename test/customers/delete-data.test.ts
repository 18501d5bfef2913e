import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../harness/index.js';
import { countCustomers, customerOf, giveStamps, onboard } from '../harness/customers.js';
import { ledgerModel } from '../../domain/ledger/model.js';
import { JOBS_COLLECTION } from '../../jobs/scheduler.js';
import { Types } from 'mongoose';
import { reviewModel } from '../../domain/reviews/model.js';

describe('Delete my data', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness();
  });
  afterAll(async () => h.close());

  it('after confirmation erases phone, names and username, keeps the ledger, cancels the customer\'s jobs', async () => {
    const user = h.user({ language_code: 'bg', first_name: 'Стоян', last_name: 'Петров', username: 'stoyan_p' });
    await onboard(h, user, { phone: '+359888111222' });
    const customer = (await customerOf(h, user))!;
    const id = String(customer._id);
    await giveStamps(h, user, 3);

    const other = h.user();
    await onboard(h, other);
    const otherId = String((await customerOf(h, other))!._id);
    const later = new Date(h.clock.now().getTime() + 3_600_000);
    await h.services.jobs.schedule('test-customer-reminder', later, { customerId: id });
    await h.services.jobs.schedule('test-customer-reminder', later, { customerId: otherId });

    await user.send('🗑 Изтриване на данните ми');
    expect(user.lastText).toContain('Да изтрием ли данните ви?');
    expect(user.buttons).toEqual(['Да, изтрийте ги', 'Не, запазете картата']);
    expect(await customerOf(h, user)).not.toBeNull();

    await user.press('Да, изтрийте ги');
    expect(user.lastText).toBe(
      'Личните ви данни са изтрити. Благодарим, че бяхте с нас! Ако някога поискате нова карта, изпратете /start.',
    );
    expect(user.last?.replyMarkup).toEqual({ remove_keyboard: true });

    // What the database holds now, read as it is stored.
    const stored = await h.app.conn.collection('customers').findOne({ _id: customer._id });
    expect(stored).not.toBeNull();
    for (const field of ['phone', 'firstName', 'lastName', 'username', 'telegramId', 'cardToken', 'cardNumber', 'referralCode']) {
      expect(stored, field).not.toHaveProperty(field);
    }
    expect(stored!.deletedAt).toEqual(h.clock.now());
    expect(stored!.marketingConsent).toBe(false);
    const everything = JSON.stringify(await h.app.conn.collection('customers').find({}).toArray());
    for (const trace of ['888111222', 'Стоян', 'Петров', 'stoyan_p']) expect(everything).not.toContain(trace);

    expect(await ledgerModel(h.app.conn).countDocuments({ customerId: customer._id })).toBe(1);
    const jobs = await h.app.conn.collection(JOBS_COLLECTION).find({ name: 'test-customer-reminder' }).toArray();
    expect(jobs.map((j) => (j.data as { customerId: string }).customerId)).toEqual([otherId]);
    expect(await h.services.preferences.getLocale(user.id)).toBeUndefined();
  });

  it('also erases what the customer wrote in reviews, keeping the rating for the owner\'s totals', async () => {
    const user = h.user({ language_code: 'en' });
    await onboard(h, user);
    const customer = (await customerOf(h, user))!;
    const now = h.clock.now();
    await reviewModel(h.app.conn).create({
      customerId: customer._id,
      visitId: new Types.ObjectId(),
      requestId: new Types.ObjectId(),
      visitAt: now,
      rating: 5,
      comment: 'Ask for Anna, my neighbour at Vitosha 12',
      at: now,
      commentUntil: now,
      bonusStamps: 0,
    });
    await user.send(h.app.t('en', 'menu-delete'));
    await user.press(h.app.t('en', 'delete-yes'));
    const stored = await h.app.conn.collection('reviews').findOne({ customerId: customer._id });
    expect(stored?.comment).toBeNull();
    expect(stored?.rating).toBe(5);
  });

  it('a new /start after deletion begins a fresh onboarding, and the phone is free again', async () => {
    const user = h.user({ language_code: 'en' });
    await onboard(h, user, { phone: '+359888111333' });
    await user.send('🗑 Delete my data');
    await user.press('Yes, delete');
    const before = await countCustomers(h);

    await user.send('💳 My card');
    expect(user.lastText).toContain("You don't have a card yet");
    await user.send('/start');
    expect(user.lastText).toContain('Choose your language');

    await user.press('✅ English');
    await user.press('Continue');
    await user.press('✅ I agree');
    await user.shareContact('+359888111333');
    await user.press('No, thanks');
    expect(await countCustomers(h)).toBe(before + 1);
    expect(await customerOf(h, user)).toMatchObject({ phone: '+359888111333', deletedAt: null });
    expect(user.last?.caption).toContain('Stamps: 0 of 8');
  });

  it('"No" keeps the card, and an old confirmation cannot erase anything', async () => {
    const user = h.user({ language_code: 'ru' });
    await onboard(h, user);
    const before = await customerOf(h, user);

    await user.send('🗑 Удалить мои данные');
    await user.press('Нет, оставить карту');
    expect(user.last?.text).toBe('Хорошо, карта остаётся с вами.');
    expect(await customerOf(h, user)).toEqual(before);

    await user.send('🗑 Удалить мои данные');
    const confirmation = user.last!;
    h.clock.advance({ minutes: 11 });
    await user.press('Да, удалить');
    expect(confirmation.text).toContain('Это подтверждение устарело');
    expect(await customerOf(h, user)).toEqual(before);

    // Forged confirmations (any timestamp) by someone without a card do nothing either.
    const stranger = h.user();
    await stranger.pressData(`cust:del:${Math.floor(h.clock.now().getTime() / 1000)}`);
    expect(await customerOf(h, user)).toEqual(before);
  });
});
