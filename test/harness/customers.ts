// Customer-side steps for scenarios: walk a user through onboarding as they would, read what the
// database holds about them, give them stamps, and read the QR code on the card photo they received.
//
//   const customer = h.user({ language_code: 'bg' });
//   await onboard(h, customer, { phone: '+359888123456' });
//   await giveStamps(h, customer, 3);
//   expect(await decodeQr(customer.lastPhoto!)).toContain('?start=c_');
import { createCanvas, loadImage } from '@napi-rs/canvas';
import jsQRModule from 'jsqr';
import { Types } from 'mongoose';
import type { Locale } from '../../domain/locales.js';
import { LANGUAGE_NAMES } from '../../bot/keyboards/customer.js';
import { customerModel, type CustomerDoc } from '../../domain/customers/model.js';
import { ledgerModel } from '../../domain/ledger/model.js';
import { rebuildSnapshot } from '../../domain/ledger/snapshot.js';
import type { Harness, TestUser } from './index.js';

// jsqr is CommonJS exporting `default`: reach it the same way in Node and in its types.
const jsQR = jsQRModule.default;

export interface OnboardOptions {
  /** The language pressed on the first screen (default: the user's Telegram language, or English). */
  locale?: Locale;
  phone?: string;
  consent?: boolean;
  /** What follows /start, e.g. `ref_<code>`. */
  payload?: string;
}

let phoneCounter = 0;

/** A fresh, valid Bulgarian mobile number for each call. */
export function nextPhone(): string {
  phoneCounter++;
  return `+35988${String(1_000_000 + phoneCounter).slice(-7)}`;
}

export function localeOf(user: TestUser): Locale {
  const code = user.info.language_code;
  return code === 'ru' || code === 'bg' ? code : 'en';
}

/** The onboarding, step by step, as a user taps through it. */
export async function onboard(h: Harness, user: TestUser, options: OnboardOptions = {}): Promise<void> {
  const locale = options.locale ?? localeOf(user);
  const t = (key: string) => h.app.t(locale, key);
  await user.send(options.payload ? `/start ${options.payload}` : '/start');
  await user.press(new RegExp(`${LANGUAGE_NAMES[locale]}$`));
  await user.press(t('onboarding-continue'));
  await user.press(t('onboarding-privacy-agree'));
  await user.shareContact(options.phone ?? nextPhone());
  await user.press(t(options.consent === false ? 'onboarding-consent-no' : 'onboarding-consent-yes'));
}

/** The customer record of this Telegram user, read straight from the database. */
export async function customerOf(h: Harness, user: TestUser): Promise<CustomerDoc | null> {
  return customerModel(h.app.conn).findOne({ telegramId: user.id }).lean<CustomerDoc>();
}

export async function countCustomers(h: Harness): Promise<number> {
  return customerModel(h.app.conn).countDocuments({});
}

/** Stamps straight into the ledger (what a confirmed visit writes), for tests about how cards look. */
export async function giveStamps(h: Harness, user: TestUser, stamps: number, rewards = 0): Promise<void> {
  const customer = await customerOf(h, user);
  if (!customer) throw new Error(`user ${user.id} has no card`);
  const ledger = ledgerModel(h.app.conn);
  const seq = (await ledger.countDocuments({ customerId: customer._id })) + 1;
  await ledger.create({
    customerId: customer._id,
    type: 'bonus',
    stamps,
    rewards,
    staffId: null,
    reason: 'test',
    key: `test:${new Types.ObjectId().toHexString()}`,
    seq,
    at: h.clock.now(),
  });
  // As every append does: the card snapshot follows the ledger.
  await rebuildSnapshot(h.app.conn, customer._id);
}

/** The text encoded in the QR code of a PNG, decoded from its pixels. */
export async function decodeQr(png: Buffer): Promise<string | undefined> {
  const image = await loadImage(png);
  const canvas = createCanvas(image.width, image.height);
  const ctx = canvas.getContext('2d');
  ctx.drawImage(image, 0, 0);
  const { data, width, height } = ctx.getImageData(0, 0, image.width, image.height);
  return jsQR(new Uint8ClampedArray(data.buffer, data.byteOffset, data.byteLength), width, height)?.data;
}
