import { and, asc, count, desc, eq, ilike, inArray, or, type SQL } from 'drizzle-orm';
import type { Executor } from './connection.js';
import { appendCreatedHistory, appendHistory } from './history.js';
import { customers, establishments } from './schema.js';
import {
  findByErpKey,
  upsertByErpKey,
  type ErpKeyedUpsertSpec,
  type UpsertOptions,
  type UpsertResult,
} from './upsert.js';
import { changedKeys, defined, inTransaction, likeContains, normalizePage, pick } from './util.js';

export type CustomerRow = typeof customers.$inferSelect;
export type EstablishmentRow = typeof establishments.$inferSelect;

export interface AddressInput {
  street?: string | null;
  addressNumber?: string | null;
  complement?: string | null;
  district?: string | null;
  city?: string | null;
  state?: string | null;
  postalCode?: string | null;
}

export interface CustomerInput extends AddressInput {
  name: string;
  /** Normalized CPF/CNPJ (validate before calling). */
  document: string;
  email?: string | null;
  phone?: string | null;
}

const addressFields = [
  'street',
  'addressNumber',
  'complement',
  'district',
  'city',
  'state',
  'postalCode',
] as const satisfies readonly (keyof AddressInput)[];

export const customerFields = [
  'name',
  'document',
  'email',
  'phone',
  ...addressFields,
] as const satisfies readonly (keyof CustomerInput & keyof CustomerRow)[];
export type CustomerField = (typeof customerFields)[number];

export type { UpsertOptions, UpsertResult } from './upsert.js';

const customerUpsert: ErpKeyedUpsertSpec<CustomerRow, CustomerInput, CustomerField> = {
  table: customers,
  entity: 'customer',
  noun: 'cliente',
  fields: customerFields,
};

/**
 * Inserts or updates the customer with this ERP key in this company, atomically and safely under concurrent
 * calls (INSERT … ON CONFLICT DO NOTHING, then SELECT … FOR UPDATE). Fields left undefined keep their stored
 * value; null clears them. Creation and each change append a history row. Runs in its own transaction, or as
 * a savepoint inside `ex` when `ex` is a transaction.
 */
export async function upsertCustomer(
  ex: Executor,
  args: { companyId: string; erpKey: string; data: CustomerInput } & UpsertOptions<CustomerField>,
): Promise<UpsertResult<CustomerRow, CustomerField>> {
  return upsertByErpKey(ex, customerUpsert, args);
}

/** A customer by id, only when it belongs to one of `companyIds` (otherwise null → 404). */
export async function getCustomer(
  ex: Executor,
  id: string,
  companyIds: readonly string[],
): Promise<CustomerRow | null> {
  if (companyIds.length === 0) return null;
  const [row] = await ex
    .select()
    .from(customers)
    .where(and(eq(customers.id, id), inArray(customers.companyId, [...companyIds])));
  return row ?? null;
}

export async function getCustomerByErpKey(
  ex: Executor,
  companyId: string,
  erpKey: string,
  options: { forUpdate?: boolean } = {},
): Promise<CustomerRow | null> {
  return findByErpKey(ex, customers, companyId, erpKey, options);
}

export type CustomerSort = 'name' | 'document' | 'erpKey' | 'createdAt';

export interface CustomerFilters {
  companyIds: readonly string[];
  /** Matches name, document, ERP key or e-mail (case-insensitive, contains). */
  q?: string;
  sort?: CustomerSort;
  order?: 'asc' | 'desc';
  page?: number;
  pageSize?: number;
}

export interface CustomerListItem {
  id: string;
  erpKey: string;
  companyId: string;
  name: string;
  document: string;
  email: string | null;
  phone: string | null;
}

export async function listCustomers(
  ex: Executor,
  filters: CustomerFilters,
): Promise<{ items: CustomerListItem[]; total: number; page: number; pageSize: number }> {
  const { page, pageSize } = normalizePage(filters.page, filters.pageSize);
  if (filters.companyIds.length === 0) return { items: [], total: 0, page, pageSize };
  const conditions: SQL[] = [inArray(customers.companyId, [...filters.companyIds])];
  const q = filters.q?.trim();
  if (q) {
    const pattern = likeContains(q);
    conditions.push(
      or(
        ilike(customers.name, pattern),
        ilike(customers.document, likeContains(q.replace(/[.\-/\s]/g, '').toUpperCase() || q)),
        ilike(customers.erpKey, pattern),
        ilike(customers.email, pattern),
      )!,
    );
  }
  const where = and(...conditions);
  const sortColumn = {
    name: customers.name,
    document: customers.document,
    erpKey: customers.erpKey,
    createdAt: customers.createdAt,
  }[filters.sort ?? 'name'];
  const direction = filters.order === 'desc' ? desc : asc;
  const items = await ex
    .select({
      id: customers.id,
      erpKey: customers.erpKey,
      companyId: customers.companyId,
      name: customers.name,
      document: customers.document,
      email: customers.email,
      phone: customers.phone,
    })
    .from(customers)
    .where(where)
    .orderBy(direction(sortColumn), direction(customers.id))
    .limit(pageSize)
    .offset((page - 1) * pageSize);
  const [totalRow] = await ex.select({ total: count() }).from(customers).where(where);
  return { items, total: totalRow?.total ?? 0, page, pageSize };
}

