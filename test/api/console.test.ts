import { eq } from 'drizzle-orm';
/**
 * Console API (contract §5, §6) over real HTTP against a real store: login/logout, session cookie, company scoping
 * for users (403 on companyId, 404 on another company's record), viewer cannot write, list filters/sort/pagination,
 * /healthz, OpenAPI, SPA fallback.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/api/app.js';
import { addDays, formatDateBR, todayInSaoPaulo } from '../../src/domain/dates.js';
import * as schema from '../../src/store/schema.js';
import { postToLedger } from '../../src/store/ledger.js';
import { json, openTestStore, startHarness, type Harness } from './harness.js';
import { testPlatformDeps } from '../support/platforms.js';

let h: Harness;
/** Títulos created in Sul (7) and Norte (3) through the ERP API; ids by ERP key. */
const ids: Record<string, string> = {};
const sulTitles = [
  { key: 'S1', number: '1001', issueDate: '2026-01-05', dueDate: '2026-02-05', amountCents: 50_000 },
  { key: 'S2', number: '1002', issueDate: '2026-01-10', dueDate: '2026-03-10', amountCents: 12_345 },
  { key: 'S3', number: '1003', issueDate: '2026-02-01', dueDate: '2026-04-01', amountCents: 99_999 },
  { key: 'S4', number: '1004', issueDate: '2026-02-15', dueDate: '2026-05-15', amountCents: 1_000 },
  { key: 'S5', number: '1005', issueDate: '2026-03-01', dueDate: '2026-06-01', amountCents: 75_500 },
  { key: 'S6', number: '1006', issueDate: '2026-03-20', dueDate: '2026-07-20', amountCents: 300_000 },
  { key: 'S7', number: '2007', issueDate: '2026-04-02', dueDate: '2026-08-02', amountCents: 42_000 },
];
const norteTitles = [
  { key: 'N1', number: '3001', issueDate: '2026-01-07', dueDate: '2026-02-07', amountCents: 10_000 },
  { key: 'N2', number: '3002', issueDate: '2026-01-08', dueDate: '2026-02-08', amountCents: 20_000 },
  { key: 'N3', number: '3003', issueDate: '2026-01-09', dueDate: '2026-02-09', amountCents: 30_000 },
];

async function seedTitles(token: string, customerName: string, titles: typeof sulTitles) {
  const customer = await h.erpPut('customers', token, 'CLI-1', {
    name: customerName,
    document: '529.982.247-25',
  });
  expect(customer.statusCode).toBe(201);
  for (const t of titles) {
    const response = await h.erpPut('receivables', token, t.key, {
      customerErpKey: 'CLI-1',
      document: `PED-${t.number}`,
      number: t.number,
      issueDate: t.issueDate,
      dueDate: t.dueDate,
      amountCents: t.amountCents,
    });
    expect(response.statusCode).toBe(201);
    ids[t.key] = json(response).id;
  }
}

async function payInFull(receivableId: string): Promise<void> {
  const [row] = await h.store.db
    .select()
    .from(schema.receivables)
    .where(eq(schema.receivables.id, receivableId));
  await postToLedger(h.store.db, {
    receivableId,
    actor: 'test',
    postings: [
      {
        kind: 'payment',
        amountCents: row!.openAmountCents,
        occurredOn: row!.dueDate,
        source: 'test',
        key: `test:${receivableId}:paid`,
      },
    ],
  });
}

beforeAll(async () => {
  h = await startHarness();
  await seedTitles(h.tokens.sul, 'Cliente Sul', sulTitles);
  await seedTitles(h.tokens.norte, 'Cliente Norte', norteTitles);
  await payInFull(ids['S2']!);
  await postToLedger(h.store.db, { receivableId: ids['S4']!, postings: [], cancel: true, actor: 'test' });
});
afterAll(async () => {
  await h?.close();
});

