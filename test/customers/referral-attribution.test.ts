import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness, type TestUser } from '../harness/index.js';
import { customerOf, onboard } from '../harness/customers.js';
import type { CustomerDoc } from '../../domain/customers/model.js';

describe('/start ref_<code>: who invited whom, recorded once', () => {
  let h: Harness;
  let anna: TestUser;
  let annaCard: CustomerDoc;
  beforeAll(async () => {
    h = await createHarness();
    anna = h.user({ first_name: 'Anna' });
    await onboard(h, anna);
    annaCard = (await customerOf(h, anna))!;
  });
  afterAll(async () => h.close());

  it('records the friend who invited a new customer', async () => {
    const friend = h.user({ language_code: 'bg' });
    await onboard(h, friend, { payload: `ref_${annaCard.referralCode}` });
    const stored = await customerOf(h, friend);
    expect(String(stored?.referredBy)).toBe(String(annaCard._id));
    expect(stored?.referredAt).toEqual(h.clock.now());
  });

  it.each(['ref_zzzzzzzz', 'ref_', 'ref_ABCDEFGH', `ref_${'a'.repeat(60)}`, 'ref_{"$ne":null}', 'hello'])(
    'ignores an unknown or malformed code (%s) and registers the customer anyway',
    async (payload) => {
      const user = h.user();
      await onboard(h, user, { payload });
      expect(await customerOf(h, user)).toMatchObject({ referredBy: null, referredAt: null });
    },
  );

  it('ignores one\'s own code: a registered customer just sees the card', async () => {
    const sent = anna.messages.length;
    await anna.send(`/start ref_${annaCard.referralCode}`);
    expect(anna.messages.slice(sent).map((m) => m.method)).toEqual(['sendPhoto']);
    expect(await customerOf(h, anna)).toMatchObject({ referredBy: null });
  });

  it('ignores a second invitation, after registration and during onboarding', async () => {
    const carl = h.user();
    await onboard(h, carl);
    const carlCard = (await customerOf(h, carl))!;

    const bob = h.user();
    await bob.send(`/start ref_${annaCard.referralCode}`);
    await bob.press('✅ English');
    await bob.send(`/start ref_${carlCard.referralCode}`);
    expect(bob.lastText).toContain('Please choose with one of these buttons');
    await bob.press('Continue');
    await bob.press('✅ I agree');
    await bob.shareContact();
    await bob.press('Yes, please');
    expect(String((await customerOf(h, bob))?.referredBy)).toBe(String(annaCard._id));

    await bob.send(`/start ref_${carlCard.referralCode}`);
    expect(bob.last?.method).toBe('sendPhoto');
    expect(String((await customerOf(h, bob))?.referredBy)).toBe(String(annaCard._id));
  });
});
