import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, inlineButtons, replyButtons, type Harness } from '../harness/index.js';
import { countCustomers, customerOf, decodeQr, nextPhone } from '../harness/customers.js';

describe('onboarding: from /start to the card', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness({
      settings: { stampsPerReward: 6, rewardName: { en: 'cinnamon bun', ru: 'булочка с корицей', bg: 'канелено руло' } },
    });
  });
  afterAll(async () => h.close());

  it('walks a Bulgarian speaker through language, the program, the phone and consent to a card', async () => {
    const customer = h.user({ language_code: 'bg', first_name: 'Мария', last_name: 'Иванова', username: 'maria_i' });

    await customer.send('/start');
    expect(customer.lastText).toMatch(/Здравейте, Мария!.*карта за лоялност/s);
    expect(customer.buttons).toEqual(['English', 'Русский', '✅ Български']);

    await customer.press('✅ Български');
    expect(customer.lastText).toContain('Съберете 6 печата и получете награда: канелено руло');
    await customer.press('Напред');

    // Consent to processing comes first, on its own, with the policy; nothing is stored yet.
    expect(customer.lastText).toContain('Преди да споделите телефонния си номер');
    expect(customer.buttons).toEqual(['✅ Съгласен(-на) съм', '📄 Политика за поверителност', 'Не, благодаря']);
    await customer.press('📄 Политика за поверителност');
    expect(customer.lastText).toMatch(/^📄 Политика за поверителност \(версия 1\)/);
    expect(customer.lastText).toContain('Връзка: съобщение в този чат');
    await customer.press('✅ Съгласен(-на) съм');

    const ask = customer.last!;
    expect(ask.text).toContain('Споделяне на номера');
    const keyboard = ask.replyMarkup as { keyboard: { text: string; request_contact?: boolean }[][] };
    expect(keyboard.keyboard.flat()).toEqual([{ text: '📱 Споделяне на номера', request_contact: true }]);

    await customer.shareContact('359888123456');
    expect(customer.messages.at(-2)?.replyMarkup).toEqual({ remove_keyboard: true });
    expect(customer.lastText).toContain('оферти и новини');
    // The card is issued with the phone (the phone never waits in the conversation), offers still off.
    expect(await customerOf(h, customer)).toMatchObject({ marketingConsent: false, policyVersion: 1 });

    await customer.press('Да, изпращайте');

    const stored = await customerOf(h, customer);
    expect(stored).toMatchObject({
      phone: '+359888123456',
      firstName: 'Мария',
      lastName: 'Иванова',
      username: 'maria_i',
      locale: 'bg',
      marketingConsent: true,
      referredBy: null,
    });
    expect(stored!.cardNumber).toMatch(/^[2-9A-HJKMNP-TV-Z]{8}$/);
    expect(stored!.cardToken!.length).toBeGreaterThanOrEqual(20);

    const card = customer.last!;
    expect(card.method).toBe('sendPhoto');
    expect(card.caption).toContain(`${stored!.cardNumber!.slice(0, 4)}-${stored!.cardNumber!.slice(4)}`);
    expect(card.caption).toContain('Печати: 0 от 6');
    expect(replyButtons(card)).toEqual([
      '💳 Моята карта',
      '🎁 Награди',
      '👫 Покана за приятели',
      '⭐ Оставяне на отзив',
      '🌐 Език',
      '🔔 Известия',
      '📄 Моите данни',
      '🗑 Изтриване на данните ми',
      '🎂 Рожден ден',
    ]);
    expect(card.photo!.bytes.subarray(1, 4).toString()).toBe('PNG');
    expect(await decodeQr(card.photo!.bytes)).toBe(`https://t.me/loyalty_cafe_bot?start=c_${stored!.cardToken}`);
  });

  it('preselects the language from Telegram, and the user may pick another one', async () => {
    const customer = h.user({ language_code: 'ru-RU' });
    await customer.send('/start');
    expect(customer.lastText).toContain('карта лояльности');
    expect(customer.buttons).toEqual(['English', '✅ Русский', 'Български']);

    await customer.press('English');
    expect(customer.lastText).toContain('Collect 6 stamps and get your reward: cinnamon bun');
    await customer.press('Continue');
    await customer.press('✅ I agree');
    await customer.shareContact('+7 916 123-45-67');
    await customer.press('No, thanks');

    expect(await customerOf(h, customer)).toMatchObject({ phone: '+79161234567', locale: 'en', marketingConsent: false });
    expect(customer.last?.caption).toContain('Stamps: 0 of 6');
    expect(await h.services.preferences.getLocale(customer.id)).toBe('en');
  });

  it('shows the program with the numbers the owner set at that moment', async () => {
    await h.services.settings.update({ stampsPerReward: 10 }, null);
    const customer = h.user({ language_code: 'ru' });
    await customer.send('/start');
    await customer.press('✅ Русский');
    expect(customer.lastText).toContain('Соберите 10 штампов и получите награду: булочка с корицей');
    await h.services.settings.update({ stampsPerReward: 6 }, null);
  });

  it('shows a registered customer their card on /start, never a second onboarding', async () => {
    const customer = h.user({ language_code: 'en' });
    await customer.send('/start');
    await customer.press('✅ English');
    await customer.press('Continue');
    await customer.press('✅ I agree');
    await customer.shareContact('+44 7911 123456');
    await customer.press('Yes, please');
    const before = await countCustomers(h);
    const sent = customer.messages.length;

    await customer.send('/start');

    const answers = customer.messages.slice(sent);
    expect(answers).toHaveLength(1);
    expect(answers[0]!.method).toBe('sendPhoto');
    expect(answers[0]!.caption).toContain('Your card');
    expect(replyButtons(answers[0])).toContain('💳 My card');
    expect(await countCustomers(h)).toBe(before);
    expect(await customerOf(h, customer)).toMatchObject({ phone: '+447911123456' });
  });

  it('lets /help answer and /cancel stop in the middle of onboarding, leaving no customer behind', async () => {
    const customer = h.user({ language_code: 'en' });
    const before = await countCustomers(h);
    await customer.send('/start');
    await customer.press('✅ English');
    await customer.press('Continue');

    await customer.send('/help');
    expect(customer.lastText).toContain('/cancel');

    await customer.send('/cancel');
    expect(customer.lastText).toContain('Cancelled');
    await customer.shareContact();
    expect(customer.lastText).not.toContain('offers and news');
    expect(await countCustomers(h)).toBe(before);

    await customer.send('/start');
    expect(customer.lastText).toContain('Choose your language');
  });

  it('consent to processing is asked before the phone; "No, thanks" takes nothing and issues nothing', async () => {
    const customer = h.user({ language_code: 'en' });
    await customer.send('/start');
    await customer.press('✅ English');
    await customer.press('Continue');
    expect(customer.lastText).toContain('Before you share your phone number');
    // The phone cannot jump the consent: a contact sent now is not taken.
    await customer.shareContact(nextPhone());
    expect(customer.lastText).toBe('Please choose with one of these buttons:');
    expect(await customerOf(h, customer)).toBeNull();

    await customer.press('No, thanks');
    expect(customer.lastText).toContain('without this consent we cannot issue a card');
    expect(await customerOf(h, customer)).toBeNull();
    expect(await h.app.conn.collection('conversations').findOne({ _id: String(customer.id) } as never)).toBeNull();
  });

  it("the consent is stored with its time and the policy version in force; the owner's link replaces the built-in text", async () => {
    await h.services.settings.update({ privacyPolicyVersion: 3, privacyPolicyUrl: 'https://cafe.example/privacy' }, null);
    try {
      const customer = h.user({ language_code: 'en' });
      await customer.send('/start');
      await customer.press('✅ English');
      await customer.press('Continue');
      expect(inlineButtons(customer.last)).toContainEqual({ text: '📄 Privacy policy', url: 'https://cafe.example/privacy' });
      h.clock.advance({ minutes: 1 });
      const agreedAt = h.clock.now();
      await customer.press('✅ I agree');
      h.clock.advance({ minutes: 1 });
      await customer.shareContact(nextPhone());
      await customer.press('No, thanks');
      const stored = (await customerOf(h, customer))!;
      expect(stored).toMatchObject({ policyVersion: 3, policyConsentAt: agreedAt, marketingConsent: false });
      const consents = await h.services.customers.consentsOf(stored._id);
      expect(consents.map(({ kind, granted, policyVersion, at, via }) => ({ kind, granted, policyVersion, at, via }))).toEqual([
        { kind: 'processing', granted: true, policyVersion: 3, at: agreedAt, via: 'onboarding' },
        { kind: 'marketing', granted: false, policyVersion: 3, at: h.clock.now(), via: 'onboarding' },
      ]);
    } finally {
      await h.services.settings.update({ privacyPolicyVersion: 1, privacyPolicyUrl: null }, null);
    }
  });

  it('repeats the current step on a second /start instead of starting over', async () => {
    const customer = h.user({ language_code: 'en' });
    await customer.send('/start');
    await customer.press('✅ English');
    await customer.send('/start');
    expect(customer.lastText).toContain('Please choose with one of these buttons');
    expect(customer.buttons).toEqual(['Continue']);
  });
});
