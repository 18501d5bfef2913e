import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { capturedLogs } from '../harness/log-sink.js';
import { createHarness, type Harness } from '../harness/index.js';

describe('chat state in MongoDB', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness();
  });
  afterAll(async () => h.close());

  it('two first-ever updates of one user at the same moment are both answered', async () => {
    const errorsBefore = capturedLogs.filter((l) => l.includes('"level":"error"')).length;
    for (let i = 0; i < 5; i++) {
      const user = h.user();
      await Promise.all(Array.from({ length: 8 }, () => user.send('/help')));
      expect(user.messages).toHaveLength(8);
    }
    expect(capturedLogs.filter((l) => l.includes('"level":"error"')).length).toBe(errorsBefore);
  });
});
