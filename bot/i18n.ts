import { I18n } from '@grammyjs/i18n';
import { LOCALES, type Locale } from '../domain/locales.js';
import { localesDir } from '../app/paths.js';
import type { AppContext } from './context.js';
import type { Translator } from './translator.js';

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/** Telegram's language_code ("ru", "bg", "en-GB", "uk") to one of ours, or undefined. */
export function localeFromTelegram(languageCode: string | undefined): Locale | undefined {
  const base = languageCode?.toLowerCase().split('-')[0];
  if (isLocale(base)) return base;
  // Speakers of these usually read Russian more easily than English.
  if (base && ['uk', 'be', 'kk', 'ky', 'uz'].includes(base)) return 'ru';
  return undefined;
}

/**
 * The user's chosen language is stored in the database (not the session), so the same negotiator
 * works inside conversations, which have no session, and in jobs.
 */
// The negotiated locale of each update, so that the preference is read once per update however often a
// handler asks (ctx.i18n.getLocale()); renegotiateLocale() after a change reads it again (see bot/index.ts).
const negotiated = new WeakMap<object, Promise<Locale>>();

/** Forgets this update's negotiated locale (the user has just chosen another). */
export function forgetNegotiatedLocale(ctx: object): void {
  negotiated.delete(ctx);
}

export function createI18n(defaultLocale: Locale): I18n<AppContext> {
  const negotiate = async (ctx: AppContext): Promise<Locale> => {
    // Also remembers the sender's Telegram language, for what jobs write to them later. A database
    // hiccup must not cost the user their answer: fall back to Telegram's language.
    const heard = localeFromTelegram(ctx.from?.language_code);
    const locale = ctx.from ? await ctx.services.preferences.localeForUpdate(ctx.from.id, heard).catch(() => heard) : heard;
    return locale ?? defaultLocale;
  };
  const i18n = new I18n<AppContext>({
    defaultLocale,
    fluentBundleOptions: { useIsolating: false },
    localeNegotiator: (ctx) => {
      let locale = negotiated.get(ctx);
      if (!locale) {
        locale = negotiate(ctx);
        negotiated.set(ctx, locale);
      }
      return locale;
    },
  });
  i18n.loadLocalesDirSync(localesDir);
  return i18n;
}

export function translator(i18n: I18n<AppContext>): Translator {
  return (locale, key, vars) => i18n.t(locale, key, vars);
}
