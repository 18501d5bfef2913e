import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../harness/index.js';

describe('/start speaks the user\'s Telegram language', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness();
  });
  afterAll(async () => h.close());

  it.each([
    ['en', /loyalty card/i],
    ['ru', /карт[аы] лояльности/i],
    ['bg', /карта за лоялност/i],
  ])('a user with language_code %s reads the bot in that language', async (language_code, expected) => {
    const user = h.user({ language_code });
    await user.send('/start');
    expect(user.messages.length).toBeGreaterThan(0);
    expect(user.messages.map((m) => m.text ?? m.caption).join('\n')).toMatch(expected);
  });

  it('falls back to the default language for a language we do not speak', async () => {
    const user = h.user({ language_code: 'de' });
    await user.send('/start');
    expect(user.messages.map((m) => m.text ?? m.caption).join('\n')).toMatch(/loyalty card/i);
  });
});
