import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness, type TestUser } from '../harness/index.js';
import { countCustomers, customerOf, onboard } from '../harness/customers.js';
import { customerModel } from '../../domain/customers/model.js';

/** Everything the database holds about customers, to compare before and after a refusal. */
async function snapshot(h: Harness) {
  return customerModel(h.app.conn).find({}).sort({ _id: 1 }).lean();
}

async function atPhoneStep(h: Harness, language_code: string): Promise<TestUser> {
  const user = h.user({ language_code });
  await user.send('/start');
  await user.press(/^✅/);
  await user.press(h.app.t(language_code as 'en', 'onboarding-continue'));
  await user.press(h.app.t(language_code as 'en', 'onboarding-privacy-agree'));
  return user;
}

describe('onboarding refuses phones it must not accept, in the user\'s language, changing nothing', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness();
  });
  afterAll(async () => h.close());

  it('refuses someone else\'s contact', async () => {
    const user = await atPhoneStep(h, 'bg');
    const before = await snapshot(h);
    await user.shareContact('+359888000111', { userId: 424242, firstName: 'Someone' });
    expect(user.lastText).toContain('Това е чужд контакт');
    expect(await snapshot(h)).toEqual(before);

    await user.shareContact('+359888000111', { userId: null, firstName: 'Someone' });
    expect(user.lastText).toContain('Това е чужд контакт');
    expect(await snapshot(h)).toEqual(before);
    expect(await customerOf(h, user)).toBeNull();
  });

  it('refuses a typed phone number and asks for the button', async () => {
    const user = await atPhoneStep(h, 'ru');
    const before = await snapshot(h);
    await user.send('+7 916 555-44-33');
    expect(user.lastText).toContain('не вводите номер вручную');
    expect(user.buttons).toEqual(['📱 Поделиться номером']);
    expect(await snapshot(h)).toEqual(before);
  });

  it('refuses a photo, a sticker or chatter where the contact is asked', async () => {
    const user = await atPhoneStep(h, 'en');
    const before = await snapshot(h);
    await user.sendPhoto();
    expect(user.lastText).toContain('I need your phone number');
    await user.sendSticker();
    expect(user.lastText).toContain('I need your phone number');
    await user.send('hello?');
    expect(user.lastText).toContain('I need your phone number');
    expect(user.buttons).toEqual(['📱 Share my phone number']);
    expect(await snapshot(h)).toEqual(before);

    await user.shareContact('+359888000222');
    expect(user.lastText).toContain('offers and news');
  });

  it('refuses a phone already tied to another Telegram account: "show this message to staff, who can move the card"', async () => {
    const first = h.user({ language_code: 'bg' });
    await onboard(h, first, { phone: '+359888000333' });
    const before = await snapshot(h);

    const second = await atPhoneStep(h, 'bg');
    await second.shareContact('0888 000 333');
    expect(second.lastText).toContain('покажете това съобщение на служител: той ще отвори картата ви и ще разреши преместването ѝ');
    expect(await snapshot(h)).toEqual(before);
    expect((await customerOf(h, first))?.phone).toBe('+359888000333');
    expect(await customerOf(h, second)).toBeNull();
  });

  it('the phone is taken with the card at once: no phone waits in the conversation for the offers answer', async () => {
    const slow = await atPhoneStep(h, 'en');
    await slow.shareContact('+359888000444');
    expect(slow.lastText).toContain('offers and news');
    expect(await customerOf(h, slow)).toMatchObject({ phone: '+359888000444', marketingConsent: false });
    // The onboarding is over: nothing of it (the shared contact included) is kept in its state.
    expect(await h.app.conn.collection('conversations').findOne({ _id: String(slow.id) } as never)).toBeNull();

    // Another account with the same phone is refused at its contact, as before.
    const fast = await atPhoneStep(h, 'en');
    await fast.shareContact('+359 888 000 444');
    expect(fast.lastText).toContain('show this message to our staff');
    expect(await customerOf(h, fast)).toBeNull();

    await slow.press('Yes, please');
    expect(await customerOf(h, slow)).toMatchObject({ phone: '+359888000444', marketingConsent: true });
  });

  it('keeps one customer per account even when the last step is pressed twice', async () => {
    const user = await atPhoneStep(h, 'en');
    const before = await countCustomers(h);
    await user.shareContact('+359888000666');
    const consentMessage = user.last!;
    await user.pressData('cust:mkt:yes', consentMessage);
    await user.pressData('cust:mkt:yes', consentMessage);
    expect(await countCustomers(h)).toBe(before + 1);
    expect(user.messages.filter((m) => m.method === 'sendPhoto')).toHaveLength(2);
    expect(await customerOf(h, user)).toMatchObject({ marketingConsent: true });
  });
});
