// `npm run demo`: the real bot, with no token and no network, against a local Bot API endpoint.
// A short story plays out — a customer joins, staff stamps her card, a reward is redeemed, a friend is
// referred, the owner broadcasts an offer — and the chat is printed as a transcript. The card image
// is saved to ./demo-output/card.png.
import '../app/load-env.js';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Update, User } from 'grammy/types';
import { createApp, prepareBot, type App } from '../app/app.js';
import { loadConfig } from '../app/config.js';
import type { Locale } from '../domain/locales.js';
import { createLogger } from '../app/logger.js';
import { startMongoServer } from '../app/mongo-server.js';
import { customerModel } from '../domain/customers/model.js';
import { startLocalBotApi, type LocalBotApi } from '../test/harness/bot-api-server.js';
import { FakeTelegram, inlineButtons, replyButtons, type SentMessage } from '../test/harness/telegram.js';

const OWNER_ID = 1001;
const STAFF_CHAT_ID = -1005000000001;
const OUTPUT = resolve(process.env.DEMO_OUTPUT ?? 'demo-output');

const people = {
  maria: { id: 2001, is_bot: false, first_name: 'Мария', language_code: 'bg' },
  ivan: { id: 2002, is_bot: false, first_name: 'Ivan', language_code: 'en' },
  peter: { id: 2003, is_bot: false, first_name: 'Peter', language_code: 'en' },
  owner: { id: OWNER_ID, is_bot: false, first_name: 'Elena', language_code: 'en' },
} satisfies Record<string, User>;

const names = new Map<number, string>([
  [people.maria.id, 'Maria (customer, bg)'],
  [people.ivan.id, 'Ivan (barista)'],
  [people.peter.id, 'Peter (friend, en)'],
  [people.owner.id, 'Elena (owner)'],
  [STAFF_CHAT_ID, 'Staff group'],
]);

class Story {
  private readonly seen = new Map<number, number>();
  private messageId = 1;

  constructor(
    private readonly app: App,
    private readonly telegram: FakeTelegram,
    private readonly api: LocalBotApi,
  ) {}

  t(locale: Locale, key: string, vars?: Record<string, string | number>): string {
    return this.app.t(locale, key, vars);
  }

  scene(title: string): void {
    process.stdout.write(`\n━━ ${title} ━━\n`);
  }

  private async deliver(update: Omit<Update, 'update_id'>, said: string, who: User): Promise<void> {
    process.stdout.write(`  ${names.get(who.id)} › ${said}\n`);
    this.api.push(update);
    await this.api.drained();
    await this.app.scheduler.runDue();
    this.print();
  }

  private chat(user: User) {
    return { id: user.id, type: 'private' as const, first_name: user.first_name };
  }

  /** A message from `user` in their private chat with the bot. */
  private message(user: User, fields: Record<string, unknown>): Omit<Update, 'update_id'> {
    return {
      message: { message_id: this.messageId++, date: Math.floor(Date.now() / 1000), chat: this.chat(user), from: user, ...fields },
    };
  }

  async send(user: User, text: string): Promise<void> {
    const command = /^\/\w+/.exec(text);
    const entities = command ? [{ type: 'bot_command', offset: 0, length: command[0].length }] : undefined;
    await this.deliver(this.message(user, { text, ...(entities ? { entities } : {}) }), text, user);
  }

  async shareContact(user: User, phone: string): Promise<void> {
    const contact = { phone_number: phone, first_name: user.first_name, user_id: user.id };
    await this.deliver(this.message(user, { contact }), '📱 shares their phone number', user);
  }

  async press(user: User, label: string | RegExp, chatId = user.id): Promise<void> {
    const messages = [...this.telegram.messages(chatId)].reverse();
    for (const message of messages) {
      const button = inlineButtons(message).find((b) => (typeof label === 'string' ? b.text === label : label.test(b.text)));
      if (button && 'callback_data' in button) {
        await this.deliver(
          {
            callback_query: {
              id: String(this.messageId++),
              from: user,
              chat_instance: String(chatId),
              data: button.callback_data,
              message: { message_id: message.messageId, date: 0, chat: chatId > 0 ? this.chat(user) : { id: chatId, type: 'supergroup', title: 'Staff' } },
            },
          },
          `[presses “${button.text}”]`,
          user,
        );
        return;
      }
    }
    throw new Error(`no button ${String(label)} in ${names.get(chatId)}`);
  }

  /** Prints what the bot has shown in every chat since the last time. */
  print(): void {
    for (const [chatId, name] of names) {
      const messages = this.telegram.messages(chatId);
      const from = this.seen.get(chatId) ?? 0;
      for (const m of messages.slice(from)) this.printMessage(name, m);
      this.seen.set(chatId, messages.length);
    }
  }

  private printMessage(name: string, m: SentMessage): void {
    const indent = '      ';
    const body = (m.text ?? m.caption ?? '').split('\n').join(`\n${indent}`);
    const attachment = m.photo ? `[photo ${m.photo.bytes.length} bytes] ` : m.document ? `[document ${m.document.fileName}] ` : '';
    process.stdout.write(`    🤖 → ${name}: ${attachment}${body}\n`);
    const buttons = [...inlineButtons(m).map((b) => b.text), ...replyButtons(m)];
    if (buttons.length > 0) process.stdout.write(`${indent}${buttons.map((b) => `[${b}]`).join(' ')}\n`);
  }

