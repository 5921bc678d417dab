import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { afterCommit } from '../../src/store/connection.js';
import { listMovements, markRegistered, postToLedger } from '../../src/store/ledger.js';
import {
  companyScopeIds,
  createCompany,
  listAccessibleCompanies,
  type CompanyRow,
} from '../../src/store/companies.js';
import { createApiToken, findApiToken, revokeApiToken, touchApiToken } from '../../src/store/api-tokens.js';
import { createPortador } from '../../src/store/banking.js';
import { createSession, deleteSession, findValidSession } from '../../src/store/sessions.js';
import { createUser, findUserByEmail } from '../../src/store/users.js';
import { getCustomer, listCustomers, upsertCustomer, type CustomerInput } from '../../src/store/customers.js';
import { getIdempotencyKey, putIdempotencyKey } from '../../src/store/idempotency.js';
import {
  getReceivable,
  listReceivables,
  scanReceivables,
  upsertReceivable,
  type ReceivableField,
  type ReceivableInput,
} from '../../src/store/receivables.js';
import { listHistory } from '../../src/store/history.js';
import { announceReceivable } from '../../src/services/events.js';
import * as schema from '../../src/store/schema.js';
import { verifyPassword } from '../../src/store/passwords.js';
import { makeCnpj, makeCpf } from '../../src/domain/documents/index.js';
import { describeDatabase, openTestStore, type TestStore } from '../support/database.js';

