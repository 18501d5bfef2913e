// A stand-in for the Bot API server: an API transformer that records every outgoing call and answers
// it the way Telegram would (message ids, file ids, chat member status), with failures on demand.
import { InputFile, type Transformer } from 'grammy';
import type { InlineKeyboardButton, Message, UserFromGetMe } from 'grammy/types';

export const BOT_INFO: UserFromGetMe = {
  id: 7_000_000_001,
  is_bot: true,
  first_name: 'Loyalty Café',
  username: 'loyalty_cafe_bot',
  can_join_groups: true,
  can_read_all_group_messages: false,
  supports_inline_queries: false,
  can_connect_to_business: false,
  has_main_web_app: false,
  has_topics_enabled: false,
  allows_users_to_create_topics: false,
} as UserFromGetMe;

export interface RecordedCall {
  method: string;
  payload: Record<string, unknown>;
  ok: boolean;
}

export interface SentFile {
  fileId: string;
  bytes: Buffer;
  fileName?: string;
}

/** A message the bot sent, as the chat shows it now (edits are applied in place). */
export interface SentMessage {
  messageId: number;
  chatId: number;
  method: string;
  text?: string;
  caption?: string;
  photo?: SentFile;
  document?: SentFile;
  replyMarkup?: unknown;
  parseMode?: string;
  deleted: boolean;
  edits: number;
}

export interface InjectedFailure {
  method?: string;
  chatId?: number;
  times: number;
  error_code: number;
  description: string;
  retry_after?: number;
}

type MemberStatus = 'creator' | 'administrator' | 'member' | 'restricted' | 'left' | 'kicked';

export class FakeTelegram {
  readonly calls: RecordedCall[] = [];
  private readonly chats = new Map<number, SentMessage[]>();
  private readonly files = new Map<string, SentFile>();
  private readonly members = new Map<string, MemberStatus>();
  private readonly failures: InjectedFailure[] = [];
  private nextMessageId = 1000;
  private nextFileId = 1;
  /** Chats that blocked the bot: every send to them answers 403. */
  readonly blocked = new Set<number>();

  constructor(private readonly now: () => Date = () => new Date()) {}

  /** Called after every call is recorded; a test can act at an exact moment (e.g. the 500th message). */
  afterCall?: (call: RecordedCall) => void;
  private frozen = false;

  /**
   * From now on calls still reach Telegram (messages are delivered and recorded), but no answer ever
   * comes back: the bot's process as it dies while waiting on Telegram. `thawAnswers()` ends it.
   */
  freezeAnswers(): void {
    this.frozen = true;
  }

  thawAnswers(): void {
    this.frozen = false;
  }

  private readonly holds: { method: string; chatId: number | undefined; gate: Promise<void> }[] = [];

  /** Until release() is called, calls of `method` (to `chatId`) wait before Telegram answers: a slow Telegram. */
  hold(method: string, chatId?: number): () => void {
    let release!: () => void;
    const hold = { method, chatId, gate: new Promise<void>((resolve) => (release = resolve)) };
    this.holds.push(hold);
    return () => {
      this.holds.splice(this.holds.indexOf(hold), 1);
      release();
    };
  }

  readonly transformer: Transformer = async (prev, method, payload, signal) => {
    const target = (payload as { chat_id?: unknown } | undefined)?.chat_id;
    const held = this.holds.find((h) => h.method === method && (h.chatId === undefined || h.chatId === target));
    if (held) await held.gate;
    const answer = await this.respond(prev, method, payload, signal);
    const call = this.calls.at(-1);
    if (call) this.afterCall?.(call);
    if (this.frozen) return new Promise<never>(() => undefined);
    return answer;
  };

