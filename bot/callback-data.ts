// Callback data, one typed codec per button: a family prefix and typed fields, encoded as
// `prefix:field:field` and decoded with validation. Keyboards encode with it, handlers register its
// trigger and decode with it, so the shape of a button's data is written once. Telegram allows 64
// bytes; encoding more is a programming error and throws. (The card screen's signed buttons have their
// own codec: bot/keyboards/staff.ts.)
import type { CallbackQueryContext, Composer, Context } from 'grammy';
import type { I18nFlavor } from '@grammyjs/i18n';
import type { Locale } from '../domain/locales.js';
import { LOCALES } from '../domain/locales.js';

/** One field of a button's data: its pattern (no capturing groups), how it is read and written. */
export interface Field<V> {
  readonly pattern: string;
  parse(text: string): V | undefined;
  format(value: V): string;
}

type Values<F extends readonly Field<unknown>[]> = { -readonly [K in keyof F]: F[K] extends Field<infer V> ? V : never };

export interface Codec<V extends unknown[]> {
  /** Matches exactly this button's data (for `callbackQuery`, `waitForCallbackQuery`). */
  readonly trigger: RegExp;
  encode(...values: V): string;
  /** The button's values, or undefined when the data is not this button's or a value is out of bounds. */
  decode(data: string | undefined): V | undefined;
}

const MAX_BYTES = 64;

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export function codec<const F extends readonly Field<unknown>[]>(prefix: string, ...fields: F): Codec<Values<F>> {
  const trigger = new RegExp(`^${escape(prefix)}${fields.map((field) => `:(${field.pattern})`).join('')}$`);
  return {
    trigger,
    encode(...values) {
      const data = [prefix, ...fields.map((field, i) => field.format(values[i]))].join(':');
      if (!trigger.test(data)) throw new Error(`callback data ${prefix}: a value does not fit its field`);
      if (Buffer.byteLength(data) > MAX_BYTES) throw new Error(`callback data ${prefix} is longer than ${MAX_BYTES} bytes`);
      return data;
    },
    decode(data) {
      const match = data === undefined ? null : trigger.exec(data);
      if (!match) return undefined;
      const values: unknown[] = [];
      for (const [i, field] of fields.entries()) {
        const value = field.parse(match[i + 1] ?? '');
        if (value === undefined) return undefined;
        values.push(value);
      }
      return values as Values<F>;
    },
  };
}

/** A button that carries no value. */
export const constant = (data: string): Codec<[]> => codec(data);

export const fields = {
  oneOf<const V extends string>(values: readonly V[]): Field<V> {
    return {
      pattern: values.map(escape).join('|'),
      parse: (text) => values.find((value) => value === text),
      format: (value) => value,
    };
  },
  locale(): Field<Locale> {
    return fields.oneOf(LOCALES);
  },
  /** A MongoDB id: 24 hex digits. */
  objectId(): Field<string> {
    return { pattern: '[0-9a-f]{24}', parse: (text) => text, format: (value) => value };
  },
  int(min: number, max: number): Field<number> {
    const digits = String(Math.max(Math.abs(min), Math.abs(max))).length;
    return {
      pattern: `${min < 0 ? '-?' : ''}\\d{1,${digits}}`,
      parse: (text) => {
        const value = Number(text);
        return Number.isSafeInteger(value) && value >= min && value <= max ? value : undefined;
      },
      format: (value) => String(value),
    };
  },
  flag(yes: string, no: string): Field<boolean> {
    return { pattern: `${escape(yes)}|${escape(no)}`, parse: (text) => text === yes, format: (value) => (value ? yes : no) };
  },
  /** A moment to the second (e.g. when a question was asked). */
  seconds(): Field<Date> {
    return {
      pattern: '\\d{1,12}',
      parse: (text) => new Date(Number(text) * 1000),
      format: (value) => String(Math.floor(value.getTime() / 1000)),
    };
  },
  /** A word from a list decided elsewhere (checked by the handler): letters, digits, `_` and `.`. */
  name(): Field<string> {
    return { pattern: '[\\w.]{1,40}', parse: (text) => text, format: (value) => value };
  },
  /** A card number: 8 capital letters and digits. */
  cardNumber(): Field<string> {
    return { pattern: '[A-Z0-9]{8}', parse: (text) => text, format: (value) => value };
  },
};

/**
 * Registers a button's handler on `composer` with its values decoded. Data of this family whose values
 * are out of bounds is answered "This button no longer works" and changes nothing.
 */
export function onPress<C extends Context & I18nFlavor, V extends unknown[]>(
  composer: Composer<C>,
  button: Codec<V>,
  handler: (ctx: CallbackQueryContext<C>, ...values: V) => unknown,
): void {
  composer.callbackQuery(button.trigger, async (ctx) => {
    const values = button.decode(ctx.callbackQuery.data);
    if (values === undefined) {
      await ctx.answerCallbackQuery({ text: ctx.t('unhandled-button') });
      return;
    }
    await handler(ctx, ...values);
  });
}
