// Sessions and conversation state live in MongoDB so that any instance can continue any chat.
// Values are stored as JSON text: conversation state holds whole Telegram payloads (nested arrays
// of buttons, keys chosen by Telegram), which BSON field rules and FerretDB do not all accept.
import type { StorageAdapter } from 'grammy';
import type { Connection } from 'mongoose';
import { isDuplicateKeyError } from '../domain/result.js';

export const SESSIONS = 'sessions';
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
