import { it } from 'vitest';
import { createHarness, OWNER_ID } from '../harness/index.js';
import { insertCustomers } from './fixtures.js';
import { TelegramBroadcastSender } from '../../jobs/broadcast.js';

it('debug', async () => {
  const h = await createHarness({ config: { BROADCAST_RATE: 2000 } });
  let t = Date.now();
  await insertCustomers(h, 1000);
  console.log('insert', Date.now() - t); t = Date.now();
  const s = await h.services.broadcasts.schedule({ draftId: 'x', segment: 'all', texts: { en: 'hi' }, photoFileId: null, sendAt: null, createdBy: OWNER_ID });
  if (!s.ok) throw new Error('x');
  const sender = new TelegramBroadcastSender((h.app as any).scheduler ? (await import('../../bot/broadcast-api.js')).createBroadcastApi(h.app.config, { transformers: [h.telegram.transformer] }) : null as never, 2000);
  try {
    const r = await h.services.broadcasts.run(String(s.value._id), sender);
    console.log('run', r.state, Date.now() - t, JSON.stringify((r as any).report));
  } catch (e) { console.log('ERR', e, JSON.stringify(e)); }
  await h.close();
}, 120000);
