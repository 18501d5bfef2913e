// Updates are handled concurrently (the runner in long polling, concurrent requests in webhook mode),
// but one user's updates wait for each other in the order they came (bot/index.ts, orderingKey).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../harness/index.js';
import { ALLOWED_UPDATES } from '../../bot/index.js';

describe('update ordering', () => {
  let h: Harness;
  let helpText: string;
  let unhandledText: string;
  beforeAll(async () => {
    h = await createHarness();
    const probe = h.user();
    await probe.send('/help');
    await probe.send('hello');
    [helpText, unhandledText] = probe.textsSince(0) as [string, string];
  });
  afterAll(async () => h.close());

  it('one user’s updates delivered at once are answered in the order they came, even if the first is slow', async () => {
    const user = h.user();
    // The first answer meets a 429 and waits a second before it is sent again.
    h.telegram.fail({ method: 'sendMessage', chatId: user.id, error_code: 429, description: 'Too Many Requests: retry after 1', retry_after: 1 });
    await Promise.all([user.send('/help'), user.send('hello')]);
    expect(user.textsSince(0)).toEqual([helpText, unhandledText]);
  });

  it('another user is not held up meanwhile', async () => {
    const slow = h.user();
    const quick = h.user();
    h.telegram.fail({ method: 'sendMessage', chatId: slow.id, error_code: 429, description: 'Too Many Requests: retry after 1', retry_after: 1 });
    const order: number[] = [];
    await Promise.all([
      slow.send('/help').then(() => order.push(slow.id)),
      quick.send('/help').then(() => order.push(quick.id)),
    ]);
    expect(order).toEqual([quick.id, slow.id]);
  });

  it('asks Telegram for membership changes, and only for update kinds it handles', () => {
    expect([...ALLOWED_UPDATES].sort()).toEqual(['callback_query', 'chat_member', 'message', 'my_chat_member']);
  });
});
