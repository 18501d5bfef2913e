// Every log line the app writes during tests lands here, and in a file per test worker when
// LOG_CAPTURE_DIR is set, so a suite-wide check can look for personal data in them.
import { appendFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Writable } from 'node:stream';

export const capturedLogs: string[] = [];

const dir = process.env.LOG_CAPTURE_DIR;
if (dir) mkdirSync(dir, { recursive: true });
const file = dir ? join(dir, `worker-${process.pid}.jsonl`) : undefined;

export const logSink = new Writable({
  write(chunk: Buffer, _encoding, done) {
    const line = chunk.toString('utf8');
    capturedLogs.push(line);
    if (process.env.LOG_ECHO) process.stderr.write(line);
    if (file) appendFileSync(file, line);
    done();
  },
});
