// The customer record. Personal fields (phone, names, username, telegramId) are erased on request;
// the record itself stays, anonymised, so the owner's totals and the ledger still add up.
import { Schema, type Types, type Connection, type InferSchemaType } from 'mongoose';
import { LOCALES } from '../locales.js';
import { modelOn } from '../database.js';

const customerSchema = new Schema(
  {
    // Unique fields that an erased customer no longer has are sparse: MongoDB then allows many
    // documents without them (FerretDB ignores `sparse` but behaves the same way).
    telegramId: { type: Number, index: { unique: true, sparse: true } },
    phone: { type: String, index: { unique: true, sparse: true } },
    firstName: { type: String },
    lastName: { type: String },
    username: { type: String },
    locale: { type: String, enum: LOCALES, required: true },
    /** In the QR deep link (`c_<token>`): long and random, so a card cannot be guessed. */
    cardToken: { type: String, index: { unique: true, sparse: true } },
    /** Short code staff can type (about 8 unambiguous characters). */
    cardNumber: { type: String, index: { unique: true, sparse: true } },
    /** In the personal invite link (`ref_<code>`). */
    referralCode: { type: String, index: { unique: true, sparse: true } },
    referredBy: { type: Schema.Types.ObjectId, default: null, index: true },
    referredAt: { type: Date, default: null },
    marketingConsent: { type: Boolean, required: true, default: false },
    consentChangedAt: { type: Date, default: null },
    /** The privacy policy version the customer agreed to (domain/customers/consents.ts); null: none yet. */
    policyVersion: { type: Number, default: null },
    policyConsentAt: { type: Date, default: null },
    /** Who erased the personal data: the customer, or the retention rule (settings.retentionMonths). */
    erasedBy: { type: String, enum: ['customer', 'retention', null], default: null },
    registeredAt: { type: Date, required: true },
    firstVisitAt: { type: Date, default: null },
    lastVisitAt: { type: Date, default: null, index: true },
    /** Set when Telegram answers 403 (the customer blocked the bot); cleared when they write again. */
    unreachable: { type: Boolean, default: false },
    /** The last rendered card photo, reused while the card looks the same. */
    cardImage: {
      type: new Schema({ fileId: String, fingerprint: String }, { _id: false }),
      default: null,
    },
    lastMarketingAt: { type: Date, default: null },
    /** Staff allowed this card to move to another Telegram account with the same phone, until then. */
    moveAllowedUntil: { type: Date, default: null },
    moveAllowedBy: { type: String, default: null },
    /**
     * The card as of a ledger position (stamps, rewards, what the limits need): see
     * domain/ledger/snapshot.ts. Written with every ledger append; the ledger stays the truth.
     */
    card: { type: Schema.Types.Mixed, default: null },
    /** Card screens closed with Cancel lately (their nonces; a screen lives 30 minutes). */
    closedScreens: { type: [String], default: undefined },
    deletedAt: { type: Date, default: null },
    /** Day and month only, never the year (domain/occasions); erased with the rest. */
    birthday: { type: new Schema({ day: Number, month: Number }, { _id: false }), default: null },
    /** When the birthday was last set: it may change once a year. */
    birthdaySetAt: { type: Date, default: null },
  },
  { versionKey: false },
);

customerSchema.index({ 'birthday.month': 1, 'birthday.day': 1 });

export type CustomerDoc = InferSchemaType<typeof customerSchema> & { _id: Types.ObjectId };

export function customerModel(conn: Connection) {
  return modelOn(conn, 'Customer', customerSchema);
}
