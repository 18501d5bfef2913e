// The birthday on a clock: at 10:00 business time on the day, customers who agreed to offers get one
// greeting a year in their own language (with the bonus still open to them); a visit within the window
// around the day earns the birthday bonus once a year. 29 February is celebrated on 28 February in
// other years.
import { afterEach, describe, expect, it } from 'vitest';
import { createHarness, inlineButtons, OWNER_ID, TestClock, type Harness } from '../harness/index.js';
import { retryDelayMs } from '../../jobs/scheduler.js';
import { insertCustomer, type CustomerFields } from '../owner/fixtures.js';
import { stampVisit, undoLastOperation } from '../harness/visits.js';
import { ledgerOf, registerCustomer } from '../staff/fixtures.js';
import { customerModel } from '../../domain/customers/model.js';

function received(h: Harness, telegramId: number): string[] {
  return h.telegram.messages(telegramId).map((m) => m.text ?? '');
}

async function harnessAt(start: string, timeZone: string): Promise<Harness> {
  const h = await createHarness({
    clock: new TestClock(start),
    settings: { timeZone, birthdayBonusStamps: 2, birthdayWindowDays: 3, cooldownMinutes: 0 },
  });
  // What a worker does when it starts: the first greetings run is scheduled.
  await h.app.scheduler.prepare();
  return h;
}

const born = (day: number, month: number, fields: CustomerFields = {}): CustomerFields => ({ birthday: { day, month }, ...fields });

