/**
 * Bank accounts and portadores over real HTTP (app.inject) against a real store: ERP upserts by key (201, then 200
 * and one row), field-named 400/409/422, company scoping for tokens and console users, the console's create and
 * edit, títulos addressed to a portador by its ERP key, and the OpenAPI document. Account vectors come from
 * independent implementations (see test/domain/banking/account.test.ts): Itaú 2545 / 02366-1 and 1874 / 10009-0,
 * Banco do Brasil 1584-9 / 00210169-6.
 */
import { and, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listHistory } from '../../src/store/history.js';
import * as schema from '../../src/store/schema.js';
import { json, startHarness, type Harness, type RequestInit } from './harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

const itau = (overrides: Record<string, unknown> = {}) => ({
  name: 'Itaú cobrança',
  bankCode: '341',
  agency: '2545',
  account: '2366',
  accountDigit: '1',
  pixKeyType: 'cnpj',
  pixKey: '12.ABC.345/01DE-35',
  ...overrides,
});

const put = (
  resource: 'bank-accounts' | 'portadores' | 'receivables',
  token: string,
  key: string,
  body: object,
) => h.asErp(token, `/api/v1/${resource}/${key}`, { method: 'PUT', payload: body });

type Field = { path: string; message: string };
const fieldsOf = (response: Parameters<typeof json>[0]) =>
  (json(response).error.fields as Field[]).map((field) => [field.path, field.message]);

describe('PUT /api/v1/bank-accounts/:erpKey', () => {
  it('creates (201) with the numbers normalized, then the same body is a 200 no-op with one row', async () => {
    const first = await put('bank-accounts', h.tokens.sul, 'ITAU-2545', itau());
    expect(first.statusCode).toBe(201);
    expect(json(first)).toMatchObject({
      erpKey: 'ITAU-2545',
      companyId: h.companies.sul,
      bankCode: '341',
      bankLabel: '341-Itaú Unibanco',
      agency: '2545',
      agencyDigit: null,
      account: '02366',
      accountDigit: '1',
      pixKeyType: 'cnpj',
      pixKey: '12ABC34501DE35',
    });
    const second = await put('bank-accounts', h.tokens.sul, 'ITAU-2545', itau());
    expect(second.statusCode).toBe(200);
    expect(json(second)).toEqual(json(first));
    const [row] = await h.store.db
      .select({ n: count() })
      .from(schema.bankAccounts)
      .where(
        and(eq(schema.bankAccounts.companyId, h.companies.sul), eq(schema.bankAccounts.erpKey, 'ITAU-2545')),
      );
    expect(row?.n).toBe(1);
    expect((await listHistory(h.store.db, 'bank_account', json(first).id)).map((e) => e.action)).toEqual([
      'created',
    ]);
  });

  it('computes the agência DV when omitted (Banco do Brasil) and reads it back by key', async () => {
    const response = await put('bank-accounts', h.tokens.sul, 'BB-1584', {
      bankCode: '001',
      agency: '1584',
      account: '210169',
      accountDigit: '6',
    });
    expect(response.statusCode).toBe(201);
    const read = await h.asErp(h.tokens.sul, '/api/v1/bank-accounts/BB-1584');
    expect(json(read)).toMatchObject({
      agency: '1584',
      agencyDigit: '9',
      account: '00210169',
      accountDigit: '6',
    });
  });

  it('names each wrong field in pt-BR (400 validation)', async () => {
    const response = await put(
      'bank-accounts',
      h.tokens.sul,
      'ITAU-ERR',
      itau({ accountDigit: '7', agencyDigit: '3', pixKeyType: 'phone', pixKey: '98765-4321' }),
    );
    expect(response.statusCode).toBe(400);
    expect(json(response).error.code).toBe('validation');
    expect(fieldsOf(response)).toEqual([
      ['agencyDigit', 'o Itaú Unibanco não usa dígito na agência; deixe o dígito da agência vazio'],
      [
        'accountDigit',
        'dígito da conta não confere: para a agência 2545 e a conta 02366 do Itaú Unibanco o dígito é 1 (recebido 7)',
      ],
      ['pixKey', 'chave telefone "98765-4321" deve ser +55, DDD e número (ex.: +5511987654321)'],
    ]);
  });

  it('asks for the missing half of a PIX key and for a 3-digit bank code', async () => {
    const noType = await put('bank-accounts', h.tokens.sul, 'X', itau({ pixKeyType: undefined }));
    expect(fieldsOf(noType)).toEqual([
      ['pixKeyType', 'informe o tipo da chave PIX (cpf, cnpj, email, phone, evp)'],
    ]);
    const badBank = await put('bank-accounts', h.tokens.sul, 'X', itau({ bankCode: '34' }));
    expect(fieldsOf(badBank)).toEqual([
      ['bankCode', 'código do banco "34" deve ter 3 dígitos (ex.: 001, 341)'],
    ]);
  });

  it('refuses another agência or conta under the same key (409 immutable_field); the PIX key may change', async () => {
    const moved = await put(
      'bank-accounts',
      h.tokens.sul,
      'ITAU-2545',
      itau({ agency: '1874', account: '10009', accountDigit: '0' }),
    );
    expect(moved.statusCode).toBe(409);
    expect(json(moved).error.code).toBe('immutable_field');
    expect(fieldsOf(moved).map(([path]) => path)).toEqual(['agency', 'account']);
    const pix = await put(
      'bank-accounts',
      h.tokens.sul,
      'ITAU-2545',
      itau({ pixKeyType: 'email', pixKey: 'Cobranca@Sul.example' }),
    );
    expect(pix.statusCode).toBe(200);
    expect(json(pix)).toMatchObject({ pixKeyType: 'email', pixKey: 'cobranca@sul.example' });
  });

  it('keeps each company to its own accounts (token scoping)', async () => {
    expect((await h.asErp(h.tokens.norte, '/api/v1/bank-accounts/ITAU-2545')).statusCode).toBe(404);
    const norte = json(await h.asErp(h.tokens.norte, '/api/v1/bank-accounts'));
    expect(norte.items.map((a: { erpKey: string }) => a.erpKey)).toEqual(['ITAU-1234']);
    const sul = json(
      await h.asErp(h.tokens.sul, '/api/v1/bank-accounts?bankCode=341&sort=erpKey&order=desc'),
    );
    expect(sul.items.map((a: { erpKey: string }) => a.erpKey)).toEqual(['ITAU-2545', 'ITAU-1234']);
    const byText = json(await h.asErp(h.tokens.sul, '/api/v1/bank-accounts?q=cobranca%40sul'));
    expect(byText.items.map((a: { erpKey: string }) => a.erpKey)).toEqual(['ITAU-2545']);
  });
});

