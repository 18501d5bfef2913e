import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../harness/index.js';
import { countCustomers, customerOf, decodeQr } from '../harness/customers.js';

describe('onboarding survives a restart', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness();
  });
  afterAll(async () => h.close());

  it('a user who started on one instance finishes on a new one built on the same database', async () => {
    const customer = h.user({ language_code: 'ru' });
    await customer.send('/start ref_unknown1');
    await customer.press('Български');
    const firstApp = h.app;

    await h.restart();
    expect(h.app).not.toBe(firstApp);

    await customer.press('Напред');
    await h.restart();
    await customer.press('✅ Съгласен(-на) съм');
    expect(customer.lastText).toContain('Споделяне на номера');

    await h.restart();
    await customer.shareContact('+359888765432');
    await h.restart();
    await customer.press('Да, изпращайте');

    expect(await countCustomers(h)).toBe(1);
    const stored = await customerOf(h, customer);
    expect(stored).toMatchObject({ phone: '+359888765432', locale: 'bg', marketingConsent: true });
    expect(customer.last?.caption).toContain('Печати: 0 от 8');
    expect(await decodeQr(customer.lastPhoto!)).toBe(`https://t.me/loyalty_cafe_bot?start=c_${stored!.cardToken}`);
  });

  it('two instances share one onboarding: each answers the step the user is at', async () => {
    const customer = h.user({ language_code: 'en' });
    await customer.send('/start');
    const other = await h.anotherInstance();
    const handleOn = (app: typeof other) => (update: object) =>
      app.bot.handleUpdate({ update_id: Math.floor(Math.random() * 1e9), ...update });

    // The language button pressed on the other instance, then the rest back on the first one.
    const languageMessage = customer.last!;
    await handleOn(other)({
      callback_query: {
        id: 'q1',
        from: customer.info,
        chat_instance: '1',
        data: 'onb:lang:en',
        message: { message_id: languageMessage.messageId, date: 0, chat: { id: customer.id, type: 'private', first_name: 'x' } },
      },
    });
    expect(customer.lastText).toContain('Here is how it works');
    await customer.press('Continue');
    await customer.press('✅ I agree');
    await customer.shareContact('+359888765433');
    await customer.press('No, thanks');
    expect(await customerOf(h, customer)).toMatchObject({ phone: '+359888765433', marketingConsent: false });
  });
});
