import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseDocument } from '../../../src/domain/documents/index.js';
import { openAmountOf, statusOf } from '../../../src/domain/receivable/postings.js';
import { companyScopeIds, listAccessibleCompanies, listCompanies } from '../../../src/store/companies.js';
import { findApiToken } from '../../../src/store/api-tokens.js';
import { findUserByEmail } from '../../../src/store/users.js';
import { listCustomers } from '../../../src/store/customers.js';
import { listMovements } from '../../../src/store/ledger.js';
import { listReceivables } from '../../../src/store/receivables.js';
import { seedDemo, type SeedDemoResult } from '../../../src/services/demo/seed.js';
import { verifyPassword } from '../../../src/store/passwords.js';
import { describeDatabase, openTestStore, type TestStore } from '../../support/database.js';

const TODAY = '2026-11-23';

describe(`seed-demo (${describeDatabase()})`, () => {
  let t: TestStore;
  let result: SeedDemoResult;

  beforeAll(async () => {
    t = await openTestStore();
    result = await seedDemo(t.store, { today: TODAY });
  });
  afterAll(() => t?.close());

  it('creates the consolidated group and its two children with valid CNPJs', async () => {
    expect(result.seeded).toBe(true);
    const companies = await listCompanies(t.store.db);
    expect(companies.map((c) => c.name).sort()).toEqual([
      'Demonstração Norte Ltda.',
      'Demonstração Sul Ltda.',
      'Grupo Demonstração S.A.',
    ]);
    const group = companies.find((c) => c.kind === 'consolidated')!;
    expect(companies.filter((c) => c.parentCompanyId === group.id)).toHaveLength(2);
    for (const company of companies)
      expect(parseDocument(company.cnpj)).toMatchObject({ valid: true, kind: 'cnpj' });
    expect(companies.some((c) => /[A-Z]/.test(c.cnpj))).toBe(true); // one alphanumeric CNPJ
  });

  it('seeds 20 customers with valid documents and 200 títulos over both children', async () => {
    expect(result.counts).toEqual({
      customers: 20,
      establishments: 30,
      receivables: 200,
      bankAccounts: 3,
      portadores: 4,
    });
    const group = result.companies.find((c) => c.kind === 'consolidated')!;
    const scope = await companyScopeIds(t.store.db, group.id);
    const customers = await listCustomers(t.store.db, { companyIds: scope, pageSize: 200 });
    expect(customers.total).toBe(20);
    for (const customer of customers.items) {
      expect(parseDocument(customer.document).valid).toBe(true);
      expect(customer.email).toMatch(/@/);
      // One canonical form: digits with the DDD (mobile: 11 digits, the 9 after the DDD).
      expect(customer.phone).toMatch(/^\d\d9\d{8}$/);
    }
    const all = await listReceivables(t.store.db, { companyIds: scope, pageSize: 200, today: TODAY });
    expect(all.total).toBe(200);
    for (const child of result.companies.filter((c) => c.kind === 'child')) {
      const own = await listReceivables(t.store.db, { companyIds: [child.id], pageSize: 1, today: TODAY });
      expect(own.total).toBe(100);
    }
    const statuses = new Set(all.items.map((item) => item.status));
    expect([...statuses].sort()).toEqual(['cancelled', 'open', 'paid', 'registered', 'written_off']);
    expect(all.items.some((item) => item.overdue)).toBe(true);
    expect(all.items.some((item) => !item.overdue && item.openAmountCents > 0)).toBe(true);
    for (const item of all.items.filter((i) => i.status === 'paid')) expect(item.openAmountCents).toBe(0);
    const first = all.items[0]!;
    const movements = await listMovements(t.store.db, first.id);
    expect(movements[0]).toMatchObject({ kind: 'created', amountCents: first.amountCents });
  });

  it('derives every open amount and status from the ledger of the título', async () => {
    const group = result.companies.find((c) => c.kind === 'consolidated')!;
    const scope = await companyScopeIds(t.store.db, group.id);
    const all = await listReceivables(t.store.db, { companyIds: scope, pageSize: 200, today: TODAY });
    for (const item of all.items) {
      const movements = await listMovements(t.store.db, item.id);
      expect(openAmountOf(movements), item.erpKey).toBe(item.openAmountCents);
      if (item.status !== 'cancelled' && item.status !== 'registered')
        expect(statusOf(movements, 'open'), item.erpKey).toBe(item.status);
      expect(
        movements.every((m) => m.idempotencyKey),
        item.erpKey,
      ).toBe(true);
    }
    expect(all.items.filter((i) => i.status === 'cancelled').every((i) => i.openAmountCents === 0)).toBe(
      true,
    );
  });

  it('creates the three demo users with the demo password and scoped homes', async () => {
    const admin = await findUserByEmail(t.store.db, 'admin@demo.finconsole');
    const sul = await findUserByEmail(t.store.db, 'operador.sul@demo.finconsole');
    const norte = await findUserByEmail(t.store.db, 'leitura.norte@demo.finconsole');
    expect([admin?.role, sul?.role, norte?.role]).toEqual(['admin', 'operator', 'viewer']);
    expect(await verifyPassword('demo1234', admin!.passwordHash)).toBe(true);
    expect(await verifyPassword('demo12345', admin!.passwordHash)).toBe(false);
    expect(await listAccessibleCompanies(t.store.db, admin!.homeCompanyId)).toHaveLength(3);
    expect((await listAccessibleCompanies(t.store.db, sul!.homeCompanyId)).map((c) => c.name)).toEqual([
      'Demonstração Sul Ltda.',
    ]);
  });

  it('returns one working API token per child company', async () => {
    expect(result.apiTokens).toHaveLength(2);
    for (const token of result.apiTokens) {
      const row = await findApiToken(t.store.db, token.token);
      expect(row?.companyId).toBe(token.companyId);
    }
  });

  it('is deterministic and seeds only an empty database', async () => {
    const again = await seedDemo(t.store, { today: TODAY });
    expect(again.seeded).toBe(false);
    expect((await listCompanies(t.store.db)).length).toBe(3);
    const other = await openTestStore();
    try {
      const second = await seedDemo(other.store, { today: TODAY });
      const scope = second.companies.map((c) => c.id);
      const firstScope = result.companies.map((c) => c.id);
      const project = (items: { erpKey: string; dueDate: string; amountCents: number; status: string }[]) =>
        items.map(({ erpKey, dueDate, amountCents, status }) => ({ erpKey, dueDate, amountCents, status }));
      const a = await listReceivables(t.store.db, {
        companyIds: firstScope,
        pageSize: 200,
        sort: 'number',
        today: TODAY,
      });
      const b = await listReceivables(other.store.db, {
        companyIds: scope,
        pageSize: 200,
        sort: 'number',
        today: TODAY,
      });
      expect(project(b.items).sort((x, y) => x.erpKey.localeCompare(y.erpKey))).toEqual(
        project(a.items).sort((x, y) => x.erpKey.localeCompare(y.erpKey)),
      );
    } finally {
      await other.close();
    }
  });
});
