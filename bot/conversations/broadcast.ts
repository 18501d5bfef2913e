// Composing a broadcast, on a phone: who gets it (segment buttons with how many customers each) →
// the text in the default language, optionally with a photo → the text in the other languages or
// "skip" (those customers get the default one) → a preview of each language exactly as customers
// will see it → now, tomorrow morning or a typed date and time in the business time zone → confirm.
// Every answer is checked: a bad one is refused with the reason and the question stays open.
import { randomUUID } from 'node:crypto';
import type { Conversation } from '@grammyjs/conversations';
import { LOCALES, type Locale } from '../../domain/locales.js';
import type { Audience, Segment } from '../../domain/broadcasts/segments.js';
import { SEGMENTS } from '../../domain/broadcasts/segments.js';
import { sendAtProblem, textLimit, type BroadcastTexts } from '../../domain/broadcasts/service.js';
import { formatLocal, parseLocalDateTime, startOfLocalDay, toLocal, fromLocal } from '../../domain/business-time.js';
import { err, ok, type Result } from '../../domain/result.js';
import type { BotContext, ConversationContext } from '../context.js';
import { isOwner } from '../filters.js';
import {
  abortKeyboard,
  confirmKeyboard,
  BROADCAST_BUTTONS,
  ownerData,
  segmentKeyboard,
  skipLanguageKeyboard,
  whenKeyboard,
} from '../keyboards/owner.js';
import { kebab } from '../settings-menu.js';
import type { Translate } from '../translator.js';

export const BROADCAST = 'broadcast';

type BroadcastConversation = Conversation<BotContext, ConversationContext>;
/** Why an answer was refused, already in the owner's language. */
type Answer<V> = Result<V, { code: 'Refused'; reason: string }>;

const refuse = (reason: string): Answer<never> => err({ code: 'Refused', reason });

/** The hour a "tomorrow" broadcast goes out, business time. */
const TOMORROW_HOUR = 10;

/** An update that is not the answer: for the rest of the bot, from someone no longer an owner, Cancel, or a refused answer. */
type NotTheAnswer = { code: 'PassOn' } | { code: 'NotOwner' } | { code: 'Abort' } | { code: 'Refused'; reason: string };

/**
 * Asks with grammY's form: an answer that `read` accepts is returned; anything else is met by
 * `otherwise`. A refused answer gets its reason and is forgotten, so the question stays open. Updates
 * for other chats, other commands and other features' buttons go on to the rest of the bot (the
 * conversation waits on); "Cancel" ends it, as /cancel does.
 */
async function ask<V>(conversation: BroadcastConversation, ownerId: number, read: (c: ConversationContext) => Answer<V> | Promise<Answer<V>>): Promise<V> {
  return conversation.form.build<V, NotTheAnswer>({
    validate: async (c) => {
      if (c.chat?.id !== ownerId) return err({ code: 'PassOn' });
      // Asked afresh for every update and recorded, so that a replay does not ask again about old ones.
      if (!(await conversation.external(() => isOwner(c)))) return err({ code: 'NotOwner' });
      const data = c.callbackQuery?.data;
      if (data !== undefined && ownerData.abort.trigger.test(data)) return err({ code: 'Abort' });
      if (c.message?.text?.startsWith('/') || (data !== undefined && !BROADCAST_BUTTONS.test(data))) return err({ code: 'PassOn' });
      return read(c);
    },
    otherwise: async (c, why) => {
      switch (why.code) {
        case 'PassOn':
          return conversation.skip({ next: true });
        case 'NotOwner':
          await c.reply(c.t('owner-only'));
          return conversation.halt();
        case 'Abort':
          await c.answerCallbackQuery();
          await c.editMessageReplyMarkup().catch(() => undefined);
          await c.reply(c.t('broadcast-aborted'));
          return conversation.halt();
        case 'Refused':
          if (c.callbackQuery) await c.answerCallbackQuery({ text: why.reason, show_alert: true });
          else await c.reply(why.reason);
      }
    },
    action: async (c) => {
      if (!c.callbackQuery) return;
      await c.answerCallbackQuery();
      await c.editMessageReplyMarkup().catch(() => undefined);
    },
  });
}

interface Message {
  text: string | null;
  photoFileId: string | null;
}

