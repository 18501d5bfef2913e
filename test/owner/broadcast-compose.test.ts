import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { broadcastModel } from '../../domain/broadcasts/model.js';
import { customerModel } from '../../domain/customers/model.js';
import { BROADCAST_JOB } from '../../domain/broadcasts/service.js';
import { createHarness, TestClock, type Harness, type TestUser } from '../harness/index.js';
import { deliveredPerChat, insertCustomers, lastAlert } from './fixtures.js';

describe('/broadcast: composing a broadcast', () => {
  let h: Harness;
  let owner: TestUser;

  beforeAll(async () => {
    // Monday 2 March 2026, 09:00 in Sofia (UTC+2).
    h = await createHarness({ clock: new TestClock('2026-03-02T09:00:00+02:00'), config: { BROADCAST_RATE: 1000 } });
    owner = h.owner();
    await insertCustomers(h, 6, (i) => ({ locale: (['en', 'en', 'en', 'ru', 'ru', 'bg'] as const)[i]! }));
    await insertCustomers(h, 2, () => ({ marketingConsent: false }));
  });
  afterAll(async () => h.close());
  beforeEach(async () => {
    await owner.send('/cancel');
    await broadcastModel(h.app.conn).deleteMany({});
    await h.app.scheduler.cancel({ name: BROADCAST_JOB });
  });

  it('segment → texts per language with a photo → a preview of each → a date in the business time zone → confirm', async () => {
    await owner.send('/broadcast');
    expect(owner.buttons).toContain('6 · All who accept offers');
    expect(owner.buttons).toContain('6 · Never visited yet');
    await owner.press('6 · All who accept offers');

    expect(owner.lastText).toContain('Send the message in English');
    await owner.sendPhoto('Spring menu is here! ☕');
    expect(owner.lastText).toContain('Send the message in Russian for 2 customers');
    await owner.send('Весеннее меню уже здесь! ☕');
    expect(owner.lastText).toContain('Send the message in Bulgarian for 1 customer');
    await owner.press('Skip: send it in English');

    // The preview shows each language exactly as its customers will get it.
    const previews = owner.messages.filter((m) => m.photo);
    expect(previews.map((m) => m.caption)).toEqual(['Spring menu is here! ☕', 'Весеннее меню уже здесь! ☕']);
    const texts = owner.textsSince(owner.messages.length - 7);
    expect(texts).toContain('👀 English preview: 3 customers will see this:');
    expect(texts).toContain('👀 Russian preview: 2 customers will see this:');
    expect(texts).toContain('👀 Bulgarian: 1 customer gets the text in English.');
    expect(owner.lastText).toContain('When should it go out?');
    expect(owner.lastText).toContain('(Europe/Sofia)');

    await owner.send('24.12 18:30');
    expect(owner.lastText).toContain('Who: All who accept offers (6 customers)');
    expect(owner.lastText).toContain('When: on 24.12.2026 18:30 (Europe/Sofia)');
    await owner.press('✅ Confirm');
    expect(owner.lastText).toBe('✅ Scheduled for 24.12.2026 18:30 (Europe/Sofia). /broadcasts shows it and can cancel it.');

    const [stored] = await broadcastModel(h.app.conn).find().lean();
    expect(stored!.sendAt.toISOString()).toBe('2026-12-24T16:30:00.000Z');
    expect(stored!.texts).toEqual({ en: 'Spring menu is here! ☕', ru: 'Весеннее меню уже здесь! ☕' });
    expect(stored!.photoFileId).toMatch(/^user_photo_/);
    const [job] = await h.app.scheduler.pending(BROADCAST_JOB);
    expect(job!.nextRunAt!.toISOString()).toBe('2026-12-24T16:30:00.000Z');

    // Nothing goes out before its time; at its time every consenting customer gets their language.
    expect(await h.runJobs()).toBe(0);
    h.clock.set('2026-12-24T16:30:00Z');
    await h.runJobs();
    const customerPhotos = h.telegram.callsOf('sendPhoto').filter((c) => c.ok && Number(c.payload.chat_id) >= 20_000_000);
    const captions = customerPhotos.map((c) => c.payload.caption).sort();
    expect(captions).toEqual([
      'Spring menu is here! ☕',
      'Spring menu is here! ☕',
      'Spring menu is here! ☕',
      'Spring menu is here! ☕',
      'Весеннее меню уже здесь! ☕',
      'Весеннее меню уже здесь! ☕',
    ]);
    expect(owner.lastText).toContain('Sent: 6');
    h.clock.set('2026-03-02T09:00:00+02:00');
  });

  it('"Now" sends at once; "Tomorrow at 10:00" means 10:00 business time', async () => {
    await owner.send('/broadcast');
    // Customers inserted without visits: these groups are empty; "never visited" has everyone.
    await owner.press(/^\d+ · Close to a reward$/);
    expect(lastAlert(h)).toBe('Nobody in this group can receive offers right now. Please choose another group.');
    await owner.press(/^\d+ · Visited in last 30 days$/);
    expect(lastAlert(h)).toContain('Nobody in this group');
    await owner.press(/^\d+ · Never visited yet$/);
    await owner.send('Hello');
    await owner.press(/^Skip/);
    await owner.press(/^Skip/);
    await owner.press('Tomorrow at 10:00');
    expect(owner.lastText).toContain('When: on 03.03.2026 10:00 (Europe/Sofia)');
    await owner.press('✅ Confirm');
    const [tomorrow] = await broadcastModel(h.app.conn).find().lean();
    expect(tomorrow!.sendAt.toISOString()).toBe('2026-03-03T08:00:00.000Z');

    await owner.send('/broadcast');
    await owner.press(/^\d+ · All who accept offers$/);
    await owner.send('Happy hour until 18:00!');
    await owner.press(/^Skip/);
    await owner.press(/^Skip/);
    await owner.press('🚀 Now');
    expect(owner.lastText).toContain('When: right now');
    await owner.press('✅ Confirm');
    expect(owner.lastText).toBe('✅ Sending now. You will get a report when it is done.');
    await h.runJobs();
    const delivered = deliveredPerChat(h);
    expect([...delivered.entries()].filter(([chat]) => chat >= 20_000_000).every(([, n]) => n >= 1)).toBe(true);
  });

  it('bad answers are refused with the reason, and the broadcast goes on', async () => {
    await owner.send('/broadcast');
    await owner.send('All of them please');
    expect(owner.lastText).toBe('Please use the buttons of the last message.');
    await owner.press(/^\d+ · All who accept offers$/);

    await owner.sendSticker();
    expect(owner.lastText).toBe(
      'Please send the message as text (or a photo with a caption). Stickers, voice messages and files cannot be broadcast.',
    );
    await owner.send('a'.repeat(5000));
    expect(owner.lastText).toBe('This message has 5,000 characters, and Telegram allows at most 4,096. Please shorten it and send it again.');
    await owner.sendPhoto('b'.repeat(1100));
    expect(owner.lastText).toBe(
      'With a photo, Telegram allows at most 1,024 characters of text, and this has 1,100. Please shorten it and send it again.',
    );
    // A photo without a caption: the text is asked next, at the caption's limit.
    await owner.sendPhoto();
    expect(owner.lastText).toContain('Got the photo');
    await owner.send('c'.repeat(2000));
    expect(owner.lastText).toContain('at most 1,024 characters');
    await owner.send('Photo of the week');
    await owner.sendPhoto('another photo');
    expect(owner.lastText).toBe('The photo is shared by all languages. Here, please send only the text.');
    await owner.press(/^Skip/);
    await owner.press(/^Skip/);

    await owner.send('soon');
    expect(owner.lastText).toContain('I could not read that date and time');
    await owner.send('25:99 tomorrow');
    expect(owner.lastText).toContain('I could not read that date and time');
    await owner.send('31.02 10:00');
    expect(owner.lastText).toBe('There is no such date or time. Please check the day, the month and the hour.');
    await owner.send('01.03 10:00');
    expect(owner.lastText).toBe('01.03.2026 10:00 (Europe/Sofia) has already passed. Please send a later date and time.');
    await owner.send('2026-03-02 08:59');
    expect(owner.lastText).toContain('has already passed');
    await owner.send('2028-01-01 10:00');
    expect(owner.lastText).toBe('That is more than a year ahead. Please choose a date within the next 12 months.');
    await owner.sendSticker();
    expect(owner.lastText).toContain('send the date and time as text');
    expect(await broadcastModel(h.app.conn).countDocuments()).toBe(0);

    await owner.send('2026-03-05 12:00');
    await owner.send('yes');
    expect(owner.lastText).toBe('Please use the buttons of the last message.');
    await owner.press('✅ Confirm');
    const stored = await broadcastModel(h.app.conn).find().lean();
    expect(stored).toHaveLength(1);
    expect(stored[0]!.texts).toEqual({ en: 'Photo of the week' });
    expect(stored[0]!.sendAt.toISOString()).toBe('2026-03-05T10:00:00.000Z');
  });

  it('refusals speak the owner\'s language', async () => {
    const bgOwner = h.owner({ language_code: 'bg' });
    await bgOwner.send('/broadcast');
    expect(bgOwner.lastText).toContain('Ново съобщение до клиентите');
    await bgOwner.press(/^\d+ · Всички съгласни$/);
    await bgOwner.send('x'.repeat(5000));
    expect(bgOwner.lastText).toBe('Съобщението е от 5000 знака, а Telegram позволява най-много 4096. Моля, съкратете го и го изпратете отново.');
    await bgOwner.send('Здравейте!');
    await bgOwner.press(/^Пропускане/);
    await bgOwner.press(/^Пропускане/);
    await bgOwner.send('вчера');
    expect(bgOwner.lastText).toContain('Не успях да разчета датата и часа');
    await bgOwner.send('01.03 10:00');
    expect(bgOwner.lastText).toBe('01.03.2026 10:00 (Europe/Sofia) вече е минало. Изпратете по-късна дата и час.');
    await bgOwner.send('/cancel');
  });

  it('/cancel, or the Cancel button, leaves without a trace', async () => {
    await owner.send('/broadcast');
    await owner.press(/^\d+ · All who accept offers$/);
    await owner.send('Secret sale');
    await owner.send('/cancel');
    expect(owner.lastText).toBe(h.app.t('en', 'cancel-done'));
    await owner.send('Тайная распродажа');
    expect(owner.lastText).not.toContain('Bulgarian');

    await owner.send('/broadcast');
    await owner.press(/^\d+ · All who accept offers$/);
    await owner.send('Secret sale');
    await owner.press('✖️ Cancel');
    expect(owner.lastText).toBe('The broadcast was cancelled. Nothing was sent.');

    expect(await broadcastModel(h.app.conn).countDocuments()).toBe(0);
    expect(await h.app.scheduler.pending(BROADCAST_JOB)).toEqual([]);
  });

  it('a double tap on Confirm stores one broadcast', async () => {
    await owner.send('/broadcast');
    await owner.press(/^\d+ · All who accept offers$/);
    await owner.send('Only once, please');
    await owner.press(/^Skip/);
    await owner.press(/^Skip/);
    await owner.send('2026-03-10 12:00');
    const confirm = owner.last!;
    await Promise.all([owner.press('✅ Confirm'), owner.pressData('bc:confirm', confirm)]);
    await owner.pressData('bc:confirm', confirm);
    expect(await broadcastModel(h.app.conn).countDocuments()).toBe(1);
    expect(await h.app.scheduler.pending(BROADCAST_JOB)).toHaveLength(1);
  });

  it('ownership is checked at every press: an owner removed from OWNER_IDS mid-way cannot confirm', async () => {
    await owner.send('/broadcast');
    await owner.press(/^\d+ · All who accept offers$/);
    await owner.send('Last offer');
    await owner.press(/^Skip/);
    await owner.press(/^Skip/);
    await owner.press('🚀 Now');
    const owners = h.config.OWNER_IDS.splice(0);
    try {
      await owner.press('✅ Confirm');
      expect(owner.lastText).toBe('🔒 This is for the owner of the program only.');
      expect(await broadcastModel(h.app.conn).countDocuments()).toBe(0);
    } finally {
      h.config.OWNER_IDS.push(...owners);
    }
    // The conversation ended with the refusal: the old button does nothing now.
    await owner.press('✅ Confirm');
    expect(await broadcastModel(h.app.conn).countDocuments()).toBe(0);
  });

  it('a customer can neither start a broadcast nor confirm one with a forged button', async () => {
    const customer = h.user({ language_code: 'ru' });
    await customer.send('/broadcast');
    expect(customer.lastText).toBe('🔒 Это доступно только владельцу программы.');
    await customer.pressData('bc:seg:all');
    await customer.send('Всем привет');
    await customer.pressData('bc:now');
    await customer.pressData('bc:confirm');
    expect(await broadcastModel(h.app.conn).countDocuments()).toBe(0);
  });
});