describe('PUT /api/v1/portadores/:erpKey', () => {
  it('links a portador to a bank account by its ERP key (201, then 200)', async () => {
    const body = { name: 'Itaú carteira 109', bankAccountErpKey: 'ITAU-2545', carteira: '109' };
    const first = await put('portadores', h.tokens.sul, 'ITAU-2545-109', body);
    expect(first.statusCode).toBe(201);
    expect(json(first)).toMatchObject({
      erpKey: 'ITAU-2545-109',
      bankAccountErpKey: 'ITAU-2545',
      bankLabel: '341-Itaú Unibanco',
      carteira: '109',
      convenio: null,
    });
    const again = await put('portadores', h.tokens.sul, 'ITAU-2545-109', body);
    expect(again.statusCode).toBe(200);
    expect(json(again)).toEqual(json(first));
  });

  it('a portador without a bank account is a carteira on the pseudo-bank 0-Carteira', async () => {
    const response = await put('portadores', h.tokens.sul, 'EFI', {
      name: 'Efí — boleto híbrido',
      bankAccountErpKey: null,
      convenio: 'efi-sul',
    });
    expect(response.statusCode).toBe(201);
    expect(json(response)).toMatchObject({
      bankAccountId: null,
      bankAccountErpKey: null,
      bankLabel: '0-Carteira',
    });
    const carteiras = json(await h.asErp(h.tokens.sul, '/api/v1/portadores?bankCode=0'));
    expect(carteiras.items.map((p: { erpKey: string }) => p.erpKey)).toEqual(['EFI']);
    const itauOnes = json(await h.asErp(h.tokens.sul, '/api/v1/portadores?bankCode=341&sort=erpKey'));
    expect(itauOnes.items.map((p: { erpKey: string }) => p.erpKey)).toEqual(['ITAU-109', 'ITAU-2545-109']);
  });

  it('an unknown bank account key is a 422 naming bankAccountErpKey; another company’s key is unknown too', async () => {
    const response = await put('portadores', h.tokens.norte, 'N-1', {
      name: 'X',
      bankAccountErpKey: 'ITAU-2545',
    });
    expect(response.statusCode).toBe(422);
    expect(json(response).error.code).toBe('reference_not_found');
    expect(fieldsOf(response)).toEqual([
      [
        'bankAccountErpKey',
        'conta bancária "ITAU-2545" não existe nesta empresa; envie antes PUT /api/v1/bank-accounts/ITAU-2545',
      ],
    ]);
    const missingName = await put('portadores', h.tokens.norte, 'N-1', { carteira: '1' });
    // A field left out says so, whatever the schema says of a wrong value (issue 8).
    expect(fieldsOf(missingName)).toEqual([['name', 'obrigatório']]);
  });
});

