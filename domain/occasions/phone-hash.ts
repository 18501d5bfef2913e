// A phone number as a salted hash, for rules that must outlive the customer's data ("the welcome bonus
// once per phone number, ever"): HMAC-SHA256 of the E.164 number under a server secret. Without the
// secret the hashes cannot be tested against a list of numbers, so the number itself is never kept.
//
// The secret is PHONE_HASH_SECRET from the environment when set. Otherwise one is drawn at random the
// first time it is needed and kept in the database (collection `serverSecrets`), so every instance and
// every restart uses the same one. Changing it later makes the program forget which numbers it has seen.
import { createHmac, randomBytes } from 'node:crypto';
import { Schema, type Connection } from 'mongoose';
import { modelOn } from '../database.js';
import { isDuplicateKeyError } from '../result.js';

const secretSchema = new Schema(
  {
    _id: { type: String, required: true },
    value: { type: String, required: true },
    at: { type: Date, required: true },
  },
  { versionKey: false, collection: 'serverSecrets' },
);

const SECRET_ID = 'phone-hash';

export class PhoneHasher {
  private secret: Promise<string> | undefined;
  private readonly model;

  constructor(
    conn: Connection,
    private readonly configured: string | undefined,
  ) {
    this.model = modelOn(conn, 'ServerSecret', secretSchema);
  }

  async hash(e164Phone: string): Promise<string> {
    return createHmac('sha256', await this.key()).update(e164Phone).digest('hex');
  }

  private key(): Promise<string> {
    if (this.configured) return Promise.resolve(this.configured);
    this.secret ??= this.storedKey().catch((error: unknown) => {
      this.secret = undefined;
      throw error;
    });
    return this.secret;
  }

  /** The stored secret; the first instance to need one writes it (a second writer loses the insert and reads it). */
  private async storedKey(): Promise<string> {
    const existing = await this.model.findById(SECRET_ID).lean();
    if (existing) return existing.value;
    try {
      await this.model.create({ _id: SECRET_ID, value: randomBytes(32).toString('hex'), at: new Date() });
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
    }
    const stored = await this.model.findById(SECRET_ID).lean();
    if (!stored) throw new Error('the phone hash secret could not be stored');
    return stored.value;
  }
}
