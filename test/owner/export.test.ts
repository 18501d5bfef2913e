import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CUSTOMER_COLUMNS, LEDGER_COLUMNS } from '../../domain/export/service.js';
import { createHarness, TestClock, type Harness, type SentMessage, type TestUser } from '../harness/index.js';
import { addEntry, insertCustomer, visit } from './fixtures.js';

/** An RFC 4180 reader, written here so the test does not trust the code it checks. */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      record.push(field);
      field = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      i++;
    } else if (ch === '\n') throw new Error(`bare LF at ${i}: records must end with CRLF`);
    else field += ch;
  }
  if (field !== '' || record.length > 0) throw new Error('the last record does not end with CRLF');
  return records;
}

function rows(document: SentMessage): Record<string, string>[] {
  const bytes = document.document!.bytes;
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const [header, ...records] = parseCsv(bytes.subarray(3).toString('utf8'));
  for (const r of records) expect(r).toHaveLength(header!.length);
  return records.map((r) => Object.fromEntries(header!.map((name, i) => [name, r[i]!])));
}

describe('/export', () => {
  let h: Harness;
  let owner: TestUser;
  const names = ['Smith, John', 'Anna "Nutella" Kowalska', 'Иван Петров', 'Мария\nИванова', '=HYPERLINK("http://evil")'];

  beforeAll(async () => {
    h = await createHarness({ clock: new TestClock('2026-03-02T09:00:00+02:00') });
    owner = h.owner();
    for (const [i, firstName] of names.entries()) {
      const customer = await insertCustomer(h, { firstName, lastName: i === 2 ? 'Жеков' : undefined, locale: i >= 2 ? 'bg' : 'en' });
      for (let v = 0; v <= i; v++) await visit(h, customer, new Date(h.clock.now().getTime() - (10 - v) * 86_400_000));
    }
    await owner.send('/export');
  });
  afterAll(async () => h.close());

  const documents = () => owner.messages.filter((m) => m.document);

  it('sends customers and the ledger as two CSV documents', () => {
    expect(documents().map((d) => d.document!.fileName)).toEqual(['customers-2026-03-02.csv', 'ledger-2026-03-02.csv']);
    expect(documents()[0]!.caption).toContain('Customers (CSV, times in Europe/Sofia)');
  });

  it('every export is written to the audit feed: who, when, which files', async () => {
    const entries = await h.services.audit.since(new Date(0), 'export');
    expect(entries.map(({ actorId, actorRole, what, at }) => ({ actorId, actorRole, what, at }))).toEqual([
      { actorId: owner.id, actorRole: 'owner', what: ['customers-2026-03-02.csv', 'ledger-2026-03-02.csv'], at: h.clock.now() },
    ]);
    // Someone who is not an owner exports nothing, and nothing is written.
    await h.user().send('/export');
    expect(await h.services.audit.since(new Date(0), 'export')).toHaveLength(1);
  });

  it('quotes names with commas, quotes, line breaks and Cyrillic so that they read back exactly', () => {
    const customers = rows(documents()[0]!);
    expect(Object.keys(customers[0]!)).toEqual(CUSTOMER_COLUMNS);
    expect(customers.map((c) => c.first_name)).toEqual([
      'Smith, John',
      'Anna "Nutella" Kowalska',
      'Иван Петров',
      'Мария\nИванова',
      // A spreadsheet would run this as a formula: it is neutralised.
      `'=HYPERLINK("http://evil")`,
    ]);
    expect(customers[2]!.last_name).toBe('Жеков');
    const raw = documents()[0]!.document!.bytes.toString('utf8');
    expect(raw).toContain('"Smith, John"');
    expect(raw).toContain('"Anna ""Nutella"" Kowalska"');
    expect(raw).toContain(',Иван Петров,');
  });

  it('gives each customer the balance and visits summed from the ledger', () => {
    const customers = rows(documents()[0]!);
    expect(customers.map((c) => [c.stamps, c.rewards, c.visits])).toEqual([
      ['1', '0', '1'],
      ['2', '0', '2'],
      ['3', '0', '3'],
      ['4', '0', '4'],
      ['5', '0', '5'],
    ]);
    expect(customers[0]!.phone).toMatch(/^\+3598\d+$/);
    expect(customers[0]!.registered_at).toBe('2026-03-02 09:00:00');
    expect(customers[0]!.marketing_consent).toBe('yes');
  });

  it('lists every ledger entry with its time in the business time zone', async () => {
    const ledger = rows(documents()[1]!);
    expect(Object.keys(ledger[0]!)).toEqual(LEDGER_COLUMNS);
    expect(ledger).toHaveLength(15);
    expect(ledger[0]).toMatchObject({ time: '2026-02-20 09:00:00', type: 'stamp', stamps: '1', reason: 'visit', staff_id: '777' });
  });

  it('includes undos and the anonymised records of customers who left', async () => {
    const leaver = await insertCustomer(h, { firstName: undefined, phone: undefined, telegramId: undefined, deletedAt: h.clock.now() });
    const entry = await visit(h, leaver, h.clock.now());
    await addEntry(h, leaver._id, { type: 'undo', stamps: -1, undoes: entry, at: h.clock.now() });
    await owner.send('/export');
    const [customersDoc, ledgerDoc] = documents().slice(-2);
    const gone = rows(customersDoc!).at(-1)!;
    expect(gone).toMatchObject({ first_name: '', phone: '', stamps: '0', visits: '0', deleted_at: '2026-03-02 09:00:00' });
    expect(rows(ledgerDoc!).at(-1)).toMatchObject({ type: 'undo', undoes: String(entry) });
  });

  it('is for owners only', async () => {
    const customer = h.user({ language_code: 'ru' });
    await customer.send('/export');
    expect(customer.messages.map((m) => m.text)).toEqual(['🔒 Это доступно только владельцу программы.']);
  });
});