describe('títulos with portadorErpKey', () => {
  const receivable = (overrides: Record<string, unknown>) => ({
    customerErpKey: 'CLI-B1',
    document: 'PED-1',
    number: '1',
    issueDate: '2026-03-01',
    dueDate: '2026-03-31',
    amountCents: 10_000,
    ...overrides,
  });

  beforeAll(async () => {
    const customer = await h.erpPut('customers', h.tokens.sul, 'CLI-B1', {
      name: 'Cliente',
      document: '123.456.789-09',
    });
    expect(customer.statusCode).toBe(201);
  });

  it('accepts the portador by its ERP key and shows it on the título (ERP and console views)', async () => {
    const created = await put('receivables', h.tokens.sul, 'T-B1', receivable({ portadorErpKey: 'EFI' }));
    expect(created.statusCode).toBe(201);
    const portador = json(await h.asErp(h.tokens.sul, '/api/v1/portadores/EFI'));
    expect(json(created)).toMatchObject({
      portadorId: portador.id,
      portadorErpKey: 'EFI',
      portadorName: 'Efí — boleto híbrido',
    });
    const moved = await put(
      'receivables',
      h.tokens.sul,
      'T-B1',
      receivable({ portadorErpKey: 'ITAU-2545-109' }),
    );
    expect(moved.statusCode).toBe(200);
    expect(json(moved)).toMatchObject({ portadorErpKey: 'ITAU-2545-109' });
    const cookie = await h.login(h.emails.operator);
    const list = json(await h.asUser(cookie, `/api/receivables?companyId=${h.companies.sul}&q=T-B1`));
    expect(list.items[0]).toMatchObject({ erpKey: 'T-B1', portadorErpKey: 'ITAU-2545-109' });
    const cleared = await put('receivables', h.tokens.sul, 'T-B1', receivable({ portadorErpKey: null }));
    expect(json(cleared)).toMatchObject({ portadorId: null, portadorErpKey: null });
  });

  it('an unknown portadorErpKey is a 422 naming it; portadorId and portadorErpKey together are a 400', async () => {
    const unknown = await put(
      'receivables',
      h.tokens.norte,
      'T-B2',
      receivable({ customerErpKey: 'NONE', portadorErpKey: 'EFI' }),
    );
    expect(unknown.statusCode).toBe(422);
    expect(fieldsOf(unknown).map(([path]) => path)).toEqual(['customerErpKey', 'portadorErpKey']);
    expect(fieldsOf(unknown)[1]![1]).toBe(
      'portador "EFI" não existe nesta empresa; envie antes PUT /api/v1/portadores/EFI',
    );
    const both = await put(
      'receivables',
      h.tokens.sul,
      'T-B3',
      receivable({ portadorId: h.portadores.sul, portadorErpKey: 'EFI' }),
    );
    expect(both.statusCode).toBe(400);
    expect(fieldsOf(both)).toEqual([['portadorErpKey', 'informe portadorErpKey ou portadorId, não os dois']]);
  });
});

