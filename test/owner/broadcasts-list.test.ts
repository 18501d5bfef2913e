import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BROADCAST_JOB } from '../../domain/broadcasts/service.js';
import { createHarness, OWNER_ID, TestClock, type Harness, type TestUser } from '../harness/index.js';
import { deliveredPerChat, insertCustomers, lastAlert } from './fixtures.js';

describe('/broadcasts: scheduled and running broadcasts', () => {
  let h: Harness;
  let owner: TestUser;

  beforeEach(async () => {
    h = await createHarness({ clock: new TestClock('2026-03-02T09:00:00+02:00'), config: { BROADCAST_RATE: 2000 } });
    owner = h.owner();
  });
  afterEach(async () => h.close());

  async function schedule(draftId: string, text: string, sendAt: string | null): Promise<string> {
    const result = await h.services.broadcasts.schedule({
      draftId,
      segment: 'all',
      texts: { en: text },
      photoFileId: null,
      sendAt: sendAt ? new Date(sendAt) : null,
      createdBy: OWNER_ID,
    });
    if (!result.ok) throw new Error(result.error.code);
    return String(result.value._id);
  }

  it('lists what is scheduled, in the business time zone; Cancel asks once more, then nobody gets it', async () => {
    const customers = await insertCustomers(h, 5);
    await schedule('easter', 'Easter cakes are back!', '2026-04-10T07:00:00Z');
    const march8 = await schedule('march8', 'Flowers for every guest on 8 March', '2026-03-08T06:30:00Z');

    await owner.send('/broadcasts');
    const listing = owner.textsSince(owner.messages.length - 3);
    expect(listing[0]).toBe('2 broadcasts are scheduled or running:');
    expect(listing[1]).toBe('🕒 08.03.2026 08:30 (Europe/Sofia) · All who accept offers\n“Flowers for every guest on 8 March”');
    expect(listing[2]).toContain('🕒 10.04.2026 10:00 (Europe/Sofia)');

    await owner.press('✖️ Cancel 08.03.2026 08:30');
    expect(owner.messages.at(-2)!.replyMarkup).toMatchObject({
      inline_keyboard: [[{ text: 'Yes, cancel it' }, { text: 'No, keep it' }]],
    });
    await owner.press('Yes, cancel it');
    expect(owner.lastText).toBe('✅ Cancelled. Nobody will get it.');
    expect((await h.services.broadcasts.find(march8))!.status).toBe('cancelled');
    expect(await h.app.scheduler.pending(BROADCAST_JOB)).toHaveLength(1);

    h.clock.set('2026-03-09T12:00:00+02:00');
    await h.runJobs();
    const delivered = deliveredPerChat(h);
    expect(customers.filter((c) => delivered.has(c.telegramId!))).toEqual([]);

    await owner.send('/broadcasts');
    expect(owner.textsSince(owner.messages.length - 2)[0]).toBe('One broadcast is scheduled or running:');
  });

  it('"No, keep it" keeps it', async () => {
    const id = await schedule('keep', 'Keep me', '2026-03-05T10:00:00Z');
    await owner.send('/broadcasts');
    await owner.press(/^✖️ Cancel/);
    await owner.press('No, keep it');
    expect(lastAlert(h)).toBe('Kept.');
    expect((await h.services.broadcasts.find(id))!.status).toBe('scheduled');
  });

  it('a running broadcast can be stopped: those not yet reached do not get it, and the owner gets the report', async () => {
    const customers = await insertCustomers(h, 600);
    const id = await schedule('running', 'Running now', null);
    h.telegram.afterCall = (call) => {
      if (call.method === 'sendMessage' && h.telegram.callsOf('sendMessage').length === 50) {
        void h.services.broadcasts.cancel(id, OWNER_ID);
      }
    };
    await h.runJobs();
    h.telegram.afterCall = undefined;
    const delivered = deliveredPerChat(h);
    const reached = customers.filter((c) => delivered.has(c.telegramId!)).length;
    expect(reached).toBeGreaterThanOrEqual(50);
    expect(reached).toBeLessThan(600);
    const broadcast = (await h.services.broadcasts.find(id))!;
    expect(broadcast.status).toBe('cancelled');
    expect(broadcast.report!.sent).toBe(reached);
    expect(h.telegram.messages(OWNER_ID).at(-1)!.text).toContain(`📣 The broadcast was cancelled. Before it stopped:\nSent: ${reached}`);
  });

  it('shows a running broadcast with how many got it so far', async () => {
    await insertCustomers(h, 300);
    await schedule('progress', 'Progress', null);
    let listed = false;
    h.telegram.afterCall = (call) => {
      if (!listed && call.method === 'sendMessage' && h.telegram.callsOf('sendMessage').length === 250) {
        listed = true;
        void owner.send('/broadcasts');
      }
    };
    await h.runJobs();
    h.telegram.afterCall = undefined;
    await expect.poll(() => owner.messages.some((m) => m.text?.startsWith('📤 Sending now'))).toBe(true);
    expect(owner.messages.find((m) => m.text?.startsWith('📤 Sending now'))!.text).toMatch(
      /^📤 Sending now · All who accept offers · sent so far: \d+\n“Progress”$/,
    );
  });

  it('no broadcasts: says how to start one', async () => {
    await owner.send('/broadcasts');
    expect(owner.lastText).toBe('No broadcasts are scheduled. Start one with /broadcast.');
  });

  it('a customer can neither list nor cancel broadcasts, even with a forged button', async () => {
    const id = await schedule('forged', 'Not yours', '2026-03-05T10:00:00Z');
    const customer = h.user({ language_code: 'bg' });
    await customer.send('/broadcasts');
    expect(customer.lastText).toBe('🔒 Това е достъпно само за собственика на програмата.');
    await customer.pressData(`bcl:yes:${id}`);
    expect(lastAlert(h)).toBe('🔒 Това е достъпно само за собственика на програмата.');
    await customer.pressData(`bcl:ask:${id}`);
    expect((await h.services.broadcasts.find(id))!.status).toBe('scheduled');
    expect(await h.app.scheduler.pending(BROADCAST_JOB)).toHaveLength(1);
  });

  it('a cancel pressed after the broadcast has finished says so and changes nothing', async () => {
    await insertCustomers(h, 2);
    const id = await schedule('done', 'Done already', null);
    await owner.send('/broadcasts');
    await h.runJobs();
    await owner.pressData(`bcl:yes:${id}`);
    expect(owner.lastText).toBe('This broadcast has already finished or been cancelled.');
    expect((await h.services.broadcasts.find(id))!.status).toBe('done');
  });
});
