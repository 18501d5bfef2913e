// The daily storage sweep keeps what would grow for ever bounded, on any server (no TTL indexes):
// expired card screens, one-off jobs that are over, and their claims. What still matters stays.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../harness/index.js';
import { registerCustomer } from '../staff/fixtures.js';
import { CLAIMS_COLLECTION, JOBS_COLLECTION } from '../../jobs/scheduler.js';
import { STORAGE_SWEEP_JOB, sweepStorage } from '../../jobs/sweeps.js';

describe('the daily storage sweep', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness();
  });
  afterAll(async () => h.close());

  const count = (collection: string, filter = {}) => h.app.conn.collection(collection).countDocuments(filter);

  it('removes week-old expired card screens, finished and given-up jobs and their claims; keeps the rest', async () => {
    const barista = h.staff();
    const customer = await registerCustomer(h, h.user());
    // Card screens are no longer stored (their buttons are signed): these are records an older version left.
    await h.services.pendingActions.openCard(customer._id, barista.id);
    h.app.scheduler.define('test-done', async () => undefined);
    h.app.scheduler.define('test-broken', async () => Promise.reject(new Error('broken')), { attempts: 1 });
    await h.app.scheduler.schedule('test-done', h.clock.now(), {});
    await h.app.scheduler.schedule('test-broken', h.clock.now(), {});
    const future = await h.app.scheduler.schedule('test-done', new Date(h.clock.now().getTime() + 30 * 24 * 60 * 60_000), { later: true });
    await h.runJobs();
    expect(await count('pendingActions')).toBe(1);
    expect(await count(CLAIMS_COLLECTION, { name: { $in: ['test-done', 'test-broken'] } })).toBe(3); // done; failed + exhausted

    // A day later nothing is old enough yet.
    h.clock.advance({ days: 1 });
    expect(await sweepStorage(h.app.scheduler, h.app, h.clock.now())).toEqual({ cardScreens: 0, jobs: 0, claims: 0 });

    h.clock.advance({ days: 7 });
    await h.services.pendingActions.openCard(customer._id, barista.id); // one not expired yet
    const swept = await sweepStorage(h.app.scheduler, h.app, h.clock.now());
    expect(swept).toMatchObject({ cardScreens: 1, jobs: 1 });
    expect(swept.claims).toBeGreaterThanOrEqual(3);
    expect(await count('pendingActions')).toBe(1);
    expect(await count(CLAIMS_COLLECTION, { name: { $in: ['test-done', 'test-broken'] } })).toBe(0);
    const left = await h.app.conn.collection(JOBS_COLLECTION).find({ name: { $in: ['test-done', 'test-broken'] } }).toArray();
    expect(left.map((j) => String(j._id))).toEqual([future]);

    // Sweeping again finds nothing more; the job that is still due later runs when its time comes.
    expect(await sweepStorage(h.app.scheduler, h.app, h.clock.now())).toEqual({ cardScreens: 0, jobs: 0, claims: 0 });
    h.clock.advance({ days: 30 });
    expect(await h.runJobs()).toBeGreaterThanOrEqual(1);
    expect(await count(JOBS_COLLECTION, { name: 'test-done' })).toBe(0);
  });

  it('runs every day on every worker', async () => {
    await h.app.scheduler.prepare();
    const [sweep] = await h.app.conn.collection(JOBS_COLLECTION).find({ name: STORAGE_SWEEP_JOB }).toArray();
    expect(sweep?.repeatInterval).toBe('1 day');
  });
});
