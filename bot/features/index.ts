// The order of features is the order of precedence; "unhandled" must stay last.
import { Composer } from 'grammy';
import type { BotContext } from '../context.js';
import { consentFeature } from './consent.js';
import { startFeature } from './start.js';
import { customerMenuFeature } from './customer-menu.js';
import { birthdayFeature } from './birthday.js';
import { leaveReviewFeature } from './leave-review.js';
import { helpFeature } from './help.js';
import { setupFeature } from './setup.js';
import { staffScanFeature } from './staff-scan.js';
import { moveCardFeature } from './move-card.js';
import { settingsFeature } from './settings.js';
import { broadcastFeature } from './broadcast.js';
import { statsFeature } from './stats.js';
import { exportFeature } from './export.js';
import { reviewReplyFeature } from './review-reply.js';
import { unhandledFeature } from './unhandled.js';
import { reachabilityFeature } from './reachability.js';
import { ownerOnly } from '../owner.js';

export function features(): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  composer.use(reachabilityFeature);
  composer.use(helpFeature);
  composer.use(setupFeature);
  // Owners' conversations before staff: an owner typing a broadcast text that looks like a card number
  // means the text. With no owner conversation active, these pass everything else on.
  // One role filter for all of them: bot/owner.ts (anyone else is refused there).
  composer.use(ownerOnly(settingsFeature, broadcastFeature, statsFeature, exportFeature, reviewReplyFeature));
  // Staff before /start: card links (`/start c_<token>`) are theirs. Card screen presses are handled
  // ahead of all features and of the conversations plugin (bot/index.ts), except "Move to a new
  // account", which staff-visits passes on to move-card.
  composer.use(staffScanFeature);
  composer.use(moveCardFeature);
  // A changed privacy policy is agreed to before anything else a customer does.
  composer.use(consentFeature);
  // /start holds the onboarding conversation, which sees a newcomer's messages before the menu does.
  composer.use(startFeature);
  composer.use(customerMenuFeature);
  composer.use(birthdayFeature);
  composer.use(leaveReviewFeature);
  composer.use(unhandledFeature);
  return composer;
}
