import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prepareBot } from '../../app/app.js';
import { createHarness, OWNER_ID, type Harness } from '../harness/index.js';
import { capturedLogs } from '../harness/log-sink.js';

type Commands = { command: string; description: string }[];

describe('command menus are registered at start-up, in every language', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness({ config: { DEFAULT_LOCALE: 'bg' } });
  });
  afterAll(async () => h.close());

  it('publishes the customer commands for en, ru and bg, a default one, and the owners\' menu', async () => {
    await prepareBot(h.app);
    const calls = h.telegram.callsOf('setMyCommands').map((c) => c.payload);
    const byLanguage = (code: string) => calls.find((p) => p.language_code === code && !p.scope)?.commands as Commands;

    expect(byLanguage('en')).toEqual([
      { command: 'start', description: 'Your loyalty card' },
      { command: 'help', description: 'What this bot can do' },
      { command: 'cancel', description: 'Stop the current action' },
      { command: 'delete', description: 'Delete my data' },
      { command: 'language', description: 'Change the language' },
    ]);
    expect(byLanguage('ru').map((c) => c.description)).toEqual([
      'Ваша карта лояльности',
      'Что умеет этот бот',
      'Прервать текущее действие',
      'Удалить мои данные',
      'Сменить язык',
    ]);
    expect(byLanguage('bg').map((c) => c.description)).toEqual([
      'Вашата карта за лоялност',
      'Какво може този бот',
      'Прекратяване на текущото действие',
      'Изтриване на данните ми',
      'Смяна на езика',
    ]);
    // For Telegram languages we do not speak: the default language of the business.
    const fallback = calls.find((p) => p.language_code === undefined && !p.scope)?.commands as Commands;
    expect(fallback[0]).toEqual({ command: 'start', description: 'Вашата карта за лоялност' });

    const owner = calls.find((p) => (p.scope as { chat_id?: number } | undefined)?.chat_id === OWNER_ID)?.commands as Commands;
    expect(owner.map((c) => c.command)).toEqual(['start', 'help', 'cancel', 'delete', 'language', 'settings', 'broadcast', 'broadcasts', 'stats', 'export']);
  });

  it('starts anyway when Telegram refuses the menu, and says so in the log', async () => {
    const logsBefore = capturedLogs.length;
    h.telegram.fail({ method: 'setMyCommands', error_code: 400, description: 'Bad Request: BOT_COMMAND_INVALID', times: 1 });
    await expect(prepareBot(h.app)).resolves.toBeUndefined();
    expect(capturedLogs.slice(logsBefore).join('')).toContain('could not register the command menu');
  });
});
