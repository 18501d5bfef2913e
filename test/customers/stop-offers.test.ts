// Every offer carries a one-tap "Stop offers" that works at once; service messages (stamps) do not.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, inlineButtons, TestClock, type Harness, type TestUser } from '../harness/index.js';
import { customerOf, onboard } from '../harness/customers.js';
import { stampVisit } from '../harness/visits.js';
import { addEntry, sweep } from '../owner/fixtures.js';

describe('"Stop offers" under every offer', () => {
  let h: Harness;
  let owner: TestUser;
  beforeAll(async () => {
    // A Monday noon in Sofia: campaigns may write.
    h = await createHarness({ clock: new TestClock('2026-03-02T12:00:00+02:00'), settings: { marketingMaxPerWeek: 5 } });
    owner = h.owner();
  });
  afterAll(async () => h.close());

  async function broadcastNow(text: string): Promise<void> {
    await owner.send('/broadcast');
    await owner.press(/All who accept offers$/);
    await owner.send(text);
    while (inlineButtons(owner.last).some((b) => b.text.startsWith('Skip'))) await owner.press(/^Skip/);
    await owner.press('🚀 Now');
    await owner.press('✅ Confirm');
    await h.runJobs();
  }

  const offersTo = (user: TestUser, text: string) => user.messages.filter((m) => m.text === text);

  it('"Stop offers" pressed → the next broadcast skips them; the menu turns offers back on', async () => {
    const anna = h.user({ language_code: 'ru' });
    const boris = h.user({ language_code: 'en' });
    await onboard(h, anna, { consent: true });
    await onboard(h, boris, { consent: true });

    await broadcastNow('Spring menu is here!');
    const [offer] = offersTo(anna, 'Spring menu is here!');
    expect(inlineButtons(offer)).toEqual([{ text: '🔕 Не присылать предложения', callback_data: 'cust:stop' }]);
    expect(inlineButtons(offersTo(boris, 'Spring menu is here!')[0])).toEqual([{ text: '🔕 Stop offers', callback_data: 'cust:stop' }]);

    await anna.press('🔕 Не присылать предложения');
    expect(anna.lastText).toContain('больше не будем присылать вам предложения');
    expect(anna.lastText).toContain('«Уведомления»');
    expect(await customerOf(h, anna)).toMatchObject({ marketingConsent: false });
    const consents = await h.services.customers.consentsOf((await customerOf(h, anna))!._id);
    expect(consents.at(-1)).toMatchObject({ kind: 'marketing', granted: false, via: 'stop-offers', at: h.clock.now() });

    h.clock.advance({ hours: 1 });
    await broadcastNow('Second offer');
    expect(offersTo(anna, 'Second offer')).toHaveLength(0);
    expect(offersTo(boris, 'Second offer')).toHaveLength(1);

    // The way back: Notifications in the menu.
    await anna.send('🔔 Уведомления');
    await anna.press('Включить');
    h.clock.advance({ hours: 1 });
    await broadcastNow('Third offer');
    expect(offersTo(anna, 'Third offer')).toHaveLength(1);
  });

  it('automated campaigns carry it too; a stamp notice (a service message) does not', async () => {
    const vera = h.user({ language_code: 'bg' });
    await onboard(h, vera, { consent: true });
    const barista = h.staff();
    await stampVisit(h, barista, vera);
    const notice = vera.last!;
    expect(notice.text).toContain('1');
    expect(inlineButtons(notice).some((b) => 'callback_data' in b && b.callback_data === 'cust:stop')).toBe(false);

    const card = (await customerOf(h, vera))!;
    await addEntry(h, card._id, { type: 'reward', stamps: -8, rewards: 1, at: h.clock.now() });
    h.clock.advance({ days: 8 });
    expect((await sweep(h)).rewardReminder).toBeGreaterThanOrEqual(1);
    const reminder = vera.messages.find((m) => m.text?.startsWith('🎁 Малко напомняне'));
    expect(inlineButtons(reminder)).toEqual([{ text: '🔕 Без оферти', callback_data: 'cust:stop' }]);
    await vera.pressData('cust:stop', reminder);
    expect(await customerOf(h, vera)).toMatchObject({ marketingConsent: false });
  });
});
