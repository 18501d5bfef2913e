// Moving a card to the customer's new Telegram account. Staff open the card and allow the move for a
// few minutes; the customer, on the new account, shares their own contact (in onboarding, where that
// phone is refused as taken): when it is the card's phone, the card moves there, with its ledger,
// rewards, reviews and invitations (all keyed by the customer, not the account). The phone is the
// proof: Telegram shares an account's own number only, so the card can only reach an account with
// the very number on the card. A claim under a unique key makes the move happen once per allowed
// window, so two shared contacts (a double tap, a retried update) move it once, announced once.
import type { Connection, Types } from 'mongoose';
import type { Locale } from '../locales.js';
import type { Clock } from '../clock.js';
import type { OnceKeys } from '../once.js';
import type { PreferencesService } from '../preferences.js';
import { err, isDuplicateKeyError, ok, type Result } from '../result.js';
import { customerModel, type CustomerDoc } from './model.js';
import { defaultRegionFor, normalizePhone } from './phone.js';

export const MOVE_WINDOW_MINUTES = 15;

export type AllowMoveError = { code: 'CardNotFound' };
export type MoveCardError = { code: 'PhoneInvalid' } | { code: 'NoMoveAllowed' } | { code: 'AccountHasCard' };

export interface NewAccount {
  telegramId: number;
  /** As shared with the contact button (the account's own). */
  phone: string;
  firstName: string;
  lastName?: string | undefined;
  username?: string | undefined;
  locale: Locale;
}

export interface CardMoved {
  customer: CustomerDoc;
  /** The account the card left (null when it had none), or undefined when it was already here. */
  previous: { telegramId: number | null; locale: Locale; allowedBy: string | null } | undefined;
}

export class CardMoves {
  private readonly model;

  constructor(
    conn: Connection,
    private readonly clock: Clock,
    private readonly preferences: PreferencesService,
    private readonly once: OnceKeys,
  ) {
    this.model = customerModel(conn);
  }

  /** Staff allow the card to move for the next minutes; pressing again just renews the window. */
  async allowMove(customerId: Types.ObjectId | string, staffName: string): Promise<Result<{ until: Date; customer: CustomerDoc }, AllowMoveError>> {
    const until = new Date(this.clock.now().getTime() + MOVE_WINDOW_MINUTES * 60_000);
    const customer = await this.model
      .findOneAndUpdate({ _id: customerId, deletedAt: null }, { $set: { moveAllowedUntil: until, moveAllowedBy: staffName } }, { returnDocument: 'after' })
      .lean<CustomerDoc>();
    return customer ? ok({ until, customer }) : err({ code: 'CardNotFound' });
  }

  /** Moves the card with this phone to the account, if staff allowed it and the window is open. */
  async moveCardToAccount(account: NewAccount): Promise<Result<CardMoved, MoveCardError>> {
    const phone = normalizePhone(account.phone, defaultRegionFor(account.locale));
    if (!phone) return err({ code: 'PhoneInvalid' });
    const alreadyHere = async (): Promise<Result<CardMoved, MoveCardError>> => {
      const here = await this.model.findOne({ phone, telegramId: account.telegramId, deletedAt: null }).lean<CustomerDoc>();
      return here ? ok({ customer: here, previous: undefined }) : err({ code: 'NoMoveAllowed' });
    };
    const card = await this.model.findOne({ phone, deletedAt: null, moveAllowedUntil: { $gt: this.clock.now() } }).lean<CustomerDoc>();
    if (!card?.moveAllowedUntil || card.telegramId === account.telegramId) return alreadyHere();
    // One move per window the staff opened: the claim's unique key is the exactly-once primitive.
    const key = `card-move:${String(card._id)}:${card.moveAllowedUntil.getTime()}`;
    // Lost to a concurrent move of the same window to this same account (only it has this phone).
    if (!(await this.once.claim(key, this.clock.now()))) return ok({ customer: { ...card, telegramId: account.telegramId }, previous: undefined });
    try {
      await this.model.updateOne(
        { _id: card._id },
        {
          $set: {
            telegramId: account.telegramId,
            firstName: account.firstName,
            locale: account.locale,
            unreachable: false,
            moveAllowedUntil: null,
            moveAllowedBy: null,
            ...(account.lastName ? { lastName: account.lastName } : {}),
            ...(account.username ? { username: account.username } : {}),
          },
          ...(account.lastName && account.username
            ? {}
            : { $unset: { ...(account.lastName ? {} : { lastName: 1 }), ...(account.username ? {} : { username: 1 }) } }),
        },
      );
    } catch (error) {
      await this.once.release(key);
      if (isDuplicateKeyError(error)) return err({ code: 'AccountHasCard' });
      throw error;
    }
    await this.preferences.setLocale(account.telegramId, account.locale);
    const customer = await this.model.findById(card._id).lean<CustomerDoc>();
    if (!customer) throw new Error('the moved card is gone');
    return ok({
      customer,
      previous: { telegramId: card.telegramId ?? null, locale: card.locale, allowedBy: card.moveAllowedBy ?? null },
    });
  }
}
