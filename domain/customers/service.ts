// The customer's side of the program: registering with a phone, the card's identifiers, language,
// marketing consent and erasing personal data on request.
import { Types, type Connection } from 'mongoose';
import type { Locale } from '../locales.js';
import type { Clock } from '../clock.js';
import type { JobQueue } from '../ports.js';
import type { PreferencesService } from '../preferences.js';
import { err, isDuplicateKeyError, ok, type Result } from '../result.js';
import { customerModel, type CustomerDoc } from './model.js';
import { newCardNumber, newCardToken, newReferralCode } from './codes.js';
import { defaultRegionFor, normalizePhone } from './phone.js';
import { invitedFriends, referrerFor, type InvitedFriends } from './referrals.js';
import { reviewModel } from '../reviews/model.js';
import { dataCopyOf, type DataCopy } from './data-copy.js';
import { consentModel, type ConsentKind, type ConsentRecord } from './consents.js';

export interface Registration {
  telegramId: number;
  /** As shared by Telegram's contact button; normalized to E.164 here. */
  phone: string;
  firstName: string;
  lastName?: string | undefined;
  username?: string | undefined;
  locale: Locale;
  marketingConsent: boolean;
  /** The consent to processing, given before the phone was shared: the policy version and when. */
  policyConsent: { version: number; at: Date };
  /** The invite code the newcomer arrived with (`/start ref_<code>`), if any. */
  referralCode?: string | undefined;
}

export type PhoneCheckError = { code: 'PhoneInvalid' } | { code: 'PhoneTaken' };
export type RegistrationError = PhoneCheckError;
export type CustomerNotFound = { code: 'CustomerNotFound' };

const CODE_ATTEMPTS = 5;
/** Enough to pick from at the counter; a longer list means the staff member should add the name. */
export const SEARCH_LIMIT = 8;

/** Where new card identifiers come from (random; tests may force collisions). */
export interface CardCodes {
  cardToken(): string;
  cardNumber(): string;
  referralCode(): string;
}

export const randomCardCodes: CardCodes = {
  cardToken: newCardToken,
  cardNumber: newCardNumber,
  referralCode: newReferralCode,
};

/** Run after a customer's personal data was erased, with the record as it was before (e.g. to unlink a phone hash). */
export type ErasedHook = (customer: CustomerDoc) => Promise<void>;

export class CustomerService {
  readonly hooks = { erased: [] as ErasedHook[] };
  private readonly model;
  private readonly consents;

  constructor(
    conn: Connection,
    private readonly clock: Clock,
    private readonly jobs: JobQueue,
    private readonly preferences: PreferencesService,
    private readonly codes: CardCodes = randomCardCodes,
  ) {
    this.model = customerModel(conn);
    this.consents = consentModel(conn);
  }

  async findByTelegramId(telegramId: number): Promise<CustomerDoc | null> {
    return this.model.findOne({ telegramId }).lean<CustomerDoc>();
  }

  async findById(customerId: Types.ObjectId | string): Promise<CustomerDoc | null> {
    if (!Types.ObjectId.isValid(customerId)) return null;
    return this.model.findById(customerId).lean<CustomerDoc>();
  }

  /**
   * The phone in E.164 if this Telegram account may register with it: one phone is one customer, so
   * a phone already on another account's card is refused (staff can move a card).
   */
  async checkPhone(rawPhone: string, telegramId: number, locale: Locale): Promise<Result<string, PhoneCheckError>> {
    const phone = normalizePhone(rawPhone, defaultRegionFor(locale));
    if (!phone) return err({ code: 'PhoneInvalid' });
    const holder = await this.model.findOne({ phone }, { telegramId: 1 }).lean();
    if (holder && holder.telegramId !== telegramId) return err({ code: 'PhoneTaken' });
    return ok(phone);
  }

  /**
   * Issues the card. Registering an account that already has a card returns that card, so a retried
   * update never makes a second customer.
   */
  async register(input: Registration): Promise<Result<CustomerDoc, RegistrationError>> {
    const existing = await this.findByTelegramId(input.telegramId);
    if (existing) return ok(existing);
    const checked = await this.checkPhone(input.phone, input.telegramId, input.locale);
    if (!checked.ok) return checked;
    const phone = checked.value;

    const now = this.clock.now();
    const referredBy = await referrerFor(this.model, input.referralCode, input.telegramId);
    for (let attempt = 0; attempt < CODE_ATTEMPTS; attempt++) {
      try {
        const created = await this.model.create({
          telegramId: input.telegramId,
          phone,
          firstName: input.firstName,
          ...(input.lastName ? { lastName: input.lastName } : {}),
          ...(input.username ? { username: input.username } : {}),
          locale: input.locale,
          cardToken: this.codes.cardToken(),
          cardNumber: this.codes.cardNumber(),
          referralCode: this.codes.referralCode(),
          referredBy,
          referredAt: referredBy ? now : null,
          marketingConsent: input.marketingConsent,
          consentChangedAt: now,
          policyVersion: input.policyConsent.version,
          policyConsentAt: input.policyConsent.at,
          registeredAt: now,
        });
        await this.consents.create({
          customerId: created._id,
          kind: 'processing',
          granted: true,
          policyVersion: input.policyConsent.version,
          at: input.policyConsent.at,
          via: 'onboarding',
        });
        await this.preferences.setLocale(input.telegramId, input.locale);
        return ok(created.toObject<CustomerDoc>());
      } catch (error) {
        if (!isDuplicateKeyError(error)) throw error;
        // Which unique field collided decides: the same account (a concurrent retry), the phone
        // (registered meanwhile by another account), or one of the random codes (draw again).
        const winner = await this.findByTelegramId(input.telegramId);
        if (winner) return ok(winner);
        if (await this.model.exists({ phone })) return err({ code: 'PhoneTaken' });
      }
    }
    throw new Error(`no free card codes after ${CODE_ATTEMPTS} attempts`);
  }

