import { and, asc, count, desc, eq, gte, ilike, inArray, lte, or, sql, type SQL } from 'drizzle-orm';
import { addDays, todayInSaoPaulo } from '../domain/dates.js';
import type { ReceivableSort } from '../domain/receivable/statuses.js';
import type { ReceivableStatus } from '../domain/receivable/statuses.js';
import type { Executor } from './connection.js';
import { postToLedger, type PostingInput } from './ledger.js';
import { recordEvent, type OutboxEventInput } from './outbox.js';
import { companies, customers, portadores, receivables } from './schema.js';
import {
  findByErpKey,
  upsertByErpKey,
  type ErpKeyedUpsertSpec,
  type UpsertOptions,
  type UpsertResult,
} from './upsert.js';
import { likeContains, MAX_PAGE_SIZE, normalizePage } from './util.js';

export type ReceivableRow = typeof receivables.$inferSelect;

export interface ReceivableInput {
  customerId: string;
  establishmentId?: string | null;
  document: string;
  number: string;
  installment?: number;
  /** 'YYYY-MM-DD' */
  issueDate: string;
  /** 'YYYY-MM-DD' */
  dueDate: string;
  amountCents: number;
  /** Defaults to amountCents on creation. */
  openAmountCents?: number;
  invoiceNumber?: string | null;
  portadorId?: string | null;
}

export const receivableFields = [
  'customerId',
  'establishmentId',
  'document',
  'number',
  'installment',
  'issueDate',
  'dueDate',
  'amountCents',
  'openAmountCents',
  'invoiceNumber',
  'portadorId',
] as const satisfies readonly (keyof ReceivableInput & keyof ReceivableRow)[];
export type ReceivableField = (typeof receivableFields)[number];

/** The event a created or changed título writes in the same transaction (names owned by services/events.ts). */
export type ReceivableAnnouncement = (
  row: ReceivableRow,
  change: { created: boolean; changedFields: readonly string[] },
) => OutboxEventInput;

const receivableUpsert = (
  source: string,
  actor: string,
  announce: ReceivableAnnouncement,
): ErpKeyedUpsertSpec<ReceivableRow, ReceivableInput, ReceivableField> => ({
  table: receivables,
  entity: 'receivable',
  noun: 'título',
  fields: receivableFields,
  insertDefaults: (data) => ({ openAmountCents: data.openAmountCents ?? data.amountCents }),
  afterInsert: async (tx, inserted) => {
    const postings: PostingInput[] = [
      {
        kind: 'created',
        amountCents: inserted.amountCents,
        occurredOn: inserted.issueDate,
        description: 'Título incluído',
        source,
        key: `receivable:${inserted.id}:created`,
      },
    ];
    if (inserted.openAmountCents !== inserted.amountCents)
      postings.push({
        kind: 'adjustment',
        amountCents: inserted.openAmountCents - inserted.amountCents,
        occurredOn: inserted.issueDate,
        description: 'Valor em aberto informado na inclusão',
        source,
        key: `receivable:${inserted.id}:created-open`,
      });
    await postToLedger(tx, { receivableId: inserted.id, postings, actor });
    await recordEvent(tx, announce(inserted, { created: true, changedFields: [] }));
  },
  afterUpdate: async (tx, existing, updated) => {
    if (updated.openAmountCents !== existing.openAmountCents)
      await postToLedger(tx, {
        receivableId: existing.id,
        actor,
        postings: [
          {
            kind: 'adjustment',
            amountCents: updated.openAmountCents - existing.openAmountCents,
            occurredOn: todayInSaoPaulo(),
            description: 'Valor em aberto alterado',
            source,
            key: `receivable:${existing.id}:adjustment:${updated.updatedAt.toISOString()}`,
          },
        ],
      });
    const changedFields = receivableFields.filter((field) => existing[field] !== updated[field]);
    await recordEvent(tx, announce(updated, { created: false, changedFields }));
  },
});

/**
 * Inserts or updates the título with this ERP key in this company (same concurrency-safe pattern as
 * upsertCustomer). Creation posts a 'created' movement (amount = amountCents, on the issue date); a change of the
 * open amount posts an 'adjustment' with the difference, so the ledger stays the source of the open amount. Every
 * creation or change writes its outbox event (`announce`) in the same transaction. Immutable fields that differ
 * return `conflicts` and change nothing.
 */
export async function upsertReceivable(
  ex: Executor,
  args: {
    companyId: string;
    erpKey: string;
    data: ReceivableInput;
    source?: string;
    announce: ReceivableAnnouncement;
  } & UpsertOptions<ReceivableField>,
): Promise<UpsertResult<ReceivableRow, ReceivableField>> {
  return upsertByErpKey(ex, receivableUpsert(args.source ?? args.actor, args.actor, args.announce), args);
}

export async function getReceivableByErpKey(
  ex: Executor,
  companyId: string,
  erpKey: string,
  options: { forUpdate?: boolean } = {},
): Promise<ReceivableRow | null> {
  return findByErpKey(ex, receivables, companyId, erpKey, options);
}

