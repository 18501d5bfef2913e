// Starting a flow while another one is open (an owner who had just sent /start, a customer writing a
// review line who opens onboarding again…) replaces the open one instead of failing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../harness/index.js';
import { onboard } from '../harness/customers.js';

describe('one conversation at a time', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness();
  });
  afterAll(async () => h.close());

  it('an owner in the middle of onboarding can open a setting and a broadcast', async () => {
    await onboard(h, h.user()); // someone to broadcast to
    const owner = h.owner();
    await owner.send('/start');
    await owner.send('/settings');
    const sections = owner.buttons;
    expect(sections.length).toBeGreaterThan(0);
    await owner.press(sections[0]!);
    const editable = owner.buttons.filter((b) => b !== h.app.t('en', 'settings-back'));
    await owner.press(editable[0]!);
    await owner.send('/broadcast');
    expect(owner.lastText).toBe(h.app.t('en', 'broadcast-choose-segment'));
    expect(h.errorLogs).toEqual([]);
  });
});
