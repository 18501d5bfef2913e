// Telegram's 429 inside a conversation: the conversations plugin calls Telegram through an Api of its
// own (it reaches FakeTelegram through the client's fetch, see test/harness/telegram-fetch.ts), and
// those calls are retried within the bot's bounds like every other call.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../harness/index.js';
import { customerOf } from '../harness/customers.js';

const RETRY_AFTER = 2;

describe('a 429 during onboarding', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness({ retry: { maxRetryAttempts: 2, maxDelaySeconds: 3 } });
  });
  afterAll(async () => h.close());

  it('is waited out and retried: the user sees no apology, and the next steps do not wait again', async () => {
    const user = h.user({ language_code: 'en' });
    await user.send('/start');
    h.telegram.fail({
      method: 'sendMessage',
      chatId: user.id,
      error_code: 429,
      description: `Too Many Requests: retry after ${RETRY_AFTER}`,
      retry_after: RETRY_AFTER,
    });

    const started = Date.now();
    await user.press('✅ English');
    expect(Date.now() - started).toBeGreaterThanOrEqual(RETRY_AFTER * 1000 - 50);
    const refused = h.telegram.calls.filter((c) => c.method === 'sendMessage' && c.payload.chat_id === user.id && !c.ok);
    expect(refused).toHaveLength(1);
    expect(user.lastText).toContain(h.app.t('en', 'onboarding-program', { stamps: 8, reward: 'free coffee' }).slice(0, 20));

    // Every later update replays the conversation from its log, the 429 included: no second wait.
    const replayed = Date.now();
    await user.press(h.app.t('en', 'onboarding-continue'));
    expect(Date.now() - replayed).toBeLessThan(RETRY_AFTER * 1000);
    await user.press(h.app.t('en', 'onboarding-privacy-agree'));
    expect(Date.now() - replayed).toBeLessThan(RETRY_AFTER * 1000);
    expect(user.lastText).toBe(h.app.t('en', 'onboarding-phone-ask'));

    await user.shareContact('+359888765432');
    await user.press(h.app.t('en', 'onboarding-consent-yes'));
    expect(await customerOf(h, user)).toMatchObject({ phone: '+359888765432' });
    expect(user.lastPhoto).toBeDefined();
    const texts = user.textsSince(0);
    expect(texts).not.toContain(h.app.t('en', 'error-unexpected'));
    expect(texts).not.toContain(h.app.t('en', 'error-try-again'));
    expect(h.errorLogs).toEqual([]);
  }, 30_000);
});
