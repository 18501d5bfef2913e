import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FluentParser, Visitor, type Message, type Term } from '@fluent/syntax';
import { describe, expect, it } from 'vitest';
import { LOCALES } from '../../app/config.js';
import { localesDir } from '../../app/paths.js';
import { createI18n } from '../../bot/i18n.js';

class VariableCollector extends Visitor {
  readonly names = new Set<string>();
  override visitVariableReference(node: { id: { name: string } }): void {
    this.names.add(node.id.name);
  }
}

function entries(locale: string): Map<string, Set<string>> {
  const source = readFileSync(join(localesDir, `${locale}.ftl`), 'utf8');
  const resource = new FluentParser({ withSpans: false }).parse(source);
  const junk = resource.body.filter((e) => e.type === 'Junk');
  expect(junk, `${locale}.ftl has syntax errors`).toEqual([]);
  const map = new Map<string, Set<string>>();
  for (const entry of resource.body) {
    if (entry.type !== 'Message' && entry.type !== 'Term') continue;
    const node = entry as Message | Term;
    const collector = new VariableCollector();
    collector.visit(node);
    const id = (node.type === 'Term' ? '-' : '') + node.id.name;
    expect(map.has(id), `${locale}.ftl defines ${id} twice`).toBe(false);
    map.set(id, collector.names);
  }
  return map;
}

describe('locales', () => {
  const all = Object.fromEntries(LOCALES.map((l) => [l, entries(l)]));
  const ids = new Set(Object.values(all).flatMap((m) => [...m.keys()]));

  it('define every message in every language', () => {
    const missing = LOCALES.flatMap((l) => [...ids].filter((id) => !all[l]!.has(id)).map((id) => `${l}: ${id}`));
    expect(missing).toEqual([]);
  });

  it('use the same placeholders in every language', () => {
    const differing: string[] = [];
    for (const id of ids) {
      const [first, ...rest] = LOCALES.map((l) => [...(all[l]!.get(id) ?? [])].sort().join(','));
      if (rest.some((r) => r !== first)) differing.push(`${id}: ${LOCALES.map((l) => `${l}[${[...(all[l]!.get(id) ?? [])].join(',')}]`).join(' ')}`);
    }
    expect(differing).toEqual([]);
  });

  it('are loaded by the bot with no formatting errors for sample values', () => {
    const i18n = createI18n('en');
    for (const locale of LOCALES) {
      for (const [id, vars] of all[locale]!) {
        if (id.startsWith('-')) continue;
        const sample = Object.fromEntries([...vars].map((v) => [v, 3]));
        const text = i18n.t(locale, id, sample);
        expect(text, `${locale} ${id}`).not.toMatch(/\{\s*\$|\{\?\?\?\}/);
        expect(text.length, `${locale} ${id}`).toBeGreaterThan(0);
      }
    }
  });
});
