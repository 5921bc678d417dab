/**
 * Batch sync (`POST /api/v1/customers/batch`, `/receivables/batch`) over the real API and store: each item is the
 * PUT of that item (same validation, same idempotency by ERP key, same history and outbox rows), a refused item never
 * rejects the others, results come back in the items' order, and Idempotency-Key replays the whole batch.
 */
import { and, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listHistory } from '../../src/store/history.js';
import { listEvents } from '../../src/store/outbox.js';
import * as schema from '../../src/store/schema.js';
import { json, startHarness, type Harness } from './harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

type BatchResult = { erpKey: string | null; status: number; code?: string; errors?: { path: string }[] };

async function batch(
  resource: 'customers' | 'receivables',
  items: unknown[],
  headers?: Record<string, string>,
) {
  return h.asErp(h.tokens.sul, `/api/v1/${resource}/batch`, {
    method: 'POST',
    payload: { items },
    headers,
  });
}

const customer = (erpKey: string, overrides: Record<string, unknown> = {}) => ({
  erpKey,
  name: `Cliente ${erpKey}`,
  document: '123.456.789-09',
  ...overrides,
});

const receivable = (erpKey: string, overrides: Record<string, unknown> = {}) => ({
  erpKey,
  customerErpKey: 'LOTE-C1',
  document: `PED-${erpKey}`,
  number: erpKey,
  installment: 1,
  issueDate: '2026-03-01',
  dueDate: '2026-04-10',
  amountCents: 10_000,
  ...overrides,
});

async function receivableRows(erpKey: string) {
  const [row] = await h.store.db
    .select({ n: count() })
    .from(schema.receivables)
    .where(and(eq(schema.receivables.companyId, h.companies.sul), eq(schema.receivables.erpKey, erpKey)));
  return row!.n;
}

describe('POST /api/v1/customers/batch', () => {
  it('creates, updates and refuses per item, in the order sent', async () => {
    const first = await batch('customers', [customer('LOTE-C1'), customer('LOTE-C2')]);
    expect(first.statusCode).toBe(200);
    expect(json<{ results: BatchResult[] }>(first).results.map((r) => [r.erpKey, r.status])).toEqual([
      ['LOTE-C1', 201],
      ['LOTE-C2', 201],
    ]);

    const second = await batch('customers', [
      customer('LOTE-C3', { document: '111.111.111-11' }),
      customer('LOTE-C1', { name: 'Nome novo' }),
      customer('LOTE-C2'),
      customer('LOTE-C2', { document: '529.982.247-25' }),
      { name: 'sem chave' },
    ]);
    const results = json<{ results: BatchResult[] }>(second).results;
    expect(results.map((r) => [r.erpKey, r.status])).toEqual([
      ['LOTE-C3', 422],
      ['LOTE-C1', 200],
      ['LOTE-C2', 200],
      ['LOTE-C2', 409],
      [null, 422],
    ]);
    expect(results[0]!.errors?.map((e) => e.path)).toEqual(['document']);
    expect(results[3]!.code).toBe('immutable_field');
    expect(results[4]!.errors?.map((e) => e.path)).toContain('item');

    const c1 = await h.asErp(h.tokens.sul, '/api/v1/customers/LOTE-C1');
    expect(json<{ name: string }>(c1).name).toBe('Nome novo');
    const c3 = await h.asErp(h.tokens.sul, '/api/v1/customers/LOTE-C3');
    expect(c3.statusCode).toBe(404);
  });

  it('refuses an empty batch and one over 1,000 items as a whole, naming items', async () => {
    const empty = await batch('customers', []);
    expect(empty.statusCode).toBe(400);
    const tooMany = await batch(
      'customers',
      Array.from({ length: 1001 }, (_, i) => ({ erpKey: `X${i}` })),
    );
    expect(tooMany.statusCode).toBe(400);
    expect(json<{ error: { fields: { path: string }[] } }>(tooMany).error.fields[0]!.path).toBe('items');
  });
});

describe('POST /api/v1/receivables/batch', () => {
  it('writes each item as its PUT would, and a bad item leaves the others written', async () => {
    const response = await batch('receivables', [
      receivable('LOTE-T1'),
      receivable('LOTE-T2', { customerErpKey: 'NAO-EXISTE' }),
      receivable('LOTE-T3', { dueDate: '2026-02-30' }),
      receivable('LOTE-T4', { amountCents: undefined }),
      receivable('LOTE-T5'),
    ]);
    expect(response.statusCode).toBe(200);
    const results = json<{ results: BatchResult[] }>(response).results;
    expect(results.map((r) => [r.erpKey, r.status])).toEqual([
      ['LOTE-T1', 201],
      ['LOTE-T2', 422],
      ['LOTE-T3', 422],
      ['LOTE-T4', 422],
      ['LOTE-T5', 201],
    ]);
    expect(results[1]!.errors?.map((e) => e.path)).toEqual(['customerErpKey']);
    expect(results[2]!.errors?.map((e) => e.path)).toEqual(['dueDate']);
    expect(results[3]!.errors).toEqual([{ path: 'amountCents', message: 'obrigatório' }]);
    expect(await receivableRows('LOTE-T2')).toBe(0);

    const t1 = await h.asErp(h.tokens.sul, '/api/v1/receivables/LOTE-T1');
    const view = json<{ id: string; amountCents: number; openAmountCents: number }>(t1);
    expect(view).toMatchObject({ amountCents: 10_000, openAmountCents: 10_000 });
    const history = await listHistory(h.store.db, 'receivable', view.id);
    expect(history.map((row) => row.action)).toContain('created');
    const events = await listEvents(h.store.db, { companyId: h.companies.sul, subjectId: view.id });
    expect(events).toHaveLength(1);
  });

  it('a repeated batch writes nothing twice, and an Idempotency-Key replays the answer', async () => {
    const items = [receivable('LOTE-R1'), receivable('LOTE-R2', { dueDate: '2026-05-10' })];
    const first = await batch('receivables', items, { 'idempotency-key': 'lote-r' });
    expect(json<{ results: BatchResult[] }>(first).results.map((r) => r.status)).toEqual([201, 201]);
    const replay = await batch('receivables', items, { 'idempotency-key': 'lote-r' });
    expect(replay.headers['idempotent-replayed']).toBe('true');
    expect(json<{ results: BatchResult[] }>(replay).results.map((r) => r.status)).toEqual([201, 201]);
    const again = await batch('receivables', items);
    expect(json<{ results: BatchResult[] }>(again).results.map((r) => r.status)).toEqual([200, 200]);
    expect(await receivableRows('LOTE-R1')).toBe(1);
    const view = json<{ id: string }>(await h.asErp(h.tokens.sul, '/api/v1/receivables/LOTE-R1'));
    const history = await listHistory(h.store.db, 'receivable', view.id);
    expect(history).toHaveLength(1);
  });

  it('the same items sent in two concurrent batches, in opposite orders, create each título once', async () => {
    const items = Array.from({ length: 20 }, (_, i) => receivable(`LOTE-P${i}`));
    const [a, b] = await Promise.all([
      batch('receivables', items),
      batch('receivables', [...items].reverse()),
    ]);
    const statuses = [
      ...json<{ results: BatchResult[] }>(a).results,
      ...json<{ results: BatchResult[] }>(b).results,
    ]
      .map((r) => r.status)
      .sort();
    expect(statuses.filter((s) => s === 201)).toHaveLength(20);
    expect(statuses.filter((s) => s === 200)).toHaveLength(20);
    for (const item of items) expect(await receivableRows(item.erpKey)).toBe(1);
  });
});