  /**
   * Cards whose phone ends in these digits (and whose first name starts with `name`, if given): how
   * staff find the card of a customer who has neither the card nor the old account at hand.
   */
  async findByPhoneEnding(digits: string, name?: string): Promise<CustomerDoc[]> {
    if (!/^\d{4,}$/.test(digits)) return [];
    const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    return this.model
      .find({
        deletedAt: null,
        phone: { $regex: `${digits}$` },
        ...(name ? { firstName: { $regex: `^${escape(name)}`, $options: 'i' } } : {}),
      })
      .sort({ firstName: 1 })
      .limit(SEARCH_LIMIT)
      .lean<CustomerDoc[]>();
  }

  /** The customer's language for everything the bot sends them, in chats and from jobs. */
  async setLocale(telegramId: number, locale: Locale): Promise<void> {
    await this.preferences.setLocale(telegramId, locale);
    await this.model.updateOne({ telegramId }, { $set: { locale } });
  }

  /**
   * Promotions on or off; stored as the marketing consent that every campaign and broadcast checks,
   * and kept as a consent record (`via` says where: onboarding, menu, stop-offers).
   */
  async setMarketingConsent(customerId: Types.ObjectId, consent: boolean, via: string = 'menu'): Promise<void> {
    const now = this.clock.now();
    const customer = await this.model.findOneAndUpdate(
      { _id: customerId, deletedAt: null },
      { $set: { marketingConsent: consent, consentChangedAt: now } },
    ).lean<CustomerDoc>();
    if (!customer) return;
    await this.recordConsent(customer, 'marketing', consent, via, now);
  }

  /** The customer agreed to the privacy policy of this version (after it changed). */
  async agreeToPolicy(customerId: Types.ObjectId, version: number, via: string = 'policy-change'): Promise<void> {
    const now = this.clock.now();
    const customer = await this.model.findOneAndUpdate(
      { _id: customerId, deletedAt: null },
      { $set: { policyVersion: version, policyConsentAt: now } },
    ).lean<CustomerDoc>();
    if (!customer) return;
    await this.consents.create({ customerId, kind: 'processing', granted: true, policyVersion: version, at: now, via });
  }

  private async recordConsent(customer: CustomerDoc, kind: ConsentKind, granted: boolean, via: string, at: Date): Promise<void> {
    await this.consents.create({ customerId: customer._id, kind, granted, policyVersion: customer.policyVersion ?? 0, at, via });
  }

  /** Everything stored about the customer, for their own copy. */
  async dataCopy(customerId: Types.ObjectId): Promise<DataCopy | null> {
    return dataCopyOf(this.model.db, customerId);
  }

  /**
   * Someone without a card (an abandoned onboarding, a refused consent) asks to be forgotten: the
   * language they chose is the only thing the program kept about them.
   */
  async forgetVisitor(telegramId: number): Promise<void> {
    await this.preferences.forget(telegramId);
  }

  /** Every consent answer the customer gave, oldest first. */
  async consentsOf(customerId: Types.ObjectId): Promise<ConsentRecord[]> {
    return this.consents.find({ customerId }).sort({ at: 1, _id: 1 }).lean<ConsentRecord[]>();
  }

  /**
   * Whether the bot can write to the customer: false after Telegram said they blocked it, true again
   * once they unblock it or write. Filtered on the current value, so it writes only on a change.
   */
  async setReachable(telegramId: number, reachable: boolean): Promise<void> {
    await this.model.updateOne({ telegramId, unreachable: reachable }, { $set: { unreachable: !reachable } });
  }

  /** Remembers the Telegram file of the card photo last sent, for the card as it looked then. */
  async rememberCardImage(customerId: Types.ObjectId, image: { fileId: string; fingerprint: string }): Promise<void> {
    await this.model.updateOne({ _id: customerId, deletedAt: null }, { $set: { cardImage: image } });
  }

  async invitedFriends(customerId: Types.ObjectId): Promise<InvitedFriends> {
    return invitedFriends(this.model.db, this.model, customerId);
  }

  /**
   * Erases the customer's personal data: phone, names, username, Telegram account, the card's
   * identifiers. The record stays, anonymised, so the ledger and the owner's totals still add up.
   * Pending jobs about the customer are cancelled and their language preference is forgotten.
   */
  async erase(customerId: Types.ObjectId, by: 'customer' | 'retention' = 'customer'): Promise<Result<void, CustomerNotFound>> {
    const customer = await this.findById(customerId);
    if (!customer || customer.deletedAt) return err({ code: 'CustomerNotFound' });
    const now = this.clock.now();
    await this.model.updateOne(
      { _id: customer._id },
      {
        $unset: {
          telegramId: 1,
          phone: 1,
          firstName: 1,
          lastName: 1,
          username: 1,
          cardToken: 1,
          cardNumber: 1,
          referralCode: 1,
          birthday: 1,
          birthdaySetAt: 1,
        },
        $set: { deletedAt: now, erasedBy: by, marketingConsent: false, consentChangedAt: now, cardImage: null },
      },
    );
    // What they wrote in reviews is theirs too (and the answers addressed to them); the ratings stay,
    // anonymous, for the owner's average.
    await reviewModel(this.model.db).updateMany({ customerId: customer._id }, { $set: { comment: null, replies: [] } });
    await this.jobs.cancel({ data: { customerId: String(customer._id) } });
    if (customer.telegramId) await this.preferences.forget(customer.telegramId);
    for (const hook of this.hooks.erased) await hook(customer);
    return ok(undefined);
  }
}
