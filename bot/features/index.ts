// The order of features is the order of precedence; "unhandled" must stay last.
import { Composer } from 'grammy';
import type { BotContext } from '../context.js';
import { startFeature } from './start.js';
import { helpFeature } from './help.js';
import { unhandledFeature } from './unhandled.js';

export function features(): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  composer.use(helpFeature);
  composer.use(startFeature);
  composer.use(unhandledFeature);
  return composer;
}
