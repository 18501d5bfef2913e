// Conversation state lives in MongoDB so that any instance can continue any chat.
// Values are stored as JSON text: conversation state holds whole Telegram payloads (nested arrays
// of buttons, keys chosen by Telegram), which BSON field rules and FerretDB do not all accept.
import type { StorageAdapter } from 'grammy';
import type { Connection } from 'mongoose';
import { isDuplicateKeyError } from '../domain/result.js';

export const CONVERSATIONS = 'conversations';

interface StoredValue {
  _id: string;
  value: string;
  updatedAt: Date;
}

export function mongoStorage<T>(conn: Connection, collectionName: string): StorageAdapter<T> {
  const collection = () => conn.collection<StoredValue>(collectionName);
  return {
    async read(key) {
      const doc = await collection().findOne({ _id: key });
      return doc ? (JSON.parse(doc.value) as T) : undefined;
    },
    async write(key, value) {
      const write = () =>
        collection().updateOne({ _id: key }, { $set: { value: JSON.stringify(value), updatedAt: new Date() } }, { upsert: true });
      try {
        await write();
      } catch (error) {
        // Two first updates of one user at once both try to insert; the loser now finds the document.
        if (!isDuplicateKeyError(error)) throw error;
        await write();
      }
    },
    async delete(key) {
      await collection().deleteOne({ _id: key });
    },
  };
}

/** Where sessions were kept while the bot had them (the session was empty; old records may remain). */
const LEGACY_SESSIONS = 'sessions';

/** Forgets a user's old session record and any unfinished conversation (erasing what the bot holds about them). */
export async function forgetChatState(conn: Connection, key: string): Promise<void> {
  await conn.collection<StoredValue>(LEGACY_SESSIONS).deleteOne({ _id: key });
  await conn.collection<StoredValue>(CONVERSATIONS).deleteOne({ _id: key });
}

/**
 * Drops conversations nobody touched since `before` (an onboarding abandoned half-way keeps the
 * user's name in its stored updates): returns how many.
 */
export async function sweepStaleConversations(conn: Connection, before: Date): Promise<number> {
  const result = await conn.collection<StoredValue>(CONVERSATIONS).deleteMany({ updatedAt: { $lt: before } });
  return result.deletedCount;
}
