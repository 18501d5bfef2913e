// The locale files as a whole: the same messages and placeholders in every language, every count in a
// plural selector, each language's own quotes, and no English reaching a Russian or Bulgarian reader.
// The wording rules these enforce are in locales/GLOSSARY.md.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  FluentParser,
  Visitor,
  type Expression,
  type Message,
  type Pattern,
  type PatternElement,
  type SelectExpression,
  type Term,
} from '@fluent/syntax';
import { describe, expect, it } from 'vitest';
import { LOCALES, type Locale } from '../../domain/locales.js';
import { localesDir } from '../../app/paths.js';
import { createI18n } from '../../bot/i18n.js';
import { englishWords } from '../harness/latin.js';

class VariableCollector extends Visitor {
  readonly names = new Set<string>();
  override visitVariableReference(node: { id: { name: string } }): void {
    this.names.add(node.id.name);
  }
}

interface Entry {
  node: Message | Term;
  vars: Set<string>;
}

function entries(locale: string): Map<string, Entry> {
  const source = readFileSync(join(localesDir, `${locale}.ftl`), 'utf8');
  const resource = new FluentParser({ withSpans: false }).parse(source);
  const junk = resource.body.filter((e) => e.type === 'Junk');
  expect(junk, `${locale}.ftl has syntax errors`).toEqual([]);
  const map = new Map<string, Entry>();
  for (const entry of resource.body) {
    if (entry.type !== 'Message' && entry.type !== 'Term') continue;
    const node = entry;
    const collector = new VariableCollector();
    collector.visit(node);
    const id = (node.type === 'Term' ? '-' : '') + node.id.name;
    expect(map.has(id), `${locale}.ftl defines ${id} twice`).toBe(false);
    map.set(id, { node, vars: collector.names });
  }
  return map;
}

const all = Object.fromEntries(LOCALES.map((l) => [l, entries(l)])) as Record<Locale, Map<string, Entry>>;
const ids = new Set(Object.values(all).flatMap((m) => [...m.keys()]));
const messageIds = [...ids].filter((id) => !id.startsWith('-'));

const PLURAL_KEYS = new Set(['zero', 'one', 'two', 'few', 'many', 'other']);

/** The variable a selector reads: `$n` or `NUMBER($n, …)`. */
function selectorVariable(expression: Expression): string | undefined {
  if (expression.type === 'VariableReference') return expression.id.name;
  if (expression.type === 'FunctionReference') {
    const first = expression.arguments.positional[0];
    return first?.type === 'VariableReference' ? first.id.name : undefined;
  }
  return undefined;
}

/** Variables selected on by number anywhere: plural categories or numeric keys. */
class NumericSelectors extends Visitor {
  readonly names = new Set<string>();
  override visitSelectExpression(node: SelectExpression): void {
    const name = selectorVariable(node.selector);
    if (name && node.variants.some((v) => v.key.type === 'NumberLiteral' || PLURAL_KEYS.has(v.key.name))) this.names.add(name);
    this.genericVisit(node);
  }
}

/**
 * The rule for counts: a variable is a count if some message selects on it by number, or its name says
 * it counts (count, n, stamps, days, …). A count that a word follows ("{ $n } stamps", "{ $left } more")
 * must sit inside a selector on that same variable, so that its noun agrees with it. A bare figure after
 * a label, in a fraction or before punctuation ("Sent: { $sent }", "{ $stamps }/{ $size }") needs none.
 */
const COUNT_NAME =
  /^(n|count|total|left|max|min|cap|limit|length|size|missing|sent|blocked|failed|skipped|unknown|returning|visitors|reviews|bonus|active|weeks|days|minutes|hours|stamps|rewards|customers|visits)$|Count$|Total$|Days$|Minutes$|Stamps$|Rewards$|Customers$|Visits$|^(new|visits|issued|redeemed)\d|^rewards[A-Z]|^referrals[A-Z]/;
const numericSelectors = new NumericSelectors();
for (const locale of LOCALES) for (const { node } of all[locale].values()) numericSelectors.visit(node);
function isCount(name: string): boolean {
  return COUNT_NAME.test(name) || numericSelectors.names.has(name);
}