describe('birthday greetings', () => {
  let h: Harness;
  afterEach(async () => h.close());

  for (const { timeZone, offset, notYet } of [
    { timeZone: 'Europe/Sofia', offset: '+03:00', notYet: ['2026-06-15T09:59:00+03:00'] },
    // 10:00 in Sofia is 03:00 in New York: not yet.
    { timeZone: 'America/New_York', offset: '-04:00', notYet: ['2026-06-15T10:00:00+03:00', '2026-06-15T09:59:00-04:00'] },
  ]) {
    it(`go out at 10:00 on the day in the business's time zone (${timeZone}), once`, async () => {
      h = await harnessAt(`2026-06-15T07:00:00${offset}`, timeZone);
      const today = await insertCustomer(h, born(15, 6, { firstName: 'Ann' }));
      const tomorrow = await insertCustomer(h, born(16, 6));
      const none = await insertCustomer(h, {});

      for (const at of notYet) {
        h.clock.set(at);
        expect(await h.runJobs(), at).toBe(0);
        expect(received(h, today.telegramId!)).toEqual([]);
      }

      h.clock.set(`2026-06-15T10:00:00${offset}`);
      expect(await h.runJobs()).toBe(1);
      expect(received(h, today.telegramId!)).toEqual([
        '🎂 Happy birthday, Ann! Our gift to you: come by until 18 June and your visit brings +2 bonus stamps.',
      ]);
      // An offer: it carries the one-tap way out.
      expect(inlineButtons(h.telegram.messages(today.telegramId!)[0]).map((b) => b.text)).toEqual([h.app.t('en', 'offers-stop-button')]);

      // Later that day a worker restarts (its start-up run is due at once): nobody is greeted twice.
      h.clock.set(`2026-06-15T13:00:00${offset}`);
      await h.app.scheduler.prepare();
      await h.runJobs();
      expect(received(h, today.telegramId!)).toHaveLength(1);

      h.clock.set(`2026-06-16T10:00:00${offset}`);
      await h.runJobs();
      expect(received(h, tomorrow.telegramId!)).toHaveLength(1);
      expect(received(h, today.telegramId!)).toHaveLength(1);
      expect(received(h, none.telegramId!)).toEqual([]);

      // A year later: this year's greeting.
      h.clock.set(`2027-06-15T10:00:00${offset}`);
      await h.app.scheduler.prepare();
      await h.runJobs();
      expect(received(h, today.telegramId!)).toHaveLength(2);
    });
  }

  it('29 February is greeted on 28 February in a year without it, and only then', async () => {
    h = await harnessAt('2027-02-27T12:00:00+02:00', 'Europe/Sofia');
    const leap = await insertCustomer(h, born(29, 2));
    const feb28 = await insertCustomer(h, born(28, 2));
    const mar1 = await insertCustomer(h, born(1, 3));
    await h.runJobs();
    expect(received(h, leap.telegramId!)).toEqual([]);

    h.clock.set('2027-02-28T10:00:00+02:00');
    await h.runJobs();
    expect(received(h, leap.telegramId!)).toHaveLength(1);
    expect(received(h, feb28.telegramId!)).toHaveLength(1);
    expect(received(h, mar1.telegramId!)).toEqual([]);

    h.clock.set('2027-03-01T10:00:00+02:00');
    await h.runJobs();
    expect(received(h, leap.telegramId!)).toHaveLength(1);
    expect(received(h, mar1.telegramId!)).toHaveLength(1);
  });

  it('in a leap year, 29 February is greeted on the day itself', async () => {
    h = await harnessAt('2028-02-28T09:00:00+02:00', 'Europe/Sofia');
    const leap = await insertCustomer(h, born(29, 2));
    h.clock.set('2028-02-28T10:00:00+02:00');
    await h.runJobs();
    expect(received(h, leap.telegramId!)).toEqual([]);
    h.clock.set('2028-02-29T10:00:00+02:00');
    await h.runJobs();
    expect(received(h, leap.telegramId!)).toHaveLength(1);
  });

  it('only reach customers who agreed to offers and have not blocked the bot; a 403 marks the customer unreachable', async () => {
    h = await harnessAt('2026-06-15T08:00:00+03:00', 'Europe/Sofia');
    const noConsent = await insertCustomer(h, born(15, 6, { marketingConsent: false }));
    const blocked = await insertCustomer(h, born(15, 6));
    h.telegram.blocked.add(blocked.telegramId!);
    h.clock.set('2026-06-15T10:00:00+03:00');
    await h.runJobs();
    expect(received(h, noConsent.telegramId!)).toEqual([]);
    expect((await customerModel(h.app.conn).findById(blocked._id).lean())!.unreachable).toBe(true);
  });

  it('a greeting Telegram refused is sent again by the retry, the others are not; tomorrow\'s run stands', async () => {
    h = await harnessAt('2026-06-15T08:00:00+03:00', 'Europe/Sofia');
    const first = await insertCustomer(h, born(15, 6));
    const second = await insertCustomer(h, born(15, 6));
    h.telegram.fail({ method: 'sendMessage', chatId: second.telegramId!, error_code: 400, description: 'Bad Request: something went wrong' });
    h.clock.set('2026-06-15T10:00:00+03:00');
    await h.runJobs();
    expect(received(h, first.telegramId!)).toHaveLength(1);
    expect(received(h, second.telegramId!)).toEqual([]);

    h.clock.advance({ seconds: 31 });
    await h.runJobs();
    expect(received(h, first.telegramId!)).toHaveLength(1);
    expect(received(h, second.telegramId!)).toHaveLength(1);

    const later = await insertCustomer(h, born(16, 6));
    h.clock.set('2026-06-16T10:00:00+03:00');
    await h.runJobs();
    expect(received(h, later.telegramId!)).toHaveLength(1);
  });

  it('a greeting that keeps failing: the run is given up after its attempts, the owners are told in their language, tomorrow\'s run still goes', async () => {
    h = await harnessAt('2026-06-15T08:00:00+03:00', 'Europe/Sofia');
    await h.services.preferences.setLocale(OWNER_ID, 'ru');
    const stuck = await insertCustomer(h, born(15, 6));
    h.telegram.fail({ method: 'sendMessage', chatId: stuck.telegramId!, error_code: 400, description: 'Bad Request: something went wrong', times: 10 });
    h.clock.set('2026-06-15T10:00:00+03:00');
    for (let attempt = 1; attempt <= 5; attempt++) {
      await h.runJobs();
      h.clock.advance({ seconds: retryDelayMs(attempt) / 1000 + 1 });
    }
    expect(received(h, stuck.telegramId!)).toEqual([]);
    expect(received(h, OWNER_ID)).toEqual([h.app.t('ru', 'birthday-greetings-given-up')]);

    const tomorrow = await insertCustomer(h, born(16, 6));
    h.clock.set('2026-06-16T10:00:00+03:00');
    await h.runJobs();
    expect(received(h, tomorrow.telegramId!)).toHaveLength(1);
  });

  it('are written in each customer\'s own language', async () => {
    h = await harnessAt('2026-06-15T08:00:00+03:00', 'Europe/Sofia');
    const ru = await insertCustomer(h, born(15, 6, { locale: 'ru', firstName: 'Анна' }));
    const bg = await insertCustomer(h, born(15, 6, { locale: 'bg', firstName: 'Веса' }));
    h.clock.set('2026-06-15T10:00:00+03:00');
    await h.runJobs();
    expect(received(h, ru.telegramId!)).toEqual([
      '🎂 С днём рождения, Анна! Наш подарок: приходите до 18 июня включительно, и визит принесёт вам +2 бонусных штампа.',
    ]);
    expect(received(h, bg.telegramId!)).toEqual([
      '🎂 Честит рожден ден, Веса! Нашият подарък за вас: елате до 18 юни включително и ще получите +2 бонус печата за посещението си.',
    ]);
  });

  it('are not sent while the program gives no birthday bonus', async () => {
    h = await harnessAt('2026-06-15T08:00:00+03:00', 'Europe/Sofia');
    await h.services.settings.update({ birthdayBonusStamps: 0 }, null);
    const customer = await insertCustomer(h, born(15, 6));
    h.clock.set('2026-06-15T10:00:00+03:00');
    await h.runJobs();
    expect(received(h, customer.telegramId!)).toEqual([]);
  });
});

