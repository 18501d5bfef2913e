// The balance shown always equals the ledger. A seeded random walk of stamps, redemptions and undos
// (with double taps and simultaneous presses mixed in) runs through the bot; after every step the card
// screen, balanceOf and plain arithmetic over the stored entries agree with a model of the rules, and
// nothing is ever negative.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Types } from 'mongoose';
import { createHarness, STAFF_CHAT_ID, type Harness, type TestUser } from '../harness/index.js';
import { balanceOf } from '../../domain/ledger/balance.js';
import { ledgerModel } from '../../domain/ledger/model.js';
import { startOfLocalDay as startOfBusinessDay } from '../../domain/business-time.js';
import type { CustomerDoc } from '../../domain/customers/model.js';
import { seededRandom } from '../harness/random.js';
import { buttonData, cardData, ledgerOf, ledgerSum, registerCustomer, shownBalance } from './fixtures.js';

const N = 3;
const DAILY_CAP = 50;
const TIME_ZONE = 'Europe/Sofia';

interface Operation {
  kind: 'stamp' | 'redeem';
  stamps: number;
  by: number;
  at: number;
  day: number;
  undone: boolean;
  undoData: string;
}

/** The program's rules, written out plainly, for one card. */
class CardModel {
  stamps = 0;
  rewards = 0;
  readonly operations: Operation[] = [];

  visitStampsOn(day: number): number {
    return this.operations.filter((o) => o.kind === 'stamp' && !o.undone && o.day === day).reduce((s, o) => s + o.stamps, 0);
  }

  stamp(count: number, day: number): boolean {
    if (this.visitStampsOn(day) + count > DAILY_CAP) return false;
    this.stamps += count;
    while (this.stamps >= N) {
      this.stamps -= N;
      this.rewards++;
    }
    return true;
  }

  redeem(): boolean {
    if (this.rewards < 1) return false;
    this.rewards--;
    return true;
  }

  undo(op: Operation, presser: number, isOwner: boolean, now: number): boolean {
    if (op.undone || now - op.at > 10 * 60_000 || (!isOwner && presser !== op.by)) return false;
    if (op.kind === 'redeem') {
      this.rewards++;
    } else if (this.stamps >= op.stamps) {
      this.stamps -= op.stamps;
    } else {
      const back = Math.ceil((op.stamps - this.stamps) / N);
      if (this.rewards < back) return false;
      this.stamps += back * N - op.stamps;
      this.rewards -= back;
    }
    op.undone = true;
    return true;
  }
}

