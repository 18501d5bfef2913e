// The one set-up button: offered in a group an owner just added the bot to. The data carries no
// authority; whoever presses it must be an owner at that moment.
import { InlineKeyboard } from 'grammy';

type T = (key: string, vars?: Record<string, string | number>) => string;

export const setupData = {
  bindStaffChat: 'setup:staffchat',
};

export function staffChatOfferKeyboard(t: T): InlineKeyboard {
  return new InlineKeyboard().text(t('setup-staffchat-button'), setupData.bindStaffChat);
}
