// Posting to the staff chat within Telegram's limit for a group (about 20 messages a minute): every
// audit line and review post goes through here. In a quiet moment a line is posted at once, as its
// own message; in a rush the lines that wait are posted together, numbered, one Undo button per line
// ("↩️ 3"), at most MAX_LINES and 4096 characters a message. The first BURST messages of a minute go
// out at once, the rest are spaced evenly, so the chat never gets more than LIMIT in any 60 seconds.
//
// The lines, the minute's sends, Telegram's retry_after and the right to post (a lease) are kept in
// the database (domain/staff-feed), so several instances share one budget and a line survives the
// instance that stored it: what cannot be posted now is left to a job at the next free moment.
import { GrammyError, type Api } from 'grammy';
import type { Locale } from '../domain/locales.js';
import type { Logger } from '../app/logger.js';
import type { Services } from '../domain/services.js';
import { nextSlot, STAFF_CHAT_PACE, type FeedLine } from '../domain/staff-feed/service.js';
import type { TranslationVars, Translator } from './translator.js';
import { feedUndoKeyboard, undoKeyboard } from './keyboards/staff.js';

export const STAFF_FEED_FLUSH_JOB = 'staff-feed-flush';

export const WINDOW_MS = STAFF_CHAT_PACE.windowMs;
export const LIMIT = STAFF_CHAT_PACE.limit;
export const MAX_LINES = 20;
export const MAX_CHARS = 4096;
/** A single line is never longer than this (review comments are far shorter). */
const LINE_MAX_CHARS = 3800;
const BUTTONS_PER_ROW = 5;
const LEASE_MS = 30_000;
/** Lines Telegram refuses this often (not a 429) are given up, with an error in the log. */
const MAX_ATTEMPTS = 3;
const PRUNE_EVERY_MS = 10 * 60_000;

export type VarsFor = TranslationVars | ((locale: Locale) => TranslationVars);

export interface StaffFeedDeps {
  /** Without auto-retry: a 429 here is handled by pausing the feed, never by waiting inside an update. */
  api: Api;
  t: Translator;
  logger: Logger;
  services: Services;
  /** The staff chat, as domain/team.ts knows it (environment, or bound with /staffchat). */
  chatId: () => Promise<number | undefined>;
}

/** One message of feed lines as the chat shows it: a lone line as it is, several numbered. */
export function renderFeedMessage(t: Translator, lines: FeedLine[]) {
  const locale = lines[0]!.locale;
  const tl = (key: string, vars?: TranslationVars) => t(locale, key, vars);
  const withMark = (line: FeedLine) => (line.undoneMark ? `${line.text}\n${line.undoneMark}` : line.text);
  if (lines.length === 1) {
    const line = lines[0]!;
    const undo = line.undoEntryId && !line.undoneMark ? undoKeyboard(tl, line.undoEntryId) : undefined;
    return { text: withMark(line), reply_markup: undo };
  }
  const separator = lines.some((l) => l.text.includes('\n')) ? '\n\n' : '\n';
  const text = lines.map((line, i) => `${i + 1}. ${withMark(line)}`).join(separator);
  const undoable = lines.flatMap((line, i) => (line.undoEntryId && !line.undoneMark ? [{ line: i + 1, entryId: line.undoEntryId }] : []));
  return { text, reply_markup: feedUndoKeyboard(tl, undoable, BUTTONS_PER_ROW) };
}

/** The waiting lines that go into the next message: same language, within Telegram's limits. */
export function nextBatch(t: Translator, waiting: FeedLine[]): FeedLine[] {
  const batch: FeedLine[] = [];
  for (const line of waiting) {
    if (batch.length >= MAX_LINES || (batch.length > 0 && line.locale !== batch[0]!.locale)) break;
    if (batch.length > 0 && renderFeedMessage(t, [...batch, line]).text.length > MAX_CHARS) break;
    batch.push(line);
  }
  return batch;
}

type Outcome = 'done' | 'paused' | 'retry';

interface Running {
  /** Someone added work while this flush ran: look once more before ending. */
  again: boolean;
  done: Promise<void>;
}

export class StaffFeed {
  private lastPruned = 0;
  private readonly running = new Map<number, Running>();
  private readonly posting = new Set<Promise<void>>();
  private readonly tails = new Map<number, Promise<void>>();
  /** Lines stored by post() whose own posting has not run yet (a flush that sends one takes it off). */
  private readonly undelivered = new Set<string>();

  constructor(private readonly deps: StaffFeedDeps) {}

  /** The language the staff chat reads. */
  locale(): Promise<Locale> {
    return this.deps.services.preferences.staffChatLocale();
  }

