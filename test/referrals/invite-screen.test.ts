import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness, type TestUser } from '../harness/index.js';
import { customerOf, onboard } from '../harness/customers.js';
import { stampVisit, undoLastOperation } from '../harness/visits.js';

describe('the Invite friends screen', () => {
  let h: Harness;
  let barista: TestUser;
  beforeAll(async () => {
    h = await createHarness({ settings: { referralBonusReferrer: 2, referralBonusFriend: 1, cooldownMinutes: 0 } });
    barista = h.staff();
  });
  afterAll(async () => h.close());

  it('shows the personal link, how many friends joined and how many of them came, in the customer’s language', async () => {
    const anna = h.user({ language_code: 'ru' });
    await onboard(h, anna);
    const code = (await customerOf(h, anna))!.referralCode!;

    await anna.send('👫 Пригласить друзей');
    expect(anna.lastText).toContain(`https://t.me/loyalty_cafe_bot?start=ref_${code}`);
    expect(anna.lastText).toContain(
      'Когда друг, пришедший по вашей ссылке, впервые придёт к нам, вы получите 2 бонусных штампа. Ваш друг получит 1 бонусный штамп при первом визите.',
    );
    expect(anna.lastText).toMatch(/Пока никто из друзей не присоединился\.$/);

    const friends: TestUser[] = [];
    for (let i = 0; i < 3; i++) {
      const friend = h.user();
      await onboard(h, friend, { payload: `ref_${code}` });
      friends.push(friend);
    }
    await anna.send('👫 Пригласить друзей');
    expect(anna.lastText).toMatch(/Присоединились 3 друга\. Пока никто из них у нас не был\.$/);

    // One came; one came but the visit was undone at the counter; one never came.
    await stampVisit(h, barista, friends[0]!);
    await stampVisit(h, barista, friends[1]!);
    await undoLastOperation(barista);
    await h.runJobs();
    await anna.send('👫 Пригласить друзей');
    expect(anna.lastText).toMatch(/Присоединились 3 друга\. 1 из них уже побывал у нас\.$/);

    // The one whose visit was undone comes back for real; visits of the same friend count once.
    await stampVisit(h, barista, friends[1]!);
    await stampVisit(h, barista, friends[0]!);
    await anna.send('👫 Пригласить друзей');
    expect(anna.lastText).toMatch(/Присоединились 3 друга\. 2 из них уже побывали у нас\.$/);
  });

  it('counts only the customer’s own friends', async () => {
    const boris = h.user();
    await onboard(h, boris);
    await boris.send('👫 Invite friends');
    expect(boris.lastText).toMatch(/No friends have joined yet\.$/);
    const stats = await h.services.customers.invitedFriends((await customerOf(h, boris))!._id);
    expect(stats).toEqual({ joined: 0, came: 0 });
  });
});
