// Per-test-file databases on the server started by test/global-setup.ts.
import { createHash } from 'node:crypto';
import { relative } from 'node:path';
import { MongoClient } from 'mongodb';
import { expect, inject } from 'vitest';

/** A short, valid MongoDB database name unique to a test file: `t_` + 24 hex digits of a hash of its path. */
export function testDatabaseName(file: string): string {
  const key = relative(process.cwd(), file).replaceAll('\\', '/');
  return `t_${createHash('sha256').update(key).digest('hex').slice(0, 24)}`;
}

export interface TestDatabase {
  /** Server URI (as provided by the global setup); pass `dbName` separately (e.g. `{ dbName }` in mongoose). */
  uri: string;
  dbName: string;
  /** Drops the database. */
  drop: () => Promise<void>;
}

/**
 * The database of the calling test file (one per `suffix` within it), dropped first so every run starts empty.
 * Call it from a test file (in a hook or a test).
 */
export async function connectTestDatabase(suffix?: string): Promise<TestDatabase> {
  const uri = inject('mongoUri');
  const file = expect.getState().testPath;
  if (!file) throw new Error('connectTestDatabase() must be called from within a vitest test file');
  const dbName = testDatabaseName(file) + (suffix ? `_${suffix}` : '');
  const drop = async () => {
    const client = new MongoClient(uri, { serverSelectionTimeoutMS: 10_000 });
    try {
      await client.db(dbName).dropDatabase();
    } finally {
      await client.close();
    }
  };
  await drop();
  return { uri, dbName, drop };
}