  private readonly respond: Transformer = async (_prev, method, payload) => {
    const args = { ...(payload as Record<string, unknown>) };
    const failure = this.takeFailure(method, args);
    if (failure) {
      this.calls.push({ method, payload: args, ok: false });
      return {
        ok: false,
        error_code: failure.error_code,
        description: failure.description,
        ...(failure.retry_after !== undefined ? { parameters: { retry_after: failure.retry_after } } : {}),
      } as never;
    }
    try {
      const result = await this.answer(method, args);
      this.calls.push({ method, payload: args, ok: true });
      return { ok: true, result } as never;
    } catch (error) {
      // Telegram answers a bad call with 400 and a description; the bot must cope with it like that.
      this.calls.push({ method, payload: args, ok: false });
      const description = error instanceof Error ? error.message : String(error);
      return { ok: false, error_code: description.startsWith('FakeTelegram') ? 404 : 400, description } as never;
    }
  };

  /** The next `times` calls matching the method (and chat) fail with this error. */
  fail(failure: Omit<InjectedFailure, 'times'> & { times?: number }): void {
    this.failures.push({ times: 1, ...failure });
  }

  setMember(chatId: number, userId: number, status: MemberStatus): void {
    this.members.set(`${chatId}:${userId}`, status);
  }

  /** Everything the bot shows in a chat, oldest first (deleted messages excluded). */
  messages(chatId: number): SentMessage[] {
    return (this.chats.get(chatId) ?? []).filter((m) => !m.deleted);
  }

  callsOf(method: string): RecordedCall[] {
    return this.calls.filter((c) => c.method === method);
  }

  file(fileId: string): SentFile | undefined {
    return this.files.get(fileId);
  }

  /** A file a user sent to the bot: from then on Telegram knows it by its id, and the bot may send it on. */
  receiveUpload(fileId: string, fileName = 'photo.jpg'): void {
    this.files.set(fileId, { fileId, bytes: Buffer.from(fileId), fileName });
  }

  private takeFailure(method: string, args: Record<string, unknown>): InjectedFailure | undefined {
    const chatId = typeof args.chat_id === 'number' ? args.chat_id : undefined;
    if (chatId !== undefined && this.blocked.has(chatId) && method.startsWith('send')) {
      return { times: 1, error_code: 403, description: 'Forbidden: bot was blocked by the user' };
    }
    const index = this.failures.findIndex(
      (f) => (!f.method || f.method === method) && (f.chatId === undefined || f.chatId === chatId),
    );
    if (index < 0) return undefined;
    const failure = this.failures[index]!;
    failure.times--;
    if (failure.times <= 0) this.failures.splice(index, 1);
    return failure;
  }

  private async storeFile(input: unknown, fallbackName: string): Promise<SentFile> {
    if (typeof input === 'string') {
      const known = this.files.get(input);
      if (!known) throw new Error(`Bad Request: wrong file identifier ${input}`);
      return known;
    }
    if (!(input instanceof InputFile)) throw new Error('Bad Request: there is no file in the request');
    const raw = await input.toRaw();
    let bytes: Buffer;
    if (raw instanceof Uint8Array) bytes = Buffer.from(raw);
    else {
      const chunks: Uint8Array[] = [];
      for await (const chunk of raw as AsyncIterable<Uint8Array>) chunks.push(chunk);
      bytes = Buffer.concat(chunks);
    }
    const file: SentFile = { fileId: `file_${this.nextFileId++}`, bytes, fileName: input.filename ?? fallbackName };
    this.files.set(file.fileId, file);
    return file;
  }

  private record(chatId: number, method: string, fields: Partial<SentMessage>): Message {
    const message: SentMessage = {
      messageId: this.nextMessageId++,
      chatId,
      method,
      deleted: false,
      edits: 0,
      ...fields,
    };
    const list = this.chats.get(chatId) ?? [];
    list.push(message);
    this.chats.set(chatId, list);
    return this.toTelegram(message);
  }

