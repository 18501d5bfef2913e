// Retention: customers with no visit for settings.retentionMonths are erased by the daily job, exactly
// as their own deletion erases them; off by default; the digest says how many. The same job drops
// conversations nobody touched for a day (an abandoned onboarding keeps nothing).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHarness, TestClock, type Harness, type TestUser } from '../harness/index.js';
import { customerModel } from '../../domain/customers/model.js';
import { CONVERSATIONS } from '../../bot/storage.js';
import { sweepRetention } from '../../jobs/trust.js';
import { insertCustomer, sweep, visit } from './fixtures.js';

describe('retention', () => {
  let h: Harness;
  let owner: TestUser;
  beforeEach(async () => {
    h = await createHarness({ clock: new TestClock('2026-09-15T12:00:00+03:00') });
    owner = h.owner();
  });
  afterEach(async () => h.close());

  const monthsAgo = (months: number) => {
    const d = h.clock.now();
    d.setUTCMonth(d.getUTCMonth() - months);
    return d;
  };
  const reload = (id: unknown) => customerModel(h.app.conn).findById(id).lean();

  it('off by default; with 6 months it erases who has not come for longer, like their own deletion', async () => {
    const gone = await insertCustomer(h, { firstName: 'Gone', registeredAt: monthsAgo(12) });
    await visit(h, gone, monthsAgo(7));
    await customerModel(h.app.conn).updateOne({ _id: gone._id }, { $set: { lastVisitAt: monthsAgo(7) } });
    const recent = await insertCustomer(h, { firstName: 'Recent', registeredAt: monthsAgo(12) });
    await customerModel(h.app.conn).updateOne({ _id: recent._id }, { $set: { lastVisitAt: monthsAgo(5) } });
    const neverCame = await insertCustomer(h, { firstName: 'Never', registeredAt: monthsAgo(8) });
    const newcomer = await insertCustomer(h, { firstName: 'New', registeredAt: monthsAgo(1) });

    expect((await h.services.settings.get()).retentionMonths).toBe(0);
    expect((await sweepRetention(h.app, h.clock.now())).erased).toBe(0);

    await h.services.settings.update({ retentionMonths: 6 }, null);
    expect((await sweepRetention(h.app, h.clock.now())).erased).toBe(2);
    for (const erased of [gone, neverCame]) {
      const doc = await reload(erased._id);
      expect(doc).toMatchObject({ erasedBy: 'retention', deletedAt: h.clock.now(), marketingConsent: false });
      for (const field of ['telegramId', 'phone', 'firstName', 'cardToken', 'cardNumber', 'referralCode']) expect(doc, field).not.toHaveProperty(field);
    }
    expect(await reload(recent._id)).toMatchObject({ firstName: 'Recent', deletedAt: null });
    expect(await reload(newcomer._id)).toMatchObject({ firstName: 'New', deletedAt: null });
    // The ledger stays, anonymised, for the totals.
    expect((await h.services.stats.programStats()).visits.total).toBe(1);
    // Run again: nothing more.
    expect((await sweepRetention(h.app, h.clock.now())).erased).toBe(0);

    h.clock.set(new Date('2026-09-15T21:05:00+03:00'));
    await sweep(h);
    const digest = owner.messages.find((m) => m.text?.startsWith('🌙'))!;
    expect(digest.text).toContain('🗑 Erased for long absence (no visit for the months set in /settings): 2');
  });

  it('an onboarding abandoned for a day is dropped; a fresh one is kept', async () => {
    const walker = h.user();
    await walker.send('/start');
    const stale = h.user();
    await stale.send('/start');
    const conversations = h.app.conn.collection<{ _id: string; updatedAt: Date }>(CONVERSATIONS);
    await conversations.updateOne({ _id: String(stale.id) }, { $set: { updatedAt: new Date(Date.now() - 25 * 3_600_000) } });
    await conversations.updateOne({ _id: String(walker.id) }, { $set: { updatedAt: new Date(Date.now() - 23 * 3_600_000) } });
    expect((await sweepRetention(h.app, h.clock.now())).conversations).toBe(1);
    expect(await conversations.countDocuments({ _id: String(stale.id) })).toBe(0);
    expect(await conversations.countDocuments({ _id: String(walker.id) })).toBe(1);
  });
});
