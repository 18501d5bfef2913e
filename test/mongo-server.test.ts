// The test database server (test/global-setup.ts → app/mongo-server.ts) behaves like MongoDB where the app relies on it.
import { MongoClient, MongoServerError } from 'mongodb';
import type { Db } from 'mongodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectTestDatabase, testDatabaseName } from './db.js';
import type { TestDatabase } from './db.js';

let testDb: TestDatabase;
let client: MongoClient;
let db: Db;

beforeAll(async () => {
  testDb = await connectTestDatabase();
  client = await new MongoClient(testDb.uri).connect();
  db = client.db(testDb.dbName);
});

afterAll(async () => {
  await testDb?.drop();
  await client?.close();
});

/** The MongoDB error code of a rejected promise. */
async function errorCode(promise: Promise<unknown>): Promise<number | undefined> {
  try {
    await promise;
  } catch (err) {
    expect(err).toBeInstanceOf(MongoServerError);
    return (err as MongoServerError).code as number;
  }
  return undefined;
}

describe('test database server', () => {
  it('rejects duplicates of a unique index with E11000, on insert and on update', async () => {
    const cards = db.collection('cards');
    await cards.createIndex({ tg: 1 }, { unique: true });
    await cards.insertMany([{ tg: 1 }, { tg: 2 }]);

    expect(await errorCode(cards.insertOne({ tg: 1 }))).toBe(11000);
    expect(await errorCode(cards.updateOne({ tg: 2 }, { $set: { tg: 1 } }))).toBe(11000);
    expect(await errorCode(cards.findOneAndUpdate({ tg: 2 }, { $set: { tg: 1 } }))).toBe(11000);
    expect(await cards.countDocuments({ tg: 1 })).toBe(1);
  });

  it('upserts with $inc and computes several accumulators in one $group', async () => {
    const visits = db.collection('visits');
    for (const shop of ['a', 'a', 'b']) {
      await visits.findOneAndUpdate({ shop, day: 1 }, { $inc: { n: 2 } }, { upsert: true, returnDocument: 'after' });
    }
    const totals = await visits
      .aggregate([{ $group: { _id: '$shop', docs: { $sum: 1 }, n: { $sum: '$n' } } }, { $sort: { _id: 1 } }])
      .toArray();
    expect(totals).toEqual([
      { _id: 'a', docs: 1, n: 4 },
      { _id: 'b', docs: 1, n: 2 },
    ]);
  });

  it('gives every test file its own database', () => {
    expect(testDb.dbName).toBe(testDatabaseName(expect.getState().testPath ?? ''));
    expect(testDb.dbName).toMatch(/^t_[0-9a-f]{24}$/);
    const other = testDatabaseName('test/other.test.ts');
    expect(other).not.toBe(testDb.dbName);
    expect(other).not.toBe(testDatabaseName('test/other2.test.ts'));
  });
});
