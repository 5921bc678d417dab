/**
 * ERP API (contract §7) over real HTTP (app.inject) against a real store: idempotent upserts by ERP key,
 * immutable fields, Idempotency-Key replay, field-named validation errors, and token scoping.
 * Document vectors: CPF 123.456.789-09 (check digits by the Receita Federal mod-11 rule) and the alphanumeric CNPJ
 * 12.ABC.345/01DE-35, the example of the Receita Federal "CNPJ Alfanumérico" technical note.
 */
import { and, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, formatDateBR, todayInSaoPaulo } from '../../src/domain/dates.js';
import { listHistory } from '../../src/store/history.js';
import { listMovements } from '../../src/store/ledger.js';
import * as schema from '../../src/store/schema.js';
import { postToLedger } from '../../src/store/ledger.js';
import { listEvents } from '../../src/store/outbox.js';
import { json, startHarness, type Harness } from './harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

const customerBody = (overrides: Record<string, unknown> = {}) => ({
  name: 'Maria da Silva',
  document: '123.456.789-09',
  email: 'maria@example.com',
  phone: '(11) 98765-4321',
  address: {
    street: 'Av. Paulista',
    number: '1000',
    city: 'São Paulo',
    state: 'SP',
    postalCode: '01310-100',
  },
  ...overrides,
});

const receivableBody = (overrides: Record<string, unknown> = {}) => ({
  customerErpKey: 'CLI-1',
  document: 'PED-500',
  number: '500',
  installment: 1,
  issueDate: '2026-03-01',
  dueDate: '2026-03-31',
  amountCents: 150_000,
  invoiceNumber: 'NF-77',
  ...overrides,
});

/** `PUT /api/v1/<resource>/<erpKey>` with a company token (see harness `erpPut`). */
type PutArgs = [token: string, erpKey: string, body: unknown, headers?: Record<string, string>];
const putCustomer = (...args: PutArgs) => h.erpPut('customers', ...args);
const putReceivable = (...args: PutArgs) => h.erpPut('receivables', ...args);

async function countRows(
  table: typeof schema.customers | typeof schema.receivables,
  companyId: string,
  erpKey: string,
) {
  const [row] = await h.store.db
    .select({ n: count() })
    .from(table)
    .where(and(eq(table.companyId, companyId), eq(table.erpKey, erpKey)));
  return row?.n ?? 0;
}