describe('session', () => {
  it('logs in with e-mail + password: body per contract, httpOnly SameSite=Lax cookie, only a hash at rest', async () => {
    const response = await h.app.inject({
      method: 'POST',
      url: '/api/session',
      payload: { email: '  ADMIN@teste.finconsole ', password: 'senha-de-teste-123' },
    });
    expect(response.statusCode).toBe(200);
    const body = json(response);
    expect(body.user).toMatchObject({ email: h.emails.admin, role: 'admin', name: 'Admin' });
    expect(body.homeCompanyId).toBe(h.companies.group);
    expect(body.companies.map((c: { id: string }) => c.id)).toEqual([
      h.companies.group,
      h.companies.norte,
      h.companies.sul,
    ]);
    expect(body.companies[1]).toEqual({
      id: h.companies.norte,
      name: 'Teste Norte Ltda.',
      cnpj: expect.stringMatching(/^12ABC345/),
      kind: 'child',
      parentCompanyId: h.companies.group,
    });
    const cookie = response.cookies.find((c) => c.name === 'fc_session')!;
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    const sessions = await h.store.db.select().from(schema.sessions);
    const hashes = sessions.map((s) => s.tokenHash);
    expect(hashes).toContain(createHash('sha256').update(cookie.value).digest('hex'));
    expect(hashes).not.toContain(cookie.value);
  });

  it('refuses a wrong password and an unknown e-mail with the same 401', async () => {
    for (const payload of [
      { email: h.emails.admin, password: 'errada' },
      { email: 'ninguem@teste.finconsole', password: 'senha-de-teste-123' },
    ]) {
      const response = await h.app.inject({ method: 'POST', url: '/api/session', payload });
      expect(response.statusCode).toBe(401);
      expect(json(response)).toEqual({
        error: { code: 'invalid_credentials', message: 'E-mail ou senha inválidos.' },
      });
    }
    const empty = await h.app.inject({ method: 'POST', url: '/api/session', payload: { email: '' } });
    expect(empty.statusCode).toBe(400);
    expect(
      json(empty)
        .error.fields.map((f: { path: string }) => f.path)
        .sort(),
    ).toEqual(['email', 'password']);
  });

  it('GET returns the session; DELETE ends it (204) and the cookie stops working', async () => {
    const cookie = await h.login(h.emails.operator);
    const current = await h.asUser(cookie, '/api/session');
    expect(current.statusCode).toBe(200);
    expect(json(current).companies.map((c: { id: string }) => c.id)).toEqual([h.companies.sul]);
    const logout = await h.asUser(cookie, '/api/session', { method: 'DELETE' });
    expect(logout.statusCode).toBe(204);
    expect(logout.cookies.find((c) => c.name === 'fc_session')?.value).toBe('');
    expect((await h.asUser(cookie, '/api/session')).statusCode).toBe(401);
    const list = await h.asUser(cookie, `/api/receivables?companyId=${h.companies.sul}`);
    expect(list.statusCode).toBe(401);
    expect(json(list).error.code).toBe('unauthorized');
  });
});