describe('console: Contas e portadores', () => {
  const asUser = async (email: string, url: string, init?: RequestInit) =>
    h.asUser(await h.login(email), url, init);

  it('an operator creates a bank account and a portador in its company, and edits them', async () => {
    const created = await asUser(h.emails.operator, '/api/bank-accounts', {
      method: 'POST',
      payload: {
        companyId: h.companies.sul,
        erpKey: 'ITAU-1874',
        bankCode: '341',
        agency: '1874',
        account: '10009',
        accountDigit: '0',
      },
    });
    expect(created.statusCode).toBe(201);
    const account = json(created);
    const duplicate = await asUser(h.emails.operator, '/api/bank-accounts', {
      method: 'POST',
      payload: {
        companyId: h.companies.sul,
        erpKey: 'ITAU-1874',
        bankCode: '341',
        agency: '1874',
        account: '10009',
        accountDigit: '0',
      },
    });
    expect(duplicate.statusCode).toBe(409);
    expect(json(duplicate).error).toMatchObject({ code: 'already_exists', fields: [{ path: 'erpKey' }] });

    const edited = await asUser(h.emails.operator, `/api/bank-accounts/${account.id}`, {
      method: 'PATCH',
      payload: {
        name: 'Itaú 1874',
        bankCode: '341',
        agency: '1874',
        account: '10009',
        accountDigit: '0',
        pixKeyType: 'evp',
        pixKey: '123e4567-e12b-12d1-a456-426655440000',
      },
    });
    expect(edited.statusCode).toBe(200);
    expect(json(edited)).toMatchObject({ id: account.id, name: 'Itaú 1874', pixKeyType: 'evp' });

    const portador = await asUser(h.emails.operator, '/api/portadores', {
      method: 'POST',
      payload: {
        companyId: h.companies.sul,
        erpKey: 'ITAU-1874-109',
        name: 'Itaú 1874 carteira 109',
        bankAccountErpKey: 'ITAU-1874',
        carteira: '109',
      },
    });
    expect(portador.statusCode).toBe(201);
    const toCarteira = await asUser(h.emails.operator, `/api/portadores/${json(portador).id}`, {
      method: 'PATCH',
      payload: { name: 'Carteira própria', bankAccountErpKey: null },
    });
    expect(json(toCarteira)).toMatchObject({ bankLabel: '0-Carteira', carteira: '109' });
  });

  it('scopes by company: other companies are 403 or 404, viewers may not write, the group sees its children', async () => {
    const intoNorte = await asUser(h.emails.operator, '/api/bank-accounts', {
      method: 'POST',
      payload: {
        companyId: h.companies.norte,
        erpKey: 'N-1',
        bankCode: '341',
        agency: '1874',
        account: '10009',
        accountDigit: '0',
      },
    });
    expect(intoNorte.statusCode).toBe(403);
    const sulAccount = json(await h.asErp(h.tokens.sul, '/api/v1/bank-accounts/ITAU-1874'));
    const otherEdit = await asUser(h.emails.otherAdmin, `/api/bank-accounts/${sulAccount.id}`, {
      method: 'PATCH',
      payload: { bankCode: '341', agency: '1874', account: '10009', accountDigit: '0', name: 'x' },
    });
    expect(otherEdit.statusCode).toBe(404);
    const viewer = await asUser(h.emails.viewer, '/api/portadores', {
      method: 'POST',
      payload: { companyId: h.companies.norte, erpKey: 'V-1', name: 'Leitura' },
    });
    expect(viewer.statusCode).toBe(403);
    const group = json(
      await asUser(h.emails.admin, `/api/portadores?companyId=${h.companies.group}&pageSize=200`),
    );
    const companies = new Set(group.items.map((p: { companyId: string }) => p.companyId));
    expect(companies).toEqual(new Set([h.companies.sul, h.companies.norte]));
    const norteOnly = json(await asUser(h.emails.viewer, `/api/portadores?companyId=${h.companies.norte}`));
    expect(norteOnly.items.map((p: { erpKey: string }) => p.erpKey)).toEqual(['ITAU-109']);
    expect((await asUser(h.emails.viewer, `/api/portadores?companyId=${h.companies.sul}`)).statusCode).toBe(
      403,
    );
  });
});

describe('OpenAPI', () => {
  it('lists the bank-account and portador routes with their schemas', async () => {
    const doc = json(await h.app.inject({ url: '/docs/json' }));
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/bank-accounts/{erpKey}',
        '/api/v1/bank-accounts',
        '/api/v1/portadores/{erpKey}',
        '/api/v1/portadores',
        '/api/bank-accounts',
        '/api/bank-accounts/{id}',
        '/api/portadores',
        '/api/portadores/{id}',
      ]),
    );
    const putAccount = doc.paths['/api/v1/bank-accounts/{erpKey}'].put;
    expect(Object.keys(putAccount.responses)).toEqual(
      expect.arrayContaining(['200', '201', '400', '409', '422']),
    );
    const ref = String(putAccount.requestBody.content['application/json'].schema.$ref).split('/').pop()!;
    expect(Object.keys(doc.components.schemas[ref].properties)).toEqual(
      expect.arrayContaining([
        'bankCode',
        'agency',
        'agencyDigit',
        'account',
        'accountDigit',
        'pixKeyType',
        'pixKey',
      ]),
    );
    const receivableRef = String(
      doc.paths['/api/v1/receivables/{erpKey}'].put.requestBody.content['application/json'].schema.$ref,
    )
      .split('/')
      .pop()!;
    expect(Object.keys(doc.components.schemas[receivableRef].properties)).toContain('portadorErpKey');
  });
});
