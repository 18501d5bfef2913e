// A reward that staff took back with Undo (the stamps that completed the card were a mistake) was
// never issued: /stats must not count it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../harness/index.js';
import { onboard } from '../harness/customers.js';
import { stampVisit, undoLastOperation } from '../harness/visits.js';

describe('rewards issued, after an undo', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness({ settings: { stampsPerReward: 3, cooldownMinutes: 0 } });
  });
  afterAll(async () => h.close());

  it('counts a reward taken back by Undo as not issued', async () => {
    const barista = h.staff();
    const customer = h.user();
    await onboard(h, customer);
    await stampVisit(h, barista, customer, 3);
    expect((await h.services.stats.programStats()).rewards.issuedTotal).toBe(1);
    await undoLastOperation(barista);
    const stats = await h.services.stats.programStats();
    expect(stats.rewards.issuedTotal).toBe(0);
    expect(stats.rewards.issued30).toBe(0);

    await stampVisit(h, barista, customer, 3);
    expect((await h.services.stats.programStats()).rewards.issuedTotal).toBe(1);
  });
});
