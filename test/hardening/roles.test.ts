// Every owner and staff action, tried by a customer: commands typed, and the very buttons owners and
// staff were shown, pressed with their callback data copied. Roles are checked at the moment of the
// action, so nothing changes, and the customer is told so. Also: message sizes are bounded.
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpServer, WEBHOOK_PATH } from '../../app/server.js';
import { createHarness, inlineButtons, STAFF_CHAT_ID, type Harness, type SentMessage, type TestUser } from '../harness/index.js';
import { customerOf, onboard } from '../harness/customers.js';
import { stampVisit } from '../harness/visits.js';

function callbackData(messages: SentMessage[]): string[] {
  return [...new Set(messages.flatMap((m) => inlineButtons(m).flatMap((b) => ('callback_data' in b && b.callback_data ? [b.callback_data] : []))))];
}

async function snapshot(h: Harness) {
  const db = h.app.conn.db!;
  const count = (name: string) => db.collection(name).countDocuments();
  return {
    settings: JSON.stringify((await db.collection('settings').findOne({ _id: 'program' as never }))?.values ?? null),
    ledger: await count('ledgerentries'),
    broadcasts: await count('broadcasts'),
    deliveries: await count('broadcastdeliveries'),
    jobs: await count('agendaJobs'),
  };
}

describe('a customer tries every owner and staff action', () => {
  let h: Harness;
  let owner: TestUser;
  let barista: TestUser;
  let customer: TestUser;
  let victim: TestUser;

  beforeAll(async () => {
    h = await createHarness();
    owner = h.owner();
    barista = h.staff();
    customer = h.user({ language_code: 'bg' });
    victim = h.user({ language_code: 'ru' });
    await onboard(h, customer);
    await onboard(h, victim);
  });
  afterAll(async () => h.close());

  it('owner commands are refused in the customer\'s language, and send nothing else', async () => {
    for (const command of ['/settings', '/broadcast', '/broadcasts', '/stats', '/export']) {
      const before = customer.messages.length;
      await customer.send(command);
      const answers = customer.messages.slice(before);
      expect(answers.map((m) => m.text), command).toEqual([h.app.t('bg', 'owner-only')]);
      expect(answers.some((m) => m.photo || m.document), command).toBe(false);
    }
  });

  it('buttons copied from the owner\'s and the staff\'s screens change nothing when a customer presses them', async () => {
    // What the owner and staff were shown while doing their work.
    await owner.send('/settings');
    for (const data of callbackData(owner.messages).filter((d) => d.startsWith('set:sec:'))) await owner.pressData(data);
    await owner.send('/cancel');
    await owner.send('/broadcast');
    const ownerButtons = callbackData(owner.messages);
    await owner.send('/cancel');

    const victimDoc = (await customerOf(h, victim))!;
    await stampVisit(h, barista, victim);
    const staffButtons = [...callbackData(barista.messages), ...callbackData(h.staffChat)];
    await barista.send(`/card ${victimDoc.cardNumber}`);
    staffButtons.push(...callbackData([barista.last!]));

    const stolen = [...new Set([...ownerButtons, ...staffButtons])];
    expect(stolen.some((d) => d.startsWith('set:'))).toBe(true);
    expect(stolen.some((d) => d.startsWith('bc:'))).toBe(true);
    expect(stolen.some((d) => d.startsWith('staff:'))).toBe(true);
    expect(stolen.some((d) => d.startsWith('staff-undo:'))).toBe(true);

    const before = await snapshot(h);
    const answered = h.telegram.callsOf('answerCallbackQuery').length;
    for (const data of stolen) {
      await customer.pressData(data);
      await customer.pressData(data, h.staffChat.at(-1), STAFF_CHAT_ID);
    }
    expect(await snapshot(h)).toEqual(before);
    // Every press got an answer (no spinning button), and none of them showed the victim's data.
    expect(h.telegram.callsOf('answerCallbackQuery').length).toBeGreaterThanOrEqual(answered + stolen.length * 2);
    const shown = JSON.stringify([...customer.messages, ...h.telegram.callsOf('answerCallbackQuery').slice(answered).map((c) => c.payload)]);
    expect(shown).not.toMatch(new RegExp(`(?<!\\d)${victimDoc.phone!.slice(-4)}(?!\\d)`));
    expect(h.errorLogs).toEqual([]);
  });

  it('a customer cannot open someone else\'s card by its number or link', async () => {
    const victimDoc = (await customerOf(h, victim))!;
    const before = customer.messages.length;
    await customer.send(`/card ${victimDoc.cardNumber}`);
    await customer.send(`/start c_${victimDoc.cardToken}`);
    const seen = JSON.stringify(customer.messages.slice(before));
    expect(seen).not.toContain(victimDoc.firstName!);
    expect(seen).not.toMatch(new RegExp(`(?<!\\d)${victimDoc.phone!.slice(-4)}(?!\\d)`));
    expect(callbackData(customer.messages.slice(before)).filter((d) => d.startsWith('staff:'))).toEqual([]);
  });
});

describe('message sizes are bounded', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness();
  });
  afterAll(async () => h.close());

  it('the webhook refuses a body over 1 MB before reading it', async () => {
    const server = createHttpServer({ bot: h.app.bot, conn: h.app.conn, webhookSecret: 'bounded-size-secret-1' });
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}${WEBHOOK_PATH}`;
      const res = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': 'bounded-size-secret-1' },
        body: JSON.stringify({ update_id: 1, padding: 'x'.repeat(2_000_000) }),
      });
      expect(res.status).toBe(413);
    } finally {
      server.close();
    }
  });

  it('a huge text gets a short answer, not an echo', async () => {
    const user = h.user();
    await user.send('z'.repeat(100_000));
    expect(user.messages).toHaveLength(1);
    expect(user.lastText.length).toBeLessThan(1_000);
  });
});
