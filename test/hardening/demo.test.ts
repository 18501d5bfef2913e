// `npm run demo` plays its story end to end against a local Bot API endpoint and saves the card.
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, inject, it } from 'vitest';
import { projectRoot } from '../../app/paths.js';
import { NO_ENV_FILE } from '../harness/process.js';

const run = promisify(execFile);

describe('npm run demo', () => {
  it('prints the story as a transcript and saves the card image', async () => {
    const output = mkdtempSync(join(tmpdir(), 'demo-'));
    const { stdout } = await run(process.execPath, ['--import', 'tsx', 'tools/demo.ts'], {
      cwd: projectRoot,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', MONGODB_URI: inject('mongoUri'), DEMO_OUTPUT: output, ENV_FILE: NO_ENV_FILE },
      timeout: 120_000,
    });
    for (const scene of ['Maria joins', 'stamps the card', 'redeems', 'invites Peter', 'sends an offer']) expect(stdout).toContain(scene);
    expect(stdout).toContain('Картата ви е готова');
    expect(stdout).toMatch(/Staff group: 🎁 Ivan/);
    expect(stdout).toMatch(/Peter.*бонус печат/);
    expect(stdout).toMatch(/Maria \(customer, bg\): Този уикенд/);
    expect(stdout).toMatch(/Sent: 2/);
    const card = join(output, 'card.png');
    expect(existsSync(card)).toBe(true);
    expect(readFileSync(card).subarray(1, 4).toString()).toBe('PNG');
    // The saved card is the one Maria opened after her first three stamps, not the empty one she got on joining.
    const opened = stdout.slice(stdout.indexOf('Maria opens her card'));
    const shown = /🤖 → Maria \(customer, bg\): \[photo (\d+) bytes\] [^\n]*\n\s*([^\n]*)/.exec(opened);
    expect(shown?.[2]).toMatch(/Печати: 3 от 5/);
    expect(readFileSync(card).length).toBe(Number(shown?.[1]));
    const joined = /🤖 → Maria \(customer, bg\): \[photo (\d+) bytes\]/.exec(stdout);
    expect(Number(joined?.[1])).not.toBe(readFileSync(card).length);
    // Staff tell the two customers apart by the last digits of their phones.
    const endings = (name: string) => new Set([...stdout.matchAll(new RegExp(`${name} (?:· )?•••• (\\d{4})`, 'g'))].map((m) => m[1]));
    expect(endings('Мария').size).toBe(1);
    expect(endings('Peter').size).toBe(1);
    expect([...endings('Мария')]).not.toEqual([...endings('Peter')]);
  }, 150_000);
});
