import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { broadcastModel } from '../../domain/broadcasts/model.js';
import { settingsSchema } from '../../domain/settings.js';
import { createHarness, STAFF_CHAT_ID, type Harness } from '../harness/index.js';
import { lastAlert } from './fixtures.js';

const REFUSALS = {
  en: '🔒 This is for the owner of the program only.',
  ru: '🔒 Это доступно только владельцу программы.',
  bg: '🔒 Това е достъпно само за собственика на програмата.',
} as const;

describe('owner commands and buttons, pressed by anyone else', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness();
  });
  afterAll(async () => h.close());

  it.each(['en', 'ru', 'bg'] as const)('a customer speaking %s gets a refusal for each command, and nothing is sent or changed', async (language) => {
    const customer = h.user({ language_code: language });
    for (const command of ['/settings', '/broadcast', '/broadcasts', '/stats', '/export']) {
      await customer.send(command);
      expect(customer.lastText, command).toBe(REFUSALS[language]);
    }
    expect(customer.messages.filter((m) => m.photo || m.document)).toEqual([]);
  });

  it('staff are not owners either', async () => {
    const barista = h.staff();
    await barista.send('/stats');
    await barista.send('/export');
    expect(barista.messages.map((m) => m.text)).toEqual([REFUSALS.en, REFUSALS.en]);
  });

  it('forged owner buttons are refused at the moment of the press and change nothing', async () => {
    const customer = h.user();
    await customer.send('/settings');
    const before = await h.services.settings.get();
    for (const data of ['set:home', 'set:sec:limits', 'set:tgl:dailyDigest', 'set:edit:dailyCap', 'bcl:ask:0123456789abcdef01234567', 'bcl:yes:0123456789abcdef01234567', 'bcl:keep:0123456789abcdef01234567']) {
      await customer.pressData(data);
      expect(lastAlert(h), data).toBe(REFUSALS.en);
    }
    expect(await h.services.settings.get()).toEqual(before);
    expect(settingsSchema.parse(before)).toEqual(before);
    expect(await broadcastModel(h.app.conn).countDocuments()).toBe(0);
  });

  it('owner commands in the staff group are not answered there (numbers stay private)', async () => {
    const owner = h.owner();
    await owner.send('/stats', STAFF_CHAT_ID);
    await owner.send('/export', STAFF_CHAT_ID);
    expect(h.staffChat.filter((m) => m.photo || m.document || m.text?.startsWith('📊'))).toEqual([]);
  });
});
