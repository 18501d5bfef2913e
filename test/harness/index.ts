// The story-telling harness: the real app (same factory as production) on a real test database, a
// fake Telegram that records what users would see, and users who press buttons and share contacts.
//
//   const h = await createHarness();
//   const customer = h.user({ language_code: 'bg' });
//   await customer.send('/start');
//   expect(customer.lastText).toContain('…');
import { randomUUID } from 'node:crypto';
import type { Update, User } from 'grammy/types';
import type { Config } from '../../app/config.js';
import { createLogger, type Logger } from '../../app/logger.js';
import { createApp, type App } from '../../app/app.js';
import type { Settings } from '../../domain/settings.js';
import { connectTestDatabase } from '../db.js';
import { BOT_INFO, FakeTelegram, inlineButtons, replyButtons, type SentMessage } from './telegram.js';
import { TestClock } from './clock.js';
import { telegramFetch } from './telegram-fetch.js';
import { capturedLogs, logSink } from './log-sink.js';

export { BOT_INFO, FakeTelegram, TestClock, inlineButtons, replyButtons };
export type { SentMessage };

export const STAFF_CHAT_ID = -1001234567890;
export const OWNER_ID = 500_001;

export interface HarnessOptions {
  config?: Partial<Config>;
  settings?: Partial<Settings>;
  clock?: TestClock;
  /** Bounds for auto-retry; tests keep them small so injected 429s do not slow the suite. */
  retry?: { maxRetryAttempts: number; maxDelaySeconds: number };
  /** Another server than the suite's (a test that stops and starts its own). */
  mongoUri?: string;
  databaseTimeoutMs?: number;
  /** Another way to the suite's own server (a DatabaseProxy's uri); the test file's database stays the same. */
  connectVia?: string;
  /** The driver's command events on the app's connection (see test/harness/commands.ts). */
  monitorCommands?: boolean;
}

let updateId = 1;
let nextUserId = 100_001;
let harnessCount = 0;

export class Harness {
  readonly users: TestUser[] = [];
  private readonly instances: App[] = [];
  private readonly logStart = capturedLogs.length;

  constructor(
    public app: App,
    readonly telegram: FakeTelegram,
    readonly clock: TestClock,
    private readonly rebuild: () => Promise<App>,
    private readonly dropDatabase: () => Promise<void>,
  ) {
    this.instances.push(app);
  }

  /** Error-level log lines the app wrote since this harness started (should be none in a normal story). */
  get errorLogs(): string[] {
    return capturedLogs.slice(this.logStart).filter((line) => /"level":"(error|fatal)"/.test(line));
  }

  get services() {
    return this.app.services;
  }

  get config() {
    return this.app.config;
  }

  /** A new Telegram user (not yet known to the bot). */
  user(info: Partial<Omit<User, 'is_bot'>> = {}): TestUser {
    const id = info.id ?? nextUserId++;
    const user = new TestUser(this, {
      id,
      is_bot: false,
      first_name: info.first_name ?? `User${id}`,
      ...(info.last_name ? { last_name: info.last_name } : {}),
      ...(info.username ? { username: info.username } : {}),
      language_code: info.language_code ?? 'en',
    });
    this.users.push(user);
    return user;
  }

  /** A user who is a member of the staff group. */
  staff(info: Partial<Omit<User, 'is_bot'>> = {}): TestUser {
    const user = this.user({ first_name: 'Barista', ...info });
    this.telegram.setMember(STAFF_CHAT_ID, user.id, 'member');
    return user;
  }

  owner(info: Partial<Omit<User, 'is_bot'>> = {}): TestUser {
    return this.user({ id: OWNER_ID, first_name: 'Owner', ...info });
  }

  /** Messages the bot posted to the staff group. */
  get staffChat(): SentMessage[] {
    return this.telegram.messages(STAFF_CHAT_ID);
  }

  /** How updates reach the bot; a test may route them elsewhere (e.g. over HTTP to several instances). */
  deliver: (update: Update) => Promise<void> = (update) => this.app.bot.handleUpdate(update);

  async handle(update: Omit<Update, 'update_id'>): Promise<void> {
    await this.deliver({ update_id: updateId++, ...update });
    await this.settle();
  }