export interface EstablishmentInput extends AddressInput {
  document: string;
  name: string;
}

/** Inserts or updates an establishment (branch) of a customer by its ERP key. */
export async function upsertEstablishment(
  ex: Executor,
  args: { customerId: string; erpKey: string; data: EstablishmentInput; actor: string; companyId?: string },
): Promise<{ row: EstablishmentRow; created: boolean; changed: boolean }> {
  return inTransaction(ex, async (tx) => {
    const [inserted] = await tx
      .insert(establishments)
      .values({ ...args.data, customerId: args.customerId, erpKey: args.erpKey })
      .onConflictDoNothing({ target: [establishments.customerId, establishments.erpKey] })
      .returning();
    if (inserted) {
      await appendHistory(tx, {
        entity: 'establishment',
        entityId: inserted.id,
        companyId: args.companyId ?? null,
        action: 'created',
        after: args.data,
        actor: args.actor,
      });
      return { row: inserted, created: true, changed: true };
    }
    const [existing] = await tx
      .select()
      .from(establishments)
      .where(and(eq(establishments.customerId, args.customerId), eq(establishments.erpKey, args.erpKey)))
      .for('update');
    const fields = ['document', 'name', ...addressFields] as const;
    const changed = changedKeys<EstablishmentInput>(existing!, args.data, fields);
    if (changed.length === 0) return { row: existing!, created: false, changed: false };
    const [updated] = await tx
      .update(establishments)
      .set({ ...defined(pick(args.data, changed)), updatedAt: new Date() })
      .where(eq(establishments.id, existing!.id))
      .returning();
    await appendHistory(tx, {
      entity: 'establishment',
      entityId: existing!.id,
      companyId: args.companyId ?? null,
      action: 'updated',
      before: pick(existing!, changed),
      after: pick(updated!, changed),
      actor: args.actor,
    });
    return { row: updated!, created: false, changed: true };
  });
}

export async function listEstablishments(ex: Executor, customerId: string): Promise<EstablishmentRow[]> {
  return ex
    .select()
    .from(establishments)
    .where(eq(establishments.customerId, customerId))
    .orderBy(asc(establishments.name));
}

export async function getEstablishmentByErpKey(
  ex: Executor,
  customerId: string,
  erpKey: string,
): Promise<EstablishmentRow | null> {
  const [row] = await ex
    .select()
    .from(establishments)
    .where(and(eq(establishments.customerId, customerId), eq(establishments.erpKey, erpKey)));
  return row ?? null;
}

/** Customer id → ERP key for the given ids (unknown ids are absent from the map). */
export async function customerErpKeysById(
  ex: Executor,
  ids: readonly string[],
): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await ex
    .select({ id: customers.id, erpKey: customers.erpKey })
    .from(customers)
    .where(inArray(customers.id, [...new Set(ids)]));
  return new Map(rows.map((row) => [row.id, row.erpKey]));
}

/**
 * Inserts many new customers at once with their 'created' history rows (a bulk load into an empty company, such as
 * the demo data; the ERP path is upsertCustomer).
 */
export async function insertCustomers(
  ex: Executor,
  rows: (typeof customers.$inferInsert)[],
  history: { actor: string; after: unknown },
): Promise<CustomerRow[]> {
  return inTransaction(ex, async (tx) => {
    const inserted = await tx.insert(customers).values(rows).returning();
    await appendCreatedHistory(tx, 'customer', inserted, history);
    return inserted;
  });
}

/** Inserts many new establishments at once (a bulk load; the ERP path is upsertEstablishment). */
export async function insertEstablishments(
  ex: Executor,
  rows: (typeof establishments.$inferInsert)[],
): Promise<EstablishmentRow[]> {
  return ex.insert(establishments).values(rows).returning();
}