describe('company scoping', () => {
  it('a child-company user: 403 on a sibling or the parent companyId, 404 on a sibling record', async () => {
    const cookie = await h.login(h.emails.operator);
    for (const companyId of [h.companies.norte, h.companies.group, h.companies.other]) {
      const response = await h.asUser(cookie, `/api/receivables?companyId=${companyId}`);
      expect(response.statusCode).toBe(403);
      expect(json(response).error.code).toBe('forbidden');
    }
    const customers = await h.asUser(cookie, `/api/customers?companyId=${h.companies.norte}`);
    expect(customers.statusCode).toBe(403);
    const sibling = await h.asUser(cookie, `/api/receivables/${ids['N1']}`);
    expect(sibling.statusCode).toBe(404);
    expect(json(sibling).error.code).toBe('not_found');
    const change = await h.asUser(cookie, `/api/receivables/${ids['N1']}`, {
      method: 'PATCH',
      payload: { dueDate: '2026-12-31' },
    });
    expect(change.statusCode).toBe(404);
    const norteCustomer = json(await h.asErp(h.tokens.norte, '/api/v1/customers/CLI-1'));
    const customer = await h.asUser(cookie, `/api/customers/${norteCustomer.id}`);
    expect(customer.statusCode).toBe(404);
    const own = await h.asUser(cookie, `/api/receivables?companyId=${h.companies.sul}&pageSize=200`);
    expect(json(own).total).toBe(sulTitles.length);
  });

  it('a consolidated user sees each child and all together', async () => {
    const cookie = await h.login(h.emails.admin);
    const total = async (companyId: string) =>
      json(await h.asUser(cookie, `/api/receivables?companyId=${companyId}`)).total;
    expect(await total(h.companies.sul)).toBe(sulTitles.length);
    expect(await total(h.companies.norte)).toBe(norteTitles.length);
    expect(await total(h.companies.group)).toBe(sulTitles.length + norteTitles.length);
    const all = json(await h.asUser(cookie, `/api/receivables?companyId=${h.companies.group}&pageSize=200`));
    expect(new Set(all.items.map((i: { companyName: string }) => i.companyName))).toEqual(
      new Set(['Teste Sul Ltda.', 'Teste Norte Ltda.']),
    );
    expect((await h.asUser(cookie, `/api/receivables/${ids['N1']}`)).statusCode).toBe(200);
    const forbidden = await h.asUser(cookie, `/api/receivables?companyId=${h.companies.other}`);
    expect(forbidden.statusCode).toBe(403);
    // Addressed through one child, a record of the other child is not found.
    const wrongChild = await h.asUser(cookie, `/api/receivables/${ids['N1']}?companyId=${h.companies.sul}`);
    expect(wrongChild.statusCode).toBe(404);
  });

  it("another group's admin reaches none of this group", async () => {
    const cookie = await h.login(h.emails.otherAdmin);
    expect((await h.asUser(cookie, `/api/receivables?companyId=${h.companies.group}`)).statusCode).toBe(403);
    expect((await h.asUser(cookie, `/api/receivables/${ids['S1']}`)).statusCode).toBe(404);
    const own = json(await h.asUser(cookie, `/api/receivables?companyId=${h.companies.other}`));
    expect(own.total).toBe(0);
  });
});