describe('PUT /api/v1/customers/:erpKey', () => {
  it('creates (201), then the same body is a no-op 200 with the same response and one row', async () => {
    const first = await putCustomer(h.tokens.sul, 'CLI-1', customerBody());
    expect(first.statusCode).toBe(201);
    const created = json(first);
    expect(created).toMatchObject({
      erpKey: 'CLI-1',
      companyId: h.companies.sul,
      document: '12345678909',
      phone: '11987654321',
      address: { state: 'SP', postalCode: '01310100', city: 'São Paulo' },
    });
    const second = await putCustomer(h.tokens.sul, 'CLI-1', customerBody());
    expect(second.statusCode).toBe(200);
    expect(json(second)).toEqual(created);
    expect(await countRows(schema.customers, h.companies.sul, 'CLI-1')).toBe(1);
    const history = await listHistory(h.store.db, 'customer', created.id);
    expect(history.map((row) => row.action)).toEqual(['created']);
  });

  it('concurrent identical requests create exactly one row (one 201, the others 200)', async () => {
    const responses = await Promise.all(
      Array.from({ length: 6 }, () =>
        putCustomer(h.tokens.sul, 'CLI-CONC', customerBody({ name: 'Concorrente' })),
      ),
    );
    const statuses = responses.map((r) => r.statusCode).sort();
    expect(statuses).toEqual([200, 200, 200, 200, 200, 201]);
    expect(new Set(responses.map((r) => json(r).id)).size).toBe(1);
    expect(await countRows(schema.customers, h.companies.sul, 'CLI-CONC')).toBe(1);
  });

  it('refuses a different document with 409 immutable_field naming the field, and changes nothing', async () => {
    const response = await putCustomer(
      h.tokens.sul,
      'CLI-1',
      customerBody({ document: '12.ABC.345/01DE-35' }),
    );
    expect(response.statusCode).toBe(409);
    const body = json(response);
    expect(body.error.code).toBe('immutable_field');
    expect(body.error.message).toContain('document');
    expect(body.error.fields).toEqual([
      { path: 'document', message: expect.stringContaining('"12345678909"') },
    ]);
    const current = json(await h.asErp(h.tokens.sul, '/api/v1/customers/CLI-1'));
    expect(current.document).toBe('12345678909');
  });

  it('updates mutable fields (200) and records the change in the history', async () => {
    const response = await putCustomer(
      h.tokens.sul,
      'CLI-1',
      customerBody({ email: 'financeiro@example.com' }),
    );
    expect(response.statusCode).toBe(200);
    const updated = json(response);
    expect(updated.email).toBe('financeiro@example.com');
    const history = await listHistory(h.store.db, 'customer', updated.id);
    expect(history.at(-1)).toMatchObject({
      action: 'updated',
      before: { email: 'maria@example.com' },
      after: { email: 'financeiro@example.com' },
      actor: expect.stringMatching(/^api-token:/),
    });
  });

  it('accepts an alphanumeric CNPJ and stores it normalized, with establishments', async () => {
    const response = await putCustomer(
      h.tokens.sul,
      'CLI-ALFA',
      customerBody({
        name: 'Alfa Comércio Ltda.',
        document: '12.abc.345/01de-35',
        establishments: [{ erpKey: 'FIL-1', name: 'Filial 1', document: '12.ABC.345/01DE-35' }],
      }),
    );
    expect(response.statusCode).toBe(201);
    expect(json(response)).toMatchObject({
      document: '12ABC34501DE35',
      establishments: [{ erpKey: 'FIL-1', document: '12ABC34501DE35' }],
    });
  });

  it('names each invalid field in pt-BR (bad CPF check digit, bad e-mail, unknown field)', async () => {
    const response = await putCustomer(
      h.tokens.sul,
      'CLI-BAD',
      customerBody({ document: '123.456.789-00', email: 'não-é-email', nome: 'x' }),
    );
    expect(response.statusCode).toBe(400);
    const body = json(response);
    expect(body.error.code).toBe('validation');
    const byPath = Object.fromEntries(
      body.error.fields.map((f: { path: string; message: string }) => [f.path, f.message]),
    );
    expect(byPath['nome']).toContain('campo desconhecido');
    const missing = await putCustomer(
      h.tokens.sul,
      'CLI-BAD',
      customerBody({ document: '123.456.789-00', email: 'x' }),
    );
    const fields = json(missing).error.fields as { path: string; message: string }[];
    expect(fields.find((f) => f.path === 'document')?.message).toContain(
      'CPF com dígito verificador inválido',
    );
    expect(fields.find((f) => f.path === 'email')?.message).toBe('e-mail inválido');
    expect(await countRows(schema.customers, h.companies.sul, 'CLI-BAD')).toBe(0);
  });
});

