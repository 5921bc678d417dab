/**
 * What a request meets before any route logic (issue 8 "API validation details", issue 14 "Hostile input"), over
 * real HTTP (app.inject) against a real store: missing fields say "obrigatório", an impossible date is the only
 * error about dates, JSON syntax errors and refused keys are pt-BR and say what was refused, the NUL character is a
 * field error everywhere (login included, no credentials needed), an erpKey over 100 characters and an unknown URL
 * parameter get our error shape naming the field, UFs come from IBGE's list and phones are stored in one form.
 */
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, json, startHarness, type Harness } from './harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

type Field = { path: string; message: string };
const fieldsOf = (response: LightMyRequestResponse) => json(response).error.fields as Field[];

const receivable = (overrides: Record<string, unknown> = {}) => ({
  customerErpKey: 'CLI-B',
  document: 'PED-1',
  number: '1',
  issueDate: '2026-03-01',
  dueDate: '2026-03-31',
  amountCents: 10_000,
  ...overrides,
});

const rawPut = (url: string, payload: string) =>
  h.app.inject({
    method: 'PUT',
    url,
    payload,
    headers: { ...bearer(h.tokens.sul), 'content-type': 'application/json' },
  });

describe('validation messages', () => {
  it('a missing field is "obrigatório", not the message about its type', async () => {
    const { amountCents: _, document: __, ...body } = receivable();
    const response = await h.erpPut('receivables', h.tokens.sul, 'TIT-B1', body);
    expect(response.statusCode).toBe(400);
    expect(fieldsOf(response)).toEqual([
      { path: 'document', message: 'obrigatório' },
      { path: 'amountCents', message: 'obrigatório' },
    ]);
    const login = await h.app.inject({ method: 'POST', url: '/api/session', payload: { email: 'a@b.c' } });
    expect(fieldsOf(login)).toEqual([{ path: 'password', message: 'obrigatório' }]);
  });

  it('an impossible date is reported once, without a comparison against it', async () => {
    const response = await h.erpPut(
      'receivables',
      h.tokens.sul,
      'TIT-B2',
      receivable({ dueDate: '2026-02-30' }),
    );
    expect(fieldsOf(response)).toEqual([
      {
        path: 'dueDate',
        message: '"2026-02-30" não é uma data válida: use AAAA-MM-DD com um dia que exista no calendário',
      },
    ]);
    // Both dates real: the order rule still holds.
    const before = await h.erpPut(
      'receivables',
      h.tokens.sul,
      'TIT-B2',
      receivable({ dueDate: '2026-02-28' }),
    );
    expect(fieldsOf(before)).toEqual([
      { path: 'dueDate', message: 'vencimento 2026-02-28 é anterior à emissão 2026-03-01' },
    ]);
  });

  it('UF must be one of the 27 (IBGE); lower case is stored upper case', async () => {
    const customer = (state: string) => ({ name: 'Ana', document: '123.456.789-09', address: { state } });
    const bad = await h.erpPut('customers', h.tokens.sul, 'CLI-UF', customer('XX'));
    expect(fieldsOf(bad)).toEqual([
      { path: 'address.state', message: 'UF "XX" não existe; use a sigla de um estado ou DF (ex.: SP)' },
    ]);
    const ok = await h.erpPut('customers', h.tokens.sul, 'CLI-UF', customer('df'));
    expect(ok.statusCode).toBe(201);
    expect(json(ok).address.state).toBe('DF');
  });

  it('phones are stored in one form: national digits, DDD first, with or without +55 and punctuation', async () => {
    const put = (erpKey: string, phone: string) =>
      h.erpPut('customers', h.tokens.sul, erpKey, { name: 'Ana', document: '123.456.789-09', phone });
    for (const [erpKey, phone] of [
      ['CLI-F1', '(11) 98765-4321'],
      ['CLI-F2', '+55 11 98765-4321'],
      ['CLI-F3', '5511987654321'],
    ] as const) {
      const response = await put(erpKey, phone);
      expect(response.statusCode).toBe(201);
      expect(json(response).phone).toBe('11987654321');
    }
    expect(json(await put('CLI-F4', '(11) 3333-4444')).phone).toBe('1133334444');
    const bad = await put('CLI-F5', '98765-4321');
    expect(fieldsOf(bad)[0]?.path).toBe('phone');
  });
});