/** Words after a count that do not agree with it: "3 of 8", "от 1 до 10", "5 за 30 дней", "12 всего". */
const NOT_A_NOUN = /^[ \t]*(of|to|in|from|из|до|за|от|всего|общо)(?![\p{L}])/u;

function countsOutsideSelectors(pattern: Pattern, selected: string[], found: string[]): void {
  const elements: PatternElement[] = pattern.elements;
  elements.forEach((element, i) => {
    if (element.type !== 'Placeable') return;
    const expression = element.expression;
    if (expression.type === 'SelectExpression') {
      const name = selectorVariable(expression.selector);
      for (const variant of expression.variants) countsOutsideSelectors(variant.value, name ? [...selected, name] : selected, found);
      return;
    }
    const name = selectorVariable(expression);
    if (!name || !isCount(name) || selected.includes(name)) return;
    const next = elements[i + 1];
    if (next?.type === 'TextElement' && /^[ \t]*\p{L}/u.test(next.value) && !NOT_A_NOUN.test(next.value)) found.push(`$${name} before “${next.value.trim().slice(0, 20)}”`);
  });
}

/** Realistic values for a Russian or Bulgarian reader: what the bot passes for each placeholder. */
function realisticArgs(locale: 'ru' | 'bg', vars: Set<string>, count: number): Record<string, string | number> {
  const cyrillic: Record<'ru' | 'bg', Record<string, string>> = {
    ru: { name: 'Мария', reward: 'бесплатный кофе', staff: 'Ольга', customer: 'Мария', friend: 'Иван', referrer: 'Иван', language: 'английский', fallback: 'по-английски', segment: 'Близки к награде', section: 'Отзывы', label: 'Пауза между визитами', value: '180 минут', when: 'прямо сейчас', stars: '★★★★☆', comment: 'Очень вкусно', preview: 'Скидка на всё', lastVisit: 'вчера в 18:30', time: 'сегодня в 21:10', date: '5 мая', visit: '5 мая', broadcast: '24.12.2026 18:30', at: '24.12.2026 18:30', asOf: '24.12.2026 18:30' },
    bg: { name: 'Мария', reward: 'безплатно кафе', staff: 'Олга', customer: 'Мария', friend: 'Иван', referrer: 'Иван', language: 'английски', fallback: 'на английски', segment: 'Близо до награда', section: 'Отзиви', label: 'Пауза между посещенията', value: '180 минути', when: 'веднага', stars: '★★★★☆', comment: 'Много вкусно', preview: 'Отстъпка за всичко', lastVisit: 'вчера в 18:30', time: 'днес в 21:10', date: '5 май', visit: '5 май', broadcast: '24.12.2026 18:30', at: '24.12.2026 18:30', asOf: '24.12.2026 18:30' },
  };
  const fixed: Record<string, string | number> = {
    number: 'ABCD-2345',
    phone: '•••• 4567',
    link: 'https://t.me/demo_loyalty_bot?start=ref_a1b2c3d4',
    card: locale === 'ru' ? 'Ваша карта: 3/8' : 'Вашата карта: 3/8',
    timeZone: 'Europe/Sofia',
    example: '24.12 18:30',
    rating: 4.5,
    repeatPercent: 40,
    hasComment: 'yes',
  };
  return Object.fromEntries(
    [...vars].map((v) => [v, cyrillic[locale][v] ?? fixed[v] ?? (isCount(v) ? count : 'Мария')]),
  );
}

const COUNTS = [1, 2, 5, 11, 21, 22, 25];
/** Numbers that are not counts. */
const NUMBERS: Record<string, number> = { rating: 4.5, repeatPercent: 40 };

