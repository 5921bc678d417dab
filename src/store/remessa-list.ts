/**
 * The Remessa tab's list: every título whose portador has an active integration and that was issued on or after
 * the integration's Data de referência, with its remessa record (absent → Não Enviado).
 */
import { and, asc, count, desc, eq, gte, ilike, inArray, lte, or, sql, sum, type SQL } from 'drizzle-orm';
import type { RegistrationStatus, RemessaSort } from '../domain/receivable/registration.js';
import type { Executor } from './connection.js';
import {
  companies,
  customers,
  integrations,
  portadores,
  receivables,
  remessaFileItems,
  remessaFiles,
  remessas,
} from './schema.js';
import { likeContains, normalizePage } from './util.js';

export interface RemessaFilters {
  companyIds: readonly string[];
  platform?: string;
  portadorId?: string;
  issueFrom?: string;
  issueTo?: string;
  dueFrom?: string;
  dueTo?: string;
  status?: readonly RegistrationStatus[];
  /** Contains, case-insensitive: number, document, ERP key, invoice, customer name or document, nosso número. */
  q?: string;
  /** Only these títulos (a selection). */
  receivableIds?: readonly string[];
  /** Only títulos still open (not paid, written off or cancelled). */
  openOnly?: boolean;
  sort?: RemessaSort;
  order?: 'asc' | 'desc';
  page?: number;
  pageSize?: number;
}

const remessaStatus = sql<RegistrationStatus>`coalesce(${remessas.status}, 'not_sent')`;

const columns = {
  receivableId: receivables.id,
  remessaId: remessas.id,
  integrationId: integrations.id,
  platform: integrations.platform,
  companyId: receivables.companyId,
  companyName: companies.name,
  erpKey: receivables.erpKey,
  document: receivables.document,
  number: receivables.number,
  installment: receivables.installment,
  issueDate: receivables.issueDate,
  dueDate: receivables.dueDate,
  invoiceNumber: receivables.invoiceNumber,
  customerId: receivables.customerId,
  customerName: customers.name,
  customerDocument: customers.document,
  portadorId: portadores.id,
  portadorName: portadores.name,
  amountCents: receivables.amountCents,
  openAmountCents: receivables.openAmountCents,
  nossoNumero: remessas.nossoNumero,
  chargeId: remessas.chargeId,
  pdfUrl: remessas.pdfUrl,
  /** Banks by file: the number of the latest remessa file that carried the título. */
  remessaFileNumber: sql<number | null>`(
    select max(${remessaFiles.sequence}) from ${remessaFileItems}
    join ${remessaFiles} on ${remessaFiles.id} = ${remessaFileItems.remessaFileId}
    where ${remessaFileItems.remessaId} = ${remessas.id})`,
  receivableStatus: receivables.status,
  status: remessaStatus,
  lastError: remessas.lastError,
  attempts: sql<number>`coalesce(${remessas.attempts}, 0)`.mapWith(Number),
  updatedAt: remessas.updatedAt,
};

export type RemessaListItem = Awaited<ReturnType<typeof selectRows>>[number];

function conditions(filters: RemessaFilters): SQL[] {
  const where: SQL[] = [
    inArray(receivables.companyId, [...filters.companyIds]),
    gte(receivables.issueDate, integrations.referenceDate),
  ];
  if (filters.platform) where.push(eq(integrations.platform, filters.platform));
  if (filters.portadorId) where.push(eq(receivables.portadorId, filters.portadorId));
  if (filters.issueFrom) where.push(gte(receivables.issueDate, filters.issueFrom));
  if (filters.issueTo) where.push(lte(receivables.issueDate, filters.issueTo));
  if (filters.dueFrom) where.push(gte(receivables.dueDate, filters.dueFrom));
  if (filters.dueTo) where.push(lte(receivables.dueDate, filters.dueTo));
  if (filters.status?.length) where.push(inArray(remessaStatus, [...filters.status]));
  if (filters.receivableIds) where.push(inArray(receivables.id, [...filters.receivableIds]));
  if (filters.openOnly) where.push(inArray(receivables.status, ['open', 'registered']));
  if (filters.q) {
    const pattern = likeContains(filters.q);
    where.push(
      or(
        ilike(receivables.number, pattern),
        ilike(receivables.document, pattern),
        ilike(receivables.erpKey, pattern),
        ilike(receivables.invoiceNumber, pattern),
        ilike(customers.name, pattern),
        ilike(customers.document, pattern),
        ilike(remessas.nossoNumero, pattern),
      )!,
    );
  }
  return where;
}

function selectRows(ex: Executor, filters: RemessaFilters, limit: number, offset: number) {
  const sortColumn = {
    dueDate: receivables.dueDate,
    issueDate: receivables.issueDate,
    amountCents: receivables.amountCents,
    openAmountCents: receivables.openAmountCents,
    customerName: customers.name,
    number: receivables.number,
    status: remessaStatus,
  }[filters.sort ?? 'dueDate'];
  const direction = filters.order === 'desc' ? desc : asc;
  return ex
    .select(columns)
    .from(receivables)
    .innerJoin(companies, eq(companies.id, receivables.companyId))
    .innerJoin(customers, eq(customers.id, receivables.customerId))
    .innerJoin(portadores, eq(portadores.id, receivables.portadorId))
    .innerJoin(
      integrations,
      and(eq(integrations.portadorId, receivables.portadorId), eq(integrations.active, 1)),
    )
    .leftJoin(
      remessas,
      and(eq(remessas.receivableId, receivables.id), eq(remessas.integrationId, integrations.id)),
    )
    .where(and(...conditions(filters)))
    .orderBy(direction(sortColumn), direction(receivables.id))
    .limit(limit)
    .offset(offset);
}

export async function listRemessas(ex: Executor, filters: RemessaFilters) {
  const { page, pageSize } = normalizePage(filters.page, filters.pageSize);
  const empty = { count: 0, amountCents: 0, openAmountCents: 0 };
  if (filters.companyIds.length === 0) return { items: [], total: 0, page, pageSize, totals: empty };
  const [items, [totals]] = await Promise.all([
    selectRows(ex, filters, pageSize, (page - 1) * pageSize),
    ex
      .select({
        count: count(),
        amountCents: sql<number>`coalesce(${sum(receivables.amountCents)}, 0)`.mapWith(Number),
        openAmountCents: sql<number>`coalesce(${sum(receivables.openAmountCents)}, 0)`.mapWith(Number),
      })
      .from(receivables)
      .innerJoin(customers, eq(customers.id, receivables.customerId))
      .innerJoin(
        integrations,
        and(eq(integrations.portadorId, receivables.portadorId), eq(integrations.active, 1)),
      )
      .leftJoin(
        remessas,
        and(eq(remessas.receivableId, receivables.id), eq(remessas.integrationId, integrations.id)),
      )
      .where(and(...conditions(filters))),
  ]);
  const sums = totals ?? empty;
  return {
    items,
    total: sums.count,
    page,
    pageSize,
    totals: sums,
  };
}

/** Every título of the filter (ids only), for actions on a selection or a whole filter. */
export async function remessaReceivableIds(
  ex: Executor,
  filters: Omit<RemessaFilters, 'page' | 'pageSize' | 'sort' | 'order'>,
  limit: number,
): Promise<string[]> {
  if (filters.companyIds.length === 0) return [];
  const rows = await selectRows(ex, filters, limit, 0);
  return rows.map((row) => row.receivableId);
}
