// The one set-up button: offered in a group an owner just added the bot to. The data carries no
// authority; whoever presses it must be an owner at that moment.
import { InlineKeyboard } from 'grammy';
import { constant } from '../callback-data.js';
import type { Translate } from '../translator.js';


export const setupData = {
  bindStaffChat: constant('setup:staffchat'),
};

export function staffChatOfferKeyboard(t: Translate): InlineKeyboard {
  return new InlineKeyboard().text(t('setup-staffchat-button'), setupData.bindStaffChat.encode());
}
