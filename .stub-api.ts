import { startLocalBotApi } from './test/harness/bot-api-server.js';
import { FakeTelegram } from './test/harness/telegram.js';
const api = await startLocalBotApi(new FakeTelegram(), 18181);
process.stdout.write(`stub at ${api.apiRoot}\n`);
