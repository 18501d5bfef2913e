// The privacy policy as the bot shows it when the owner has no policy link of their own: the default
// text from the locales, with the owner's business name and contact from the settings.
import type { Settings } from '../domain/settings.js';
import type { Translate } from './translator.js';


export function policyText(t: Translate, settings: Settings, botName: string): string {
  return t('privacy-policy-text', {
    business: settings.businessName ?? botName,
    contact: settings.businessContact ?? t('privacy-policy-contact-chat'),
    version: settings.privacyPolicyVersion,
    months: settings.retentionMonths,
  });
}
