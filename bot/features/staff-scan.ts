// Staff open a customer's card: by scanning its QR (`/start c_<token>`), with `/card ABCD-2345`, or by
// typing the bare number, in a private chat with the bot or in the staff group. The card screen's
// buttons are signed (bot/keyboards/staff.ts) and handled by staff-visits.ts; opening one reads the
// customer and nothing else when the card has its snapshot.
// Anyone else learns nothing about a card: a customer opening their own link sees their own card.
import { Composer, InlineKeyboard } from 'grammy';
import { canonicalCardNumber, looksLikeCardNumber } from '../../domain/cards/card-number.js';
import type { CustomerDoc } from '../../domain/customers/model.js';
import { formatCardNumber } from '../../domain/customers/codes.js';
import { SEARCH_LIMIT } from '../../domain/customers/service.js';
import { onPress } from '../callback-data.js';
import type { BotContext } from '../context.js';
import { expireAndAnnounce, momentOf, openScreen, renderCardScreen } from '../card-screen.js';
import { staffData } from '../keyboards/staff.js';
import { staffRole } from '../staff.js';
import { maskedPhone, refusalText } from '../visit-messages.js';
import { showCard } from '../card.js';

export const staffScanFeature = new Composer<BotContext>();

const CARD_LINK = /^c_(.*)$/s;

/** Where card screens may appear: a private chat with the bot, or the staff group. */
async function inStaffPlace(ctx: BotContext): Promise<boolean> {
  return ctx.chat?.type === 'private' || (ctx.chat !== undefined && ctx.chat.id === (await ctx.services.team.staffChatId()));
}

async function cardNotFound(ctx: BotContext): Promise<void> {
  await ctx.reply(refusalText(ctx.t.bind(ctx), { code: 'CardNotFound' }, await momentOf(ctx)));
}

async function showCardScreen(ctx: BotContext, found: CustomerDoc): Promise<void> {
  if (!ctx.from) return;
  // Rewards past their date go first; then the card is read again, as the expiry left it.
  const customer = (await expireAndAnnounce(ctx, found)) ? await ctx.services.visits.findCard(found._id) : found;
  if (!customer) return cardNotFound(ctx);
  const rendered = await renderCardScreen(ctx, await ctx.services.visits.viewOf(customer), openScreen(ctx, customer));
  await ctx.reply(rendered.text, { reply_markup: rendered.reply_markup });
}

// The QR on a card, scanned with a phone camera. Registered before /start so that whichever order the
// customer features use, a card link always lands here.
staffScanFeature.chatType('private').command('start', async (ctx, next) => {
  const link = CARD_LINK.exec(ctx.match.trim());
  if (!link) return next();
  const customer = await ctx.services.visits.findCardByToken(link[1] ?? '');

  if (await staffRole(ctx)) {
    if (customer) await showCardScreen(ctx, customer);
    else await cardNotFound(ctx);
    return;
  }
  if (customer && customer.telegramId === ctx.from.id) {
    await showCard(ctx, customer);
    return;
  }
  // Unknown or someone else's: the same answer, so the link tells nothing about who holds the card.
  await ctx.reply(ctx.t('staff-card-link-foreign'));
});

staffScanFeature.command('card', async (ctx) => {
  if (!(await inStaffPlace(ctx))) return;
  if (!(await staffRole(ctx))) {
    await ctx.reply(refusalText(ctx.t.bind(ctx), { code: 'NotStaff' }, await momentOf(ctx)));
    return;
  }
  const typed = ctx.match.trim();
  if (typed === '') {
    await ctx.reply(ctx.t('staff-card-usage'));
    return;
  }
  const cardNumber = canonicalCardNumber(typed);
  if (!cardNumber) {
    await ctx.reply(ctx.t('staff-card-invalid'));
    return;
  }
  const customer = await ctx.services.visits.findCardByNumber(cardNumber);
  if (customer) await showCardScreen(ctx, customer);
  else await cardNotFound(ctx);
});

// A customer with neither the card nor the old account at hand (a new phone): staff find the card by
// the phone's last digits, and the first name when several match, and pick it from a list.
staffScanFeature.command('find', async (ctx) => {
  if (!(await inStaffPlace(ctx))) return;
  if (!(await staffRole(ctx))) {
    await ctx.reply(refusalText(ctx.t.bind(ctx), { code: 'NotStaff' }, await momentOf(ctx)));
    return;
  }
  const query = /^(\d{4})(?:\s+(\S.*))?$/s.exec(ctx.match.trim());
  if (!query) {
    await ctx.reply(ctx.t('staff-find-usage'));
    return;
  }
  const [, digits = '', name] = query;
  const found = await ctx.services.customers.findByPhoneEnding(digits, name?.trim());
  if (found.length === 0) {
    await ctx.reply(ctx.t('staff-find-none', { digits, name: name?.trim() ?? '', withName: name ? 1 : 0 }));
    return;
  }
  const keyboard = new InlineKeyboard();
  for (const customer of found) {
    if (!customer.cardNumber) continue;
    const label = `${(customer.firstName ?? '—').slice(0, 12)} · ${maskedPhone(customer.phone)} · ${formatCardNumber(customer.cardNumber)}`;
    keyboard.text(label, staffData.found.encode(customer.cardNumber)).row();
  }
  await ctx.reply(ctx.t('staff-find-results', { digits, more: found.length >= SEARCH_LIMIT ? 1 : 0 }), { reply_markup: keyboard });
});

onPress(staffScanFeature, staffData.found, async (ctx, cardNumber) => {
  if (!(await staffRole(ctx))) {
    await ctx.answerCallbackQuery({ text: refusalText(ctx.t.bind(ctx), { code: 'NotStaff' }, await momentOf(ctx)), show_alert: true });
    return;
  }
  await ctx.answerCallbackQuery();
  const customer = await ctx.services.visits.findCardByNumber(cardNumber);
  if (customer) await showCardScreen(ctx, customer);
  else await cardNotFound(ctx);
});

// The bare number, typed by staff. From anyone else it is just text for the other features; in the
// group, a word that merely looks like a number ("sandwich") gets no answer when no card has it.
staffScanFeature
  .on('message:text')
  .filter(async (ctx) => looksLikeCardNumber(ctx.msg.text) && (await inStaffPlace(ctx)))
  .use(async (ctx, next) => {
    if (!(await staffRole(ctx))) return next();
    const customer = await ctx.services.visits.findCardByNumber(canonicalCardNumber(ctx.msg.text) ?? '');
    if (customer) await showCardScreen(ctx, customer);
    else if (ctx.chat.type === 'private') await cardNotFound(ctx);
  });