describe('/broadcast asks only for what someone will read', () => {
  let h: Harness;
  let owner: TestUser;
  beforeAll(async () => {
    h = await createHarness({ clock: new TestClock('2026-03-02T09:00:00+02:00') });
    owner = h.owner();
  });
  afterAll(async () => h.close());

  it('with nobody who agreed to offers it says so and asks for nothing', async () => {
    await insertCustomers(h, 2, () => ({ marketingConsent: false }));
    await owner.send('/broadcast');
    expect(owner.lastText).toBe(h.app.t('en', 'broadcast-nobody'));
    expect(owner.buttons).toEqual([]);
    await owner.send('Spring menu');
    expect(owner.lastText).not.toContain('Send the message');
    expect(await broadcastModel(h.app.conn).countDocuments()).toBe(0);
  });

  it('skips the languages nobody in the group speaks, in the questions and in the preview', async () => {
    await insertCustomers(h, 3, (i) => ({ locale: (['en', 'en', 'ru'] as const)[i]! }));
    await owner.send('/broadcast');
    await owner.press('3 · All who accept offers');
    await owner.send('Spring menu is here!');
    expect(owner.lastText).toContain('Send the message in Russian for 1 customer');
    const asked = owner.messages.length;
    await owner.send('Весеннее меню уже здесь!');
    const texts = owner.textsSince(asked);
    expect(texts.join('\n')).not.toMatch(/Bulgarian/);
    expect(texts).toContain('👀 English preview: 2 customers will see this:');
    expect(texts).toContain('👀 Russian preview: 1 customer will see this:');
    expect(owner.lastText).toContain('When should it go out?');
  });

  it('a default language nobody in the group speaks is still asked first (later joiners get it), previewed as such', async () => {
    await customerModel(h.app.conn).updateMany({ locale: 'en' }, { $set: { locale: 'bg' } });
    await owner.send('/broadcast');
    await owner.press('3 · All who accept offers');
    expect(owner.lastText).toContain('Send the message in English');
    await owner.send('Spring menu is here!');
    expect(owner.lastText).toContain('Send the message in Russian for 1 customer');
    await owner.send('Весеннее меню уже здесь!');
    expect(owner.lastText).toContain('Send the message in Bulgarian for 2 customers');
    const asked = owner.messages.length;
    await owner.press(/^Skip/);
    const texts = owner.textsSince(asked);
    expect(texts[0]).toBe(h.app.t('en', 'broadcast-preview-default-only', { language: 'English' }));
    expect(texts).toContain('👀 Bulgarian: 2 customers get the text in English.');
  });
});
