// Consents as the law asks for them (152-ФЗ since 2025-09, GDPR): the consent to processing the phone
// number is its own step with its own document (the privacy policy, settings.privacyPolicyVersion),
// given before the phone is taken; consent to offers is separate and optional. Every answer is kept
// as a record with its time and the policy version it was given for, so the owner can show what was
// agreed and when. The customer record holds the current state: the policy version agreed to
// (a newer version in the settings means "ask again") and the marketing switch.
import { Schema, type Connection, type InferSchemaType, type Types } from 'mongoose';
import { modelOn } from '../database.js';

export const CONSENT_KINDS = ['processing', 'marketing'] as const;
export type ConsentKind = (typeof CONSENT_KINDS)[number];

const consentSchema = new Schema(
  {
    customerId: { type: Schema.Types.ObjectId, required: true, index: true },
    kind: { type: String, enum: CONSENT_KINDS, required: true },
    granted: { type: Boolean, required: true },
    /** The privacy policy version in force when the answer was given. */
    policyVersion: { type: Number, required: true },
    at: { type: Date, required: true },
    /** Where the answer came from: onboarding, policy-change, menu, stop-offers, erased … */
    via: { type: String, required: true },
  },
  { versionKey: false },
);

export type ConsentRecord = InferSchemaType<typeof consentSchema> & { _id: Types.ObjectId };

export function consentModel(conn: Connection) {
  return modelOn(conn, 'Consent', consentSchema);
}

/** True when the customer has not agreed to the privacy policy now in force. */
export function needsPolicyConsent(customer: { policyVersion?: number | null }, currentVersion: number): boolean {
  return (customer.policyVersion ?? 0) < currentVersion;
}
