import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { customerModel } from '../../domain/customers/model.js';
import { createHarness, OWNER_ID, TestClock, type Harness } from '../harness/index.js';
import { addEntry, deliveredPerChat, insertCustomer, sweep, visit } from './fixtures.js';

/** Texts the customer with this Telegram id received, oldest first. */
function received(h: Harness, telegramId: number): string[] {
  return h.telegram.messages(telegramId).map((m) => m.text ?? m.caption ?? '');
}

describe('automated campaigns', () => {
  let h: Harness;
  beforeEach(async () => {
    // Monday 2 March 2026, 12:00 in Sofia: inside the hours when customers may be written to.
    h = await createHarness({ clock: new TestClock('2026-03-02T12:00:00+02:00') });
  });
  afterEach(async () => h.close());

  const day = 24 * 60 * 60 * 1000;
  const daysFromNow = (h: Harness, days: number) => new Date(h.clock.now().getTime() + days * day);

  it('a reward left unredeemed for a week gets one reminder, in the customer\'s language', async () => {
    const customer = await insertCustomer(h, { locale: 'bg' });
    await addEntry(h, customer._id, { type: 'reward', stamps: -8, rewards: 1, at: h.clock.now() });

    h.clock.advance({ days: 6 });
    expect((await sweep(h)).rewardReminder).toBe(0);
    h.clock.advance({ days: 1, hours: 1 });
    expect((await sweep(h)).rewardReminder).toBe(1);
    expect(received(h, customer.telegramId!)).toEqual([
      '🎁 Малко напомняне: очаква ви 1 награда — безплатно кафе. Покажете картата си на касата!',
    ]);

    for (let i = 0; i < 3; i++) {
      h.clock.advance({ days: 1 });
      await sweep(h);
    }
    expect(received(h, customer.telegramId!)).toHaveLength(1);

    // Redeemed, then a new reward earned and left waiting: a new trigger, a new reminder.
    await addEntry(h, customer._id, { type: 'redeem', rewards: -1, at: h.clock.now() });
    await addEntry(h, customer._id, { type: 'reward', stamps: -8, rewards: 1, at: h.clock.now() });
    h.clock.advance({ days: 8 });
    await sweep(h);
    expect(received(h, customer.telegramId!)).toHaveLength(2);
  });

  it('a card close to a reward is nudged once, three days after its last stamp', async () => {
    const customer = await insertCustomer(h, { locale: 'ru' });
    await visit(h, customer, h.clock.now(), 3);
    await visit(h, customer, daysFromNow(h, 0.1), 4);

    h.clock.advance({ days: 2 });
    expect((await sweep(h)).almostThere).toBe(0);
    h.clock.advance({ days: 1, hours: 3 });
    expect((await sweep(h)).almostThere).toBe(1);
    expect(received(h, customer.telegramId!)).toEqual([
      '🔖 Осталось совсем чуть-чуть! До награды «бесплатный кофе» всего 1 штамп. Ждём вас!',
    ]);
    h.clock.advance({ days: 1 });
    await sweep(h);
    expect(received(h, customer.telegramId!)).toHaveLength(1);
  });

  it('win-back after settings.winBackDays without a visit, once per absence', async () => {
    await h.services.settings.update({ winBackDays: 30 }, null);
    const customer = await insertCustomer(h, { locale: 'en' });
    await visit(h, customer, h.clock.now());

    h.clock.advance({ days: 29 });
    expect((await sweep(h)).winBack).toBe(0);
    h.clock.advance({ days: 2 });
    expect((await sweep(h)).winBack).toBe(1);
    expect(received(h, customer.telegramId!)).toEqual([
      '👋 We miss you! It has been more than 30 days since your last visit. Come by: your card is waiting, and so is your reward: free coffee.',
    ]);
    h.clock.advance({ days: 1 });
    await sweep(h);
    expect(received(h, customer.telegramId!)).toHaveLength(1);

    // They came back, then stayed away again: that is a new absence.
    await visit(h, customer, h.clock.now());
    h.clock.advance({ days: 31 });
    await sweep(h);
    expect(received(h, customer.telegramId!)).toHaveLength(2);
  });

  it('each campaign can be switched off in the settings', async () => {
    const waiting = await insertCustomer(h);
    await addEntry(h, waiting._id, { type: 'reward', stamps: -8, rewards: 1, at: h.clock.now() });
    const close = await insertCustomer(h);
    await visit(h, close, h.clock.now(), 7);
    const away = await insertCustomer(h);
    await visit(h, away, h.clock.now());
    await h.services.settings.update(
      { winBackDays: 7, campaigns: { rewardReminder: false, almostThere: false, winBack: false, reviewRequest: true, dailyDigest: true } },
      null,
    );
    h.clock.advance({ days: 8 });
    expect(await sweep(h)).toMatchObject({ rewardReminder: 0, almostThere: 0, winBack: 0 });

    await h.services.settings.update(
      { campaigns: { rewardReminder: true, almostThere: true, winBack: true, reviewRequest: true, dailyDigest: true } },
      null,
    );
    // Both card holders who visited eight days ago are away longer than winBackDays.
    expect(await sweep(h)).toMatchObject({ rewardReminder: 1, almostThere: 1, winBack: 2 });
  });

  it('customers without consent, who blocked the bot or who deleted their data hear nothing', async () => {
    const people = [
      await insertCustomer(h, { marketingConsent: false }),
      await insertCustomer(h, { unreachable: true }),
      await insertCustomer(h, { deletedAt: h.clock.now() }),
    ];
    for (const c of people) await addEntry(h, c._id, { type: 'reward', stamps: -8, rewards: 1, at: h.clock.now() });
    h.clock.advance({ days: 8 });
    await sweep(h);
    const delivered = deliveredPerChat(h);
    expect(people.filter((c) => delivered.has(c.telegramId!))).toEqual([]);
  });

  it('a customer who blocked the bot is marked unreachable and not tried again', async () => {
    const customer = await insertCustomer(h);
    await addEntry(h, customer._id, { type: 'reward', stamps: -8, rewards: 1, at: h.clock.now() });
    h.telegram.blocked.add(customer.telegramId!);
    h.clock.advance({ days: 8 });
    await sweep(h);
    expect((await customerModel(h.app.conn).findById(customer._id).lean())!.unreachable).toBe(true);
    const attempts = h.telegram.calls.filter((c) => Number(c.payload.chat_id) === customer.telegramId).length;
    h.clock.advance({ days: 1 });
    await sweep(h);
    expect(h.telegram.calls.filter((c) => Number(c.payload.chat_id) === customer.telegramId)).toHaveLength(attempts);
  });

  it('the weekly cap counts campaigns and broadcasts together', async () => {
    await h.services.settings.update({ marketingMaxPerWeek: 1 }, null);
    const customer = await insertCustomer(h);
    await addEntry(h, customer._id, { type: 'reward', stamps: -8, rewards: 1, at: daysFromNow(h, -10) });
    // Monday: a broadcast takes this week's only slot.
    const broadcast = await h.services.broadcasts.schedule({
      draftId: 'weekly', segment: 'all', texts: { en: 'This week: new pastries' }, photoFileId: null, sendAt: null, createdBy: OWNER_ID,
    });
    expect(broadcast.ok).toBe(true);
    await h.runJobs();
    expect(received(h, customer.telegramId!)).toEqual(['This week: new pastries']);

    // The reminder is due, but must wait for next week.
    h.clock.advance({ days: 1 });
    expect(await sweep(h)).toMatchObject({ rewardReminder: 0, capped: 1 });
    h.clock.advance({ days: 5 });
    expect(await sweep(h)).toMatchObject({ rewardReminder: 0, capped: 1 });
    h.clock.advance({ days: 1 }); // Monday 9 March
    expect(await sweep(h)).toMatchObject({ rewardReminder: 1, capped: 0 });
    expect(received(h, customer.telegramId!)).toHaveLength(2);
  });

  it('nobody is written to at night', async () => {
    const customer = await insertCustomer(h);
    await addEntry(h, customer._id, { type: 'reward', stamps: -8, rewards: 1, at: h.clock.now() });
    h.clock.set('2026-03-09T23:30:00+02:00');
    expect((await sweep(h)).rewardReminder).toBe(0);
    h.clock.set('2026-03-10T07:59:00Z'); // 09:59 in Sofia
    expect((await sweep(h)).rewardReminder).toBe(0);
    h.clock.set('2026-03-10T08:00:00Z'); // 10:00 in Sofia
    expect((await sweep(h)).rewardReminder).toBe(1);
  });

  it('the daily digest reaches each owner once a day at 21:00 business time, in their language', async () => {
    await h.services.preferences.setLocale(OWNER_ID, 'ru');
    const newcomer = await insertCustomer(h, { registeredAt: h.clock.now() });
    await visit(h, newcomer, h.clock.now());
    const regular = await insertCustomer(h, { registeredAt: daysFromNow(h, -40) });
    await visit(h, regular, daysFromNow(h, 0.05));
    await addEntry(h, regular._id, { type: 'reward', stamps: -8, rewards: 1, at: daysFromNow(h, 0.05) });
    await h.app.conn.collection('reviews').insertMany([
      { rating: 5, at: h.clock.now() },
      { rating: 4, at: h.clock.now() },
    ]);

    h.clock.set('2026-03-02T20:59:00+02:00');
    expect((await sweep(h)).digests).toBe(0);
    h.clock.set('2026-03-02T21:05:00+02:00');
    expect((await sweep(h)).digests).toBe(1);
    expect(h.telegram.messages(OWNER_ID).at(-1)!.text).toBe(
      [
        '🌙 Итоги дня:',
        'Новых клиентов: 1',
        'Визитов: 2',
        'Наград начислено: 1, выдано: 0',
        'Отзывы: 2, средняя оценка 4,5 ★',
      ].join('\n'),
    );
    h.clock.set('2026-03-02T21:20:00+02:00');
    expect((await sweep(h)).digests).toBe(0);
    h.clock.set('2026-03-03T21:00:00+02:00');
    expect((await sweep(h)).digests).toBe(1);

    await h.services.settings.update({ campaigns: { rewardReminder: true, almostThere: true, winBack: true, reviewRequest: true, dailyDigest: false } }, null);
    h.clock.set('2026-03-04T21:00:00+02:00');
    expect((await sweep(h)).digests).toBe(0);
  });

  it('the sweep is registered to repeat every 15 minutes once a worker starts', async () => {
    await h.app.scheduler.start();
    const jobs = await h.app.scheduler.agenda.queryJobs({ name: 'campaign-sweep' });
    await h.app.scheduler.stop();
    expect(jobs.jobs[0]?.repeatInterval).toBe('15 minutes');
  });
});
