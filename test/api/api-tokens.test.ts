/** ERP API tokens: optional expiry, scopes, last use, rotation with two valid tokens for a grace period. */
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

const create = (payload: object) => h.asUser(admin, '/api/api-tokens', { method: 'POST', payload });
const customer = {
  name: 'Cliente Escopo Ltda.',
  document: '11222333000181',
  email: 'financeiro@escopo.com.br',
};

describe('token expiry', () => {
  it('a token with a past expiry is refused with 401; a future expiry in the past is refused at creation', async () => {
    const past = await create({
      companyId: h.companies.sul,
      name: 'velho',
      expiresAt: '2020-01-01T00:00:00Z',
    });
    expect(past.statusCode).toBe(400);
    expect(json(past).error.fields).toEqual([
      { path: 'expiresAt', message: 'expiresAt deve estar no futuro' },
    ]);

    const soon = json(
      await create({ companyId: h.companies.sul, name: 'curto', expiresAt: '2099-01-01T00:00:00-03:00' }),
    );
    expect(soon.expiresAt).toBe('2099-01-01T03:00:00.000Z');
    expect((await h.asErp(soon.token, '/api/v1/customers')).statusCode).toBe(200);
    await h.store.sql.executeSql(
      `UPDATE api_tokens SET expires_at = now() - interval '1 second' WHERE id = $1`,
      [soon.id],
    );
    const refused = await h.asErp(soon.token, '/api/v1/customers');
    expect(refused.statusCode).toBe(401);
    expect(json(refused).error.message).toContain('expirado');
  });
});

describe('token scopes', () => {
  it('read_only reads everything and writes nothing', async () => {
    const reader = json(await create({ companyId: h.companies.sul, name: 'leitor', scopes: ['read_only'] }));
    expect(reader.scopes).toEqual(['read_only']);
    expect((await h.asErp(reader.token, '/api/v1/receivables')).statusCode).toBe(200);
    expect((await h.asErp(reader.token, '/api/v1/customers')).statusCode).toBe(200);
    const write = await h.erpPut('customers', reader.token, 'C-ESCOPO', customer);
    expect(write.statusCode).toBe(403);
    expect(json(write).error).toMatchObject({ code: 'insufficient_scope' });
    expect(json(write).error.message).toContain('somente leitura');
  });

  it('a customers token writes customers and cannot reach títulos or portadores', async () => {
    const scoped = json(
      await create({ companyId: h.companies.sul, name: 'clientes', scopes: ['customers'] }),
    );
    expect((await h.erpPut('customers', scoped.token, 'C-ESCOPO', customer)).statusCode).toBe(201);
    const titles = await h.asErp(scoped.token, '/api/v1/receivables');
    expect(titles.statusCode).toBe(403);
    expect(json(titles).error.message).toContain('Títulos');
    expect((await h.asErp(scoped.token, '/api/v1/portadores')).statusCode).toBe(403);
    // read_only + receivables: reads títulos only.
    const both = json(
      await create({
        companyId: h.companies.sul,
        name: 'títulos leitura',
        scopes: ['read_only', 'receivables'],
      }),
    );
    expect((await h.asErp(both.token, '/api/v1/receivables')).statusCode).toBe(200);
    expect((await h.asErp(both.token, '/api/v1/customers')).statusCode).toBe(403);
  });

  it('an unknown scope is refused naming the field', async () => {
    const bad = await create({ companyId: h.companies.sul, name: 'x', scopes: ['admin'] });
    expect(bad.statusCode).toBe(400);
    expect(json(bad).error.fields[0].path).toBe('scopes.0');
  });
});

describe('last use and rotation', () => {
  it('shows the last use; rotation issues a new token and both work until the grace period ends', async () => {
    const original = json(
      await create({ companyId: h.companies.norte, name: 'ERP rotação', scopes: ['receivables'] }),
    );
    expect(original.lastUsedAt).toBeNull();
    expect((await h.asErp(original.token, '/api/v1/receivables')).statusCode).toBe(200);
    const list = json(await h.asUser(admin, `/api/api-tokens?companyId=${h.companies.norte}`));
    expect(list.items.find((t: { id: string }) => t.id === original.id).lastUsedAt).not.toBeNull();

    const rotated = await h.asUser(admin, `/api/api-tokens/${original.id}/rotate`, {
      method: 'POST',
      payload: { graceHours: 2 },
    });
    expect(rotated.statusCode).toBe(201);
    const next = json(rotated);
    expect(next).toMatchObject({
      name: 'ERP rotação',
      companyId: h.companies.norte,
      scopes: ['receivables'],
    });
    expect(next.token).not.toBe(original.token);
    // Both valid during the grace period.
    expect((await h.asErp(original.token, '/api/v1/receivables')).statusCode).toBe(200);
    expect((await h.asErp(next.token, '/api/v1/receivables')).statusCode).toBe(200);
    const after = json(await h.asUser(admin, `/api/api-tokens?companyId=${h.companies.norte}`));
    const old = after.items.find((t: { id: string }) => t.id === original.id);
    const hours = (new Date(old.expiresAt).getTime() - Date.now()) / 3_600_000;
    expect(hours).toBeGreaterThan(1.9);
    expect(hours).toBeLessThanOrEqual(2);
    // The grace period ends: only the new one works.
    await h.store.sql.executeSql(
      `UPDATE api_tokens SET expires_at = now() - interval '1 second' WHERE id = $1`,
      [original.id],
    );
    expect((await h.asErp(original.token, '/api/v1/receivables')).statusCode).toBe(401);
    expect((await h.asErp(next.token, '/api/v1/receivables')).statusCode).toBe(200);
    // An expired token cannot be rotated again.
    const again = await h.asUser(admin, `/api/api-tokens/${original.id}/rotate`, {
      method: 'POST',
      payload: {},
    });
    expect(again.statusCode).toBe(409);
  });
});
