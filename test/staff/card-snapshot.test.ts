// The card snapshot on the customer document (domain/ledger/snapshot.ts) is what the hot path decides
// on. Property: after any sequence of operations, run one by one or racing each other, the stored
// snapshot equals a full replay of the ledger. A seeded random walk drives the real use cases.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Types } from 'mongoose';
import { createHarness, OWNER_ID, type Harness } from '../harness/index.js';
import { customerModel } from '../../domain/customers/model.js';
import { LedgerHistory } from '../../domain/ledger/history.js';
import { snapshotOf, storedSnapshot, type CardSnapshot } from '../../domain/ledger/snapshot.js';
import { registerCustomer } from './fixtures.js';

function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Plain JSON (ids and dates as strings), so two snapshots compare field by field. */
function plain(snapshot: CardSnapshot | undefined): unknown {
  return JSON.parse(JSON.stringify(snapshot ?? null));
}

describe('card snapshot', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness({ settings: { stampsPerReward: 3, cooldownMinutes: 0, dailyCap: 50, maxStampsPerVisit: 3, rewardExpiryDays: 2 } });
  });
  afterAll(async () => h.close());

  const seed = Number(process.env.SNAPSHOT_SEED ?? 20261204);

  it(`equals a full replay of the ledger after random operations, sequential and concurrent (seed ${seed})`, async () => {
    const random = prng(seed);
    const pick = <T>(items: T[]): T => items[Math.floor(random() * items.length)]!;
    const customers = await Promise.all(Array.from({ length: 3 }, () => registerCustomer(h, h.user())));
    const visits = h.services.visits;
    // Operation keys are global: each customer has their own screens, some pressed again (double taps).
    const screens = new Map<string, string[]>();
    const undoable: string[] = [];

    const operation = (customerId: Types.ObjectId) => async (): Promise<void> => {
      const roll = random();
      const own = screens.get(String(customerId)) ?? [];
      screens.set(String(customerId), own);
      const screen = random() < 0.3 && own.length > 0 ? pick(own) : new Types.ObjectId().toHexString();
      own.push(screen);
      if (roll < 0.45) {
        const done = await visits.confirmVisit({ customerId, staffId: 7, stamps: 1 + Math.floor(random() * 3), operationId: screen });
        if (done.ok && !done.value.duplicate) undoable.push(String(done.value.entry._id));
      } else if (roll < 0.6) {
        const done = await visits.redeemReward({ customerId, staffId: 7, operationId: screen });
        if (done.ok && !done.value.duplicate) undoable.push(String(done.value.entry._id));
      } else if (roll < 0.7) {
        await visits.grantBonus({ customerId, stamps: 1 + Math.floor(random() * 2), reason: 'review', key: `bonus:${screen}` });
      } else if (roll < 0.85 && undoable.length > 0) {
        await visits.undoOperation({ entryId: pick(undoable), staffId: OWNER_ID, isOwner: true });
      } else {
        await visits.expireRewards({ customerId });
      }
    };

    for (let step = 0; step < 120; step++) {
      const customer = pick(customers);
      const racing = random() < 0.3 ? 2 + Math.floor(random() * 3) : 1;
      await Promise.all(Array.from({ length: racing }, () => operation(customer._id)()));
      if (random() < 0.2) h.clock.advance({ hours: Math.floor(random() * 30) });
      else h.clock.advance({ minutes: 1 + Math.floor(random() * 5) });

      for (const c of customers) {
        const stored = await customerModel(h.app.conn).findById(c._id).lean();
        const replay = snapshotOf(await LedgerHistory.load(h.app.conn, c._id));
        if (replay.seq === 0 && !stored?.card) continue;
        expect(plain(storedSnapshot(stored!)), `step ${step}, customer ${String(c._id)}`).toEqual(plain(replay));
        expect(stored?.lastVisitAt ?? null).toEqual(replay.lastVisitAt);
      }
    }
    // The walk did reach every kind of entry.
    const types = await h.app.conn.collection('ledgerentries').distinct('type');
    expect(types.sort()).toEqual(['bonus', 'expire', 'redeem', 'reward', 'stamp', 'undo']);
  }, 120_000);

  it('a snapshot left behind by a crashed writer is caught up by the next append', async () => {
    const customer = await registerCustomer(h, h.user());
    await h.services.visits.confirmVisit({ customerId: customer._id, staffId: 7, stamps: 1, operationId: 'crash-1' });
    const before = await customerModel(h.app.conn).findById(customer._id).lean();
    // An entry written without its snapshot update (the writer died between the two).
    await h.app.conn.collection('ledgerentries').insertOne({
      customerId: customer._id,
      type: 'bonus',
      stamps: 1,
      rewards: 0,
      staffId: null,
      reason: 'review',
      key: 'crash-bonus',
      undoes: null,
      refersTo: null,
      seq: storedSnapshot(before!)!.seq + 1,
      at: h.clock.now(),
    });
    h.clock.advance({ minutes: 1 });
    const next = await h.services.visits.confirmVisit({ customerId: customer._id, staffId: 7, stamps: 1, operationId: 'crash-2' });
    expect(next.ok && next.value.balance).toEqual({ stamps: 0, rewards: 1 });
    const stored = await customerModel(h.app.conn).findById(customer._id).lean();
    expect(plain(storedSnapshot(stored!))).toEqual(plain(snapshotOf(await LedgerHistory.load(h.app.conn, customer._id))));
  });
});
