// What one audit line costs the database when the staff chat is idle: the line is stored, one
// conditional update takes a send slot from the chat's shared budget, and the posted message is noted
// on the line. Counted as the driver sees them (mongoose's per-connection debug hook names every
// collection call), on the real bot and server.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHarness, STAFF_CHAT_ID, type Harness } from '../harness/index.js';
import { registerCustomer } from './fixtures.js';

describe('the staff feed is cheap when the chat is idle', () => {
  let h: Harness;
  let calls: string[];
  beforeEach(async () => {
    h = await createHarness({ settings: { cooldownMinutes: 0 } });
    calls = [];
    h.app.conn.set('debug', (collection: string, method: string) => {
      calls.push(`${collection}.${method}`);
    });
  });
  afterEach(async () => {
    h.app.conn.set('debug', false);
    await h.close();
  });

  it('one audit line in an idle chat: at most 5 database operations, and it is posted at once', async () => {
    // Warm: the team and settings caches, indexes; the chat has had one message.
    await h.app.notifier.staffChat.post('staff-audit-stamp', { staff: 'Ana', customer: 'Guest', number: 'AAAA-BBBB', count: 1, stamps: 1, size: 8, rewards: 0 });
    await h.settle();
    h.clock.advance({ minutes: 2 });
    const before = h.staffChat.length;
    calls = [];
    await h.app.notifier.staffChat.post('staff-audit-stamp', { staff: 'Ana', customer: 'Guest', number: 'AAAA-CCCC', count: 1, stamps: 1, size: 8, rewards: 0 });
    // Posting runs after post() has stored the line (the caller's update is answered meanwhile).
    await h.settle();
    console.log(`one audit line, idle chat: ${calls.length} database operations: ${calls.join(', ')}`);
    expect(h.staffChat.length).toBe(before + 1);
    expect(h.staffChat.at(-1)?.text).toContain('AAAA-CCCC');
    expect(calls.length).toBeLessThanOrEqual(5);
  });

  it('a +1 stamp through the bot posts its line with one Undo', async () => {
    const barista = h.staff({ first_name: 'Ana' });
    const customer = await registerCustomer(h, h.user({ first_name: 'Guest' }));
    await barista.send(`/card ${customer.cardNumber}`);
    calls = [];
    await barista.press('+1', barista.id);
    console.log(`+1 stamp with its audit line: ${calls.length} database operations`);
    expect(h.staffChat.at(-1)?.text).toContain(customer.cardNumber!.slice(0, 4));
    expect(h.telegram.messages(STAFF_CHAT_ID).length).toBeGreaterThan(0);
  });
});
