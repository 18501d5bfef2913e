import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../app/config.js';
import { projectRoot } from '../../app/paths.js';
import { NO_ENV_FILE } from '../harness/process.js';

const run = promisify(execFile);

describe('configuration', () => {
  it('accepts a minimal environment with sensible defaults', () => {
    const config = loadConfig({ BOT_TOKEN: '123456:ABCDEFGHIJKLMNOP' });
    expect(config.DEFAULT_LOCALE).toBe('en');
    expect(config.TZ).toBe('Europe/Sofia');
    expect(config.OWNER_IDS).toEqual([]);
    expect(config.MONGODB_URI).toBeUndefined();
  });

  it('explains every problem on its own line', () => {
    let error: unknown;
    try {
      loadConfig({ OWNER_IDS: '12,abc', DEFAULT_LOCALE: 'de', STAFF_CHAT_ID: '42', TZ: 'Mars/Olympus' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems;
    expect(problems.find((p) => p.startsWith('BOT_TOKEN'))).toMatch(/required/);
    expect(problems.find((p) => p.startsWith('OWNER_IDS'))).toMatch(/abc/);
    expect(problems.find((p) => p.startsWith('DEFAULT_LOCALE'))).toMatch(/en, ru, bg/);
    expect(problems.find((p) => p.startsWith('STAFF_CHAT_ID'))).toMatch(/group/);
    expect(problems.find((p) => p.startsWith('TZ'))).toMatch(/time zone/);
  });

  it('requires a webhook secret in webhook mode', () => {
    expect(() => loadConfig({ BOT_TOKEN: '123456:ABCDEFGHIJKLMNOP', WEBHOOK_URL: 'https://bot.example.com' })).toThrow(
      /WEBHOOK_SECRET is required when WEBHOOK_URL is set/,
    );
  });

  it('makes the program exit 1 with a readable line and no stack trace when BOT_TOKEN is missing', async () => {
    const env = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ENV_FILE: NO_ENV_FILE };
    const result = await run(process.execPath, ['--import', 'tsx', 'app/main.ts'], { cwd: projectRoot, env }).then(
      () => ({ code: 0, stderr: '' }),
      (e: { code: number; stderr: string }) => e,
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/BOT_TOKEN is required/);
    expect(result.stderr).not.toMatch(/\bat .*\.ts:\d+/);
  });
});
