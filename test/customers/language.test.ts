import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, replyButtons, type Harness, type TestUser } from '../harness/index.js';
import { customerOf, onboard } from '../harness/customers.js';
import { recipientsOf } from '../../domain/broadcasts/segments.js';

describe('changing the language', () => {
  let h: Harness;
  let barista: TestUser;
  beforeAll(async () => {
    h = await createHarness({ settings: { stampsPerReward: 2, cooldownMinutes: 0, rewardExpiryDays: 30 } });
    barista = h.staff();
  });
  afterAll(async () => h.close());

  it('switches the chat, the menu and the card to the chosen language', async () => {
    const ivan = h.user({ language_code: 'en' });
    await onboard(h, ivan);

    await ivan.send('🌐 Language');
    expect(ivan.lastText).toBe('Choose your language:');
    expect(ivan.buttons).toEqual(['✅ English', 'Русский', 'Български']);
    await ivan.press('Български');

    expect(ivan.lastText).toBe('Готово! Отсега нататък ще ви пиша на български.');
    expect(replyButtons(ivan.last)).toContain('💳 Моята карта');
    expect(await customerOf(h, ivan)).toMatchObject({ locale: 'bg' });
    expect(await h.services.preferences.getLocale(ivan.id)).toBe('bg');

    await ivan.send('/start');
    expect(ivan.last?.caption).toContain('Вашата карта');
    await ivan.send('/help');
    expect(ivan.lastText).toContain('Този бот е нашата карта за лоялност');

    // A menu keyboard still showing the old language keeps working.
    await ivan.send('🎁 Rewards');
    expect(ivan.lastText).toContain('Все още нямате награди.');
  });

  it('messages sent later by staff actions and by jobs come in the new language', async () => {
    const olga = h.user({ language_code: 'ru' });
    await onboard(h, olga);
    await olga.send('🌐 Язык');
    await olga.press('English');
    const customer = (await customerOf(h, olga))!;

    // A visit confirmed by staff: the customer is told at once.
    const sent = olga.messages.length;
    await barista.send(`/card ${customer.cardNumber}`);
    await barista.press('+2');
    const told = olga.textsSince(sent).join('\n');
    expect(told).toMatch(/[A-Za-z]/);
    expect(told).not.toMatch(/[А-Яа-я]/);

    // The reward-expiry job, a month later.
    await olga.send('🌐 Language');
    await olga.press('Български');
    h.clock.advance({ days: 30, hours: 1 });
    const beforeJob = olga.messages.length;
    expect(await h.runJobs()).toBeGreaterThan(0);
    // Every job message (the expiry notice, and the review request that is also due by now) is in Bulgarian.
    const fromJob = olga.textsSince(beforeJob);
    expect(fromJob.length).toBeGreaterThan(0);
    expect(fromJob.some((text) => text.includes('Изтече'))).toBe(true);
    for (const text of fromJob) expect(text).toMatch(/[А-Яа-я]/);
  });

  it('broadcasts address the customer in the new language', async () => {
    const petar = h.user({ language_code: 'bg' });
    await onboard(h, petar);
    await petar.send('🌐 Език');
    await petar.press('Русский');
    const id = String((await customerOf(h, petar))!._id);

    const recipients = [];
    for await (const batch of recipientsOf(h.app.conn, 'all', { now: h.clock.now(), stampsPerReward: 2 })) recipients.push(...batch);
    expect(recipients.find((r) => String(r.customerId) === id)?.locale).toBe('ru');
  });
});
