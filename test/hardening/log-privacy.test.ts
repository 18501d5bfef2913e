import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../app/logger.js';
import { findPhoneInLogs } from '../global-setup.js';

function capture() {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _e, done) {
      lines.push(chunk.toString());
      done();
    },
  });
  return { lines, logger: createLogger('debug', sink) };
}

describe('logs keep personal data out', () => {
  it('redacts phone, contact and text fields and masks phone-like strings in messages', () => {
    const { lines, logger } = capture();
    logger.info({ phone: '+359888123456', customer: { phone: '+79001234567', first_name: 'Ива' } }, 'registered');
    logger.info({ update: { message: { text: 'my number is 0888 123 456', contact: { phone_number: '+447911123456' } } } }, 'update');
    logger.warn('customer +359 888 123 457 could not be reached');
    logger.error({ err: new Error('E11000 duplicate key error dup key: { phone: "+359888123458" }') }, 'failed');
    const all = lines.join('');
    expect(all).not.toMatch(/888\s?123|9001234567|7911123456/);
    expect(all).not.toContain('Ива');
    expect(all).toContain('[redacted]');
    expect(all).toContain('[phone]');
  });

  it('never logs the context of a failed update (texts, the bot token)', () => {
    const { lines, logger } = capture();
    const error = Object.assign(new Error('in middleware'), {
      ctx: { update: { message: { text: 'secret text' } }, config: { BOT_TOKEN: '123:SECRET' } },
      error: new Error('inner cause'),
    });
    logger.error({ err: error }, 'unhandled');
    expect(lines.join('')).not.toMatch(/secret text|SECRET/);
    expect(lines.join('')).toContain('inner cause');
  });

  it('the suite-wide scan finds a phone number that reached a log file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'scan-'));
    writeFileSync(join(dir, 'a.jsonl'), '{"msg":"ok"}\n{"msg":"sent to +359888123456"}\n');
    expect(findPhoneInLogs(dir)).toEqual({ lines: 2, hits: ['{"msg":"sent to +359888123456"}'] });
  });
});