  private toTelegram(m: SentMessage): Message {
    return {
      message_id: m.messageId,
      date: Math.floor(this.now().getTime() / 1000),
      chat: m.chatId > 0 ? { id: m.chatId, type: 'private', first_name: 'User' } : { id: m.chatId, type: 'supergroup', title: 'Staff' },
      from: BOT_INFO,
      ...(m.text !== undefined ? { text: m.text } : {}),
      ...(m.caption !== undefined ? { caption: m.caption } : {}),
      ...(m.photo ? { photo: [{ file_id: m.photo.fileId, file_unique_id: `u${m.photo.fileId}`, width: 800, height: 1000 }] } : {}),
      ...(m.document ? { document: { file_id: m.document.fileId, file_unique_id: `u${m.document.fileId}`, file_name: m.document.fileName } } : {}),
      ...(m.replyMarkup ? { reply_markup: m.replyMarkup } : {}),
    } as Message;
  }

  private find(chatId: unknown, messageId: unknown): SentMessage {
    const message = this.chats.get(Number(chatId))?.find((m) => m.messageId === Number(messageId) && !m.deleted);
    if (!message) throw new Error('Bad Request: message to edit not found');
    return message;
  }

  private async answer(method: string, a: Record<string, unknown>): Promise<unknown> {
    const chatId = Number(a.chat_id);
    const markup = a.reply_markup;
    switch (method) {
      case 'getMe':
        return BOT_INFO;
      case 'sendMessage':
        if (typeof a.text !== 'string' || a.text.length === 0) throw new Error('Bad Request: message text is empty');
        if (a.text.length > 4096) throw new Error('Bad Request: message is too long');
        return this.record(chatId, method, { text: a.text, replyMarkup: markup, parseMode: a.parse_mode as string });
      case 'sendPhoto': {
        const photo = await this.storeFile(a.photo, 'photo.png');
        return this.record(chatId, method, { photo, caption: a.caption as string, replyMarkup: markup });
      }
      case 'sendDocument': {
        const document = await this.storeFile(a.document, 'file');
        return this.record(chatId, method, { document, caption: a.caption as string, replyMarkup: markup });
      }
      case 'editMessageText': {
        const m = this.find(a.chat_id, a.message_id);
        m.text = a.text as string;
        m.replyMarkup = markup;
        m.edits++;
        return this.toTelegram(m);
      }
      case 'editMessageCaption': {
        const m = this.find(a.chat_id, a.message_id);
        m.caption = a.caption as string;
        m.replyMarkup = markup;
        m.edits++;
        return this.toTelegram(m);
      }
      case 'editMessageReplyMarkup': {
        const m = this.find(a.chat_id, a.message_id);
        m.replyMarkup = markup;
        m.edits++;
        return this.toTelegram(m);
      }
      case 'editMessageMedia': {
        const m = this.find(a.chat_id, a.message_id);
        const media = a.media as { media: unknown; caption?: string };
        m.photo = await this.storeFile(media.media, 'photo.png');
        m.caption = media.caption;
        m.replyMarkup = markup;
        m.edits++;
        return this.toTelegram(m);
      }
      case 'deleteMessage': {
        this.find(a.chat_id, a.message_id).deleted = true;
        return true;
      }
      case 'getChatMember': {
        const status = this.members.get(`${chatId}:${Number(a.user_id)}`) ?? 'left';
        return { status, user: { id: Number(a.user_id), is_bot: false, first_name: 'Member' } };
      }
      case 'answerCallbackQuery':
      case 'setMyCommands':
      case 'deleteMyCommands':
      case 'setWebhook':
      case 'deleteWebhook':
      case 'sendChatAction':
      case 'setChatMenuButton':
        return true;
      default:
        throw new Error(`FakeTelegram does not know ${method}`);
    }
  }
}

export function inlineButtons(message: SentMessage | undefined): InlineKeyboardButton[] {
  const markup = message?.replyMarkup as { inline_keyboard?: InlineKeyboardButton[][] } | undefined;
  return markup?.inline_keyboard?.flat() ?? [];
}

export function replyButtons(message: SentMessage | undefined): string[] {
  const markup = message?.replyMarkup as { keyboard?: (string | { text: string })[][] } | undefined;
  return markup?.keyboard?.flat().map((b) => (typeof b === 'string' ? b : b.text)) ?? [];
}