describe('PUT /api/v1/receivables/:erpKey', () => {
  beforeAll(async () => {
    expect([200, 201]).toContain((await putCustomer(h.tokens.sul, 'CLI-1', customerBody())).statusCode);
  });

  it('creates (201) with a created movement and one titulo.created outbox event; same body → 200, same response, one row', async () => {
    const first = await putReceivable(h.tokens.sul, 'TIT-1', receivableBody());
    expect(first.statusCode).toBe(201);
    const created = json(first);
    expect(created).toMatchObject({
      erpKey: 'TIT-1',
      customerErpKey: 'CLI-1',
      companyId: h.companies.sul,
      amountCents: 150_000,
      openAmountCents: 150_000,
      status: 'open',
      installment: 1,
    });
    const eventsOf = async () =>
      (await listEvents(h.store.db, { companyId: h.companies.sul, subjectId: created.id })).map(
        (e) => e.name,
      );
    expect(await eventsOf()).toEqual(['titulo.created']);
    const again = await putReceivable(h.tokens.sul, 'TIT-1', receivableBody());
    expect(again.statusCode).toBe(200);
    expect(json(again)).toEqual(created);
    expect(await countRows(schema.receivables, h.companies.sul, 'TIT-1')).toBe(1);
    const movements = await listMovements(h.store.db, created.id);
    expect(movements.map((m) => m.kind)).toEqual(['created']);
    expect(movements.map((m) => m.source)).toEqual(['erp-api']);
    expect(await eventsOf()).toEqual(['titulo.created']);
  });

  it('refuses changes to immutable fields with 409 naming every one of them', async () => {
    const response = await putReceivable(
      h.tokens.sul,
      'TIT-1',
      receivableBody({ amountCents: 160_000, issueDate: '2026-03-02' }),
    );
    expect(response.statusCode).toBe(409);
    const body = json(response);
    expect(body.error.code).toBe('immutable_field');
    expect(body.error.fields.map((f: { path: string }) => f.path).sort()).toEqual([
      'amountCents',
      'issueDate',
    ]);
    expect(body.error.fields.find((f: { path: string }) => f.path === 'amountCents').message).toContain(
      'gravado: 150000; recebido: 160000',
    );
    const other = await putCustomer(
      h.tokens.sul,
      'CLI-2',
      customerBody({ name: 'João', document: '529.982.247-25' }),
    );
    expect(other.statusCode).toBe(201);
    const moved = await putReceivable(h.tokens.sul, 'TIT-1', receivableBody({ customerErpKey: 'CLI-2' }));
    expect(moved.statusCode).toBe(409);
    expect(json(moved).error.fields).toEqual([
      { path: 'customerErpKey', message: expect.stringContaining('gravado: "CLI-1"; recebido: "CLI-2"') },
    ]);
  });

  it('updates mutable fields; lowering the open amount adds a negative adjustment the ledger sums to, and a history row', async () => {
    const later = addDays(todayInSaoPaulo(), 15);
    const response = await putReceivable(
      h.tokens.sul,
      'TIT-1',
      receivableBody({ dueDate: later, openAmountCents: 100_000 }),
    );
    expect(response.statusCode).toBe(200);
    const updated = json(response);
    expect(updated).toMatchObject({ dueDate: later, openAmountCents: 100_000, amountCents: 150_000 });
    const movements = await listMovements(h.store.db, updated.id);
    expect(movements.map((m) => m.kind)).toEqual(['created', 'adjustment']);
    // Open amount 1.500,00 lowered to 1.000,00: the adjustment takes 500,00 off, so it is negative, and the
    // ledger still adds up to the open amount the API reports (+150.000 − 50.000 = 100.000).
    expect(movements[1]!.amountCents).toBe(100_000 - 150_000);
    expect(movements.reduce((sum, m) => sum + m.amountCents, 0)).toBe(updated.openAmountCents);
    const history = await listHistory(h.store.db, 'receivable', updated.id);
    expect(history.at(-1)).toMatchObject({
      action: 'updated',
      before: { dueDate: '2026-03-31', openAmountCents: 150_000 },
      after: { dueDate: later, openAmountCents: 100_000 },
    });
  });

  it('creates a título with a past due date but refuses changing a due date to before today', async () => {
    const created = await putReceivable(h.tokens.sul, 'TIT-PASSADO', receivableBody({ number: '502' }));
    expect(created.statusCode).toBe(201);
    expect(json(created)).toMatchObject({ dueDate: '2026-03-31', overdue: true });
    const today = todayInSaoPaulo();
    const yesterday = addDays(today, -1);
    const moved = await putReceivable(
      h.tokens.sul,
      'TIT-PASSADO',
      receivableBody({ number: '502', dueDate: yesterday }),
    );
    expect(moved.statusCode).toBe(400);
    expect(json(moved).error).toMatchObject({
      code: 'validation',
      fields: [
        {
          path: 'dueDate',
          message: `o novo vencimento ${formatDateBR(yesterday)} é anterior a hoje (${formatDateBR(today)}); escolha hoje ou uma data futura`,
        },
      ],
    });
    expect(json(await h.asErp(h.tokens.sul, '/api/v1/receivables/TIT-PASSADO')).dueDate).toBe('2026-03-31');
    // The same past due date sent again with another change is no change of the due date.
    const invoice = await putReceivable(
      h.tokens.sul,
      'TIT-PASSADO',
      receivableBody({ number: '502', invoiceNumber: 'NF-502' }),
    );
    expect(invoice.statusCode).toBe(200);
  });

  it('refuses changes to a paid título (409 receivable_closed) but still answers the same body with 200', async () => {
    const created = json(await putReceivable(h.tokens.sul, 'TIT-PAGO', receivableBody({ number: '501' })));
    await postToLedger(h.store.db, {
      receivableId: created.id,
      actor: 'test',
      postings: [
        {
          kind: 'payment',
          amountCents: 150_000,
          occurredOn: '2026-03-31',
          source: 'test',
          key: 'test:TIT-PAGO',
        },
      ],
    });
    const same = await putReceivable(h.tokens.sul, 'TIT-PAGO', receivableBody({ number: '501' }));
    expect(same.statusCode).toBe(200);
    expect(json(same)).toMatchObject({ status: 'paid', openAmountCents: 0 });
    const change = await putReceivable(
      h.tokens.sul,
      'TIT-PAGO',
      receivableBody({ number: '501', dueDate: '2026-12-01' }),
    );
    expect(change.statusCode).toBe(409);
    expect(json(change).error).toMatchObject({
      code: 'receivable_closed',
      message: 'O título "TIT-PAGO" está pago e não pode mais ser alterado.',
      fields: [{ path: 'dueDate', message: expect.any(String) }],
    });
    const after = json(await h.asErp(h.tokens.sul, '/api/v1/receivables/TIT-PAGO'));
    expect(after.dueDate).toBe('2026-03-31');
    expect((await listHistory(h.store.db, 'receivable', created.id)).map((r) => r.action)).toEqual([
      'created',
      'ledger_posted',
    ]);
  });

  it('names the fields: impossible date, float amount, amount as text, open amount above the amount', async () => {
    const response = await putReceivable(
      h.tokens.sul,
      'TIT-BAD',
      receivableBody({ dueDate: '2026-02-30', amountCents: 1500.5, issueDate: '01/03/2026' }),
    );
    expect(response.statusCode).toBe(400);
    const fields = json(response).error.fields as { path: string; message: string }[];
    expect(fields.map((f) => f.path).sort()).toEqual(['amountCents', 'dueDate', 'issueDate']);
    expect(fields.find((f) => f.path === 'dueDate')?.message).toContain('"2026-02-30" não é uma data válida');
    expect(fields.find((f) => f.path === 'amountCents')?.message).toContain('inteiro de centavos');

    const text = await putReceivable(h.tokens.sul, 'TIT-BAD', receivableBody({ amountCents: '1500' }));
    expect(json(text).error.fields).toEqual([
      { path: 'amountCents', message: expect.stringContaining('centavos') },
    ]);

    const above = await putReceivable(h.tokens.sul, 'TIT-BAD', receivableBody({ openAmountCents: 150_001 }));
    expect(json(above).error.fields).toEqual([
      { path: 'openAmountCents', message: 'não pode ser maior que amountCents (150000)' },
    ]);
    expect(await countRows(schema.receivables, h.companies.sul, 'TIT-BAD')).toBe(0);
  });

  it('refuses references that do not exist in the token company with 422 naming the field', async () => {
    const unknownCustomer = await putReceivable(
      h.tokens.sul,
      'TIT-REF',
      receivableBody({ customerErpKey: 'NOPE' }),
    );
    expect(unknownCustomer.statusCode).toBe(422);
    expect(json(unknownCustomer).error).toMatchObject({
      code: 'reference_not_found',
      fields: [{ path: 'customerErpKey', message: expect.stringContaining('"NOPE"') }],
    });
    const foreignPortador = await putReceivable(
      h.tokens.sul,
      'TIT-REF',
      receivableBody({ portadorId: h.portadores.norte }),
    );
    expect(foreignPortador.statusCode).toBe(422);
    expect(json(foreignPortador).error.fields[0].path).toBe('portadorId');
    const ownPortador = await putReceivable(
      h.tokens.sul,
      'TIT-REF',
      receivableBody({ portadorId: h.portadores.sul }),
    );
    expect(ownPortador.statusCode).toBe(201);
    expect(json(ownPortador).portadorName).toBe('Itaú 1234/56789');
  });
});

