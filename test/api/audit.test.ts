/** The audit log: every write by a user or token, with before/after, append-only, admin-only, filterable. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { json, startHarness, type Harness } from './harness.js';

let h: Harness;
let admin: string;
beforeAll(async () => {
  h = await startHarness();
  admin = await h.login(h.emails.admin);
});
afterAll(async () => {
  await h.close();
});

const audit = (query: string, cookie = admin) =>
  h.asUser(cookie, `/api/audit?companyId=${h.companies.group}${query ? `&${query}` : ''}`);

describe('audit log', () => {
  it('records an ERP write with who, company, route, status and the record before/after', async () => {
    const body = { name: 'Cliente Auditado Ltda.', document: '11222333000181', email: 'fin@auditado.com.br' };
    const first = await h.erpPut('customers', h.tokens.sul, 'C-AUD', body);
    expect(first.statusCode).toBe(201);
    const second = await h.erpPut('customers', h.tokens.sul, 'C-AUD', {
      ...body,
      name: 'Cliente Auditado S.A.',
    });
    expect(second.statusCode).toBe(200);

    const page = json(await audit('action=PUT /api/v1/customers'));
    expect(page.items).toHaveLength(2);
    const [latest, earlier] = page.items;
    expect(latest).toMatchObject({
      actor: expect.stringMatching(/^api-token:/),
      actorName: 'ERP Sul',
      companyId: h.companies.sul,
      action: 'PUT /api/v1/customers/:erpKey',
      target: '/api/v1/customers/C-AUD',
      status: 200,
      requestId: second.headers['x-request-id'],
    });
    expect(earlier.requestId).toBe(first.headers['x-request-id']);
    const change = latest.changes.find((c: { entity: string }) => c.entity === 'customer');
    expect(change.before).toMatchObject({ name: 'Cliente Auditado Ltda.' });
    expect(change.after).toMatchObject({ name: 'Cliente Auditado S.A.' });
  });

  it('records console writes under the user, logins included; reads are not audited', async () => {
    const created = await h.asUser(admin, '/api/api-tokens', {
      method: 'POST',
      payload: { companyId: h.companies.norte, name: 'auditado' },
    });
    expect(created.statusCode).toBe(201);
    await h.asUser(admin, `/api/api-tokens?companyId=${h.companies.norte}`);
    const page = json(await audit('action=api-tokens'));
    expect(page.items.map((i: { action: string }) => i.action)).toEqual(['POST /api/api-tokens']);
    expect(page.items[0]).toMatchObject({ actorName: 'Admin', companyId: h.companies.norte, status: 201 });
    expect(page.items[0].changes[0]).toMatchObject({ entity: 'api_token', action: 'created' });
    expect(JSON.stringify(page)).not.toContain(json(created).token);

    const logins = json(await audit('action=POST /api/session'));
    expect(logins.items.length).toBeGreaterThanOrEqual(1);
    expect(logins.items[0]).toMatchObject({ actorName: 'Admin', status: 200 });
  });

  it('filters by actor, text and period; pages', async () => {
    const byText = json(await audit('q=C-AUD'));
    expect(byText.items.every((i: { target: string }) => i.target.includes('C-AUD'))).toBe(true);
    expect(byText.total).toBe(2);
    const actor = byText.items[0].actor;
    const byActor = json(await audit(`actor=${encodeURIComponent(actor)}`));
    expect(byActor.items.every((i: { actor: string }) => i.actor === actor)).toBe(true);
    const future = json(await audit('from=2999-01-01'));
    expect(future.items).toEqual([]);
    const today = new Date(Date.now() - 3 * 3_600_000).toISOString().slice(0, 10);
    expect(json(await audit(`from=${today}&to=${today}`)).total).toBe(json(await audit('')).total);
    const [oldest] = json(await audit('order=asc&pageSize=1')).items;
    const [newest] = json(await audit('pageSize=1')).items;
    expect(oldest.id).not.toBe(newest.id);
    expect(oldest.at <= newest.at).toBe(true);
    const paged = json(await audit('pageSize=1&page=2'));
    expect(paged.items).toHaveLength(1);
    expect(paged.total).toBeGreaterThan(2);
    const unknown = await audit('quem=x');
    expect(unknown.statusCode).toBe(400);
  });

  it('only admins read it, each in its own group', async () => {
    const operator = await h.login(h.emails.operator);
    const denied = await h.asUser(operator, `/api/audit?companyId=${h.companies.sul}`);
    expect(denied.statusCode).toBe(403);
    const outsider = await h.login(h.emails.otherAdmin);
    expect((await h.asUser(outsider, `/api/audit?companyId=${h.companies.group}`)).statusCode).toBe(403);
    const theirs = json(await h.asUser(outsider, `/api/audit?companyId=${h.companies.other}`));
    expect(theirs.items.every((i: { companyId: string }) => i.companyId === h.companies.other)).toBe(true);
  });

  it('is append-only: the database refuses UPDATE, DELETE and TRUNCATE', async () => {
    for (const statement of [
      `UPDATE audit_log SET status = 200`,
      `DELETE FROM audit_log`,
      `TRUNCATE audit_log`,
    ])
      await expect(h.store.sql.executeSql(statement)).rejects.toThrow(/somente inclusões/);
  });
});