describe('writes and roles', () => {
  it('a viewer reads but cannot write (403)', async () => {
    const cookie = await h.login(h.emails.viewer);
    expect((await h.asUser(cookie, `/api/receivables/${ids['N2']}`)).statusCode).toBe(200);
    const response = await h.asUser(cookie, `/api/receivables/${ids['N2']}`, {
      method: 'PATCH',
      payload: { dueDate: '2026-12-31' },
    });
    expect(response.statusCode).toBe(403);
    expect(json(response).error.code).toBe('forbidden');
    const detail = json(await h.asUser(cookie, `/api/receivables/${ids['N2']}`));
    expect(detail.receivable.dueDate).toBe('2026-02-08');
  });

  it('an operator changes a due date through the same upsert: history names the user', async () => {
    const cookie = await h.login(h.emails.operator);
    const later = addDays(todayInSaoPaulo(), 30);
    const response = await h.asUser(cookie, `/api/receivables/${ids['S7']}`, {
      method: 'PATCH',
      payload: { dueDate: later, portadorId: h.portadores.sul },
    });
    expect(response.statusCode).toBe(200);
    expect(json(response)).toMatchObject({
      dueDate: later,
      portadorName: 'Itaú 1234/56789',
      amountCents: 42_000,
    });
    const detail = json(await h.asUser(cookie, `/api/receivables/${ids['S7']}`));
    expect(detail.history.at(-1)).toMatchObject({
      action: 'updated',
      before: { dueDate: '2026-08-02' },
      after: { dueDate: later },
      actor: expect.stringMatching(/^user:/),
    });
    expect(detail.movements.map((m: { kind: string }) => m.kind)).toEqual(['created']);
    const before = await h.asUser(cookie, `/api/receivables/${ids['S7']}`, {
      method: 'PATCH',
      payload: { dueDate: '2026-01-01' },
    });
    expect(before.statusCode).toBe(400);
    expect(json(before).error.fields[0].path).toBe('dueDate');
    const immutable = await h.asUser(cookie, `/api/receivables/${ids['S7']}`, {
      method: 'PATCH',
      payload: { amountCents: 1 },
    });
    expect(immutable.statusCode).toBe(400);
    expect(json(immutable).error.fields[0].path).toBe('amountCents');
    const paid = await h.asUser(cookie, `/api/receivables/${ids['S2']}`, {
      method: 'PATCH',
      payload: { dueDate: '2026-12-01' },
    });
    expect(paid.statusCode).toBe(409);
    expect(json(paid).error.code).toBe('receivable_closed');
  });

  it('refuses a new due date before today, naming the field with dd/mm/aaaa dates; a past one left alone stays', async () => {
    const cookie = await h.login(h.emails.operator);
    const today = todayInSaoPaulo();
    const yesterday = addDays(today, -1);
    const current = json(await h.asUser(cookie, `/api/receivables/${ids['S7']}`)).receivable.dueDate;
    const refused = await h.asUser(cookie, `/api/receivables/${ids['S7']}`, {
      method: 'PATCH',
      payload: { dueDate: yesterday },
    });
    expect(refused.statusCode).toBe(400);
    expect(json(refused).error).toMatchObject({
      code: 'validation',
      message: 'Vencimento anterior a hoje.',
      fields: [
        {
          path: 'dueDate',
          message: `o novo vencimento ${formatDateBR(yesterday)} é anterior a hoje (${formatDateBR(today)}); escolha hoje ou uma data futura`,
        },
      ],
    });
    expect(json(await h.asUser(cookie, `/api/receivables/${ids['S7']}`)).receivable.dueDate).toBe(current);
    // Today itself is a due date the título may take.
    const onToday = await h.asUser(cookie, `/api/receivables/${ids['S7']}`, {
      method: 'PATCH',
      payload: { dueDate: today },
    });
    expect(onToday.statusCode).toBe(200);
    // S1 is already past due: changing its nota fiscal does not touch the rule.
    const invoice = await h.asUser(cookie, `/api/receivables/${ids['S1']}`, {
      method: 'PATCH',
      payload: { invoiceNumber: 'NF-77' },
    });
    expect(invoice.statusCode).toBe(200);
    expect(json(invoice)).toMatchObject({ dueDate: '2026-02-05', invoiceNumber: 'NF-77' });
  });
});