describe(`store repositories (${describeDatabase()})`, () => {
  let t: TestStore;
  let group: CompanyRow;
  let sul: CompanyRow;
  let norte: CompanyRow;

  beforeAll(async () => {
    t = await openTestStore();
    const db = t.store.db;
    group = await createCompany(db, { name: 'Grupo', cnpj: makeCnpj('100000000001'), kind: 'consolidated' });
    sul = await createCompany(db, {
      name: 'Sul',
      cnpj: makeCnpj('200000000001'),
      kind: 'child',
      parentCompanyId: group.id,
    });
    norte = await createCompany(db, {
      name: 'Norte',
      cnpj: makeCnpj('300000000001'),
      kind: 'child',
      parentCompanyId: group.id,
    });
  });
  afterAll(() => t?.close());

  const customer = (name: string, base9: string): CustomerInput => ({
    name,
    document: makeCpf(base9),
    email: `${base9}@exemplo.com.br`,
    phone: '(11) 91234-5678',
    city: 'São Paulo',
  });

  it('scopes companies: consolidated = itself + children, child = itself', async () => {
    expect((await listAccessibleCompanies(t.store.db, group.id)).map((c) => c.name)).toEqual([
      'Grupo',
      'Norte',
      'Sul',
    ]);
    expect((await listAccessibleCompanies(t.store.db, sul.id)).map((c) => c.name)).toEqual(['Sul']);
    expect((await companyScopeIds(t.store.db, group.id)).sort()).toEqual([group.id, sul.id, norte.id].sort());
    expect(await companyScopeIds(t.store.db, norte.id)).toEqual([norte.id]);
    expect(await companyScopeIds(t.store.db, '00000000-0000-4000-8000-000000000000')).toEqual([]);
  });

  it('creates users with hashed passwords, unique e-mail, and sessions that expire', async () => {
    const user = await createUser(t.store.db, {
      email: ' Maria@Exemplo.com ',
      name: 'Maria',
      password: 's3gredo!',
      role: 'operator',
      homeCompanyId: sul.id,
    });
    expect(user.passwordHash).not.toContain('s3gredo');
    expect((await findUserByEmail(t.store.db, 'MARIA@exemplo.com'))?.id).toBe(user.id);
    expect(await verifyPassword('s3gredo!', user.passwordHash)).toBe(true);
    expect(await verifyPassword('s3gredo', user.passwordHash)).toBe(false);
    await expect(
      createUser(t.store.db, {
        email: 'maria@exemplo.com',
        name: 'Outra',
        password: 'x',
        role: 'viewer',
        homeCompanyId: sul.id,
      }),
    ).rejects.toThrow();

    const { token } = await createSession(t.store.db, user.id);
    expect((await findValidSession(t.store.db, token))?.user.email).toBe('maria@exemplo.com');
    expect(await findValidSession(t.store.db, `${token}x`)).toBeNull();
    const expired = await createSession(t.store.db, user.id, -1000);
    expect(await findValidSession(t.store.db, expired.token)).toBeNull();
    await deleteSession(t.store.db, token);
    expect(await findValidSession(t.store.db, token)).toBeNull();
  });

  it('api tokens: stored hashed, found by the plain token, touched and revoked', async () => {
    const { token, row } = await createApiToken(t.store.db, { companyId: sul.id, name: 'ERP' });
    expect(row.tokenHash).not.toContain(token);
    expect((await findApiToken(t.store.db, token))?.companyId).toBe(sul.id);
    await touchApiToken(t.store.db, row.id);
    expect((await findApiToken(t.store.db, token))?.lastUsedAt).toBeInstanceOf(Date);
    await revokeApiToken(t.store.db, row.id);
    expect(await findApiToken(t.store.db, token)).toBeNull();
  });

  it('upserts customers by ERP key: create, same = no change, change = history, immutable = conflict', async () => {
    const db = t.store.db;
    const first = await upsertCustomer(db, {
      companyId: sul.id,
      erpKey: 'C1',
      data: customer('Ana', '123456789'),
      actor: 'test',
    });
    expect(first).toMatchObject({ created: true, changed: true });
    const same = await upsertCustomer(db, {
      companyId: sul.id,
      erpKey: 'C1',
      data: customer('Ana', '123456789'),
      actor: 'test',
    });
    expect(same).toMatchObject({ created: false, changed: false, changedFields: [], conflicts: [] });
    expect(same.row.id).toBe(first.row.id);

    const renamed = await upsertCustomer(db, {
      companyId: sul.id,
      erpKey: 'C1',
      data: { ...customer('Ana Maria', '123456789'), phone: undefined },
      actor: 'test',
      immutable: ['document'],
    });
    expect(renamed).toMatchObject({ created: false, changed: true, changedFields: ['name'] });
    expect(renamed.row.phone).toBe('(11) 91234-5678'); // undefined keeps the stored value

    const conflict = await upsertCustomer(db, {
      companyId: sul.id,
      erpKey: 'C1',
      data: customer('Ana Maria', '987654321'),
      actor: 'test',
      immutable: ['document'],
    });
    expect(conflict).toMatchObject({ changed: false, conflicts: ['document'] });
    expect((await getCustomer(db, first.row.id, [sul.id]))?.document).toBe(makeCpf('123456789'));

    const history = await listHistory(db, 'customer', first.row.id);
    expect(history.map((h) => h.action)).toEqual(['created', 'updated']);
    expect(history[1]).toMatchObject({
      before: { name: 'Ana' },
      after: { name: 'Ana Maria' },
      actor: 'test',
    });

    // Same ERP key in another company is another customer; scope hides it from the first.
    const other = await upsertCustomer(db, {
      companyId: norte.id,
      erpKey: 'C1',
      data: customer('Bia', '111222333'),
      actor: 'test',
    });
    expect(other.created).toBe(true);
    expect(await getCustomer(db, other.row.id, [sul.id])).toBeNull();
  });

  it('keeps one row per ERP key under concurrent upserts', async () => {
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        t.store.transaction((tx) =>
          upsertCustomer(tx, {
            companyId: sul.id,
            erpKey: 'RACE',
            data: customer(i % 2 ? 'Carlos' : 'Carla', '444555666'),
            actor: `worker-${i}`,
          }),
        ),
      ),
    );
    expect(results.filter((r) => r.created)).toHaveLength(1);
    expect(new Set(results.map((r) => r.row.id)).size).toBe(1);
    const list = await listCustomers(t.store.db, { companyIds: [sul.id], q: 'RACE' });
    expect(list.total).toBe(1);
  });

  describe('receivables', () => {
    let customerA: string;
    let customerB: string;
    let portadorId: string;
    const base = (over: Partial<ReceivableInput>): ReceivableInput => ({
      customerId: customerA,
      document: 'DM-1',
      number: '1',
      issueDate: '2026-01-10',
      dueDate: '2026-02-10',
      amountCents: 10_000,
      ...over,
    });

    beforeAll(async () => {
      const db = t.store.db;
      const customerIdFor = async (companyId: string, erpKey: string, name: string, base9: string) =>
        (await upsertCustomer(db, { companyId, erpKey, data: customer(name, base9), actor: 't' })).row.id;
      customerA = await customerIdFor(sul.id, 'RA', 'Alfa Comércio', '100200300');
      customerB = await customerIdFor(norte.id, 'RB', 'Beta Serviços', '400500600');
      portadorId = (
        await createPortador(db, { companyId: sul.id, erpKey: 'X-1', name: 'Banco X — carteira 1' })
      ).id;
      const rows: [string, string, Partial<ReceivableInput>][] = [
        [sul.id, 'T1', { number: '1001', dueDate: '2026-03-01', amountCents: 5_000, portadorId }],
        [sul.id, 'T2', { number: '1002', dueDate: '2026-01-15', amountCents: 20_000 }],
        [sul.id, 'T3', { number: '1003', dueDate: '2026-02-20', amountCents: 15_000, openAmountCents: 0 }],
        [
          sul.id,
          'T4',
          {
            number: '1004',
            issueDate: '2026-02-01',
            dueDate: '2026-04-01',
            amountCents: 1_000,
            invoiceNumber: 'NF-777',
          },
        ],
        [
          norte.id,
          'T5',
          { customerId: customerB, number: '2001', dueDate: '2026-02-25', amountCents: 30_000 },
        ],
      ];
      for (const [companyId, erpKey, over] of rows) {
        const customerId = over.customerId ?? customerA;
        await upsertReceivable(db, {
          announce: announceReceivable,
          companyId,
          erpKey,
          data: base({ ...over, customerId }),
          actor: 't',
        });
      }
      const t2 = await getReceivable(db, { companyIds: [sul.id], erpKey: 'T2' });
      await markRegistered(db, { receivableId: t2!.id, actor: 't' });
    });

    it('upsert creates once, appends the created movement, and updates mutable fields with history', async () => {
      const db = t.store.db;
      /** T1 as created in beforeAll, with `over` applied. */
      const upsertT1 = (over: Partial<ReceivableInput>, immutable?: ReceivableField[]) =>
        upsertReceivable(db, {
          announce: announceReceivable,
          companyId: sul.id,
          erpKey: 'T1',
          data: base({ number: '1001', dueDate: '2026-03-01', amountCents: 5_000, portadorId, ...over }),
          actor: 't',
          ...(immutable ? { immutable } : {}),
        });
      const again = await upsertT1({});
      expect(again).toMatchObject({ created: false, changed: false });
      const moved = await upsertT1({ dueDate: '2026-03-05' }, ['amountCents', 'customerId']);
      expect(moved).toMatchObject({ changed: true, changedFields: ['dueDate'] });
      expect(moved.row.dueDate).toBe('2026-03-05');
      const conflict = await upsertT1({ dueDate: '2026-03-05', amountCents: 5_001 }, [
        'amountCents',
        'customerId',
      ]);
      expect(conflict.conflicts).toEqual(['amountCents']);
      expect((await getReceivable(db, { companyIds: [sul.id], erpKey: 'T1' }))?.amountCents).toBe(5_000);
      const movements = await listMovements(db, moved.row.id);
      expect(movements.map((m) => [m.kind, m.amountCents])).toEqual([['created', 5_000]]);
      expect((await listHistory(db, 'receivable', moved.row.id)).map((h) => h.action)).toEqual([
        'created',
        'updated',
      ]);
      // restore for the listing tests
      await upsertT1({});
    });

    it('lists within the company scope with joined names and derived overdue', async () => {
      const today = '2026-02-21';
      const sulOnly = await listReceivables(t.store.db, { companyIds: [sul.id], today });
      expect(sulOnly.items.map((i) => i.erpKey)).toEqual(['T2', 'T3', 'T1', 'T4']); // default sort dueDate asc
      const t1 = sulOnly.items.find((i) => i.erpKey === 'T1')!;
      expect(t1).toMatchObject({
        companyName: 'Sul',
        customerName: 'Alfa Comércio',
        portadorName: 'Banco X — carteira 1',
        overdue: false,
      });
      expect(sulOnly.items.find((i) => i.erpKey === 'T2')?.overdue).toBe(true);
      expect(sulOnly.items.find((i) => i.erpKey === 'T3')?.overdue).toBe(false); // paid: nothing open
      const all = await listReceivables(t.store.db, { companyIds: [sul.id, norte.id], today });
      expect(all.total).toBe(5);
      expect(await listReceivables(t.store.db, { companyIds: [] })).toMatchObject({ total: 0, items: [] });
    });

    it('overdue starts the day after the due date: due today is not overdue, due yesterday is (flag and filter)', async () => {
      // T5 is due 2026-02-25 with everything open. A boleto is payable without charges on its due date, so on
      // that day it is not overdue yet; from the next day on it is. Flag, filter=true and filter=false agree.
      const scope = [norte.id];
      const on = async (today: string) => ({
        flag: (await getReceivable(t.store.db, { companyIds: scope, erpKey: 'T5', today }))?.overdue,
        listed: (await listReceivables(t.store.db, { companyIds: scope, today })).items[0]?.overdue,
        onlyOverdue: (await listReceivables(t.store.db, { companyIds: scope, today, overdue: true })).total,
        notOverdue: (await listReceivables(t.store.db, { companyIds: scope, today, overdue: false })).total,
      });
      const notYet = { flag: false, listed: false, onlyOverdue: 0, notOverdue: 1 };
      expect(await on('2026-02-24')).toEqual(notYet); // the day before
      expect(await on('2026-02-25')).toEqual(notYet); // the due date itself
      expect(await on('2026-02-26')).toEqual({ flag: true, listed: true, onlyOverdue: 1, notOverdue: 0 });
    });

    it('filters by customer, dates, status list, overdue and free text', async () => {
      const scope = [sul.id, norte.id];
      const keys = async (filters: Omit<Parameters<typeof listReceivables>[1], 'companyIds'>) =>
        (await listReceivables(t.store.db, { companyIds: scope, today: '2026-02-21', ...filters })).items
          .map((i) => i.erpKey)
          .sort();
      expect(await keys({ customerId: customerB })).toEqual(['T5']);
      expect(await keys({ dueFrom: '2026-02-20', dueTo: '2026-03-01' })).toEqual(['T1', 'T3', 'T5']);
      expect(await keys({ issueFrom: '2026-02-01' })).toEqual(['T4']);
      expect(await keys({ status: ['registered', 'paid'] })).toEqual(['T2', 'T3']);
      expect(await keys({ overdue: true })).toEqual(['T2']);
      expect(await keys({ q: 'beta' })).toEqual(['T5']);
      expect(await keys({ q: 'NF-777' })).toEqual(['T4']);
      expect(await keys({ q: '100%' })).toEqual([]); // wildcards match literally
    });

    it('sorts by every contract key both ways and paginates with a stable total', async () => {
      const scope = [sul.id, norte.id];
      const list = async (
        sort: 'amountCents' | 'customerName' | 'number' | 'issueDate',
        order: 'asc' | 'desc',
      ) => (await listReceivables(t.store.db, { companyIds: scope, sort, order })).items.map((i) => i.erpKey);
      expect(await list('amountCents', 'asc')).toEqual(['T4', 'T1', 'T3', 'T2', 'T5']);
      expect(await list('amountCents', 'desc')).toEqual(['T5', 'T2', 'T3', 'T1', 'T4']);
      expect((await list('customerName', 'desc'))[0]).toBe('T5');
      expect(await list('number', 'asc')).toEqual(['T1', 'T2', 'T3', 'T4', 'T5']);
      expect((await list('issueDate', 'desc'))[0]).toBe('T4');
      const page2 = await listReceivables(t.store.db, {
        companyIds: scope,
        sort: 'number',
        page: 2,
        pageSize: 2,
      });
      expect(page2).toMatchObject({ total: 5, page: 2, pageSize: 2 });
      expect(page2.items.map((i) => i.erpKey)).toEqual(['T3', 'T4']);
      const capped = await listReceivables(t.store.db, { companyIds: scope, pageSize: 10_000 });
      expect(capped.pageSize).toBe(200);
    });

    it('scans every match in the list order, chunk after chunk (keyset), for every sort both ways', async () => {
      const scope = [sul.id, norte.id];
      const sorts = ['dueDate', 'issueDate', 'amountCents', 'customerName', 'number', 'status'] as const;
      for (const sort of sorts)
        for (const order of ['asc', 'desc'] as const) {
          const filters = { companyIds: scope, sort, order };
          const listed = (await listReceivables(t.store.db, filters)).items.map((i) => i.erpKey);
          const chunks: string[][] = [];
          for await (const chunk of scanReceivables(t.store.db, filters, 2))
            chunks.push(chunk.map((i) => i.erpKey));
          expect(chunks.flat(), `${sort} ${order}`).toEqual(listed);
          expect(chunks.map((c) => c.length)).toEqual([2, 2, 1]);
        }
      const none: string[] = [];
      for await (const chunk of scanReceivables(t.store.db, { companyIds: scope, q: 'nada-assim' }, 2))
        none.push(...chunk.map((i) => i.erpKey));
      expect(none).toEqual([]);
    });

    it('the movements ledger is append-only and idempotent by key', async () => {
      const row = (await getReceivable(t.store.db, { companyIds: [sul.id], erpKey: 'T2' }))!;
      const payment = {
        kind: 'payment' as const,
        amountCents: 2_000,
        occurredOn: '2026-02-01',
        source: 'test',
        key: 'pay-1',
      };
      const first = await postToLedger(t.store.db, { receivableId: row.id, postings: [payment], actor: 't' });
      expect(first.posted).toHaveLength(1);
      // A partial payment leaves the rest open and keeps the registration mark.
      expect(first.receivable).toMatchObject({ openAmountCents: 18_000, status: 'registered' });
      const repeat = await postToLedger(t.store.db, {
        receivableId: row.id,
        postings: [{ ...payment, amountCents: 9_999 }],
        actor: 't',
      });
      expect(repeat.posted).toHaveLength(0);
      expect(repeat.repeated[0]).toMatchObject({ amountCents: 2_000 });
      expect(repeat.receivable).toMatchObject({ openAmountCents: 18_000 });
      const { receivableMovements, recordHistory } = schema;
      // drizzle wraps the database error; the trigger's message is in `cause`.
      const failure = async (query: PromiseLike<unknown>) => {
        try {
          await query;
        } catch (error) {
          return `${(error as Error).message} ${((error as Error).cause as Error | undefined)?.message ?? ''}`;
        }
        return 'no error';
      };
      const onRow = eq(receivableMovements.receivableId, row.id);
      expect(
        await failure(t.store.db.update(receivableMovements).set({ amountCents: 1 }).where(onRow)),
      ).toMatch(/somente inclusões \(UPDATE/);
      expect(await failure(t.store.db.delete(receivableMovements).where(onRow))).toMatch(
        /somente inclusões \(DELETE/,
      );
      expect(
        await failure(t.store.db.delete(recordHistory).where(eq(recordHistory.entityId, row.id))),
      ).toMatch(/record_history aceita somente inclusões/);
      expect((await listMovements(t.store.db, row.id)).map((m) => [m.kind, m.amountCents])).toEqual([
        ['created', 20_000],
        ['payment', 2_000],
      ]);
    });
  });

  it('afterCommit callbacks run after a commit and never after a rollback', async () => {
    const events: string[] = [];
    await t.store.transaction(async (tx) => {
      afterCommit(tx, () => events.push('committed'));
      events.push('inside');
    });
    await expect(
      t.store.transaction(async (tx) => {
        afterCommit(tx, () => events.push('rolled back?'));
        throw new Error('desfaz');
      }),
    ).rejects.toThrow('desfaz');
    expect(events).toEqual(['inside', 'committed']);
  });

  it('stores idempotency keys once per company', async () => {
    const first = await putIdempotencyKey(t.store.db, {
      companyId: sul.id,
      key: 'k1',
      requestHash: 'h1',
      responseStatus: 201,
      responseBody: { id: 1 },
    });
    expect(first.stored).toBe(true);
    const second = await putIdempotencyKey(t.store.db, {
      companyId: sul.id,
      key: 'k1',
      requestHash: 'h2',
      responseStatus: 200,
      responseBody: { id: 2 },
    });
    expect(second).toMatchObject({
      stored: false,
      row: { requestHash: 'h1', responseStatus: 201, responseBody: { id: 1 } },
    });
    expect(await getIdempotencyKey(t.store.db, norte.id, 'k1')).toBeNull();
  });
});
