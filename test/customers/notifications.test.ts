import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../harness/index.js';
import { customerOf, onboard } from '../harness/customers.js';
import { recipientsOf } from '../../domain/broadcasts/segments.js';

describe('Notifications: offers and news on or off', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness();
  });
  afterAll(async () => h.close());

  async function reachedByPromotions(customerId: string): Promise<boolean> {
    for await (const batch of recipientsOf(h.app.conn, 'all', { now: h.clock.now(), stampsPerReward: 8 })) {
      if (batch.some((r) => String(r.customerId) === customerId)) return true;
    }
    return false;
  }

  it('stores the choice as marketing consent, and promotions follow it', async () => {
    const user = h.user({ language_code: 'ru' });
    await onboard(h, user, { consent: true });
    const id = String((await customerOf(h, user))!._id);
    expect(await reachedByPromotions(id)).toBe(true);

    await user.send('🔔 Уведомления');
    expect(user.lastText).toContain('Предложения и новости включены');
    expect(user.buttons).toEqual(['Выключить']);
    const panel = user.last!;

    await user.press('Выключить');
    expect(panel.text).toContain('Предложения и новости выключены');
    expect(user.buttons).toEqual(['Включить']);
    expect(await customerOf(h, user)).toMatchObject({ marketingConsent: false, consentChangedAt: h.clock.now() });
    expect(await reachedByPromotions(id)).toBe(false);

    // A double tap on the old "off" button cannot switch it back on.
    await user.pressData('cust:promo:off', panel);
    expect((await customerOf(h, user))?.marketingConsent).toBe(false);

    await user.press('Включить');
    expect((await customerOf(h, user))?.marketingConsent).toBe(true);
    expect(await reachedByPromotions(id)).toBe(true);
  });

  it('a customer who said no at registration is not reached until they turn it on', async () => {
    const user = h.user({ language_code: 'en' });
    await onboard(h, user, { consent: false });
    const id = String((await customerOf(h, user))!._id);
    expect(await reachedByPromotions(id)).toBe(false);

    await user.send('🔔 Notifications');
    expect(user.lastText).toContain('Offers and news are off');
    await user.press('Turn on');
    expect(await reachedByPromotions(id)).toBe(true);
  });

  it('a forged press from someone without a card changes nothing', async () => {
    const stranger = h.user();
    await stranger.send('/help');
    await stranger.pressData('cust:promo:on');
    expect(await customerOf(h, stranger)).toBeNull();
    expect(String(h.telegram.callsOf('answerCallbackQuery').at(-1)?.payload.text)).toContain("You don't have a card yet");
  });
});