describe('the balance shown always equals the ledger', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness({ settings: { stampsPerReward: N, cooldownMinutes: 0, dailyCap: DAILY_CAP, maxStampsPerVisit: 3, timeZone: TIME_ZONE } });
  });
  afterAll(async () => h.close());

  it('the ledger refuses a second entry with the same idempotency key or the same position', async () => {
    const customerId = new Types.ObjectId();
    const entry = { customerId, type: 'stamp', stamps: 1, rewards: 0, reason: 'visit', at: h.clock.now() } as const;
    const ledger = ledgerModel(h.app.conn);
    await ledger.create({ ...entry, key: 'stamp:index-test', seq: 1 });
    await expect(ledger.create({ ...entry, key: 'stamp:index-test', seq: 2 })).rejects.toMatchObject({ code: 11000 });
    await expect(ledger.create({ ...entry, key: 'stamp:index-test-2', seq: 1 })).rejects.toMatchObject({ code: 11000 });
    expect(await ledgerOf(h, customerId)).toHaveLength(1);
  });

  it('balanceOf sums both stamps and rewards (one $sum per aggregation: FerretDB gets a second one wrong)', async () => {
    const customerId = new Types.ObjectId();
    const at = h.clock.now();
    const entries = [
      { type: 'stamp', stamps: 3, rewards: 0 },
      { type: 'reward', stamps: -3, rewards: 1 },
      { type: 'stamp', stamps: 2, rewards: 0 },
    ] as const;
    await ledgerModel(h.app.conn).create(
      entries.map((e, i) => ({ ...e, customerId, reason: 'test', key: `sum-test:${i}`, seq: i + 1, at })),
    );
    expect(await balanceOf(h.app.conn, customerId)).toEqual({ stamps: 2, rewards: 1 });
  });

  for (const seed of [20260302]) {
    it(`random stamps, redemptions and undos keep card, balanceOf and the ledger equal, never negative (seed ${seed})`, async () => {
      const random = seededRandom(seed).next;
      const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
      const [anna, boris] = [h.staff({ first_name: 'Anna' }), h.staff({ first_name: 'Boris' })];
      const owner = h.owner();
      const cards: { doc: CustomerDoc; model: CardModel }[] = [];
      for (let i = 0; i < 3; i++) cards.push({ doc: await registerCustomer(h, h.user()), model: new CardModel() });
      const steps = 300;

      for (let step = 0; step < steps; step++) {
        const card = pick(cards);
        const { model } = card;
        const now = h.clock.now().getTime();
        const day = startOfBusinessDay(h.clock.now(), TIME_ZONE).getTime();
        const roll = random();
        const where = `seed ${seed}, step ${step}`;

        if (roll < 0.75) {
          // Open the card: the screen shows what the model expects, then one press (sometimes several at once).
          const staff: TestUser = pick([anna, boris, owner]);
          await staff.send(`/card ${card.doc.cardNumber}`);
          const screen = staff.last!;
          expect(shownBalance(screen), where).toEqual({ stamps: model.stamps, size: N, rewards: model.rewards });
          const redeem = roll > 0.55;
          const stamps = 1 + Math.floor(random() * 3);
          const data = cardData(h, screen, redeem ? { kind: 'redeem' } : { kind: 'stamp', stamps });
          const presses = pick([1, 1, 1, 2, 3]);
          const audit = h.staffChat.length;
          await Promise.all(Array.from({ length: presses }, () => staff.pressData(data, screen)));

          const accepted = redeem ? model.redeem() : model.stamp(stamps, day);
          expect(h.staffChat.length - audit, where).toBe(accepted ? 1 : 0);
          if (accepted) {
            expect(shownBalance(screen), where).toEqual({ stamps: model.stamps, size: N, rewards: model.rewards });
            card.model.operations.push({
              kind: redeem ? 'redeem' : 'stamp',
              stamps: redeem ? 0 : stamps,
              by: staff.id,
              at: now,
              day,
              undone: false,
              undoData: buttonData(h.staffChat.at(-1)!, '↩️ Undo'),
            });
          }
        } else if (roll < 0.95 && model.operations.length > 0) {
          const op = pick(model.operations.slice(-6));
          const presser = pick([anna, boris, owner, h.users.find((u) => u.id === op.by)!]);
          const line = h.staffChat.find((m) => m.replyMarkup && JSON.stringify(m.replyMarkup).includes(op.undoData)) ?? h.staffChat.at(-1)!;
          await presser.pressData(op.undoData, line, STAFF_CHAT_ID);
          model.undo(op, presser.id, presser.id === owner.id, now);
        } else {
          h.clock.advance({ minutes: Math.floor(random() * 240) });
        }
        h.clock.advance({ seconds: Math.floor(random() * 120) });

        const [shown, summed] = await Promise.all([balanceOf(h.app.conn, card.doc._id), ledgerSum(h, card.doc._id)]);
        expect(shown, where).toEqual(summed);
        expect(shown, where).toEqual({ stamps: model.stamps, rewards: model.rewards });
        expect(shown.stamps >= 0 && shown.rewards >= 0 && shown.stamps < N, where).toBe(true);
      }

      // The walk did exercise every kind of entry.
      const kinds = new Set((await Promise.all(cards.map((c) => ledgerOf(h, c.doc._id)))).flat().map((e) => e.type));
      expect([...kinds].sort()).toEqual(['redeem', 'reward', 'stamp', 'undo']);
    }, 240_000);
  }
});