describe('GET /api/receivables filters, sort and pagination', () => {
  let cookie: string;
  beforeAll(async () => {
    cookie = await h.login(h.emails.operator);
  });
  const list = async (query: string) => {
    const response = await h.asUser(cookie, `/api/receivables?companyId=${h.companies.sul}&${query}`);
    return { status: response.statusCode, body: json(response) };
  };
  const byAmount = [...sulTitles].sort((a, b) => a.amountCents - b.amountCents);

  it('sorts by amount both ways and pages through the result', async () => {
    const asc = await list('sort=amountCents&order=asc&pageSize=200');
    expect(asc.body.items.map((i: { number: string }) => i.number)).toEqual(byAmount.map((t) => t.number));
    const page2 = await list('sort=amountCents&order=desc&page=2&pageSize=3');
    expect(page2.body).toMatchObject({ total: 7, page: 2, pageSize: 3 });
    expect(page2.body.items.map((i: { number: string }) => i.number)).toEqual(
      [...byAmount]
        .reverse()
        .slice(3, 6)
        .map((t) => t.number),
    );
    const last = await list('sort=amountCents&order=desc&page=3&pageSize=3');
    expect(last.body.items).toHaveLength(1);
    const beyond = await list('page=9&pageSize=3');
    expect(beyond.body).toMatchObject({ items: [], total: 7 });
  });

  it('filters by due/issue dates, status list, text and customer', async () => {
    const due = await list('dueFrom=2026-03-01&dueTo=2026-06-01&sort=dueDate');
    expect(due.body.items.map((i: { number: string }) => i.number)).toEqual(['1002', '1003', '1004', '1005']);
    const issued = await list('issueFrom=2026-03-01');
    expect(issued.body.total).toBe(3);
    const status = await list('status=paid,cancelled&sort=number');
    expect(status.body.items.map((i: { number: string; status: string }) => [i.number, i.status])).toEqual([
      ['1002', 'paid'],
      ['1004', 'cancelled'],
    ]);
    const text = await list('q=2007');
    expect(text.body.items.map((i: { number: string }) => i.number)).toEqual(['2007']);
    const customerId = status.body.items[0].customerId;
    expect((await list(`customerId=${customerId}`)).body.total).toBe(7);
    const today = todayInSaoPaulo();
    const open = await list('status=open&pageSize=200');
    for (const item of open.body.items as { overdue: boolean; dueDate: string; openAmountCents: number }[])
      expect(item.overdue).toBe(item.dueDate < today && item.openAmountCents > 0);
  });

  it('rejects bad parameters naming each one', async () => {
    const bad = await list('sort=valor&pageSize=500&status=pago&dueFrom=2026-02-30');
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields.map((f: { path: string }) => f.path).sort()).toEqual([
      'dueFrom',
      'pageSize',
      'sort',
      'status',
    ]);
    expect(bad.body.error.fields.find((f: { path: string }) => f.path === 'status').message).toContain(
      '"pago"',
    );
    const noCompany = await h.asUser(cookie, '/api/receivables');
    expect(noCompany.statusCode).toBe(400);
    expect(json(noCompany).error.fields[0].path).toBe('companyId');
  });

  it('lists customers of the company', async () => {
    const response = await h.asUser(cookie, `/api/customers?companyId=${h.companies.sul}`);
    expect(response.statusCode).toBe(200);
    expect(json(response)).toMatchObject({
      total: 1,
      items: [{ erpKey: 'CLI-1', name: 'Cliente Sul', document: '52998224725', companyId: h.companies.sul }],
    });
  });
});

