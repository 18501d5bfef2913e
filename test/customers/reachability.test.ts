// A customer who blocked the bot is marked unreachable (a broadcast got 403) and skipped by offers.
// Unblocking it, or writing to it, makes them reachable again (cleared where the customer's own
// document is read for their interaction, not by a write on every update).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BOT_INFO, createHarness, type Harness, type TestUser } from '../harness/index.js';
import { customerOf, onboard } from '../harness/customers.js';
import { customerModel } from '../../domain/customers/model.js';

async function markUnreachable(h: Harness, user: TestUser): Promise<void> {
  await customerModel(h.app.conn).updateOne({ telegramId: user.id }, { $set: { unreachable: true } });
}

async function memberUpdate(h: Harness, user: TestUser, from: 'member' | 'kicked', to: 'member' | 'kicked'): Promise<void> {
  await h.handle({
    my_chat_member: {
      chat: { id: user.id, type: 'private', first_name: user.info.first_name },
      from: user.info,
      date: Math.floor(h.clock.now().getTime() / 1000),
      old_chat_member: { status: from, user: BOT_INFO, ...(from === 'kicked' ? { until_date: 0 } : {}) },
      new_chat_member: { status: to, user: BOT_INFO, ...(to === 'kicked' ? { until_date: 0 } : {}) },
    },
  } as never);
}

describe('reachability follows what the customer does', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness();
  });
  afterAll(async () => h.close());

  it('blocking the bot marks the customer unreachable, unblocking it clears the mark', async () => {
    const customer = h.user();
    await onboard(h, customer);
    await memberUpdate(h, customer, 'member', 'kicked');
    expect((await customerOf(h, customer))?.unreachable).toBe(true);
    await memberUpdate(h, customer, 'kicked', 'member');
    expect((await customerOf(h, customer))?.unreachable).toBe(false);
    expect(h.errorLogs).toEqual([]);
  });

  it('a message or a button press from a customer marked unreachable clears the mark', async () => {
    const customer = h.user();
    await onboard(h, customer);
    await markUnreachable(h, customer);
    await customer.send('hello');
    expect((await customerOf(h, customer))?.unreachable).toBe(false);

    await markUnreachable(h, customer);
    await customer.send(h.app.t('en', 'menu-card'));
    expect((await customerOf(h, customer))?.unreachable).toBe(false);

    await markUnreachable(h, customer);
    await customer.pressData('cust:no-such-button');
    expect((await customerOf(h, customer))?.unreachable).toBe(false);
  });

  it('someone else writing changes nobody', async () => {
    const customer = h.user();
    await onboard(h, customer);
    await markUnreachable(h, customer);
    await h.user().send('hello');
    expect((await customerOf(h, customer))?.unreachable).toBe(true);
  });
});