  /**
   * Adds a line to the staff chat (with an Undo button for `undoEntryId`). Once the line is stored the
   * caller goes on: posting it (at once in a quiet moment, in a batch in a rush, by a job when the
   * minute is full) runs after the update that caused it has been answered, so a barista's next scan
   * never waits behind the staff chat's pace (issue 12). A line whose posting fails stays stored and is
   * left to the flush job; the failure goes to the log.
   */
  async post(key: string, vars: VarsFor, undoEntryId?: string): Promise<void> {
    const chatId = await this.deps.chatId();
    if (chatId === undefined) return;
    const locale = await this.locale();
    let text = this.deps.t(locale, key, typeof vars === 'function' ? vars(locale) : vars);
    if (text.length > LINE_MAX_CHARS) text = `${text.slice(0, LINE_MAX_CHARS - 1)}…`;
    const line = await this.deps.services.staffFeed.add(chatId, { locale, text, ...(undoEntryId ? { undoEntryId } : {}) });
    this.undelivered.add(String(line._id));
    this.inBackground(chatId, () => this.deliver(chatId, line));
  }

  /** Resolves once nothing that post() or markUndone() started is still posting (shutdown, tests). */
  async idle(): Promise<void> {
    while (this.posting.size > 0) await Promise.all([...this.posting]);
  }

  /**
   * Runs `work` after the update that caused it, one at a time per chat in this process: lines go out
   * in the order they were stored, and two of them never take a send slot at the same moment.
   */
  private inBackground(chatId: number, work: () => Promise<void>): void {
    const previous = this.tails.get(chatId) ?? Promise.resolve();
    const task: Promise<void> = previous
      .then(work)
      .catch(async (error: unknown) => {
        this.deps.logger.error({ err: error, chatId }, 'staff chat feed could not post; the flush job will try again');
        await this.later(chatId, 30_000).catch((again: unknown) =>
          this.deps.logger.error({ err: again, chatId }, 'staff chat feed could not schedule its flush; lines wait for the next post'),
        );
      })
      .finally(() => {
        this.posting.delete(task);
        if (this.tails.get(chatId) === task) this.tails.delete(chatId);
      });
    this.posting.add(task);
    this.tails.set(chatId, task);
  }

  private async deliver(chatId: number, line: FeedLine): Promise<void> {
    // A flush that ran before this turn (for an earlier line, or an undo) may have posted it already.
    if (!this.undelivered.delete(String(line._id))) return;
    const store = this.deps.services.staffFeed;
    // The quiet moment: nothing waits and the budget has room, so this line goes at once, alone.
    if (!this.running.has(chatId) && (await store.takeSlot(chatId, { unlessBacklog: true }))) {
      const outcome = await this.send(chatId, [line]);
      if (outcome === 'done') return;
      const now = this.deps.services.clock.now().getTime();
      if (outcome === 'paused') return this.later(chatId, ((await store.paceState(chatId)).pausedUntil?.getTime() ?? now) - now);
      return this.later(chatId, 30_000);
    }
    await this.flush(chatId);
  }

  /** Marks an operation's line as undone (and drops its button); false when the feed never had it. */
  async markUndone(undoEntryId: string, staffName: string): Promise<boolean> {
    const chatId = await this.deps.chatId();
    const mark = this.deps.t(await this.locale(), 'staff-audit-undone-mark', { staff: staffName });
    if (!(await this.deps.services.staffFeed.markUndone(undoEntryId, mark))) return false;
    if (chatId !== undefined) this.inBackground(chatId, () => this.flush(chatId));
    return true;
  }

  /**
   * Posts and edits what waits, as far as the pace allows; the rest is left to a job at the next free
   * moment. A flush already running in this process takes the caller's lines along (it looks again
   * before it ends), so the caller waits for it instead of starting another.
   */
  async flush(chatId?: number): Promise<void> {
    chatId ??= await this.deps.chatId();
    if (chatId === undefined) return;
    const running = this.running.get(chatId);
    if (running) {
      running.again = true;
      return running.done;
    }
    const state: Running = { again: false, done: Promise.resolve() };
    this.running.set(chatId, state);
    state.done = (async () => {
      try {
        await this.drain(chatId, state);
      } finally {
        this.running.delete(chatId);
      }
      // Lines added after the last look (while the lease was being given back): one more flush.
      if (state.again) await this.flush(chatId);
    })();
    return state.done;
  }