describe('service endpoints', () => {
  it('/healthz reports the database kind', async () => {
    const response = await h.app.inject({ url: '/healthz' });
    expect(response.statusCode).toBe(200);
    expect(json(response)).toEqual({ status: 'ok', database: h.store.kind });
  });

  it('/docs/json is the OpenAPI document with every route; /docs serves the UI', async () => {
    const doc = json(await h.app.inject({ url: '/docs/json' }));
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/healthz',
        '/api/session',
        '/api/receivables',
        '/api/receivables/{id}',
        '/api/customers',
        '/api/v1/customers/{erpKey}',
        '/api/v1/customers',
        '/api/v1/receivables/{erpKey}',
        '/api/v1/receivables',
      ]),
    );
    const put = doc.paths['/api/v1/receivables/{erpKey}'].put;
    expect(Object.keys(put.responses)).toEqual(expect.arrayContaining(['200', '201', '400', '409', '422']));
    const ref = String(put.requestBody.content['application/json'].schema.$ref).split('/').pop()!;
    expect(Object.keys(doc.components.schemas[ref].properties)).toEqual(
      expect.arrayContaining(['customerErpKey', 'amountCents', 'issueDate', 'dueDate']),
    );
    const ui = await h.app.inject({ url: '/docs' });
    expect(ui.statusCode).toBe(200);
    expect(ui.headers['content-type']).toContain('text/html');
  });

  it('/healthz answers 503 when the database is gone', async () => {
    const { store, close } = await openTestStore();
    const app = await buildApp({
      store,
      jobs: h.jobs,
      webRoot: '/nonexistent',
      platforms: testPlatformDeps(),
    });
    try {
      await close();
      const response = await app.inject({ url: '/healthz' });
      expect(response.statusCode).toBe(503);
      expect(json(response)).toMatchObject({ status: 'error', database: store.kind });
    } finally {
      await app.close();
    }
  });

  it('unknown API routes answer 404 in the error shape', async () => {
    const response = await h.app.inject({ url: '/api/nada' });
    expect(response.statusCode).toBe(404);
    expect(json(response).error.code).toBe('not_found');
  });

  it('serves the built console with SPA fallback when the web root exists', async () => {
    const webRoot = mkdtempSync(join(tmpdir(), 'finconsole-web-'));
    try {
      writeFileSync(join(webRoot, 'index.html'), '<!doctype html><title>finconsole</title>');
      writeFileSync(join(webRoot, 'app.js'), 'console.log(1)');
      const app = await buildApp({ store: h.store, jobs: h.jobs, webRoot, platforms: testPlatformDeps() });
      try {
        expect((await app.inject({ url: '/' })).body).toContain('<title>finconsole</title>');
        expect((await app.inject({ url: '/titulos/123' })).body).toContain('<title>finconsole</title>');
        expect((await app.inject({ url: '/app.js' })).body).toBe('console.log(1)');
        const api = await app.inject({ url: '/api/nada' });
        expect(api.statusCode).toBe(404);
        expect(json(api).error.code).toBe('not_found');
      } finally {
        await app.close();
      }
    } finally {
      rmSync(webRoot, { recursive: true, force: true });
    }
  });
});

describe('ERP API tokens from the console', () => {
  const createToken = (cookie: string, companyId: string, name: string) =>
    h.asUser(cookie, '/api/api-tokens', { method: 'POST', payload: { companyId, name } });

  it('an admin creates a token for a child (shown once, works at once), lists and revokes it', async () => {
    const cookie = await h.login(h.emails.admin);
    const created = await createToken(cookie, h.companies.norte, 'ERP Norte 2');
    expect(created.statusCode).toBe(201);
    const token = json(created);
    expect(token).toMatchObject({ companyId: h.companies.norte, name: 'ERP Norte 2', revokedAt: null });
    expect(token.token).toMatch(/^fct_/);
    const use = await h.asErp(token.token, '/api/v1/receivables');
    expect(json(use).total).toBe(norteTitles.length);

    const list = json(await h.asUser(cookie, `/api/api-tokens?companyId=${h.companies.group}`));
    const listed = list.items.find((t: { id: string }) => t.id === token.id);
    expect(listed).toMatchObject({ name: 'ERP Norte 2', companyId: h.companies.norte });
    expect(listed.token).toBeUndefined();
    expect(JSON.stringify(list)).not.toContain(token.token);

    const revoke = await h.asUser(cookie, `/api/api-tokens/${token.id}`, { method: 'DELETE' });
    expect(revoke.statusCode).toBe(204);
    expect((await h.asErp(token.token, '/api/v1/receivables')).statusCode).toBe(401);
  });

  it('operators and viewers cannot manage tokens; other groups cannot see or revoke them', async () => {
    const operator = await h.login(h.emails.operator);
    const denied = await createToken(operator, h.companies.sul, 'x');
    expect(denied.statusCode).toBe(403);
    const admin = await h.login(h.emails.admin);
    const mine = json(await createToken(admin, h.companies.sul, 'ERP Sul 2'));
    const outsider = await h.login(h.emails.otherAdmin);
    expect((await h.asUser(outsider, `/api/api-tokens?companyId=${h.companies.sul}`)).statusCode).toBe(403);
    const revoke = await h.asUser(outsider, `/api/api-tokens/${mine.id}`, { method: 'DELETE' });
    expect(revoke.statusCode).toBe(404);
    expect((await h.asErp(mine.token, '/api/v1/customers')).statusCode).toBe(200);
  });
});
