// How many database commands the two hottest paths send, counted with the driver's command monitoring.
// A budget here is a design decision: raising it needs a reason written next to it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness, type TestUser } from '../harness/index.js';
import { CommandLog, describeCommands } from '../harness/commands.js';
import { openCard, registerCustomer, shownBalance } from './fixtures.js';
import type { CustomerDoc } from '../../domain/customers/model.js';

describe('database round trips of the staff hot path', () => {
  let h: Harness;
  let log: CommandLog;
  let barista: TestUser;
  let customer: CustomerDoc;

  beforeAll(async () => {
    h = await createHarness({ monitorCommands: true, settings: { cooldownMinutes: 0, dailyCap: 50, stampsPerReward: 30 } });
    log = new CommandLog(h.app.conn);
    barista = h.staff();
    customer = await registerCustomer(h, h.user());
    // A known card: it has history, the barista's role is known, the settings are loaded.
    await openCard(h, barista, customer);
    await barista.press('+1');
    await openCard(h, barista, customer);
    await barista.press('+1');
  });
  afterAll(async () => {
    log.stop();
    await h.close();
  });

  it('one +1 on a known card takes at most 9 database commands (5, and 4 of the staff feed)', async () => {
    await openCard(h, barista, customer);
    const commands = await log.during(() => barista.press('+1'));
    expect(shownBalance(barista.last!).stamps).toBe(3);
    expect(barista.lastText).toContain('1 stamp added');
    // The round trips left (issue 12 asks for at most 6; before the snapshot there were 19):
    // 1. find preferences — the presser's language, negotiated once per update (bot/i18n.ts);
    // 2. find customers — the card and its snapshot (domain/ledger/snapshot.ts): the one read the
    //    decision (cooldown, daily cap, own card, closed screen) and the next screen are made from;
    // 3. insert ledgerentries — the stamp, at snapshot position + 1: the unique (customer, position) and
    //    key indexes make it exactly once and the limits hold under races;
    // 4. update customers — the snapshot after the stamp (with firstVisitAt/lastVisitAt);
    // 5. findAndModify agendaJobs — the review request for this visit (a job, so it survives restarts).
    // Not needed any more: the session (empty), the conversation state (card presses are handled before
    // the conversations plugin), the pending action (the button is signed), the settings (in memory),
    // the ledger history (the snapshot), what the screen had done (in the signed data).
    // The audit line in the staff chat goes through the paced feed (bot/staff-feed.ts), which adds:
    // 6. find preferences — the staff chat's language when it follows the owner's (settings.staffChatLocale null);
    // 7. insert stafffeedlines — the line, kept until it is posted (so a crash or a full minute loses nothing);
    // 8. update staffchatpaces — the send slot taken within Telegram's 20 a minute per group;
    // 9. update stafffeedlines — the line marked posted, with its message id (for its Undo).
    expect(commands.length, describeCommands(commands)).toBeLessThanOrEqual(9);
  });

  it('opening a card screen takes at most 3 database commands', async () => {
    const commands = await log.during(async () => {
      await barista.send(`/card ${customer.cardNumber}`);
    });
    expect(shownBalance(barista.last!).stamps).toBe(3);
    // Before: 13. Left: find preferences (the staff member's language); find conversations (a typed
    // command or card number may belong to an owner's conversation in progress, so the conversations
    // plugin must look); find customers (the card by its number, with its snapshot: the screen's balance,
    // limits and due rewards need nothing more). Nothing is written: the screen's buttons are signed.
    expect(commands.length, describeCommands(commands)).toBeLessThanOrEqual(3);
  });

  it('opening a card screen from its QR link takes at most 3 database commands, the consent check none', async () => {
    const commands = await log.during(async () => {
      await barista.send(`/start c_${customer.cardToken}`);
    });
    expect(shownBalance(barista.last!).stamps).toBe(3);
    // As with /card: the staff member's language, the conversation state, the card by its token. A card
    // link is no customer interaction, so the policy-consent gate (bot/features/consent.ts) reads nothing.
    expect(commands.length, describeCommands(commands)).toBeLessThanOrEqual(3);
  });
});