/** The first message: a text, or a photo with (or without, then asked next) its caption. */
function readMessage(c: ConversationContext): Answer<Message> {
  const message = c.message;
  if (message?.text !== undefined) {
    if (message.text.length > textLimit(false)) return refuse(c.t('broadcast-error-too-long', { length: message.text.length, limit: textLimit(false) }));
    return ok({ text: message.text, photoFileId: null });
  }
  if (message?.photo) {
    const caption = message.caption ?? null;
    if (caption && caption.length > textLimit(true)) return refuse(c.t('broadcast-error-caption-too-long', { length: caption.length, limit: textLimit(true) }));
    return ok({ text: caption, photoFileId: message.photo.at(-1)!.file_id });
  }
  return refuse(c.t(c.callbackQuery ? 'broadcast-use-buttons' : 'broadcast-error-not-text'));
}

/** A text only (the photo, if any, is shared by all languages): at most `limit` characters. */
function readText(c: ConversationContext, limit: number): Answer<string> {
  const text = c.message?.text;
  if (text === undefined) {
    if (c.message?.photo) return refuse(c.t('broadcast-error-photo-once'));
    return refuse(c.t(c.callbackQuery ? 'broadcast-use-buttons' : 'broadcast-error-not-text'));
  }
  if (text.length > limit) return refuse(c.t(limit === textLimit(true) ? 'broadcast-error-caption-too-long' : 'broadcast-error-too-long', { length: text.length, limit }));
  if (text.trim() === '') return refuse(c.t('broadcast-error-not-text'));
  return ok(text);
}

function languageName(t: Translate, locale: Locale): string {
  return t(`broadcast-language-${locale}`);
}

