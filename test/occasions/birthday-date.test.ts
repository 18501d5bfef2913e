// The customer's birthday: day and month only, given as the optional last step of the onboarding or
// later under "🎂 Birthday" in the menu, picked with buttons or typed; a text that is no date gets a
// hint and nothing changes; once set, the date may change again only a year later.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHarness, inlineButtons, TestClock, type Harness } from '../harness/index.js';
import { customerOf, onboard } from '../harness/customers.js';
import { birthdayData } from '../../bot/keyboards/birthday.js';

describe('birthday date', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await createHarness({
      clock: new TestClock('2026-03-02T12:00:00+02:00'),
      settings: { birthdayBonusStamps: 2, birthdayWindowDays: 3 },
    });
  });
  afterEach(async () => h.close());

  const birthdayOf = async (user: ReturnType<Harness['user']>) => (await customerOf(h, user))?.birthday ?? null;

  it('is the optional last step of the onboarding: picked with the month and day buttons, 29 February included', async () => {
    const user = h.user({ language_code: 'en' });
    await onboard(h, user);
    expect(user.lastText).toBe(
      '🎂 One more question, if you like: when is your birthday? Only the day and month, never the year. Around your birthday, a visit brings +2 bonus stamps, once a year.',
    );
    expect(user.buttons).toEqual(['🎂 Choose the date', 'Skip']);

    await user.press('🎂 Choose the date');
    expect(user.lastText).toBe('Choose the month of your birthday, or type the day and month, for example 24.05 for 24 May.');
    expect(user.buttons.slice(0, 3)).toEqual(['January', 'February', 'March']);
    await user.press('February');
    expect(user.lastText).toBe('February: choose the day.');
    expect(user.buttons.at(-1)).toBe('29');
    await user.press('29');
    expect(user.lastText).toBe(
      '✅ Saved: your birthday is 29 February. The date can be changed once a year.\nIn years without 29 February, we celebrate it on 28 February.',
    );
    expect(await birthdayOf(user)).toEqual({ day: 29, month: 2 });
  });

  it('can be skipped at the onboarding, and is not asked while the program gives no birthday bonus', async () => {
    const user = h.user();
    await onboard(h, user);
    await user.press('Skip');
    expect(user.lastText).toBe('All right. You can add your birthday later under “🎂 Birthday” in the menu.');
    expect(await birthdayOf(user)).toBeNull();

    await h.services.settings.update({ birthdayBonusStamps: 0 }, null);
    const other = h.user();
    await onboard(h, other);
    expect(other.messages.map((m) => m.text ?? '').join('\n')).not.toContain('birthday');
  });

  it('is typed under "🎂 Birthday" in the menu, in the customer\'s language; a text that is no date gets a hint and changes nothing', async () => {
    const user = h.user({ language_code: 'ru' });
    await onboard(h, user);
    await user.press('Пропустить');

    await user.send('🎂 День рождения');
    expect(user.lastText).toBe(
      [
        '🎂 Вы ещё не указали день рождения. Мы спрашиваем только день и месяц, год — никогда.',
        'За 3 дня до дня рождения и столько же после визит приносит вам +2 бонусных штампа — раз в год.',
      ].join('\n'),
    );
    await user.press('🎂 Указать дату');
    expect(user.lastText).toBe('Выберите месяц вашего дня рождения или напишите день и месяц цифрами, например 24.05 — это 24 мая.');

    for (const text of ['31.04', 'завтра', '0.5', '24.13']) {
      await user.send(text);
      expect(user.lastText, text).toBe('Не удалось распознать дату. Напишите, пожалуйста, день и месяц цифрами, например 24.05 — это 24 мая.');
    }
    await user.send('24.05.1990');
    expect(user.lastText).toBe('Пожалуйста, только день и месяц, без года: например, 24.05.');
    expect(await birthdayOf(user)).toBeNull();

    await user.send('24/5');
    expect(user.lastText).toBe('✅ Сохранено: ваш день рождения — 24 мая. Дату можно менять раз в год.');
    expect(await birthdayOf(user)).toEqual({ day: 24, month: 5 });
    // The question is closed: a date typed now is just a text.
    await user.send('25.05');
    expect(await birthdayOf(user)).toEqual({ day: 24, month: 5 });

    // It is in the customer's copy of their data, and goes with the rest when they delete it.
    await user.send('📄 Мои данные');
    expect(user.last!.document!.bytes.toString('utf8')).toContain('День рождения (день и месяц): 24 мая');
    const id = (await customerOf(h, user))!._id;
    await user.send('🗑 Удалить мои данные');
    await user.press('Да, удалить');
    const stored = await h.app.conn.collection('customers').findOne({ _id: id });
    expect(stored).not.toHaveProperty('birthday');
    expect(stored).not.toHaveProperty('birthdaySetAt');
  });

  it('changes at most once a year: a second change within the year is refused with the day it becomes possible', async () => {
    const user = h.user({ language_code: 'bg' });
    await onboard(h, user);
    await user.press('🎂 Избор на дата');
    await user.send('10.07');
    expect(await birthdayOf(user)).toEqual({ day: 10, month: 7 });

    h.clock.advance({ days: 100 });
    await user.send('🎂 Рожден ден');
    expect(user.lastText).toBe(
      [
        '🎂 Рожденият ви ден: 10 юли.',
        'От 3 дни преди до 3 дни след рождения ви ден посещението ви носи +2 бонус печата — веднъж годишно.',
        'Датата може да се променя веднъж годишно: следващия път — от 2 март.',
      ].join('\n'),
    );
    expect(inlineButtons(user.last)).toEqual([]);

    // The question's button, pressed again (a stale message): refused before anything is picked.
    await user.pressData(birthdayData.choose.encode());
    expect(user.lastText).toBe('Датата на рождения ден може да се променя веднъж годишно. Ще можете да я промените отново от 2 март.');
    // A forged day button changes nothing either.
    await user.pressData(birthdayData.day.encode(3, 1));
    expect(await birthdayOf(user)).toEqual({ day: 10, month: 7 });

    h.clock.advance({ days: 266 });
    await user.send('🎂 Рожден ден');
    expect(user.buttons).toEqual(['✏️ Промяна на датата']);
    await user.press('✏️ Промяна на датата');
    await user.send('1.3');
    expect(user.lastText).toBe('✅ Запазено: рожденият ви ден е 1 март. Датата може да се променя веднъж годишно.');
    expect(await birthdayOf(user)).toEqual({ day: 1, month: 3 });
  });
});