  private async drain(chatId: number, state: Running): Promise<void> {
    const { services, logger } = this.deps;
    const store = services.staffFeed;
    // Another instance is posting; it may have read the waiting lines before ours arrived.
    if (!(await store.lease(chatId, LEASE_MS))) return this.later(chatId, 2_000);
    try {
      for (;;) {
        state.again = false;
        const now = services.clock.now();
        const { waiting, edit } = await store.work(chatId, MAX_LINES);
        if (waiting.length === 0 && !edit) {
          if (state.again) continue; // a line arrived while we looked
          // New lines may take a slot of their own again.
          return await store.setBacklog(chatId, false);
        }
        if (!(await store.takeSlot(chatId))) {
          const pace = await store.paceState(chatId);
          const at = Math.max(pace.pausedUntil?.getTime() ?? 0, nextSlot(STAFF_CHAT_PACE, pace.sends, now).getTime());
          return await this.later(chatId, at - now.getTime());
        }
        const outcome = edit ? await this.edit(chatId, edit.messageId, edit.lines) : await this.send(chatId, nextBatch(this.deps.t, waiting));
        if (outcome === 'paused') return await this.later(chatId, ((await store.paceState(chatId)).pausedUntil?.getTime() ?? now.getTime()) - now.getTime());
        if (outcome === 'retry') return await this.later(chatId, 30_000);
      }
    } catch (error) {
      logger.error({ err: error, chatId }, 'staff chat feed could not post');
      await this.later(chatId, 30_000).catch(() => undefined);
    } finally {
      await store.release(chatId).catch(() => undefined);
      await this.prune();
    }
  }

  private async send(chatId: number, batch: FeedLine[]): Promise<Outcome> {
    const { api, services, logger, t } = this.deps;
    const ids = batch.map((l) => l._id);
    const { text, reply_markup } = renderFeedMessage(t, batch);
    try {
      // The slot was taken before this call (an answer lost on the way still counts as a send).
      const sent = await api.sendMessage(chatId, text, reply_markup ? { reply_markup } : {});
      for (const id of ids) this.undelivered.delete(String(id));
      await services.staffFeed.posted(ids, sent.message_id);
      if (batch.length > 1) logger.info({ chatId, lines: batch.length }, 'staff chat lines posted together');
      return 'done';
    } catch (error) {
      if (await this.pausedBy(chatId, error)) return 'paused';
      const tries = Math.max(...batch.map((l) => l.attempts)) + 1;
      if (tries >= MAX_ATTEMPTS) {
        logger.error({ err: error, chatId, lines: batch.length }, 'staff chat refused these lines; given up');
        for (const id of ids) this.undelivered.delete(String(id));
        await services.staffFeed.abandon(ids);
        return 'done';
      }
      logger.warn({ err: error, chatId, lines: batch.length }, 'staff chat lines not posted; will retry');
      await services.staffFeed.failedAttempt(ids);
      return 'retry';
    }
  }

  private async edit(chatId: number, messageId: number, lines: FeedLine[]): Promise<Outcome> {
    const { api, services, logger, t } = this.deps;
    const { text, reply_markup } = renderFeedMessage(t, lines);
    try {
      await api.editMessageText(chatId, messageId, text, reply_markup ? { reply_markup } : {});
    } catch (error) {
      if (await this.pausedBy(chatId, error)) return 'paused';
      // An edit only shows what already happened (the undo has its own line): never retried.
      if (!(error instanceof GrammyError && /not modified/i.test(error.description))) {
        logger.warn({ err: error, chatId, messageId }, 'could not mark the undone line in the staff chat');
      }
    }
    await services.staffFeed.edited(chatId, messageId);
    return 'done';
  }

  /** Honours Telegram's 429 for everyone who posts to this chat. */
  private async pausedBy(chatId: number, error: unknown): Promise<boolean> {
    if (!(error instanceof GrammyError) || error.error_code !== 429) return false;
    const seconds = error.parameters.retry_after ?? 5;
    const until = new Date(this.deps.services.clock.now().getTime() + seconds * 1000);
    await this.deps.services.staffFeed.pause(chatId, until);
    this.deps.logger.warn({ chatId, retryAfter: seconds }, 'staff chat flood wait');
    return true;
  }

  /**
   * A job posts the rest at the next free moment (one job per chat and moment, on any instance);
   * until it has, new lines queue behind the waiting ones.
   */
  private async later(chatId: number, inMs: number): Promise<void> {
    await this.deps.services.staffFeed.setBacklog(chatId, true);
    const at = new Date(this.deps.services.clock.now().getTime() + Math.max(inMs, 1_000));
    const slot = new Date(Math.ceil(at.getTime() / 1000) * 1000).toISOString();
    await this.deps.services.jobs.schedule(STAFF_FEED_FLUSH_JOB, new Date(slot), { chatId, at: slot }, { 'data.chatId': chatId, 'data.at': slot });
  }

  private async prune(): Promise<void> {
    const now = this.deps.services.clock.now().getTime();
    if (now - this.lastPruned < PRUNE_EVERY_MS) return;
    this.lastPruned = now;
    await this.deps.services.staffFeed.prune().catch((error: unknown) => this.deps.logger.warn({ err: error }, 'staff feed prune failed'));
  }
}
