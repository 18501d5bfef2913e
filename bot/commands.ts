// The command menu Telegram shows, in each user's language; owners get their own commands too.
import type { Api } from 'grammy';
import type { BotCommand } from 'grammy/types';
import { LOCALES, type Locale } from '../domain/locales.js';
import type { Translator } from './translator.js';

const CUSTOMER_COMMANDS = ['start', 'help', 'cancel', 'delete', 'language'] as const;
export const OWNER_COMMANDS = ['settings', 'broadcast', 'broadcasts', 'stats', 'export'] as const;

function commands(t: Translator, locale: Locale, names: readonly string[]): BotCommand[] {
  return names.map((command) => ({ command, description: t(locale, `command-${command}`) }));
}

export async function registerCommands(
  api: Api,
  t: Translator,
  defaultLocale: Locale,
  owners: readonly { id: number; locale: Locale }[],
): Promise<void> {
  await api.setMyCommands(commands(t, defaultLocale, CUSTOMER_COMMANDS));
  for (const locale of LOCALES) {
    await api.setMyCommands(commands(t, locale, CUSTOMER_COMMANDS), { language_code: locale });
  }
  for (const owner of owners) await registerOwnerCommands(api, t, owner.id, owner.locale);
}

/** An owner's own menu, in the owner's language (again after they choose another one). */
export async function registerOwnerCommands(api: Api, t: Translator, ownerId: number, locale: Locale): Promise<void> {
  await api.setMyCommands(commands(t, locale, [...CUSTOMER_COMMANDS, ...OWNER_COMMANDS]), {
    scope: { type: 'chat', chat_id: ownerId },
  });
}
