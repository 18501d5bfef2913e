// The layer rules can fail: dependency-cruiser with the project's own rules, on a tiny tree that breaks them.
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { cruise, type ICruiseResult, type IConfiguration } from 'dependency-cruiser';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
const config = createRequire(import.meta.url)(join(root, '.dependency-cruiser.cjs')) as IConfiguration;

describe('rules of the house', () => {
  it('reports domain importing grammY, a feature importing a feature, and a type-only cycle', async () => {
    const { output } = await cruise(['domain', 'bot'], {
      ruleSet: { forbidden: config.forbidden ?? [] },
      validate: true,
      baseDir: join(root, 'test', 'fixtures', 'layers'),
      tsPreCompilationDeps: true,
      doNotFollow: { path: 'node_modules' },
    });
    const violations = (output as ICruiseResult).summary.violations.map(
      (v) => `${v.rule.name}: ${v.from} → ${v.to.replace(/^.*node_modules\//, 'node_modules/')}`,
    );
    expect(violations.sort()).toEqual(
      [
        'domain-knows-no-telegram: domain/uses-telegram.ts → node_modules/grammy/out/mod.js',
        'features-do-not-import-features: bot/features/one.ts → bot/features/two.ts',
        'no-cycles: domain/a.ts → domain/b.ts',
      ].sort(),
    );
  });
});
