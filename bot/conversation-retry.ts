// Telegram's 429 and 5xx answers inside conversations, retried within the bot's bounds.
//
// @grammyjs/conversations (v2) gives every context inside a conversation its own `Api`, without the
// bot's transformers, so `autoRetry` never sees those calls; a plugin installs this transformer on it
// instead. It sits above the plugin's replay log, which records every answer, the 429 included, and
// hands the recorded answers back on every later replay of the conversation. Waiting again on each
// replay would make every further step of the user's conversation wait `retry_after` seconds, so an
// answer this transformer has already waited for is marked (the log is stored after the update,
// mark included) and a replay retries it at once, reaching the recorded success. Whether to retry is
// decided by the same rule live and on replay, so a replay never makes a call the log does not have.
import type { Transformer } from 'grammy';

export interface RetryBounds {
  maxRetryAttempts: number;
  maxDelaySeconds: number;
}

const WAITED = 'waitedBeforeRetry';
const FIRST_SERVER_ERROR_DELAY = 3;

type Signal = Parameters<Transformer>[3];

function pause(seconds: number, signal: Signal): Promise<void> {
  return new Promise((resolve, reject) => {
    const abort = () => {
      clearTimeout(timer);
      reject(new Error('Request aborted while waiting to retry'));
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', abort);
      resolve();
    }, seconds * 1000);
    signal?.addEventListener('abort', abort, { once: true });
  });
}

export function conversationRetry(bounds: RetryBounds): Transformer {
  return async (prev, method, payload, signal) => {
    let serverErrorDelay = FIRST_SERVER_ERROR_DELAY;
    for (let attempt = 0; ; attempt++) {
      const answer = await prev(method, payload, signal);
      if (answer.ok || attempt >= bounds.maxRetryAttempts) return answer;
      const retryAfter = answer.parameters?.retry_after;
      let delay: number;
      if (typeof retryAfter === 'number') delay = retryAfter;
      else if (answer.error_code >= 500) {
        delay = serverErrorDelay;
        serverErrorDelay *= 2;
      } else return answer;
      if (delay > bounds.maxDelaySeconds) return answer;
      const recorded = answer as unknown as Record<string, unknown>;
      if (recorded[WAITED] !== true) {
        recorded[WAITED] = true;
        await pause(delay, signal);
      }
    }
  };
}