  /** Saves the newest card image Maria was sent. */
  saveCard(user: User): string {
    const photo = [...this.telegram.messages(user.id)].reverse().find((m) => m.photo)?.photo;
    if (!photo) throw new Error('no card image was sent');
    const file = join(OUTPUT, 'card.png');
    writeFileSync(file, photo.bytes);
    process.stdout.write(`  (card image saved: ${file}, ${photo.bytes.length} bytes)\n`);
    return file;
  }
}

async function main(): Promise<void> {
  mkdirSync(OUTPUT, { recursive: true });
  const mongo = await startMongoServer({ uri: process.env.MONGODB_URI, log: (m) => process.stderr.write(`[demo] ${m}\n`) });
  const telegram = new FakeTelegram();
  telegram.setMember(STAFF_CHAT_ID, people.ivan.id, 'member');
  const api = await startLocalBotApi(telegram);
  const config = loadConfig({
    BOT_TOKEN: '123456:DEMO-no-real-token',
    BOT_API_ROOT: api.apiRoot,
    OWNER_IDS: String(OWNER_ID),
    STAFF_CHAT_ID: String(STAFF_CHAT_ID),
    DEFAULT_LOCALE: 'en',
    LOG_LEVEL: 'warn',
  });
  const app = await createApp({ config, logger: createLogger('warn'), mongoUri: mongo.uri, dbName: `demo_${Date.now()}` });
  await prepareBot(app);
  void app.bot.start({ timeout: 1 });
  await app.services.settings.update({ stampsPerReward: 5, cooldownMinutes: 0, dailyCap: 10 }, OWNER_ID);

  const story = new Story(app, telegram, api);
  const { maria, ivan, peter, owner } = people;
  process.stdout.write(`The real bot (@${app.bot.botInfo.username}) against a local Bot API endpoint, database: ${mongo.kind}.\n`);
  process.stdout.write('The owner has set the program to 5 stamps for a free coffee, no cooldown (for the demo).\n');

  story.scene('Maria joins');
  await story.send(maria, '/start');
  await story.press(maria, /Български$/);
  await story.press(maria, story.t('bg', 'onboarding-continue'));
  await story.press(maria, story.t('bg', 'onboarding-privacy-agree'));
  await story.shareContact(maria, '+359 888 123 456');
  await story.press(maria, story.t('bg', 'onboarding-consent-yes'));

  const card = await customerModel(app.conn).findOne({ telegramId: maria.id }).lean();
  if (!card?.cardToken) throw new Error('Maria has no card');

  story.scene('Ivan scans her QR code and stamps the card');
  await story.send(ivan, `/start c_${card.cardToken}`);
  await story.press(ivan, '+3');

  story.scene('Maria opens her card');
  await story.send(maria, story.t('bg', 'menu-card'));
  const cardFile = story.saveCard(maria);

  story.scene('Ivan stamps two more');
  await story.send(ivan, `/card ${card.cardNumber}`);
  await story.press(ivan, '+2');

  story.scene('Maria redeems her free coffee');
  await story.send(ivan, `/card ${card.cardNumber}`);
  await story.press(ivan, /🎁|Redeem/);

  story.scene('Maria invites Peter, who comes for his first coffee');
  await story.send(maria, story.t('bg', 'menu-invite'));
  await story.send(peter, `/start ref_${card.referralCode}`);
  await story.press(peter, /English$/);
  await story.press(peter, story.t('en', 'onboarding-continue'));
  await story.press(peter, story.t('en', 'onboarding-privacy-agree'));
  await story.shareContact(peter, '+44 7700 900521');
  await story.press(peter, story.t('en', 'onboarding-consent-yes'));
  const friend = await customerModel(app.conn).findOne({ telegramId: peter.id }).lean();
  await story.send(ivan, `/card ${friend!.cardNumber}`);
  await story.press(ivan, '+1');

  story.scene('Elena sends an offer to everyone who agreed to offers');
  await story.send(owner, '/broadcast');
  await story.press(owner, new RegExp(` · ${story.t('en', 'broadcast-segment-all')}$`));
  await story.send(owner, 'This weekend: a second cappuccino for half price!');
  await story.send(owner, 'Този уикенд: второ капучино на половин цена!');
  await story.press(owner, story.t('en', 'broadcast-when-now'));
  await story.press(owner, story.t('en', 'broadcast-confirm-yes'));
  for (let i = 0; i < 20 && !telegram.messages(OWNER_ID).some((m) => (m.text ?? '').includes('📊') || /sent|report/i.test(m.text ?? '')); i++) {
    await app.scheduler.runDue();
    await new Promise((r) => setTimeout(r, 100));
  }
  story.print();

  process.stdout.write(`\nMaria's card with the stamps she collected is in ${cardFile}.\n`);
  await app.bot.stop();
  await app.close();
  await api.close();
  await mongo.stop();
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