  /** Runs every job due at the test clock's current time. */
  async runJobs(): Promise<number> {
    const ran = await this.app.scheduler.runDue(this.clock.now());
    await this.settle();
    return ran;
  }

  /**
   * Waits for what an update or a job left running after it was answered (posting the staff chat's
   * lines, bot/staff-feed.ts), on every instance: a test then reads the chats as they end up.
   */
  async settle(): Promise<void> {
    for (const app of this.instances) await app.notifier.staffChat.idle();
  }

  /** Replaces the running app by a fresh one on the same database, as after a restart or on another instance. */
  async restart(): Promise<void> {
    this.app = await this.rebuild();
    this.instances.push(this.app);
  }

  /** A second app on the same database and the same Telegram, while the first keeps running. */
  async anotherInstance(): Promise<App> {
    const app = await this.rebuild();
    this.instances.push(app);
    return app;
  }

  async close(): Promise<void> {
    await this.dropDatabase().catch(() => undefined);
    for (const app of this.instances) await app.close().catch(() => undefined);
  }
}

function commandEntities(text: string) {
  const match = /^\/[A-Za-z0-9_]+(@\w+)?/.exec(text);
  return match ? [{ type: 'bot_command' as const, offset: 0, length: match[0].length }] : undefined;
}

/** One person using Telegram: in a private chat with the bot by default, or in a group. */
export class TestUser {
  constructor(
    private readonly h: Harness,
    readonly info: User,
  ) {}

  get harness(): Harness {
    return this.h;
  }

  get id(): number {
    return this.info.id;
  }

  private chat(chatId: number) {
    return chatId > 0
      ? { id: chatId, type: 'private' as const, first_name: this.info.first_name }
      : { id: chatId, type: 'supergroup' as const, title: 'Staff' };
  }

  private message(chatId: number, fields: Record<string, unknown>) {
    return {
      message_id: Math.floor(Math.random() * 1e9),
      date: Math.floor(this.h.clock.now().getTime() / 1000),
      chat: this.chat(chatId),
      from: this.info,
      ...fields,
    };
  }

  /** Sends a text (a command when it starts with /) to the bot, or into a group chat. */
  async send(text: string, chatId: number = this.id): Promise<void> {
    const entities = commandEntities(text);
    await this.h.handle({ message: this.message(chatId, { text, ...(entities ? { entities } : {}) }) });
  }

  /** Shares a contact; by default their own, as the request_contact button does. */
  async shareContact(phone = '+359888123456', options: { userId?: number | null; firstName?: string } = {}): Promise<void> {
    const userId = options.userId === undefined ? this.id : options.userId;
    const contact = {
      phone_number: phone,
      first_name: options.firstName ?? this.info.first_name,
      ...(userId !== null ? { user_id: userId } : {}),
    };
    await this.h.handle({ message: this.message(this.id, { contact }) });
  }

  async sendPhoto(caption?: string, chatId: number = this.id): Promise<void> {
    const photo = [{ file_id: `user_photo_${randomUUID()}`, file_unique_id: randomUUID(), width: 640, height: 480 }];
    this.h.telegram.receiveUpload(photo[0]!.file_id);
    await this.h.handle({ message: this.message(chatId, { photo, ...(caption ? { caption } : {}) }) });
  }

  async sendSticker(chatId: number = this.id): Promise<void> {
    const sticker = { file_id: `sticker_${randomUUID()}`, file_unique_id: randomUUID(), type: 'regular', width: 512, height: 512, is_animated: false, is_video: false };
    await this.h.handle({ message: this.message(chatId, { sticker }) });
  }

  /** Presses the inline button with this text (or matching this pattern) on the newest message that has it. */
  async press(label: string | RegExp, chatId: number = this.id): Promise<void> {
    const messages = [...this.h.telegram.messages(chatId)].reverse();
    for (const message of messages) {
      const button = inlineButtons(message).find((b) =>
        typeof label === 'string' ? b.text === label : label.test(b.text),
      );
      if (button && 'callback_data' in button) {
        await this.pressData(button.callback_data, message, chatId);
        return;
      }
    }
    const shown = messages.slice(0, 3).map((m) => inlineButtons(m).map((b) => b.text));
    throw new Error(`no button ${String(label)} in chat ${chatId}; newest buttons: ${JSON.stringify(shown)}`);
  }