describe('birthday bonus', () => {
  let h: Harness;
  afterEach(async () => h.close());

  it('comes with a visit within the window around the day, once a year; the greeting then just says happy birthday', async () => {
    h = await harnessAt('2026-06-12T12:00:00+03:00', 'Europe/Sofia');
    const barista = h.staff();
    const user = h.user({ first_name: 'Ann' });
    const customer = await registerCustomer(h, user, { firstName: 'Ann' });
    await customerModel(h.app.conn).updateOne({ _id: customer._id }, { $set: { birthday: { day: 15, month: 6 } } });

    // 4 days before: outside the window of 3.
    h.clock.set('2026-06-11T12:00:00+03:00');
    await stampVisit(h, barista, user);
    await h.runJobs();
    expect((await ledgerOf(h, customer._id)).map((e) => e.reason)).toEqual(['visit']);

    h.clock.set('2026-06-12T12:00:00+03:00');
    await stampVisit(h, barista, user);
    await h.runJobs();
    const entries = await ledgerOf(h, customer._id);
    expect(entries.map((e) => [e.reason, e.stamps])).toEqual([['visit', 1], ['visit', 1], ['birthday', 2]]);
    expect(entries[2]!.key).toBe(`birthday:${String(customer._id)}:2026`);
    expect(user.lastText).toBe('🎂 Happy birthday! +2 bonus stamps for your visit.\nStamps: 4 of 8. 4 more to your reward: free coffee');
    expect(h.staffChat.map((m) => m.text).join('\n')).toContain('+2 · birthday bonus');

    // Another visit in the window: no second bonus this year.
    h.clock.set('2026-06-15T09:00:00+03:00');
    await stampVisit(h, barista, user);
    h.clock.set('2026-06-15T10:00:00+03:00');
    await h.runJobs();
    expect((await ledgerOf(h, customer._id)).filter((e) => e.reason === 'birthday')).toHaveLength(1);
    expect(user.lastText).toBe('🎂 Happy birthday, Ann! Thank you for being with us.');
  });

  it('goes back when its visit is undone, and another visit in the window earns it again, once', async () => {
    h = await harnessAt('2026-06-14T12:00:00+03:00', 'Europe/Sofia');
    const barista = h.staff();
    const user = h.user();
    const customer = await registerCustomer(h, user);
    await customerModel(h.app.conn).updateOne({ _id: customer._id }, { $set: { birthday: { day: 15, month: 6 } } });

    await stampVisit(h, barista, user);
    await h.runJobs();
    expect((await ledgerOf(h, customer._id)).map((e) => e.reason)).toEqual(['visit', 'birthday']);

    await undoLastOperation(barista);
    await h.runJobs();
    expect((await ledgerOf(h, customer._id)).map((e) => [e.type, e.stamps])).toEqual([
      ['stamp', 1],
      ['bonus', 2],
      ['undo', -1],
      ['undo', -2],
    ]);
    expect(user.lastText).toBe(
      '↩️ Your visit was cancelled at the counter, so the birthday bonus (2 stamps) was taken back as well. Another visit around your birthday can still earn it.\nStamps: 0 of 8. 8 more to your reward: free coffee',
    );
    expect(h.staffChat.map((m) => m.text).join('\n')).toContain('−2 · birthday bonus taken back, the visit was undone');

    h.clock.advance({ hours: 2 });
    await stampVisit(h, barista, user);
    await h.runJobs();
    h.clock.advance({ hours: 2 });
    await stampVisit(h, barista, user);
    await h.runJobs();
    const bonuses = (await ledgerOf(h, customer._id)).filter((e) => e.type === 'bonus');
    expect(bonuses.map((e) => e.key)).toEqual([`birthday:${String(customer._id)}:2026`, `birthday:${String(customer._id)}:2026#1`]);
  });
});
