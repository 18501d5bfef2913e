import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createHarness, STAFF_CHAT_ID, type Harness, type TestUser } from '../harness/index.js';
import { balanceOf } from '../../domain/ledger/balance.js';
import type { CustomerDoc } from '../../domain/customers/model.js';
import { buttonData, lastAnswer, ledgerOf, openCard, registerCustomer } from './fixtures.js';

describe('optional reward expiry', () => {
  let h: Harness;
  let barista: TestUser;
  beforeAll(async () => {
    h = await createHarness();
    barista = h.staff();
  });
  afterAll(async () => h.close());
  beforeEach(async () => {
    h.clock.set('2026-03-02T09:00:00+02:00');
    await h.services.settings.update({ stampsPerReward: 2, cooldownMinutes: 0, dailyCap: 50, rewardExpiryDays: 30 }, null);
  });

  async function earnReward(customer: CustomerDoc): Promise<void> {
    await barista.send(`/card ${customer.cardNumber}`);
    await barista.press('+2');
  }

  it('a reward not redeemed within the set days expires at its time, with a ledger entry; the customer and the staff group are told', async () => {
    const maria = h.user({ language_code: 'bg' });
    const customer = await registerCustomer(h, maria, { locale: 'bg', firstName: 'Мария' });
    await earnReward(customer);
    const conversion = (await ledgerOf(h, customer._id)).find((e) => e.type === 'reward')!;

    h.clock.advance({ days: 29, hours: 23 });
    await h.runJobs();
    expect(await balanceOf(h.app.conn, customer._id)).toEqual({ stamps: 0, rewards: 1 });

    h.clock.advance({ hours: 1 });
    expect(await h.runJobs()).toBeGreaterThan(0);
    expect(await balanceOf(h.app.conn, customer._id)).toEqual({ stamps: 0, rewards: 0 });
    const expiry = (await ledgerOf(h, customer._id)).at(-1)!;
    expect([expiry.type, expiry.rewards, expiry.reason, expiry.staffId]).toEqual(['expire', -1, 'expiry', null]);
    expect(expiry.refersTo?.equals(conversion._id)).toBe(true);
    expect(expiry.key).toBe(`expire:${String(conversion._id)}`);
    expect(maria.lastText).toBe('⌛ Изтече 1 награда: безплатно кафе. Награди за получаване: 0.');
    expect(h.staffChat.at(-1)?.text).toMatch(/^⌛ Мария .*: 1 reward expired · rewards: 0$/);

    // Running the sweep again (or on a second worker) expires nothing twice.
    await h.services.visits.expireRewards();
    await (await h.anotherInstance()).services.visits.expireRewards();
    expect((await ledgerOf(h, customer._id)).filter((e) => e.type === 'expire')).toHaveLength(1);
  });

  it('redemption takes the oldest reward, so the newer one keeps its own date', async () => {
    const customer = await registerCustomer(h, h.user());
    await earnReward(customer);
    h.clock.advance({ days: 10 });
    await earnReward(customer);
    h.clock.advance({ days: 2 });
    await barista.send(`/card ${customer.cardNumber}`);
    await barista.press(/Redeem/);

    h.clock.advance({ days: 19 }); // day 31: the first reward would have expired, but it was redeemed
    await h.runJobs();
    expect(await balanceOf(h.app.conn, customer._id)).toEqual({ stamps: 0, rewards: 1 });
    h.clock.advance({ days: 9 }); // day 40: the second one expires
    await h.runJobs();
    expect(await balanceOf(h.app.conn, customer._id)).toEqual({ stamps: 0, rewards: 0 });
  });

  it('an expired reward is never handed out, even if the sweep has not run yet', async () => {
    const guest = h.user();
    const customer = await registerCustomer(h, guest);
    await earnReward(customer);
    h.clock.advance({ days: 29, hours: 23, minutes: 50 });
    const screen = await openCard(h, barista, customer);
    const redeem = buttonData(screen, /Redeem/);

    h.clock.advance({ minutes: 15 });
    await barista.pressData(redeem, screen);
    expect(lastAnswer(h)).toBe('There is no reward on this card to redeem.');
    expect(guest.lastText).toBe('⌛ 1 reward has expired: free coffee. Rewards ready: 0.');
    await openCard(h, barista, customer);
    expect(barista.lastText).toContain('Rewards available: 0');
    expect(barista.buttons).not.toContain('🎁 Redeem a reward');
    expect((await ledgerOf(h, customer._id)).map((e) => e.type)).toEqual(['stamp', 'reward', 'expire']);
  });

  it('an undone redemption gives back the reward with its original date', async () => {
    const customer = await registerCustomer(h, h.user());
    await earnReward(customer);
    h.clock.advance({ days: 29, hours: 23 });
    await barista.send(`/card ${customer.cardNumber}`);
    await barista.press(/Redeem/);
    await barista.press('↩️ Undo', STAFF_CHAT_ID);
    expect(await balanceOf(h.app.conn, customer._id)).toEqual({ stamps: 0, rewards: 1 });

    h.clock.advance({ hours: 1 });
    await h.runJobs();
    expect(await balanceOf(h.app.conn, customer._id)).toEqual({ stamps: 0, rewards: 0 });
  });

  it('with expiry off, rewards never expire', async () => {
    await h.services.settings.update({ rewardExpiryDays: 0 }, null);
    const customer = await registerCustomer(h, h.user());
    await earnReward(customer);
    h.clock.advance({ days: 400 });
    await h.runJobs();
    expect(await h.services.visits.expireRewards()).toEqual([]);
    await openCard(h, barista, customer);
    expect(barista.lastText).toContain('Rewards available: 1');
  });
});

