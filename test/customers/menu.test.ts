import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, replyButtons, type Harness, type TestUser } from '../harness/index.js';
import { countCustomers, customerOf, giveStamps, onboard } from '../harness/customers.js';

describe('the customer menu', () => {
  let h: Harness;
  let anna: TestUser;
  beforeAll(async () => {
    h = await createHarness();
    anna = h.user({ language_code: 'en', first_name: 'Anna' });
    await onboard(h, anna);
  });
  afterAll(async () => h.close());

  it('My card shows the card photo with the menu', async () => {
    const sent = anna.messages.length;
    await anna.send('💳 My card');
    const card = anna.messages.slice(sent);
    expect(card).toHaveLength(1);
    expect(card[0]!.method).toBe('sendPhoto');
    expect(card[0]!.caption).toMatch(/^💳 Your card [2-9A-Z]{4}-[2-9A-Z]{4}\nStamps: 0 of 8\. 8 more to your reward: free coffee$/);
    expect(replyButtons(card[0])).toHaveLength(9);
  });

  it('Rewards tells the stamps and the rewards, summed from the ledger', async () => {
    await anna.send('🎁 Rewards');
    expect(anna.lastText).toBe('No rewards yet.\nStamps: 0 of 8. 8 more to your reward: free coffee');

    await giveStamps(h, anna, 3);
    await anna.send('🎁 Rewards');
    expect(anna.lastText).toBe('No rewards yet.\nStamps: 3 of 8. 5 more to your reward: free coffee');

    await giveStamps(h, anna, -3, 1);
    await giveStamps(h, anna, 2);
    await anna.send('🎁 Rewards');
    expect(anna.lastText).toBe(
      'You have 1 reward ready: free coffee. To redeem, show your card at the counter.\nStamps: 2 of 8. 6 more to your reward: free coffee',
    );
  });

  it('Invite friends gives the personal link and counts the friends who joined', async () => {
    const { referralCode } = (await customerOf(h, anna))!;
    await anna.send('👫 Invite friends');
    expect(anna.lastText).toContain(`https://t.me/loyalty_cafe_bot?start=ref_${referralCode}`);
    expect(anna.lastText).toContain('you get 1 bonus stamp');
    expect(anna.lastText).toContain('No friends have joined yet.');

    await onboard(h, h.user(), { payload: `ref_${referralCode}` });
    await onboard(h, h.user({ language_code: 'ru' }), { payload: `ref_${referralCode}` });
    await anna.send('👫 Invite friends');
    expect(anna.lastText).toContain('2 friends have joined.');
  });

  it('Leave a review explains that the rating is asked after the next visit', async () => {
    await anna.send('⭐ Leave a review');
    expect(anna.lastText).toBe(
      'After your next visit we will ask you to rate it from 1 to 5, with a single tap. Thank you for helping us get better!',
    );
  });

  it('menu buttons pressed by someone without a card point to /start and change nothing', async () => {
    const stranger = h.user({ language_code: 'bg' });
    const before = await countCustomers(h);
    for (const label of ['💳 Моята карта', '🎁 Награди', '👫 Покана за приятели', '🔔 Известия', '📄 Моите данни', '⭐ Оставяне на отзив']) {
      await stranger.send(label);
      expect(stranger.lastText).toBe('Все още нямате карта. Изпратете /start, за да получите карта: отнема минута.');
    }
    expect(await countCustomers(h)).toBe(before);
  });

  it('/help and /cancel work for a registered customer too', async () => {
    await anna.send('/help');
    expect(anna.lastText).toContain('/start');
    await anna.send('/cancel');
    expect(anna.lastText).toContain('Cancelled');
    await anna.send('/start');
    expect(anna.last?.method).toBe('sendPhoto');
    expect(replyButtons(anna.last)).toContain('💳 My card');
  });
});
