import { loadImage } from '@napi-rs/canvas';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, TestClock, type Harness, type TestUser } from '../harness/index.js';
import { addEntry, daysAgo, insertCustomer, visit } from './fixtures.js';

describe('/stats', () => {
  let h: Harness;
  let owner: TestUser;

  beforeAll(async () => {
    // Wednesday 4 March 2026, 12:00 in Sofia.
    h = await createHarness({ clock: new TestClock('2026-03-04T12:00:00+02:00') });
    owner = h.owner();

    const a = await insertCustomer(h, { registeredAt: daysAgo(h, 60) });
    await visit(h, a, daysAgo(h, 50));
    await visit(h, a, daysAgo(h, 20));
    await visit(h, a, daysAgo(h, 2));
    await addEntry(h, a._id, { type: 'reward', stamps: -8, rewards: 1, at: daysAgo(h, 2) });
    await addEntry(h, a._id, { type: 'redeem', rewards: -1, at: daysAgo(h, 1) });

    const b = await insertCustomer(h, { registeredAt: daysAgo(h, 45) });
    await visit(h, b, daysAgo(h, 40));
    await addEntry(h, b._id, { type: 'reward', stamps: -8, rewards: 1, at: daysAgo(h, 35) });

    const c = await insertCustomer(h, { registeredAt: daysAgo(h, 20) });
    await visit(h, c, daysAgo(h, 10));
    const mistaken = await visit(h, c, daysAgo(h, 1));
    await addEntry(h, c._id, { type: 'undo', stamps: -1, undoes: mistaken, at: daysAgo(h, 1) });

    await insertCustomer(h, { registeredAt: daysAgo(h, 3) });
    const e = await insertCustomer(h, { registeredAt: daysAgo(h, 5), referredBy: a._id });
    await visit(h, e, daysAgo(h, 4));
    await insertCustomer(h, { registeredAt: daysAgo(h, 25), referredBy: a._id });

    // Erased their data: not a customer any more, but the anonymised ledger still counts.
    const g = await insertCustomer(h, { registeredAt: daysAgo(h, 10), deletedAt: daysAgo(h, 5) });
    await visit(h, g, daysAgo(h, 9));

    await h.app.conn.collection('reviews').insertMany([
      { rating: 5, at: daysAgo(h, 3) },
      { rating: 4, at: daysAgo(h, 2) },
      { rating: 3, at: daysAgo(h, 1) },
    ]);
  });
  afterAll(async () => h.close());

  it('shows every number of PRODUCT.md, counted as the README defines it', async () => {
    await owner.send('/stats');
    const text = owner.messages.find((m) => m.text?.startsWith('📊'))!.text!;
    expect(text.split('\n')).toEqual([
      '📊 Statistics (04.03.2026 12:00)',
      '',
      '👥 Customers: 6 (new: 2 in 7 days, 4 in 30 days)',
      '🔥 Active in the last 30 days: 4',
      '🔖 Visits: 5 in 30 days, 7 in total',
      '🔁 Came back: 20% (1 of 5 visitors made 2+ visits)',
      '🎁 Rewards earned: 1 in 30 days, 2 in total',
      '✅ Rewards redeemed: 1 in 30 days, 1 in total',
      '🤝 Invited friends joined: 2, came for a visit: 1',
      '⭐ Average rating: 4 (3 reviews)',
    ]);
  });

  it('explains how each number is counted in the bot itself, in the owner\'s language, not in the README', async () => {
    for (const [language_code, locale] of [['en', 'en'], ['ru', 'ru'], ['bg', 'bg']] as const) {
      const someOwner = h.owner({ language_code });
      await someOwner.send('/stats');
      const stats = someOwner.messages.findLast((m) => m.text?.startsWith('📊'))!;
      expect(stats.text).not.toMatch(/README/);
      await someOwner.press(h.app.t(locale, 'stats-how-button'));
      const definitions = someOwner.lastText;
      expect(definitions).toBe(h.app.t(locale, 'stats-definitions'));
      // One definition for every number /stats shows, and for the chart.
      const shown = stats.text!.split('\n').map((line) => /^(\p{Extended_Pictographic})/u.exec(line)?.[1]).filter((mark) => mark && mark !== '📊');
      expect(shown).toHaveLength(8);
      for (const mark of [...shown, '📈']) expect(definitions).toContain(`\n${mark} `);
    }
  });

  it('the explanation is for owners only', async () => {
    await owner.send('/stats');
    const stats = owner.messages.findLast((m) => m.text?.startsWith('📊'))!;
    const customer = h.user();
    await customer.pressData('stats:how', stats);
    expect(customer.messages).toEqual([]);
    expect(h.telegram.callsOf('answerCallbackQuery').at(-1)?.payload).toMatchObject({ text: '🔒 This is for the owner of the program only.' });
  });

  it('counts visits per week for 12 weeks, Monday to Sunday in the business time zone, undone visits left out', async () => {
    const weeks = await h.services.stats.weeklyVisits();
    expect(weeks.map((w) => w.weekStart.toISOString())).toEqual([
      '2025-12-14T22:00:00.000Z',
      '2025-12-21T22:00:00.000Z',
      '2025-12-28T22:00:00.000Z',
      '2026-01-04T22:00:00.000Z',
      '2026-01-11T22:00:00.000Z',
      '2026-01-18T22:00:00.000Z',
      '2026-01-25T22:00:00.000Z',
      '2026-02-01T22:00:00.000Z',
      '2026-02-08T22:00:00.000Z',
      '2026-02-15T22:00:00.000Z',
      '2026-02-22T22:00:00.000Z',
      '2026-03-01T22:00:00.000Z',
    ]);
    expect(weeks.map((w) => w.visits)).toEqual([0, 0, 0, 0, 1, 1, 0, 0, 1, 1, 2, 1]);
  });

  it('sends the chart as a real PNG of a sensible size', async () => {
    await owner.send('/stats');
    const png = owner.lastPhoto!;
    expect(owner.lastText).toBe('📈 Visits per week, last 12 weeks');
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect(png.subarray(12, 16).toString('ascii')).toBe('IHDR');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1000, 560]);
    expect(png.length).toBeGreaterThan(10_000);
    expect(png.length).toBeLessThan(1_000_000);
    const image = await loadImage(png);
    expect([image.width, image.height]).toEqual([1000, 560]);
  });

  it('speaks the owner\'s language', async () => {
    const ruOwner = h.owner({ language_code: 'ru' });
    await ruOwner.send('/stats');
    const text = ruOwner.messages.findLast((m) => m.text?.startsWith('📊'))!.text!;
    expect(text).toContain('👥 Клиентов: 6 (новых: 2 за 7 дней, 4 за 30 дней)');
    expect(text).toContain('⭐ Средняя оценка: 4 (3 отзыва)');
    expect(ruOwner.lastText).toBe('📈 Визиты по неделям, последние 12 недель');
  });

  it('is for owners only', async () => {
    const customer = h.user();
    await customer.send('/stats');
    expect(customer.messages.map((m) => m.text)).toEqual(['🔒 This is for the owner of the program only.']);
  });
});
