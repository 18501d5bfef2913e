// Staff-side steps for scenarios that need real visits: a barista scans the customer's QR code and
// presses +N, or presses Undo on the audit line in the staff group — the same updates a phone sends,
// so everything a visit sets off (review requests, referral bonuses) runs as in production.
//
//   const barista = h.staff();
//   await stampVisit(h, barista, customer);
//   await undoLastOperation(barista);
import { customerOf } from './customers.js';
import { inlineButtons, STAFF_CHAT_ID, type Harness, type TestUser } from './index.js';

/** Scans the customer's card QR (`/start c_<token>`) in the barista's private chat and presses +stamps. */
export async function stampVisit(h: Harness, barista: TestUser, customer: TestUser, stamps = 1): Promise<void> {
  const card = await customerOf(h, customer);
  if (!card?.cardToken) throw new Error(`user ${customer.id} has no card`);
  await barista.send(`/start c_${card.cardToken}`);
  await barista.press(`+${stamps}`);
}

/**
 * Presses Undo on the newest audit line in the staff group: "↩️ Undo" on a line of its own, the last
 * "↩️ Undo <n>" on a message that carries several lines (the staff chat's pace coalesced them).
 */
export async function undoLastOperation(barista: TestUser): Promise<void> {
  const message = [...barista.harness.staffChat].reverse().find((m) => inlineButtons(m).some((b) => /^↩️ Undo( \d+)?$/.test(b.text)));
  const button = inlineButtons(message).filter((b) => /^↩️ Undo( \d+)?$/.test(b.text)).at(-1);
  if (!message || !button || !('callback_data' in button)) throw new Error('no Undo button in the staff chat');
  await barista.pressData(button.callback_data, message, STAFF_CHAT_ID);
}
