import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../harness/index.js';

describe('Agenda jobs', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness();
  });
  afterAll(async () => h.close());

  it('a job scheduled now is run by the running worker', async () => {
    const ran: string[] = [];
    const done = new Promise<void>((resolve) => {
      h.app.scheduler.define<{ note: string }>('test-now', async (data) => {
        ran.push(data.note);
        resolve();
      });
    });
    h.app.scheduler.agenda.processEvery(100);
    await h.app.scheduler.start();
    await h.app.scheduler.agenda.now('test-now', { note: 'hello' });
    await done;
    await h.app.scheduler.stop();
    expect(ran).toEqual(['hello']);
  });

  it('due jobs run on demand at the test clock, future ones wait, each runs once', async () => {
    const ran: number[] = [];
    h.app.scheduler.define<{ n: number }>('test-later', async (data) => {
      ran.push(data.n);
    });
    const start = h.clock.now();
    await h.app.scheduler.schedule('test-later', new Date(start.getTime() + 60 * 60_000), { n: 1 });
    await h.app.scheduler.schedule('test-later', new Date(start.getTime() + 3 * 60 * 60_000), { n: 2 });

    expect(await h.runJobs()).toBe(0);
    h.clock.advance({ hours: 2 });
    expect(await h.runJobs()).toBe(1);
    expect(ran).toEqual([1]);
    expect(await h.runJobs()).toBe(0);
    h.clock.advance({ hours: 2 });
    await h.runJobs();
    expect(ran).toEqual([1, 2]);
  });

  it('a unique key keeps one job however often it is scheduled', async () => {
    const ran: string[] = [];
    h.app.scheduler.define<{ visit: string }>('test-unique', async (data) => {
      ran.push(data.visit);
    });
    const at = h.clock.now();
    for (let i = 0; i < 3; i++) await h.app.scheduler.schedule('test-unique', at, { visit: 'v1' }, { 'data.visit': 'v1' });
    await h.runJobs();
    expect(ran).toEqual(['v1']);
  });

  it('two workers on one database run a due job once', async () => {
    const other = await h.anotherInstance();
    let count = 0;
    for (const app of [h.app, other]) {
      app.scheduler.define('test-shared', async () => {
        count++;
      });
    }
    for (let i = 0; i < 10; i++) await h.app.scheduler.schedule('test-shared', h.clock.now(), { i });
    await Promise.all([h.app.scheduler.runDue(h.clock.now()), other.scheduler.runDue(h.clock.now())]);
    expect(count).toBe(10);
  });

  it('a failing one-off job is retried with a growing backoff, then given up with one error line', async () => {
    let runs = 0;
    h.app.scheduler.define('test-always-fails', async () => {
      runs++;
      throw new Error('still broken');
    });
    const jobId = await h.app.scheduler.schedule('test-always-fails', h.clock.now(), {});
    const errorsBefore = h.errorLogs.length;
    await h.runJobs();
    // 30 s, 2 min, 8 min, 32 min between the five attempts.
    for (const wait of [30, 120, 480, 1920]) {
      h.clock.advance({ seconds: wait - 1 });
      expect(await h.runJobs()).toBe(0);
      h.clock.advance({ seconds: 1 });
      expect(await h.runJobs()).toBe(1);
    }
    expect(runs).toBe(5);
    h.clock.advance({ days: 1 });
    expect(await h.runJobs()).toBe(0);
    expect(runs).toBe(5);
    const attempts = await h.app.scheduler.attemptsOf(jobId);
    expect(attempts.map((a) => a.state)).toEqual(['failed', 'failed', 'failed', 'failed', 'failed', 'exhausted']);
    const givenUp = h.errorLogs.slice(errorsBefore);
    expect(givenUp).toHaveLength(1);
    expect(JSON.parse(givenUp[0]!)).toMatchObject({ job: 'test-always-fails', jobId, attempts: 5, msg: 'job given up after its last attempt' });
  });
});
