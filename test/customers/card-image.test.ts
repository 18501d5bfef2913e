import { createCanvas, loadImage } from '@napi-rs/canvas';
import { InputFile } from 'grammy';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness, type TestUser } from '../harness/index.js';
import { customerOf, decodeQr, giveStamps, onboard } from '../harness/customers.js';

/** How many pixels have the colour of a filled stamp (#c0392b). */
async function filledStampPixels(png: Buffer): Promise<number> {
  const image = await loadImage(png);
  const ctx = createCanvas(image.width, image.height).getContext('2d');
  ctx.drawImage(image, 0, 0);
  const { data } = ctx.getImageData(0, 0, image.width, image.height);
  let count = 0;
  for (let i = 0; i < data.length; i += 4) {
    if (Math.abs(data[i]! - 0xc0) < 8 && Math.abs(data[i + 1]! - 0x39) < 8 && Math.abs(data[i + 2]! - 0x2b) < 8) count++;
  }
  return count;
}

describe('the card picture', () => {
  let h: Harness;
  let user: TestUser;
  beforeAll(async () => {
    h = await createHarness();
    user = h.user({ language_code: 'en' });
    await onboard(h, user);
  });
  afterAll(async () => h.close());

  const photoCalls = () => h.telegram.callsOf('sendPhoto').filter((c) => c.payload.chat_id === user.id);

  it('the punch grid follows the stamps: 0, 1 and 3 stamps look different', async () => {
    const zero = user.lastPhoto!;
    await giveStamps(h, user, 1);
    await user.send('💳 My card');
    const one = user.lastPhoto!;
    await giveStamps(h, user, 2);
    await user.send('💳 My card');
    const three = user.lastPhoto!;

    expect(zero.equals(three)).toBe(false);
    expect(await filledStampPixels(zero)).toBe(0);
    const perStamp = await filledStampPixels(one);
    expect(perStamp).toBeGreaterThan(500);
    expect(await filledStampPixels(three)).toBeCloseTo(3 * perStamp, -2);
    expect(user.last?.caption).toContain('Stamps: 3 of 8');

    // The QR stays the same card link whatever the stamps.
    const link = await decodeQr(zero);
    expect(link).toMatch(/^https:\/\/t\.me\/loyalty_cafe_bot\?start=c_[\w-]+$/);
    expect(await decodeQr(three)).toBe(link);
  });

  it('an unchanged card is not drawn again: the Telegram file of the last photo is sent', async () => {
    const drawn = photoCalls().at(-1)!;
    expect(drawn.payload.photo).toBeInstanceOf(InputFile);
    const fileId = user.last!.photo!.fileId;
    const { cardImage } = (await customerOf(h, user))!;
    expect(cardImage?.fileId).toBe(fileId);

    await user.send('💳 My card');
    await user.send('💳 My card');
    await user.send('/start');
    expect(photoCalls().slice(-3).map((c) => c.payload.photo)).toEqual([fileId, fileId, fileId]);
    expect((await customerOf(h, user))!.cardImage).toEqual(cardImage);
  });

  it('is drawn again when what it shows changes: stamps, the program, the language', async () => {
    const fingerprints = new Set([(await customerOf(h, user))!.cardImage!.fingerprint]);
    const drawnNow = async () => {
      const call = photoCalls().at(-1)!;
      fingerprints.add((await customerOf(h, user))!.cardImage!.fingerprint);
      return call.payload.photo instanceof InputFile;
    };

    await giveStamps(h, user, 1);
    await user.send('💳 My card');
    expect(await drawnNow()).toBe(true);

    await h.services.settings.update({ stampsPerReward: 10 }, null);
    await user.send('💳 My card');
    expect(await drawnNow()).toBe(true);
    expect(user.last?.caption).toContain('Stamps: 4 of 10');

    await h.services.settings.update({ rewardName: { en: 'pastry', ru: 'пирожное', bg: 'паста' } }, null);
    await user.send('💳 My card');
    expect(await drawnNow()).toBe(true);

    await user.send('🌐 Language');
    await user.press('Русский');
    await user.send('💳 Моя карта');
    expect(await drawnNow()).toBe(true);
    expect(user.last?.caption).toContain('Штампы: 4 из 10');
    expect(fingerprints.size).toBe(5);
  });

  it('when Telegram no longer knows the file, the card is drawn and sent again', async () => {
    await user.send('💳 Моя карта');
    const before = photoCalls().length;
    h.telegram.fail({ method: 'sendPhoto', chatId: user.id, error_code: 400, description: 'Bad Request: wrong file identifier' });
    await user.send('💳 Моя карта');
    const calls = photoCalls().slice(before);
    expect(calls.map((c) => [c.ok, typeof c.payload.photo])).toEqual([
      [false, 'string'],
      [true, 'object'],
    ]);
    expect(user.last?.method).toBe('sendPhoto');
    expect((await customerOf(h, user))!.cardImage!.fileId).toBe(user.last!.photo!.fileId);
  });
});
