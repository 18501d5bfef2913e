import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { audienceOf, recipientsOf, type Segment } from '../../domain/broadcasts/segments.js';
import type { CustomerDoc } from '../../domain/customers/model.js';
import { createHarness, type Harness } from '../harness/index.js';
import { addEntry, daysAgo, insertCustomer, visit } from './fixtures.js';

describe('broadcast segments (MongoDB queries, read in batches)', () => {
  let h: Harness;
  const people: Record<string, CustomerDoc> = {};

  beforeAll(async () => {
    h = await createHarness();
    people.regular = await insertCustomer(h, { locale: 'ru' });
    await visit(h, people.regular, daysAgo(h, 5));
    people.lapsed = await insertCustomer(h, { locale: 'bg' });
    await visit(h, people.lapsed, daysAgo(h, 40));
    people.newcomer = await insertCustomer(h);
    people.close = await insertCustomer(h);
    await visit(h, people.close, daysAgo(h, 45), 3);
    await visit(h, people.close, daysAgo(h, 10), 3);
    people.converted = await insertCustomer(h);
    // 9 stamps with N = 8: converted into a reward, one stamp left: not close any more.
    await visit(h, people.converted, daysAgo(h, 2), 3);
    await visit(h, people.converted, daysAgo(h, 1), 3);
    await visit(h, people.converted, daysAgo(h, 0.5), 3);
    await addEntry(h, people.converted._id, { type: 'reward', stamps: -8, rewards: 1, at: daysAgo(h, 0.5) });
    people.undone = await insertCustomer(h);
    await visit(h, people.undone, daysAgo(h, 3), 3);
    const mistake = await visit(h, people.undone, daysAgo(h, 3), 3);
    await addEntry(h, people.undone._id, { type: 'undo', stamps: -3, undoes: mistake, at: daysAgo(h, 3) });
    // Never in any segment:
    people.noConsent = await insertCustomer(h, { marketingConsent: false });
    await visit(h, people.noConsent, daysAgo(h, 1), 6);
    people.blocked = await insertCustomer(h, { unreachable: true });
    people.erased = await insertCustomer(h, { deletedAt: daysAgo(h, 1) });
  });
  afterAll(async () => h.close());

  async function members(segment: Segment): Promise<string[]> {
    const ctx = { now: h.clock.now(), stampsPerReward: (await h.services.settings.get()).stampsPerReward };
    const names = new Map(Object.entries(people).map(([name, c]) => [String(c._id), name]));
    const found: string[] = [];
    for await (const batch of recipientsOf(h.app.conn, segment, ctx)) for (const r of batch) found.push(names.get(String(r.customerId))!);
    return found.sort();
  }

  it('each segment is who PRODUCT.md says, among customers who may get offers', async () => {
    expect(await members('all')).toEqual(['close', 'converted', 'lapsed', 'newcomer', 'regular', 'undone']);
    expect(await members('active30')).toEqual(['close', 'converted', 'regular', 'undone']);
    expect(await members('lapsed30')).toEqual(['lapsed']);
    expect(await members('neverVisited')).toEqual(['newcomer']);
    // The balance is the ledger's sum: 6 of 8 is close; 3 (an undone visit) and 1 (after a reward) are not.
    expect(await members('closeToReward')).toEqual(['close']);
  });

  it('follows the owner\'s stamps per reward', async () => {
    await h.services.settings.update({ stampsPerReward: 5 }, null);
    expect(await members('closeToReward')).toEqual(['close', 'undone']);
    await h.services.settings.update({ stampsPerReward: 8 }, null);
  });

  it('counts the audience per language before sending', async () => {
    const ctx = { now: h.clock.now(), stampsPerReward: 8 };
    expect(await audienceOf(h.app.conn, 'all', ctx)).toEqual({ total: 6, byLocale: { en: 4, ru: 1, bg: 1 } });
    expect(await audienceOf(h.app.conn, 'closeToReward', ctx)).toEqual({ total: 1, byLocale: { en: 1, ru: 0, bg: 0 } });
  });

  it('is read a batch at a time, in id order, and can start after any customer (a checkpoint)', async () => {
    const ctx = { now: h.clock.now(), stampsPerReward: 8 };
    const batches: string[][] = [];
    for await (const batch of recipientsOf(h.app.conn, 'all', ctx, null, 4)) batches.push(batch.map((r) => String(r.customerId)));
    expect(batches.map((b) => b.length)).toEqual([4, 2]);
    const all = batches.flat();
    expect([...all].sort()).toEqual(all);
    const rest: string[] = [];
    for await (const batch of recipientsOf(h.app.conn, 'all', ctx, people.newcomer!._id, 4)) rest.push(...batch.map((r) => String(r.customerId)));
    expect(rest).toEqual(all.slice(all.indexOf(String(people.newcomer!._id)) + 1));
  });
});
