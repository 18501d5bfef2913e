// The shapes of translation, apart from the i18n plugin so that anything can import them without a cycle.
import type { Locale } from '../domain/locales.js';

export type TranslationVars = Record<string, string | number | Date>;
/** Translates for any locale: jobs and notifications, outside of an update. */
export type Translator = (locale: Locale, key: string, vars?: TranslationVars) => string;
/** Translates in one locale: `ctx.t`, or a Translator bound to the recipient's locale. */
export type Translate = (key: string, vars?: TranslationVars) => string;