  /** Sends callback data as if pressed on `message` (or forged: any data, any message). */
  async pressData(data: string, message?: SentMessage, chatId: number = this.id): Promise<void> {
    const target = message ?? this.h.telegram.messages(chatId).at(-1);
    await this.h.handle({
      callback_query: {
        id: randomUUID(),
        from: this.info,
        chat_instance: String(chatId),
        data,
        ...(target
          ? {
              message: {
                message_id: target.messageId,
                date: Math.floor(this.h.clock.now().getTime() / 1000),
                chat: this.chat(chatId),
                from: BOT_INFO,
                ...(target.text !== undefined ? { text: target.text } : {}),
                ...(target.caption !== undefined ? { caption: target.caption } : {}),
                ...(target.photo ? { photo: [{ file_id: target.photo.fileId, file_unique_id: 'u', width: 1, height: 1 }] } : {}),
              },
            }
          : {}),
      },
    });
  }

  /** What the bot shows this user in the private chat. */
  get messages(): SentMessage[] {
    return this.h.telegram.messages(this.id);
  }

  get last(): SentMessage | undefined {
    return this.messages.at(-1);
  }

  /** The newest text or caption the user sees. */
  get lastText(): string {
    const m = this.last;
    return m?.text ?? m?.caption ?? '';
  }

  get lastPhoto(): Buffer | undefined {
    return [...this.messages].reverse().find((m) => m.photo)?.photo?.bytes;
  }

  /** Inline button texts of the newest message, or reply keyboard buttons if it has those. */
  get buttons(): string[] {
    const m = this.last;
    const inline = inlineButtons(m).map((b) => b.text);
    return inline.length > 0 ? inline : replyButtons(m);
  }

  /** All texts and captions the user received since `from` (an index into messages). */
  textsSince(from: number): string[] {
    return this.messages.slice(from).map((m) => m.text ?? m.caption ?? '');
  }
}

export function testConfig(overrides: Partial<Config> = {}): Config {
  return {
    BOT_TOKEN: '123456:TEST-TOKEN-abcdefghij',
    OWNER_IDS: [OWNER_ID],
    STAFF_CHAT_ID,
    DEFAULT_LOCALE: 'en',
    TZ: 'Europe/Sofia',
    PORT: 0,
    DATA_DIR: './data',
    LOG_LEVEL: 'info',
    BROADCAST_RATE: 25,
    ...overrides,
  };
}

export async function createHarness(options: HarnessOptions = {}): Promise<Harness> {
  const db = options.mongoUri
    ? { uri: options.mongoUri, dbName: `fault_${++harnessCount}`, drop: async () => undefined }
    : await connectTestDatabase(String(++harnessCount));
  const clock = options.clock ?? new TestClock();
  const telegram = new FakeTelegram(() => clock.now());
  const config = testConfig(options.config);
  const logger: Logger = createLogger(process.env.TEST_LOG_LEVEL ?? 'debug', logSink);
  let instance = 0;
  const build = async () =>
    createApp({
      config,
      logger,
      mongoUri: options.mongoUri ?? options.connectVia ?? db.uri,
      ...(options.databaseTimeoutMs ? { databaseTimeoutMs: options.databaseTimeoutMs } : {}),
      ...(options.monitorCommands ? { monitorCommands: true } : {}),
      dbName: db.dbName,
      clock,
      workerName: `test-worker-${++instance}`,
      bot: {
        botInfo: BOT_INFO,
        transformers: [telegram.transformer],
        // Calls made inside conversations bypass the bot's transformers (see telegram-fetch.ts).
        client: { fetch: telegramFetch(telegram) },
        retry: options.retry ?? { maxRetryAttempts: 2, maxDelaySeconds: 2 },
      },
    });
  const app = await build();
  if (options.settings) await app.services.settings.update(options.settings, null);
  return new Harness(app, telegram, clock, build, db.drop);
}