export async function composeBroadcast(conversation: BroadcastConversation, ctx: ConversationContext): Promise<void> {
  if (!ctx.from || !(await conversation.external(() => isOwner(ctx)))) return;
  const ownerId = ctx.from.id;
  const { services, config } = ctx;
  const t = ctx.t;
  const fallback = config.DEFAULT_LOCALE;
  const draftId = await conversation.external(() => randomUUID());

  // 1. Who gets it.
  const audiences = await conversation.external(async () => {
    const all = {} as Record<Segment, Audience>;
    for (const segment of SEGMENTS) all[segment] = await services.broadcasts.audience(segment);
    return all;
  });
  const totals = Object.fromEntries(SEGMENTS.map((s) => [s, audiences[s].total])) as Record<Segment, number>;
  // Buttons that would all answer "nobody here" are a dead end: say it once and stop.
  if (SEGMENTS.every((s) => totals[s] === 0)) {
    await ctx.reply(t('broadcast-nobody'));
    return;
  }
  await ctx.reply(t('broadcast-choose-segment'), { reply_markup: segmentKeyboard(t, totals) });
  const segment = await ask(conversation, ownerId, (c) => {
    const [picked] = ownerData.segment.decode(c.callbackQuery?.data) ?? [];
    if (picked === undefined) return refuse(c.t('broadcast-use-buttons'));
    if (audiences[picked].total === 0) return refuse(c.t('broadcast-segment-empty'));
    return ok(picked);
  });
  const audience = audiences[segment];
  const segmentName = t(`broadcast-segment-${kebab(segment)}`);

  // 2. The message in the default language, maybe with a photo.
  await ctx.reply(t('broadcast-ask-text', { language: t(`broadcast-in-${fallback}`) }), { reply_markup: abortKeyboard(t) });
  const first = await ask(conversation, ownerId, readMessage);
  const photoFileId = first.photoFileId;
  const limit = textLimit(photoFileId !== null);
  let fallbackText = first.text;
  if (fallbackText === null) {
    await ctx.reply(t('broadcast-ask-caption', { limit }), { reply_markup: abortKeyboard(t) });
    fallbackText = await ask(conversation, ownerId, (c) => readText(c, limit));
  }
  const texts: BroadcastTexts = { [fallback]: fallbackText };

  // 3. The other languages that someone in the segment speaks, or their customers get the default one.
  for (const locale of LOCALES.filter((l) => l !== fallback && audience.byLocale[l] > 0)) {
    await ctx.reply(
      t('broadcast-ask-translation', { language: t(`broadcast-in-${locale}`), count: audience.byLocale[locale], fallback: t(`broadcast-in-${fallback}`) }),
      { reply_markup: skipLanguageKeyboard(t, t(`broadcast-in-${fallback}`)) },
    );
    const value = await ask(conversation, ownerId, (c) =>
      ownerData.skipLanguage.trigger.test(c.callbackQuery?.data ?? '') ? ok(null) : readText(c, limit),
    );
    if (value !== null) texts[locale] = value;
  }

  // 4. The preview: each language as its customers will see it.
  // The default text is always shown: it is also what customers who join the segment later in another
  // language get. Languages nobody in the segment speaks are left out.
  for (const locale of LOCALES) {
    const own = texts[locale];
    const count = audience.byLocale[locale];
    if (count === 0 && locale !== fallback) continue;
    // `language` names the language ("Russian"); `fallback` says which text they get ("in English").
    const vars = { language: languageName(t, locale), count, fallback: t(`broadcast-in-${fallback}`) };
    if (!own) {
      await ctx.reply(t('broadcast-preview-fallback', vars));
      continue;
    }
    await ctx.reply(t(count === 0 ? 'broadcast-preview-default-only' : 'broadcast-preview-header', vars));
    if (photoFileId) await ctx.replyWithPhoto(photoFileId, { caption: own });
    else await ctx.reply(own);
  }

  // 5. When, and 6. confirm. A time that has passed while the owner was deciding is asked again.
  const { timeZone } = await conversation.external(() => services.settings.get());
  const example = await conversation.external(() => {
    const next = toLocal(new Date(services.clock.now().getTime() + 7 * 24 * 60 * 60 * 1000), timeZone);
    return `${String(next.day).padStart(2, '0')}.${String(next.month).padStart(2, '0')} 18:30`;
  });
  for (;;) {
    await ctx.reply(t('broadcast-ask-when', { timeZone, example }), { reply_markup: whenKeyboard(t) });
    const sendAtIso = await ask(conversation, ownerId, async (c): Promise<Answer<string | null>> => {
      const now = new Date(await conversation.external(() => services.clock.now().toISOString()));
      const data = c.callbackQuery?.data ?? '';
      if (ownerData.sendNow.trigger.test(data)) return ok(null);
      if (ownerData.sendTomorrow.trigger.test(data)) {
        const tomorrow = toLocal(startOfLocalDay(now, timeZone, 1), timeZone);
        return ok(fromLocal({ ...tomorrow, hour: TOMORROW_HOUR, minute: 0 }, timeZone).toISOString());
      }
      const text = c.message?.text;
      if (text === undefined) return refuse(c.t(c.callbackQuery ? 'broadcast-use-buttons' : 'broadcast-error-time-not-text'));
      if (text.length > 40) return refuse(c.t('broadcast-error-unreadable-time', { example }));
      const parsed = parseLocalDateTime(text, timeZone, now);
      if (!parsed.ok) return refuse(c.t(parsed.reason === 'NoSuchDate' ? 'broadcast-error-no-such-date' : 'broadcast-error-unreadable-time', { example }));
      const problem = sendAtProblem(parsed.at, now);
      if (problem?.code === 'SendAtInPast') return refuse(c.t('broadcast-error-past', { at: formatLocal(parsed.at, timeZone), timeZone }));
      if (problem) return refuse(c.t('broadcast-error-too-far'));
      return ok(parsed.at.toISOString());
    });
    const sendAt = sendAtIso ? new Date(sendAtIso) : null;
    const when = sendAt ? t('broadcast-when-at', { at: formatLocal(sendAt, timeZone), timeZone }) : t('broadcast-when-right-now');

    await ctx.reply(t('broadcast-confirm', { segment: segmentName, count: audience.total, when }), { reply_markup: confirmKeyboard(t) });
    await ask(conversation, ownerId, (c) =>
      ownerData.confirm.trigger.test(c.callbackQuery?.data ?? '') ? ok(true) : refuse(c.t('broadcast-use-buttons')),
    );
    const scheduled = await conversation.external(async () => {
      const result = await services.broadcasts.schedule({ draftId, segment, texts, photoFileId, sendAt, createdBy: ownerId });
      return result.ok ? { ok: true as const } : { ok: false as const, code: result.error.code };
    });
    if (scheduled.ok) {
      await ctx.reply(sendAt ? t('broadcast-scheduled', { at: formatLocal(sendAt, timeZone), timeZone }) : t('broadcast-sending'));
      return;
    }
    if (scheduled.code !== 'SendAtInPast') {
      await ctx.reply(t('error-unexpected'));
      return;
    }
    await ctx.reply(t('broadcast-error-time-passed'));
  }
}