describe('locales', () => {
  const i18n = createI18n('en');

  it('define every message in every language', () => {
    const missing = LOCALES.flatMap((l) => [...ids].filter((id) => !all[l].has(id)).map((id) => `${l}: ${id}`));
    expect(missing).toEqual([]);
  });

  it('use the same placeholders in every language', () => {
    const differing: string[] = [];
    for (const id of ids) {
      const [first, ...rest] = LOCALES.map((l) => [...(all[l].get(id)?.vars ?? [])].sort().join(','));
      if (rest.some((r) => r !== first)) differing.push(`${id}: ${LOCALES.map((l) => `${l}[${[...(all[l].get(id)?.vars ?? [])].join(',')}]`).join(' ')}`);
    }
    expect(differing).toEqual([]);
  });

  it('render without formatting errors for counts 1, 2, 5, 11, 21, 22 and 25', () => {
    const broken: string[] = [];
    for (const locale of LOCALES) {
      for (const id of messageIds) {
        const vars = all[locale].get(id)?.vars ?? new Set<string>();
        for (const count of COUNTS) {
          const args = Object.fromEntries([...vars].map((v) => [v, isCount(v) ? count : (NUMBERS[v] ?? 'Мария')]));
          const text = i18n.t(locale, id, args);
          if (/\{\s*\$|\{\?\?\?\}|\{[a-z$-]+\}/i.test(text) || text.length === 0) broken.push(`${locale} ${id} (${count}): ${text}`);
        }
      }
    }
    expect(broken).toEqual([]);
  });

  it('put every count that a word follows inside a plural selector on that count', () => {
    const found: string[] = [];
    for (const locale of LOCALES) {
      for (const [id, { node }] of all[locale]) {
        const patterns = [node.value, ...node.attributes.map((a) => a.value)].filter((p): p is Pattern => p !== null);
        const here: string[] = [];
        for (const pattern of patterns) countsOutsideSelectors(pattern, [], here);
        found.push(...here.map((f) => `${locale} ${id}: ${f}`));
      }
    }
    expect(found).toEqual([]);
  });

  it('select Russian counts with one/few/many and Bulgarian and English ones with one/other', () => {
    const wrong: string[] = [];
    const allowed: Record<Locale, Set<string>> = { ru: new Set(['one', 'few', 'many', 'other']), bg: new Set(['one', 'other']), en: new Set(['one', 'other']) };
    for (const locale of LOCALES) {
      class Keys extends Visitor {
        constructor(private readonly id: string) {
          super();
        }
        override visitSelectExpression(node: SelectExpression): void {
          const keys = node.variants.map((v) => (v.key.type === 'NumberLiteral' ? v.key.value : v.key.name));
          const plural = keys.filter((k) => PLURAL_KEYS.has(k));
          if (plural.some((k) => !allowed[locale].has(k))) wrong.push(`${locale} ${this.id}: [${keys.join(', ')}]`);
          // A Russian selector with a `one` form must also say `few` or default to `many`, or 2–4 read wrong.
          if (locale === 'ru' && plural.includes('one') && !plural.includes('few')) {
            const fallback = node.variants.find((v) => v.default)!;
            const key = fallback.key.type === 'NumberLiteral' ? fallback.key.value : fallback.key.name;
            if (key !== 'many' && key !== 'other') wrong.push(`${locale} ${this.id}: no few/many`);
          }
          this.genericVisit(node);
        }
      }
      for (const [id, { node }] of all[locale]) new Keys(id).visit(node);
    }
    expect(wrong).toEqual([]);
  });

  it('use each language’s own quotation marks', () => {
    const wrong: string[] = [];
    // Bulgarian „…“ closes with U+201C, English “…” with U+201D; Russian nests „…“ inside «…».
    const foreign: Record<Locale, RegExp> = { ru: /[”]/, bg: /[«»”]/, en: /[«»„]/ };
    for (const locale of LOCALES) {
      const source = readFileSync(join(localesDir, `${locale}.ftl`), 'utf8');
      source.split('\n').forEach((line, i) => {
        if (!line.startsWith('#') && foreign[locale].test(line)) wrong.push(`${locale}.ftl:${i + 1}: ${line.trim()}`);
      });
    }
    expect(wrong).toEqual([]);
  });

  for (const locale of ['ru', 'bg'] as const) {
    it(`show a ${locale} reader no English words, with realistic values`, () => {
      const english: string[] = [];
      for (const id of messageIds) {
        const vars = all[locale].get(id)?.vars ?? new Set<string>();
        for (const count of [1, 5, 21]) {
          const words = englishWords(i18n.t(locale, id, realisticArgs(locale, vars, count)));
          if (words.length > 0) english.push(`${id}: ${[...new Set(words)].join(', ')}`);
        }
      }
      expect([...new Set(english)]).toEqual([]);
    });
  }
});
