// Set-up from inside Telegram: with neither OWNER_IDS nor STAFF_CHAT_ID, the first owner claims the
// bot with the code printed at start, binds the staff group with /staffchat (or the button offered
// when they add the bot), and from then on every role check and audit line follows what is stored.
// The environment still wins where it is set.
import { afterEach, describe, expect, it } from 'vitest';
import { BOT_INFO, createHarness, inlineButtons, type Harness } from '../harness/index.js';
import { registerCustomer } from '../staff/fixtures.js';

const GROUP = -1009876543210;

describe('set-up from inside Telegram', () => {
  let h: Harness;
  afterEach(async () => {
    await h.close();
  });

  const fresh = () => createHarness({ config: { OWNER_IDS: [], STAFF_CHAT_ID: undefined } });

  const botAddedToGroup = (by: { id: number; first_name: string }) =>
    h.handle({
      my_chat_member: {
        chat: { id: GROUP, type: 'supergroup', title: 'Café staff' },
        from: { id: by.id, is_bot: false, first_name: by.first_name },
        date: Math.floor(h.clock.now().getTime() / 1000),
        old_chat_member: { status: 'left', user: BOT_INFO },
        new_chat_member: { status: 'member', user: BOT_INFO },
      },
    } as never);

  it('the claim code makes its sender an owner once; owner commands then work for them', async () => {
    h = await fresh();
    const elena = h.user({ first_name: 'Elena' });
    const other = h.user({ first_name: 'Mallory' });
    const code = await h.services.team.openClaim();
    expect(code).toMatch(/^[A-Z]{8}$/);

    await elena.send('/settings');
    expect(elena.lastText).toContain('owner of the program only');
    await elena.send(`/claim ${code}`, GROUP);
    expect(h.telegram.messages(GROUP).at(-1)?.text).toMatch(/private chat/);
    await elena.send('/claim');
    expect(elena.lastText).toMatch(/\/claim ABCDEFGH/);
    await elena.send('/claim ZZZZZZZZ');
    expect(elena.lastText).toMatch(/not right/);
    expect(await h.services.team.owners()).toEqual([]);

    await elena.send(`/claim ${code}`);
    expect(elena.lastText).toMatch(/You are now an owner/);
    expect(await h.services.team.owners()).toEqual([elena.id]);
    await elena.send('/whoami');
    expect(elena.lastText).toBe(`Your Telegram ID: ${elena.id}\nRole: owner`);
    await elena.send('/settings');
    expect(elena.lastText).not.toContain('owner of the program only');

    await other.send(`/claim ${code}`);
    expect(other.lastText).toMatch(/already has an owner/);
    expect(await h.services.team.owners()).toEqual([elena.id]);
    await other.send('/whoami');
    expect(other.lastText).toBe(`Your Telegram ID: ${other.id}\nRole: not registered yet`);

    // Stored: a restarted app (another instance) knows the owner too.
    await h.restart();
    expect(await h.services.team.owners()).toEqual([elena.id]);
  });

  it('an owner binds the staff group with /staffchat; a non-owner cannot; the bot says it needs to be an administrator', async () => {
    h = await fresh();
    const elena = h.user({ first_name: 'Elena' });
    const mallory = h.user({ first_name: 'Mallory' });
    await h.services.team.claim(elena.id, (await h.services.team.openClaim())!);

    await mallory.send('/staffchat', GROUP);
    expect(h.telegram.messages(GROUP).at(-1)?.text).toContain('owner of the program only');
    expect(await h.services.team.staffChatId()).toBeUndefined();

    await elena.send('/staffchat');
    expect(elena.lastText).toMatch(/in your staff group/);

    await elena.send('/staffchat', GROUP);
    const said = h.telegram.messages(GROUP).slice(-2).map((m) => m.text);
    expect(said[0]).toMatch(/now the staff chat/);
    expect(said[1]).toMatch(/not an administrator.*Administrators/s);
    expect(await h.services.team.staffChatId()).toBe(GROUP);

    h.telegram.setMember(GROUP, BOT_INFO.id, 'administrator');
    const before = h.telegram.messages(GROUP).length;
    await elena.send('/staffchat', GROUP);
    expect(h.telegram.messages(GROUP).slice(before).map((m) => m.text)).toEqual([expect.stringMatching(/now the staff chat/)]);

    // Members of the bound group are staff, and the audit line of a stamp goes there.
    const barista = h.user({ first_name: 'Ivan' });
    h.telegram.setMember(GROUP, barista.id, 'member');
    await barista.send('/whoami', GROUP);
    expect(h.telegram.messages(GROUP).at(-1)?.text).toBe(`Your Telegram ID: ${barista.id}\nRole: staff\nThis chat's ID: ${GROUP}`);
    const customer = h.user({ first_name: 'Vera' });
    const card = await registerCustomer(h, customer);
    await barista.send(`/card ${card.cardNumber}`, GROUP);
    await barista.press('+1', GROUP);
    expect(h.telegram.messages(GROUP).at(-1)?.text).toMatch(/Ivan.*Vera/s);
  });

  it('offers to bind a group when an owner adds the bot to it; only an owner can press it', async () => {
    h = await fresh();
    const elena = h.user({ first_name: 'Elena' });
    const mallory = h.user({ first_name: 'Mallory' });
    await h.services.team.claim(elena.id, (await h.services.team.openClaim())!);

    await botAddedToGroup(mallory.info);
    expect(h.telegram.messages(GROUP)).toHaveLength(0);

    await botAddedToGroup(elena.info);
    const offer = h.telegram.messages(GROUP).at(-1)!;
    expect(offer.text).toMatch(/Is this your staff group/);
    expect(inlineButtons(offer).map((b) => b.text)).toEqual(['✅ Make this the staff chat']);

    await mallory.press('✅ Make this the staff chat', GROUP);
    expect(h.telegram.callsOf('answerCallbackQuery').at(-1)?.payload.text).toContain('owner of the program only');
    expect(await h.services.team.staffChatId()).toBeUndefined();

    await elena.press('✅ Make this the staff chat', GROUP);
    expect(await h.services.team.staffChatId()).toBe(GROUP);
    expect(h.telegram.messages(GROUP).some((m) => /now the staff chat/.test(m.text ?? ''))).toBe(true);
  });

  it('OWNER_IDS and STAFF_CHAT_ID win: no claim, no rebinding', async () => {
    h = await createHarness();
    const owner = h.owner();
    const stranger = h.user();
    expect(await h.services.team.openClaim()).toBeUndefined();
    await stranger.send('/claim ABCDEFGH');
    expect(stranger.lastText).toMatch(new RegExp(`OWNER_IDS.*\\(${stranger.id}\\)`));
    expect(await h.services.team.owners()).toEqual([owner.id]);
    await owner.send('/staffchat', GROUP);
    expect(h.telegram.messages(GROUP).at(-1)?.text).toMatch(/STAFF_CHAT_ID/);
    expect(await h.services.team.staffChatId()).toBe(h.config.STAFF_CHAT_ID);
    await owner.send('/whoami');
    expect(owner.lastText).toMatch(/Role: owner/);
    const customer = h.user();
    await registerCustomer(h, customer);
    await customer.send('/whoami');
    expect(customer.lastText).toMatch(/Role: customer/);
  });
});
