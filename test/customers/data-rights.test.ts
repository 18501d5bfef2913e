// A customer's rights over their data: a changed privacy policy is agreed to again before anything
// else; "My data" sends a copy of everything stored; anyone, with a card or without, can erase it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, inlineButtons, type Harness, type TestUser } from '../harness/index.js';
import { customerOf, onboard } from '../harness/customers.js';
import { stampVisit } from '../harness/visits.js';
import { CONVERSATIONS } from '../../bot/storage.js';

describe('data rights', () => {
  let h: Harness;
  let barista: TestUser;
  beforeAll(async () => {
    h = await createHarness();
    barista = h.staff();
  });
  afterAll(async () => h.close());

  it('a changed policy version asks again at the next interaction, before anything else', async () => {
    const anna = h.user({ language_code: 'en' });
    await onboard(h, anna);
    await anna.send('🎁 Rewards');
    expect(anna.lastText).toContain('No rewards yet');

    await h.services.settings.update({ privacyPolicyVersion: 2 }, null);
    // Staff can still stamp the card: staff actions are not the customer's interaction.
    await stampVisit(h, barista, anna);
    expect(anna.lastText).toContain('1/8');

    const seen = anna.messages.length;
    await anna.send('🎁 Rewards');
    expect(anna.textsSince(seen)).toEqual([
      '📄 Our privacy policy has changed (version 2). Please read it and agree to keep using your card. If you do not agree, you can delete your data with /delete.',
    ]);
    expect(anna.buttons).toEqual(['✅ I agree', '📄 Privacy policy']);
    // A press on an old button is held up too.
    await anna.send('🔔 Notifications');
    expect(anna.lastText).toContain('version 2');
    await anna.press('📄 Privacy policy');
    expect(anna.lastText).toMatch(/^📄 Privacy policy \(version 2\)/);

    await anna.press('✅ I agree');
    expect(anna.lastText).toBe('Thank you! Everything is as before: your card is in the menu below.');
    const stored = (await customerOf(h, anna))!;
    expect(stored).toMatchObject({ policyVersion: 2, policyConsentAt: h.clock.now() });
    const consents = await h.services.customers.consentsOf(stored._id);
    expect(consents.filter((c) => c.kind === 'processing').map((c) => [c.policyVersion, c.via])).toEqual([
      [1, 'onboarding'],
      [2, 'policy-change'],
    ]);
    await anna.send('🎁 Rewards');
    expect(anna.lastText).toContain('Stamps: 1 of 8');
    await h.services.settings.update({ privacyPolicyVersion: 1 }, null);
  });

  it('erasing stays open while the policy waits for an answer', async () => {
    const boris = h.user({ language_code: 'en' });
    await onboard(h, boris);
    await h.services.settings.update({ privacyPolicyVersion: 5 }, null);
    try {
      await boris.send('/delete');
      expect(boris.lastText).toContain('Delete your data?');
      await boris.press('Yes, delete');
      expect(boris.lastText).toContain('Your personal data has been deleted');
      expect(await customerOf(h, boris)).toBeNull();
    } finally {
      await h.services.settings.update({ privacyPolicyVersion: 1 }, null);
    }
  });

  it('"My data" sends a document with the profile, consents, ledger and reviews, in the customer\'s language', async () => {
    const vera = h.user({ language_code: 'bg', first_name: 'Вера', username: 'vera_b' });
    await onboard(h, vera, { phone: '+359888222333', consent: false });
    await stampVisit(h, barista, vera);
    h.clock.advance({ hours: 2 });
    await h.runJobs();
    await vera.press('4 ⭐');
    await vera.send('Чудесно кафе');

    await vera.send('📄 Моите данни');
    const copy = vera.last!;
    expect(copy.method).toBe('sendDocument');
    expect(copy.caption).toBe('📄 Копие на всичко, което пазим за вас.');
    const text = copy.document!.bytes.toString('utf8');
    expect(text.startsWith('\uFEFFМоите данни в програмата за лоялност')).toBe(true);
    for (const expected of [
      'Име: Вера',
      'Потребителско име в Telegram: @vera_b',
      'Телефон: +359888222333',
      'Език: Български',
      'Оферти и новини: не',
      'Обработване на лични данни · дадено · версия на политиката 1',
      'Оферти и новини · отказано или оттеглено · версия на политиката 1',
      'печат за посещение · печати 1, награди 0',
      'бонус печати · печати 1, награди 0',
      '★★★★☆ (4/5) · „Чудесно кафе“',
    ]) {
      expect(text, expected).toContain(expected);
    }
    expect(text).not.toMatch(/Profile|stamp for a visit/);
    const [entry] = await h.services.audit.since(new Date(0), 'data-copy');
    expect(entry).toMatchObject({ actorId: vera.id, actorRole: 'customer', what: [expect.stringMatching(/^my-data-\d{4}-\d{2}-\d{2}\.txt$/)] });
  });

  it('someone who stopped at the consent step can erase what the bot holds: /delete works without a card', async () => {
    const ivan = h.user({ language_code: 'ru' });
    await ivan.send('/start');
    await ivan.press('✅ Русский');
    await ivan.press('Продолжить');
    expect(ivan.buttons).toContain('✅ Согласен(-на)');
    expect(await h.services.preferences.getLocale(ivan.id)).toBe('ru');
    expect(await h.app.conn.collection(CONVERSATIONS).countDocuments({ _id: String(ivan.id) } as never)).toBe(1);

    await ivan.send('/delete');
    expect(ivan.lastText).toBe('У вас нет карты. Мы храним только выбранный вами язык и, если вы начинали регистрацию, её незаконченное состояние. Удалить это?');
    await ivan.press('Да, удалить');
    expect(ivan.lastText).toBe('Готово: мы больше ничего о вас не храним. Если захотите карту, отправьте /start.');
    expect(await h.services.preferences.getLocale(ivan.id)).toBeUndefined();
    expect(await h.app.conn.collection(CONVERSATIONS).countDocuments({ _id: String(ivan.id) } as never)).toBe(0);
    expect(await h.app.conn.collection('sessions').countDocuments({ _id: String(ivan.id) } as never)).toBe(0);
    expect(inlineButtons(ivan.last)).toEqual([]);
  });
});