describe('JSON bodies', () => {
  it('a syntax error is pt-BR and says where', async () => {
    const response = await rawPut('/api/v1/customers/CLI-J', '{"name": "Ana",\n "document" 1}');
    expect(response.statusCode).toBe(400);
    expect(json(response).error).toEqual({
      code: 'invalid_json',
      message: 'O corpo da requisição não é um JSON válido: erro de sintaxe na linha 2, coluna 13.',
      fields: [{ path: 'body', message: 'erro de sintaxe na linha 2, coluna 13' }],
    });
    const cut = await rawPut('/api/v1/customers/CLI-J', '{"name": "Ana"');
    expect(json(cut).error.message).toContain('termina antes de fechar');
    const empty = await rawPut('/api/v1/customers/CLI-J', '');
    expect(json(empty).error.message).toContain('está vazio');
  });

  it('a __proto__ or constructor.prototype key is refused by name, wherever it is', async () => {
    const response = await rawPut(
      '/api/v1/customers/CLI-P',
      '{"name":"Ana","document":"12345678909","address":{"__proto__":{"admin":true}}}',
    );
    expect(response.statusCode).toBe(400);
    const error = json(response).error;
    expect(error.code).toBe('validation');
    expect(error.fields).toEqual([
      { path: 'address.__proto__', message: expect.stringContaining('chave recusada') },
    ]);
    const login = await h.app.inject({
      method: 'POST',
      url: '/api/session',
      headers: { 'content-type': 'application/json' },
      payload: '{"email":"a@b.c","password":"x","constructor":{"prototype":{"x":1}}}',
    });
    expect(fieldsOf(login).map((f) => f.path)).toEqual(['constructor.prototype']);
  });
});

describe('the NUL character', () => {
  const nul = 'a\u0000b';

  it('is a field error at login, with no credentials', async () => {
    const response = await h.app.inject({
      method: 'POST',
      url: '/api/session',
      payload: { email: `${nul}@x.y`, password: 'x' },
    });
    expect(response.statusCode).toBe(400);
    expect(fieldsOf(response)).toEqual([
      { path: 'email', message: 'contém o caractere nulo (U+0000), que não é aceito' },
    ]);
  });

  it('is a field error in URL parameters, paths, nested bodies and keys, on console and ERP routes', async () => {
    const cookie = await h.login(h.emails.admin);
    const cases = [
      [h.asErp(h.tokens.sul, '/api/v1/customers?q=a%00b'), 'q'],
      [h.asErp(h.tokens.sul, '/api/v1/receivables?customerErpKey=a%00b'), 'customerErpKey'],
      [h.asUser(cookie, `/api/receivables?companyId=${h.companies.sul}&q=%00`), 'q'],
      [h.asUser(cookie, `/api/customers?companyId=${h.companies.sul}&q=x%00`), 'q'],
      [h.asErp(h.tokens.sul, '/api/v1/customers/a%00b'), 'erpKey'],
      [h.erpPut('customers', h.tokens.sul, 'CLI-N', { name: nul, document: '12345678909' }), 'name'],
      [
        h.erpPut('customers', h.tokens.sul, 'CLI-N', {
          name: 'Ana',
          document: '12345678909',
          address: { city: nul },
          establishments: [{ erpKey: 'E1', name: nul, document: '12345678909' }],
        }),
        'address.city',
      ],
      [h.erpPut('receivables', h.tokens.sul, 'TIT-N', receivable({ invoiceNumber: nul })), 'invoiceNumber'],
      [h.erpPut('customers', h.tokens.sul, 'CLI-N', { name: 'Ana', [nul]: 1 }), nul],
      [
        h.asUser(cookie, '/api/api-tokens', {
          method: 'POST',
          payload: { companyId: h.companies.sul, name: nul },
        }),
        'name',
      ],
    ] as const;
    for (const [request, path] of cases) {
      const response = await request;
      expect(response.statusCode, response.body).toBe(400);
      expect(json(response).error.code).toBe('validation');
      expect(fieldsOf(response)[0]).toEqual({ path, message: expect.stringContaining('caractere nulo') });
    }
    const nested = fieldsOf(await cases[6][0]);
    expect(nested.map((f) => f.path)).toEqual(['address.city', 'establishments.0.name']);
  });
});

describe('URL parameters and path length', () => {
  it('an erpKey over 100 characters gets our error shape naming the field', async () => {
    const response = await h.asErp(h.tokens.sul, `/api/v1/customers/${'a'.repeat(101)}`);
    expect(response.statusCode).toBe(400);
    expect(fieldsOf(response)).toEqual([{ path: 'erpKey', message: 'deve ter no máximo 100 caracteres' }]);
    const put = await h.erpPut('receivables', h.tokens.sul, 'T'.repeat(500), receivable());
    expect(fieldsOf(put)).toEqual([{ path: 'erpKey', message: 'deve ter no máximo 100 caracteres' }]);
  });

  it('an unknown URL parameter is refused by name, listing the accepted ones', async () => {
    const response = await h.asErp(h.tokens.sul, '/api/v1/receivables?statuss=paid');
    expect(response.statusCode).toBe(400);
    expect(fieldsOf(response)).toEqual([
      {
        path: 'statuss',
        message: expect.stringMatching(/^parâmetro desconhecido; os aceitos são: customerErpKey, .*status, /),
      },
    ]);
    const cookie = await h.login(h.emails.admin);
    const console = await h.asUser(cookie, `/api/receivables?companyId=${h.companies.sul}&pagesize=5`);
    expect(fieldsOf(console).map((f) => f.path)).toEqual(['pagesize']);
  });

  it('a route without URL parameters refuses any', async () => {
    const response = await h.asErp(h.tokens.sul, '/api/v1/customers/CLI-1?expand=all');
    expect(response.statusCode).toBe(400);
    expect(fieldsOf(response)).toEqual([
      { path: 'expand', message: 'parâmetro desconhecido: esta rota não aceita parâmetros na URL' },
    ]);
  });
});
