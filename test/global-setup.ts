// vitest globalSetup: one MongoDB-speaking server for the whole run (see app/mongo-server.ts).
// Test files get its URI with inject('mongoUri'); test/db.ts gives each file its own database.
// Every log line the app writes during the run is captured (test/harness/log-sink.ts) and, at the
// end, searched for phone numbers: finding one fails the run.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { redactMongoUri, startMongoServer } from '../app/mongo-server.js';

declare module 'vitest' {
  export interface ProvidedContext {
    mongoUri: string;
  }
}

/** E.164 numbers and the local formats our tests use (0888 123 456, 8 900 123-45-67 …). */
const PHONE = /\+\d{10,15}\b|\b0\d{2,3}[\s-]?\d{3}[\s-]?\d{3,4}\b|\b[78][\s-]?\(?9\d{2}\)?[\s-]?\d{3}[\s-]?\d{2}[\s-]?\d{2}\b/;

export function findPhoneInLogs(dir: string): { lines: number; hits: string[] } {
  let lines = 0;
  const hits: string[] = [];
  for (const file of readdirSync(dir)) {
    for (const line of readFileSync(join(dir, file), 'utf8').split('\n')) {
      if (!line) continue;
      lines++;
      if (PHONE.test(line)) hits.push(line.slice(0, 300));
    }
  }
  return { lines, hits };
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const server = await startMongoServer({
    uri: process.env.MONGODB_URI,
    log: (msg) => process.stderr.write(`[test] ${msg}\n`),
  });
  process.stdout.write(`[test] MongoDB server: ${server.kind} ${redactMongoUri(server.uri)}\n`);
  project.provide('mongoUri', server.uri);

  const logDir = mkdtempSync(join(tmpdir(), 'loyalty-test-logs-'));
  process.env.LOG_CAPTURE_DIR = logDir;

  return async () => {
    await server.stop();
    const { lines, hits } = findPhoneInLogs(logDir);
    rmSync(logDir, { recursive: true, force: true });
    process.stdout.write(`[test] scanned ${lines} log lines of the app for phone numbers: ${hits.length} found\n`);
    if (hits.length > 0) {
      throw new Error(`phone numbers reached the logs:\n${hits.slice(0, 5).join('\n')}`);
    }
  };
}
