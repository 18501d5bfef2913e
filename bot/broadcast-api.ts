// The Bot API client broadcasts send through: the same server and transformers as the bot's API, but
// without auto-retry. A broadcast paces itself and handles 429s for all its lanes at once, and it must
// never repeat a request whose outcome is unknown (auto-retry resends after a network error, which
// could give a customer the same offer twice).
import { Api } from 'grammy';
import type { Config } from '../app/config.js';
import type { CreateBotOptions } from './index.js';

export function createBroadcastApi(config: Config, options: CreateBotOptions = {}): Api {
  const api = new Api(config.BOT_TOKEN, {
    ...(config.BOT_API_ROOT ? { apiRoot: config.BOT_API_ROOT } : {}),
    ...options.client,
  });
  for (const transformer of options.transformers ?? []) api.config.use(transformer);
  return api;
}
