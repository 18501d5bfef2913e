// Staff-side steps for scenarios that need real visits: a barista scans the customer's QR code and
// presses +N, or presses Undo on the audit line in the staff group — the same updates a phone sends,
// so everything a visit sets off (review requests, referral bonuses) runs as in production.
//
//   const barista = h.staff();
//   await stampVisit(h, barista, customer);
//   await undoLastOperation(barista);
import { customerOf } from './customers.js';
import { STAFF_CHAT_ID, type Harness, type TestUser } from './index.js';

/** Scans the customer's card QR (`/start c_<token>`) in the barista's private chat and presses +stamps. */
export async function stampVisit(h: Harness, barista: TestUser, customer: TestUser, stamps = 1): Promise<void> {
  const card = await customerOf(h, customer);
  if (!card?.cardToken) throw new Error(`user ${customer.id} has no card`);
  await barista.send(`/start c_${card.cardToken}`);
  await barista.press(`+${stamps}`);
}

/** Presses Undo on the newest audit line in the staff group. */
export async function undoLastOperation(barista: TestUser): Promise<void> {
  await barista.press('↩️ Undo', STAFF_CHAT_ID);
}