describe('reward expiry turned on later, for rewards that already exist', () => {
  let h: Harness;
  let barista: TestUser;
  let owner: TestUser;
  beforeAll(async () => {
    h = await createHarness({ settings: { stampsPerReward: 2, cooldownMinutes: 0, dailyCap: 50, rewardExpiryDays: 0 } });
    barista = h.staff();
    owner = h.owner();
  });
  afterAll(async () => h.close());

  async function earnReward(customer: CustomerDoc): Promise<void> {
    await barista.send(`/card ${customer.cardNumber}`);
    await barista.press('+2');
  }
  const rewardsOf = async (customer: CustomerDoc) => (await balanceOf(h.app.conn, customer._id)).rewards;

  it('the owner turns expiry on in /settings: an overdue reward expires within the hour, a younger one at its own time', async () => {
    const old = await registerCustomer(h, h.user());
    const young = await registerCustomer(h, h.user());
    await earnReward(old);
    h.clock.advance({ days: 20 });
    await earnReward(young);
    h.clock.advance({ days: 15, minutes: 7 });
    await h.runJobs();
    expect(await rewardsOf(old)).toBe(1);

    await owner.send('/settings');
    await owner.press(/Stamps and reward/);
    await owner.press(`✏️ ${h.app.t('en', 'settings-field-reward-expiry-days')}`);
    await owner.send('30');
    expect(owner.lastText).toContain('Saved.');

    h.clock.advance({ hours: 1 });
    expect(await h.runJobs()).toBeGreaterThan(0);
    expect(await rewardsOf(old)).toBe(0);
    expect(await rewardsOf(young)).toBe(1);

    // 30 days after the younger reward was earned (15 days later), the chain of sweeps reaches it.
    h.clock.advance({ days: 14, hours: 22 });
    await h.runJobs();
    expect(await rewardsOf(young)).toBe(1);
    h.clock.advance({ hours: 2 });
    await h.runJobs();
    expect(await rewardsOf(young)).toBe(0);
  });

  it('at start-up a worker ensures the sweep, even when none was scheduled', async () => {
    await h.services.settings.update({ rewardExpiryDays: 0 }, null);
    const customer = await registerCustomer(h, h.user());
    await earnReward(customer);
    h.clock.advance({ days: 40 });
    // Expiry switched on behind the bot's back (an older version, a restore): no sweep is scheduled.
    await h.app.conn.collection('settings').updateOne({ _id: 'program' as never }, { $set: { 'values.rewardExpiryDays': 30 } });
    await h.app.scheduler.cancel({ name: 'reward-expiry' });
    h.clock.advance({ hours: 2 });
    await h.runJobs();
    expect(await rewardsOf(customer)).toBe(1);

    // A worker starting up (start() without taking jobs on the wall clock: the test clock runs them).
    await h.restart();
    await h.app.scheduler.prepare();
    h.clock.advance({ hours: 1 });
    await h.runJobs();
    expect(await rewardsOf(customer)).toBe(0);
  });
});