/** The títulos of one invoice in a company, locked for update. */
export async function receivablesOfInvoice(
  ex: Executor,
  companyId: string,
  invoiceNumber: string,
): Promise<ReceivableRow[]> {
  return ex
    .select()
    .from(receivables)
    .where(and(eq(receivables.companyId, companyId), eq(receivables.invoiceNumber, invoiceNumber)))
    .orderBy(asc(receivables.erpKey))
    .for('update');
}

/** A título row by id, only when it belongs to one of `companyIds` (otherwise null → 404). */
export async function getReceivableRow(
  ex: Executor,
  id: string,
  companyIds: readonly string[],
  options: { forUpdate?: boolean } = {},
): Promise<ReceivableRow | null> {
  if (companyIds.length === 0) return null;
  const query = ex
    .select()
    .from(receivables)
    .where(and(eq(receivables.id, id), inArray(receivables.companyId, [...companyIds])));
  const [row] = options.forUpdate ? await query.for('update') : await query;
  return row ?? null;
}

export interface ReceivableFilters {
  /** Company scope (required; empty = nothing). */
  companyIds: readonly string[];
  customerId?: string;
  issueFrom?: string;
  issueTo?: string;
  dueFrom?: string;
  dueTo?: string;
  status?: readonly ReceivableStatus[];
  /** true: only overdue (due before today with an open amount); false: only not overdue. */
  overdue?: boolean;
  /** Contains, case-insensitive: number, document, ERP key, invoice number, customer name or document. */
  q?: string;
  sort?: ReceivableSort;
  order?: 'asc' | 'desc';
  page?: number;
  pageSize?: number;
  /** 'YYYY-MM-DD' used for `overdue`; default today in America/Sao_Paulo. */
  today?: string;
}

/** One row of the título listing (contract §6). */
export interface ReceivableListItem {
  id: string;
  erpKey: string;
  companyId: string;
  companyName: string;
  customerId: string;
  customerName: string;
  customerDocument: string;
  establishmentId: string | null;
  document: string;
  number: string;
  installment: number;
  issueDate: string;
  dueDate: string;
  amountCents: number;
  openAmountCents: number;
  invoiceNumber: string | null;
  portadorId: string | null;
  portadorErpKey: string | null;
  portadorName: string | null;
  status: ReceivableStatus;
  overdue: boolean;
}

const listColumns = {
  id: receivables.id,
  erpKey: receivables.erpKey,
  companyId: receivables.companyId,
  companyName: companies.name,
  customerId: receivables.customerId,
  customerName: customers.name,
  customerDocument: customers.document,
  establishmentId: receivables.establishmentId,
  document: receivables.document,
  number: receivables.number,
  installment: receivables.installment,
  issueDate: receivables.issueDate,
  dueDate: receivables.dueDate,
  amountCents: receivables.amountCents,
  openAmountCents: receivables.openAmountCents,
  invoiceNumber: receivables.invoiceNumber,
  portadorId: receivables.portadorId,
  portadorErpKey: portadores.erpKey,
  portadorName: portadores.name,
  status: receivables.status,
};

/**
 * The título's own searchable text (number, document, ERP key, invoice number) as one expression, so that one
 * trigram index (migration `search_trgm`, same expression) serves the contains-search over 1M títulos.
 */
const receivableSearchText = sql`(${receivables.number} || ' ' || ${receivables.document} || ' ' || ${receivables.erpKey} || ' ' || coalesce(${receivables.invoiceNumber}, ''))`;

export function receivableConditions(filters: ReceivableFilters, today: string): SQL[] {
  const conditions: SQL[] = [inArray(receivables.companyId, [...filters.companyIds])];
  if (filters.customerId) conditions.push(eq(receivables.customerId, filters.customerId));
  if (filters.issueFrom) conditions.push(gte(receivables.issueDate, filters.issueFrom));
  if (filters.issueTo) conditions.push(lte(receivables.issueDate, filters.issueTo));
  if (filters.dueFrom) conditions.push(gte(receivables.dueDate, filters.dueFrom));
  if (filters.dueTo) conditions.push(lte(receivables.dueDate, filters.dueTo));
  if (filters.status && filters.status.length > 0)
    conditions.push(inArray(receivables.status, [...filters.status]));
  if (filters.overdue === true)
    conditions.push(and(lte(receivables.dueDate, addDays(today, -1)), gte(receivables.openAmountCents, 1))!);
  if (filters.overdue === false)
    conditions.push(or(gte(receivables.dueDate, today), eq(receivables.openAmountCents, 0))!);
  const q = filters.q?.trim();
  if (q) {
    const pattern = likeContains(q);
    const documentPattern = likeContains(q.replace(/[.\-/\s]/g, '').toUpperCase() || q);
    const matchingCustomers = sql`select ${customers.id} from ${customers} where ${and(
      inArray(customers.companyId, [...filters.companyIds]),
      or(ilike(customers.name, pattern), ilike(customers.document, documentPattern)),
    )}`;
    // `= any(array(…))` turns the customer match into a value computed once, so both sides use their indexes (a
    // bitmap OR of the trigram index and receivables_customer_idx) instead of a scan of every título.
    conditions.push(
      or(
        ilike(receivableSearchText, pattern),
        sql`${receivables.customerId} = any(array(${matchingCustomers}))`,
      )!,
    );
  }
  return conditions;
}