describe('Idempotency-Key', () => {
  it('replays the stored response for the same key and body, and refuses the key with another body', async () => {
    const headers = { 'idempotency-key': 'pedido-900-v1' };
    const first = await putReceivable(h.tokens.sul, 'TIT-IDEM', receivableBody({ number: '900' }), headers);
    expect(first.statusCode).toBe(201);
    expect(first.headers['idempotent-replayed']).toBeUndefined();

    // The record changes in between; the replay still answers what the first request answered.
    const change = await putReceivable(
      h.tokens.sul,
      'TIT-IDEM',
      receivableBody({ number: '900', dueDate: addDays(todayInSaoPaulo(), 5) }),
    );
    expect(change.statusCode).toBe(200);

    const replay = await putReceivable(h.tokens.sul, 'TIT-IDEM', receivableBody({ number: '900' }), headers);
    expect(replay.statusCode).toBe(201);
    expect(replay.headers['idempotent-replayed']).toBe('true');
    expect(json(replay)).toEqual(json(first));

    const reused = await putReceivable(
      h.tokens.sul,
      'TIT-IDEM',
      receivableBody({ number: '900', dueDate: '2026-06-01' }),
      headers,
    );
    expect(reused.statusCode).toBe(422);
    expect(json(reused).error).toMatchObject({
      code: 'idempotency_conflict',
      fields: [{ path: 'Idempotency-Key', message: expect.any(String) }],
    });
    expect(json(reused).error.message).toContain('pedido-900-v1');
    expect(await countRows(schema.receivables, h.companies.sul, 'TIT-IDEM')).toBe(1);
    const current = json(await h.asErp(h.tokens.sul, '/api/v1/receivables/TIT-IDEM'));
    expect(current.dueDate).toBe(addDays(todayInSaoPaulo(), 5));
  });

  it('concurrent requests with the same key and body: one row, every answer the same 201', async () => {
    const headers = { 'idempotency-key': 'lote-77' };
    const responses = await Promise.all(
      Array.from({ length: 4 }, () =>
        putReceivable(h.tokens.sul, 'TIT-LOTE', receivableBody({ number: '77' }), headers),
      ),
    );
    expect(responses.map((r) => r.statusCode)).toEqual([201, 201, 201, 201]);
    expect(new Set(responses.map((r) => r.body)).size).toBe(1);
    expect(responses.filter((r) => r.headers['idempotent-replayed'] === 'true')).toHaveLength(3);
    expect(await countRows(schema.receivables, h.companies.sul, 'TIT-LOTE')).toBe(1);
  });

  it('keys are per company: the same key from another company runs normally', async () => {
    await putCustomer(h.tokens.norte, 'CLI-1', customerBody());
    const response = await putReceivable(h.tokens.norte, 'TIT-IDEM', receivableBody({ number: '900' }), {
      'idempotency-key': 'pedido-900-v1',
    });
    expect(response.statusCode).toBe(201);
    expect(json(response).companyId).toBe(h.companies.norte);
  });
});

