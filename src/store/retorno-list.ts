/** The Retorno tab's list: retorno records with their título and customer, filtered, sorted, paged and totalled. */
import { and, asc, count, desc, eq, gte, ilike, inArray, lte, or, sql, type SQL } from 'drizzle-orm';
import type { RetornoSort } from '../domain/settlement/retornos.js';
import type { Executor } from './connection.js';
import { companies, customers, receivables, retornos } from './schema.js';
import { likeContains, normalizePage } from './util.js';

export interface RetornoFilters {
  companyIds: readonly string[];
  /** Only these records (the Histórico reads one row as the list shows it). */
  ids?: readonly string[];
  platform?: string;
  portadorId?: string;
  paidFrom?: string;
  paidTo?: string;
  situation?: string;
  q?: string;
  sort?: RetornoSort;
  order?: 'asc' | 'desc';
  page?: number;
  pageSize?: number;
}

const total = (column: typeof retornos.paidCents) => sql<number>`coalesce(sum(${column}), 0)`.mapWith(Number);

const totals = {
  paidCents: total(retornos.paidCents),
  discountCents: total(retornos.discountCents),
  interestCents: total(retornos.interestCents),
  otherCostsCents: total(retornos.otherCostsCents),
  collectionCostCents: total(retornos.collectionCostCents),
  feeCents: total(retornos.feeCents),
};

function conditions(filters: RetornoFilters): SQL[] {
  const where: SQL[] = [inArray(retornos.companyId, [...filters.companyIds])];
  if (filters.ids) where.push(inArray(retornos.id, [...filters.ids]));
  if (filters.platform) where.push(eq(retornos.platform, filters.platform));
  if (filters.portadorId) where.push(eq(receivables.portadorId, filters.portadorId));
  if (filters.paidFrom) where.push(gte(retornos.paidOn, filters.paidFrom));
  if (filters.paidTo) where.push(lte(retornos.paidOn, filters.paidTo));
  if (filters.situation) where.push(eq(retornos.situation, filters.situation));
  if (filters.q) {
    const pattern = likeContains(filters.q);
    where.push(
      or(
        ilike(receivables.number, pattern),
        ilike(receivables.erpKey, pattern),
        ilike(customers.name, pattern),
        ilike(retornos.nossoNumero, pattern),
        ilike(retornos.occurrenceDescription, pattern),
        ilike(retornos.note, pattern),
      )!,
    );
  }
  return where;
}

export async function listRetornos(ex: Executor, filters: RetornoFilters) {
  const { page, pageSize } = normalizePage(filters.page, filters.pageSize);
  const where = and(...conditions(filters));
  const sortColumn = {
    occurredAt: retornos.occurredAt,
    paidOn: retornos.paidOn,
    creditedOn: retornos.creditedOn,
    paidCents: retornos.paidCents,
    situation: retornos.situation,
  }[filters.sort ?? 'occurredAt'];
  const direction = filters.order === 'asc' ? asc : desc;
  const [items, [sums]] = await Promise.all([
    ex
      .select({
        id: retornos.id,
        platform: retornos.platform,
        companyId: retornos.companyId,
        companyName: companies.name,
        receivableId: retornos.receivableId,
        number: receivables.number,
        installment: receivables.installment,
        customerName: customers.name,
        occurrenceCode: retornos.occurrenceCode,
        occurrenceDescription: retornos.occurrenceDescription,
        occurredAt: retornos.occurredAt,
        processedAt: retornos.processedAt,
        paidOn: retornos.paidOn,
        creditedOn: retornos.creditedOn,
        situation: retornos.situation,
        paidCents: retornos.paidCents,
        discountCents: retornos.discountCents,
        interestCents: retornos.interestCents,
        otherCostsCents: retornos.otherCostsCents,
        collectionCostCents: retornos.collectionCostCents,
        feeCents: retornos.feeCents,
        nossoNumero: retornos.nossoNumero,
        note: retornos.note,
      })
      .from(retornos)
      .innerJoin(companies, eq(companies.id, retornos.companyId))
      .leftJoin(receivables, eq(receivables.id, retornos.receivableId))
      .leftJoin(customers, eq(customers.id, receivables.customerId))
      .where(where)
      .orderBy(direction(sortColumn), direction(retornos.id))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    ex
      .select({ count: count(), ...totals })
      .from(retornos)
      .leftJoin(receivables, eq(receivables.id, retornos.receivableId))
      .leftJoin(customers, eq(customers.id, receivables.customerId))
      .where(where),
  ]);
  // An aggregate without GROUP BY always answers one row.
  const { count: matched, ...sumsOnly } = sums!;
  return { items, total: matched, page, pageSize, totals: sumsOnly };
}