export function isOverdue(row: { dueDate: string; openAmountCents: number }, today: string): boolean {
  return row.dueDate < today && row.openAmountCents > 0;
}

/** The título listing with filters, sort and pagination, joined with company, customer and portador names. */
export async function listReceivables(
  ex: Executor,
  filters: ReceivableFilters,
): Promise<{ items: ReceivableListItem[]; total: number; page: number; pageSize: number }> {
  const { page, pageSize } = normalizePage(filters.page, filters.pageSize);
  if (filters.companyIds.length === 0) return { items: [], total: 0, page, pageSize };
  const today = filters.today ?? todayInSaoPaulo();
  const where = and(...receivableConditions(filters, today));
  const sortColumn = sortColumns[filters.sort ?? 'dueDate'];
  const direction = filters.order === 'desc' ? desc : asc;
  const rows = await ex
    .select(listColumns)
    .from(receivables)
    .innerJoin(companies, eq(companies.id, receivables.companyId))
    .innerJoin(customers, eq(customers.id, receivables.customerId))
    .leftJoin(portadores, eq(portadores.id, receivables.portadorId))
    .where(where)
    .orderBy(direction(sortColumn), direction(receivables.id))
    .limit(pageSize)
    .offset((page - 1) * pageSize);
  const [totalRow] = await ex.select({ total: count() }).from(receivables).where(where);
  const items = rows.map((row) => ({ ...row, overdue: isOverdue(row, today) }));
  return { items, total: totalRow?.total ?? 0, page, pageSize };
}

const sortColumns = {
  dueDate: receivables.dueDate,
  issueDate: receivables.issueDate,
  amountCents: receivables.amountCents,
  openAmountCents: receivables.openAmountCents,
  customerName: customers.name,
  number: receivables.number,
  status: receivables.status,
} as const;

/**
 * Every título the filters match, in the list's order, `chunk` rows at a time, each chunk read after the last row
 * of the one before (keyset), so reading 100,000 rows costs the same per row as reading the first page.
 */
export async function* scanReceivables(
  ex: Executor,
  filters: Omit<ReceivableFilters, 'page' | 'pageSize'>,
  chunk = MAX_PAGE_SIZE,
): AsyncGenerator<ReceivableListItem[]> {
  if (filters.companyIds.length === 0) return;
  const today = filters.today ?? todayInSaoPaulo();
  const sort = filters.sort ?? 'dueDate';
  const sortColumn = sortColumns[sort];
  const direction = filters.order === 'desc' ? desc : asc;
  const after = filters.order === 'desc' ? sql`<` : sql`>`;
  let last: ReceivableListItem | undefined;
  for (;;) {
    const conditions = receivableConditions(filters, today);
    if (last) conditions.push(sql`(${sortColumn}, ${receivables.id}) ${after} (${last[sort]}, ${last.id})`);
    const rows = await ex
      .select(listColumns)
      .from(receivables)
      .innerJoin(companies, eq(companies.id, receivables.companyId))
      .innerJoin(customers, eq(customers.id, receivables.customerId))
      .leftJoin(portadores, eq(portadores.id, receivables.portadorId))
      .where(and(...conditions))
      .orderBy(direction(sortColumn), direction(receivables.id))
      .limit(chunk);
    if (rows.length === 0) return;
    const items = rows.map((row) => ({ ...row, overdue: isOverdue(row, today) }));
    yield items;
    if (rows.length < chunk) return;
    last = items[items.length - 1];
  }
}

/** One título in the listing shape, by id or ERP key, within the company scope; null when outside it. */
export async function getReceivable(
  ex: Executor,
  args: {
    companyIds: readonly string[];
    id?: string;
    erpKey?: string;
    /** Only when this request (hash of route + body) made the título's current state. */
    requestHash?: string;
    today?: string;
  },
): Promise<ReceivableListItem | null> {
  if (args.companyIds.length === 0 || (!args.id && !args.erpKey)) return null;
  const today = args.today ?? todayInSaoPaulo();
  const conditions: SQL[] = [inArray(receivables.companyId, [...args.companyIds])];
  if (args.id) conditions.push(eq(receivables.id, args.id));
  if (args.erpKey) conditions.push(eq(receivables.erpKey, args.erpKey));
  if (args.requestHash) conditions.push(eq(receivables.requestHash, args.requestHash));
  const [row] = await ex
    .select(listColumns)
    .from(receivables)
    .innerJoin(companies, eq(companies.id, receivables.companyId))
    .innerJoin(customers, eq(customers.id, receivables.customerId))
    .leftJoin(portadores, eq(portadores.id, receivables.portadorId))
    .where(and(...conditions))
    .limit(1);
  return row ? { ...row, overdue: isOverdue(row, today) } : null;
}
