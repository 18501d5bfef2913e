// vitest globalSetup: one MongoDB-speaking server for the whole run (see app/mongo-server.ts).
// Test files get its URI with inject('mongoUri'); test/db.ts gives each file its own database.
import type { TestProject } from 'vitest/node';
import { redactMongoUri, startMongoServer } from '../app/mongo-server.js';

declare module 'vitest' {
  export interface ProvidedContext {
    mongoUri: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const server = await startMongoServer({
    uri: process.env.MONGODB_URI,
    log: (msg) => process.stderr.write(`[test] ${msg}\n`),
  });
  process.stdout.write(`[test] MongoDB server: ${server.kind} ${redactMongoUri(server.uri)}\n`);
  project.provide('mongoUri', server.uri);
  return () => server.stop();
}
