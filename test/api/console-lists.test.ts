/**
 * The console's título list extras over real HTTP: totals of the whole filtered set, Pago em / Valor pago from
 * payment movements, the streamed CSV export (BOM, ';', decimal comma, quoting, more than one store page) and
 * history authors by name. Expected values come from the inputs the test itself sends.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postToLedger } from '../../src/store/ledger.js';
import { json, startHarness, type Harness } from './harness.js';

let h: Harness;
let admin: string;
const ids: Record<string, string> = {};
const CUSTOMER = 'Comércio; "Aspas" Ltda.';
const titles = [
  { key: 'A1', number: '5001', issueDate: '2026-01-05', dueDate: '2026-02-05', amountCents: 123_456 },
  { key: 'A2', number: '5002', issueDate: '2026-01-10', dueDate: '2026-03-10', amountCents: 5 },
  { key: 'A3', number: '5003', issueDate: '2026-02-01', dueDate: '2026-04-01', amountCents: 99_999 },
  { key: 'A4', number: '5004', issueDate: '2026-02-15', dueDate: '2026-05-15', amountCents: 100_000_00 },
];
/** Norte gets more títulos than one store page (200) so the export has to page. */
const NORTE_COUNT = 203;

function csvRecords(body: string): string[][] {
  const records: string[][] = [];
  let field = '';
  let record: string[] = [];
  let quoted = false;
  for (let i = 0; i < body.length; i++) {
    const ch = body[i]!;
    if (quoted) {
      if (ch === '"' && body[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ';') {
      record.push(field);
      field = '';
    } else if (ch === '\r' && body[i + 1] === '\n') {
      records.push([...record, field]);
      record = [];
      field = '';
      i++;
    } else field += ch;
  }
  return records;
}

beforeAll(async () => {
  h = await startHarness();
  const customer = await h.erpPut('customers', h.tokens.sul, 'CLI-Q', {
    name: CUSTOMER,
    document: '529.982.247-25',
  });
  expect(customer.statusCode).toBe(201);
  for (const t of titles) {
    const response = await h.erpPut('receivables', h.tokens.sul, t.key, {
      customerErpKey: 'CLI-Q',
      document: `PED-${t.number}`,
      number: t.number,
      issueDate: t.issueDate,
      dueDate: t.dueDate,
      amountCents: t.amountCents,
    });
    expect(response.statusCode).toBe(201);
    ids[t.key] = json(response).id;
  }
  // Two payments on A3 (the later date is "Pago em"), none on the others.
  await postToLedger(h.store.db, {
    receivableId: ids['A3']!,
    actor: 'test',
    postings: [
      { kind: 'payment', amountCents: 40_000, occurredOn: '2026-03-20', source: 'test', key: 'test:A3:p1' },
      { kind: 'payment', amountCents: 9_999, occurredOn: '2026-03-25', source: 'test', key: 'test:A3:p2' },
    ],
  });
  const norteCustomer = await h.erpPut('customers', h.tokens.norte, 'CLI-N', {
    name: 'Cliente Norte',
    document: '529.982.247-25',
  });
  expect(norteCustomer.statusCode).toBe(201);
  for (let n = 0; n < NORTE_COUNT; n++) {
    const response = await h.erpPut('receivables', h.tokens.norte, `N${n}`, {
      customerErpKey: 'CLI-N',
      document: `PED-N${n}`,
      number: String(7000 + n),
      issueDate: '2026-01-01',
      dueDate: '2026-06-01',
      amountCents: 100 + n,
    });
    expect(response.statusCode).toBe(201);
  }
  admin = await h.login(h.emails.admin);
}, 120_000);

afterAll(async () => {
  await h?.close();
});

describe('GET /api/receivables (console): totals and payments', () => {
  it('sums Valor and Valor aberto over every page of the filter', async () => {
    const all = await h.asUser(admin, `/api/receivables?companyId=${h.companies.sul}&pageSize=2`);
    expect(all.statusCode).toBe(200);
    expect(json(all).items).toHaveLength(2);
    const amount = titles.reduce((sum, t) => sum + t.amountCents, 0);
    // The open amounts follow the ledger: their oracle is the sum over every row of one big page.
    const rows = json(
      await h.asUser(admin, `/api/receivables?companyId=${h.companies.sul}&pageSize=200`),
    ).items;
    const openOf = (numbers: string[]) =>
      rows
        .filter((r: { number: string }) => numbers.includes(r.number))
        .reduce((sum: number, r: { openAmountCents: number }) => sum + r.openAmountCents, 0);
    expect(json(all).totals).toEqual({
      amountCents: amount,
      openAmountCents: openOf(['5001', '5002', '5003', '5004']),
    });

    const some = await h.asUser(
      admin,
      `/api/receivables?companyId=${h.companies.sul}&dueFrom=2026-03-01&dueTo=2026-04-30`,
    );
    expect(json(some).totals).toEqual({ amountCents: 5 + 99_999, openAmountCents: openOf(['5002', '5003']) });

    const none = await h.asUser(admin, `/api/receivables?companyId=${h.companies.sul}&q=nada-casa`);
    expect(json(none).totals).toEqual({ amountCents: 0, openAmountCents: 0 });
  });

  it('shows the last payment date and the sum of payments, null when nothing was paid', async () => {
    const page = json(await h.asUser(admin, `/api/receivables?companyId=${h.companies.sul}`));
    const byNumber = new Map(page.items.map((i: { number: string }) => [i.number, i]));
    expect(byNumber.get('5003')).toMatchObject({ paidOn: '2026-03-25', paidCents: 49_999 });
    expect(byNumber.get('5001')).toMatchObject({ paidOn: null, paidCents: null });
  });
});

describe('GET /api/receivables/export.csv', () => {
  it('writes the filtered list for spreadsheets in pt-BR', async () => {
    // Paging parameters from the screen are ignored: the export carries every título of the filter.
    const response = await h.asUser(
      admin,
      `/api/receivables/export.csv?companyId=${h.companies.sul}&sort=amountCents&order=desc&page=2&pageSize=25`,
    );
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.headers['content-disposition']).toMatch(
      /^attachment; filename="titulos-\d{4}-\d{2}-\d{2}\.csv"$/,
    );
    expect([...response.rawPayload.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const [header, ...lines] = csvRecords(response.body.slice(1));
    expect(header).toEqual([
      'Empresa',
      'Cliente',
      'CPF/CNPJ',
      'Documento',
      'Número',
      'Parcela',
      'Nota fiscal',
      'Emissão',
      'Vencimento',
      'Valor',
      'Valor aberto',
      'Pago em',
      'Valor pago',
      'Portador',
      'Status',
      'Vencido',
    ]);
    // Largest amount first, as asked; amounts with a decimal comma and no thousands separator.
    expect(lines.map((l) => [l[4], l[9]])).toEqual([
      ['5004', '100000,00'],
      ['5001', '1234,56'],
      ['5003', '999,99'],
      ['5002', '0,05'],
    ]);
    const a3 = lines.find((l) => l[4] === '5003')!;
    const listed = json(await h.asUser(admin, `/api/receivables/${ids['A3']}`)).receivable;
    const decimal = (cents: number) => `${Math.trunc(cents / 100)},${String(cents % 100).padStart(2, '0')}`;
    expect(a3.slice(7, 13)).toEqual([
      '01/02/2026',
      '01/04/2026',
      '999,99',
      decimal(listed.openAmountCents),
      '25/03/2026',
      '499,99',
    ]);
    expect(lines.every((l) => l[1] === CUSTOMER && l[2] === '52998224725')).toBe(true);
    // The name with ';' and '"' travels quoted, so the spreadsheet keeps it in one cell.
    expect(response.body).toContain('"Comércio; ""Aspas"" Ltda."');
  });

  it('pages through the store and keeps the company scope', async () => {
    const response = await h.asUser(
      admin,
      `/api/receivables/export.csv?companyId=${h.companies.norte}&sort=number`,
    );
    const [, ...lines] = csvRecords(response.body.slice(1));
    expect(lines).toHaveLength(NORTE_COUNT);
    expect(new Set(lines.map((l) => l[4])).size).toBe(NORTE_COUNT);
    expect(lines.map((l) => l[4])).toEqual(Array.from({ length: NORTE_COUNT }, (_, n) => String(7000 + n)));

    const operator = await h.login(h.emails.operator); // Sul only
    const forbidden = await h.asUser(operator, `/api/receivables/export.csv?companyId=${h.companies.norte}`);
    expect(forbidden.statusCode).toBe(403);
  });
});

describe('history authors', () => {
  it('names the user who changed a título', async () => {
    const operator = await h.login(h.emails.operator);
    const me = json(await h.asUser(operator, '/api/session')).user;
    const patched = await h.asUser(operator, `/api/receivables/${ids['A4']}?companyId=${h.companies.sul}`, {
      method: 'PATCH',
      payload: { invoiceNumber: 'NF-77' },
    });
    expect(patched.statusCode).toBe(200);
    const detail = json(await h.asUser(admin, `/api/receivables/${ids['A4']}`));
    const change = detail.history.find((e: { action: string }) => e.action === 'updated');
    expect(change).toMatchObject({ actor: `user:${me.id}`, actorName: me.name });
    const created = detail.history.find((e: { action: string }) => e.action === 'created');
    expect(created.actorName).toBeNull(); // created by an ERP token, not a user
  });
});
