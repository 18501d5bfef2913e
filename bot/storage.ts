// Sessions and conversation state live in MongoDB so that any instance can continue any chat.
import { MongoDBAdapter, type ISession } from '@grammyjs/storage-mongodb';
import type { StorageAdapter } from 'grammy';
import type { Connection } from 'mongoose';

export const SESSIONS = 'sessions';
export const CONVERSATIONS = 'conversations';

type AdapterCollection = ConstructorParameters<typeof MongoDBAdapter>[0]['collection'];

export function mongoStorage<T>(conn: Connection, collectionName: string): StorageAdapter<T> {
  // The adapter bundles its own copy of the driver's types; the collection is the same at runtime.
  const collection = conn.collection<ISession>(collectionName) as unknown as AdapterCollection;
  return new MongoDBAdapter<T>({ collection });
}

export async function ensureStorageIndexes(conn: Connection): Promise<void> {
  for (const name of [SESSIONS, CONVERSATIONS]) {
    await conn.collection(name).createIndex({ key: 1 }, { unique: true });
  }
}
