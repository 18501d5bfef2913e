// Owners' commands and buttons live in one Composer narrowed once by the role filter: the features
// inside it (settings, broadcasts, stats, export, review replies) see only owners' updates and never
// ask again. Anyone else sending an owner's command or pressing an owner's button is told so here, in
// their language, and nothing changes. "Owner" is asked at the moment of every update (domain/team.ts
// keeps the answer in memory), so an owner removed a second ago is refused the next press.
import { Composer } from 'grammy';
import type { BotContext } from './context.js';
import { OWNER_COMMANDS } from './commands.js';
import { isOwner } from './filters.js';
import { reviewData } from './keyboards/reviews.js';
import { EDIT_SETTING } from './conversations/edit-setting.js';
import { BROADCAST } from './conversations/broadcast.js';
import { REVIEW_REPLY } from './conversations/review-reply.js';

/** Every owner button's data: the settings, broadcast, broadcast-list and stats families, and Reply under a review. */
const OWNER_BUTTONS = [/^(set|bc|bcl|stats):/, reviewData.reply.trigger, reviewData.replyStop.trigger];

/** The owners' conversations. Each asks "owner?" again at every answer, and ends with a refusal when not. */
const OWNER_CONVERSATIONS = [EDIT_SETTING, BROADCAST, REVIEW_REPLY];

async function notOwner(ctx: BotContext): Promise<boolean> {
  return !(await isOwner(ctx));
}

/**
 * Owners, and someone who stopped being one in the middle of an owner's conversation: that
 * conversation (first in its feature) takes their next update, refuses it and ends.
 */
async function ownerOrInOwnerConversation(ctx: BotContext): Promise<boolean> {
  return (await isOwner(ctx)) || OWNER_CONVERSATIONS.some((name) => ctx.conversation.active(name) > 0);
}

export function ownerOnly(...features: Composer<BotContext>[]): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  composer.chatType('private').filter(ownerOrInOwnerConversation, ...features);
  const others = composer.chatType('private').filter(notOwner);
  others.command([...OWNER_COMMANDS], async (ctx) => {
    await ctx.reply(ctx.t('owner-only'));
  });
  others.callbackQuery(OWNER_BUTTONS, async (ctx) => {
    await ctx.answerCallbackQuery({ text: ctx.t('owner-only'), show_alert: true });
  });
  return composer;
}
