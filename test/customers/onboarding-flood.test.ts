import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, inlineButtons, type Harness, type TestUser } from '../harness/index.js';
import { capturedLogs } from '../harness/log-sink.js';
import { countCustomers, customerOf } from '../harness/customers.js';
import { customerModel } from '../../domain/customers/model.js';
import { CONVERSATIONS } from '../../bot/storage.js';

/** A small seeded generator, so a failing flood can be replayed exactly. */
function random(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
  return {
    next,
    int: (n: number) => Math.floor(next() * n),
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!,
  };
}

const TEXTS = [
  'hi',
  '+359 888 123 456',
  '0888123456',
  '/start',
  '/start ref_zzzzzzzz',
  '/start c_not-a-card',
  '/help',
  '💳 My card',
  '🗑 Удалить мои данные',
  '🌐 Език',
  'Continue',
  'Да',
  'x'.repeat(4096),
  '',
  '   ',
  '<b>bold</b> & { $name }',
  'ABCD2345',
];

async function flood(h: Harness, user: TestUser, seed: number, count: number): Promise<void> {
  const rnd = random(seed);
  for (let i = 0; i < count; i++) {
    const roll = rnd.int(10);
    if (roll < 4) {
      const text = rnd.pick(TEXTS);
      await user.send(text === '' ? String(rnd.next()) : text);
    } else if (roll < 5) await user.sendSticker();
    else if (roll < 6) await user.sendPhoto(rnd.next() < 0.5 ? 'caption' : undefined);
    else if (roll < 9) {
      // Any button the bot ever showed this user, old or current.
      const withButtons = user.messages.filter((m) => inlineButtons(m).length > 0);
      if (withButtons.length === 0) continue;
      const message = rnd.pick(withButtons);
      const button = rnd.pick(inlineButtons(message));
      if ('callback_data' in button) await user.pressData(button.callback_data, message);
    } else {
      // Forged or foreign callback data.
      await user.pressData(rnd.pick(['onb:consent:yes', 'onb:lang:xx', 'cust:del:1', 'cust:promo:on', 'garbage', 'onb:continue']));
    }
  }
}

describe('a flood of random input during onboarding', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness();
  });
  afterAll(async () => h.close());

  it('forgets stray input: the stored onboarding state does not grow however much arrives', async () => {
    const user = h.user({ language_code: 'en' });
    const stored = async () => {
      const doc = await h.app.conn.collection<{ _id: string; value: string }>(CONVERSATIONS).findOne({ _id: String(user.id) });
      return doc!.value.length;
    };
    await user.send('/start');
    await user.press('✅ English');
    await user.press('Continue');
    await user.press('✅ I agree');
    const atPhoneStep = await stored();
    for (let i = 0; i < 30; i++) {
      await user.send(`message ${i}`);
      await user.sendSticker();
      await user.pressData('onb:lang:ru', user.messages[0]);
    }
    expect(await stored()).toBe(atPhoneStep);
  });

  it.each([1, 2, 3])('200 random texts, stickers and button presses (seed %i) neither crash nor leave a half-made customer', async (seed) => {
    const user = h.user({ language_code: seed === 2 ? 'ru' : 'bg' });
    const logsBefore = capturedLogs.length;
    await user.send('/start');

    await flood(h, user, seed, 200);

    const newLogs = capturedLogs.slice(logsBefore).join('');
    expect(newLogs).not.toMatch(/"level":"(error|fatal)"/);
    const apologies = user.messages.filter((m) => /went wrong|пошло не так|се обърка/.test(m.text ?? ''));
    expect(apologies).toEqual([]);
    expect(await customerOf(h, user)).toBeNull();
    expect(await customerModel(h.app.conn).countDocuments({ firstName: user.info.first_name })).toBe(0);

    // And the onboarding still completes afterwards, wherever the flood left it.
    const before = await countCustomers(h);
    await user.send('/start');
    if (inlineButtons(user.last).some((b) => /English|Русский|Български/.test(b.text))) await user.press(/Български$/);
    const continueLabels = ['Continue', 'Продолжить', 'Напред'];
    if (inlineButtons(user.last).some((b) => continueLabels.includes(b.text))) {
      await user.press(new RegExp(`^(${continueLabels.join('|')})$`));
    }
    const agreeLabels = ['✅ I agree', '✅ Согласен(-на)', '✅ Съгласен(-на) съм'];
    if (inlineButtons(user.last).some((b) => agreeLabels.includes(b.text))) await user.press(/^✅ (I agree|Согласен|Съгласен)/);
    await user.shareContact(`+35988777000${seed}`);
    await user.press(/^(Yes, please|Да, присылайте|Да, изпращайте)$/);
    expect(await countCustomers(h)).toBe(before + 1);
    expect(await customerOf(h, user)).toMatchObject({ phone: `+35988777000${seed}` });
  });
});