describe('token scoping', () => {
  it('401 without a token or with an unknown one', async () => {
    const none = await h.app.inject({ url: '/api/v1/customers' });
    expect(none.statusCode).toBe(401);
    expect(json(none).error.code).toBe('unauthorized');
    const wrong = await h.asErp('fct_nao-existe', '/api/v1/customers');
    expect(wrong.statusCode).toBe(401);
  });

  it("a token of company A neither reads nor changes company B's records", async () => {
    const sulCustomer = json(await h.asErp(h.tokens.sul, '/api/v1/customers/CLI-1'));
    // Norte has its own CLI-1 (created above) — a different record.
    const norteView = json(await h.asErp(h.tokens.norte, '/api/v1/customers/CLI-1'));
    expect(norteView.id).not.toBe(sulCustomer.id);
    expect((await h.asErp(h.tokens.norte, '/api/v1/customers/CLI-ALFA')).statusCode).toBe(404);
    expect((await h.asErp(h.tokens.other, '/api/v1/receivables/TIT-1')).statusCode).toBe(404);

    // Writing B's key with A's token creates A's own record and leaves B's untouched.
    const write = await putCustomer(h.tokens.other, 'CLI-ALFA', customerBody({ document: '529.982.247-25' }));
    expect(write.statusCode).toBe(201);
    expect(json(write).companyId).toBe(h.companies.other);
    const sulAlfa = json(await h.asErp(h.tokens.sul, '/api/v1/customers/CLI-ALFA'));
    expect(sulAlfa.document).toBe('12ABC34501DE35');

    const otherList = json(await h.asErp(h.tokens.other, '/api/v1/receivables'));
    expect(otherList.total).toBe(0);
    const sulList = json(await h.asErp(h.tokens.sul, '/api/v1/receivables?pageSize=200'));
    expect(sulList.items.every((item: { companyId: string }) => item.companyId === h.companies.sul)).toBe(
      true,
    );
    expect(sulList.total).toBeGreaterThanOrEqual(3);
  });

  it('lists with the console filters, by customer ERP key', async () => {
    const list = json(
      await h.asErp(h.tokens.sul, '/api/v1/receivables?customerErpKey=CLI-1&sort=dueDate&order=desc'),
    );
    expect(list.items.length).toBeGreaterThan(0);
    expect(list.items.every((item: { customerErpKey: string }) => item.customerErpKey === 'CLI-1')).toBe(
      true,
    );
    const dues = list.items.map((item: { dueDate: string }) => item.dueDate);
    expect(dues).toEqual([...dues].sort().reverse());
    const customers = json(await h.asErp(h.tokens.sul, '/api/v1/customers?q=alfa'));
    expect(customers.items.map((c: { erpKey: string }) => c.erpKey)).toEqual(['CLI-ALFA']);
  });
});
