/** Console list extras over the título listing: totals of the filtered set and what was paid per título. */
import { and, eq, inArray, max, sql, sum } from 'drizzle-orm';
import { todayInSaoPaulo } from '../domain/dates.js';
import type { Executor } from './connection.js';
import { receivableConditions, type ReceivableFilters } from './receivables.js';
import { receivableMovements, receivables } from './schema.js';

export interface ReceivableTotals {
  amountCents: number;
  openAmountCents: number;
}

/** Sums of Valor and Valor aberto over every título the filters match (all pages). */
export async function receivableTotals(ex: Executor, filters: ReceivableFilters): Promise<ReceivableTotals> {
  if (filters.companyIds.length === 0) return { amountCents: 0, openAmountCents: 0 };
  const where = and(...receivableConditions(filters, filters.today ?? todayInSaoPaulo()));
  const [row] = await ex
    .select({
      amountCents: sql<string>`coalesce(${sum(receivables.amountCents)}, 0)`,
      openAmountCents: sql<string>`coalesce(${sum(receivables.openAmountCents)}, 0)`,
    })
    .from(receivables)
    .where(where);
  return { amountCents: Number(row?.amountCents ?? 0), openAmountCents: Number(row?.openAmountCents ?? 0) };
}

export interface ReceivablePayment {
  /** Date of the latest payment movement. */
  paidOn: string;
  paidCents: number;
}

/** Payment movements posted on each of the given títulos, by título id (títulos without one are absent). */
export async function paymentsByReceivable(
  ex: Executor,
  ids: readonly string[],
): Promise<Map<string, ReceivablePayment>> {
  if (ids.length === 0) return new Map();
  const rows = await ex
    .select({
      receivableId: receivableMovements.receivableId,
      paidOn: max(receivableMovements.occurredOn),
      paidCents: sum(receivableMovements.amountCents),
    })
    .from(receivableMovements)
    .where(and(inArray(receivableMovements.receivableId, [...ids]), eq(receivableMovements.kind, 'payment')))
    .groupBy(receivableMovements.receivableId);
  const result = new Map<string, ReceivablePayment>();
  for (const row of rows) {
    const paidCents = Number(row.paidCents);
    if (row.paidOn && paidCents > 0) result.set(row.receivableId, { paidOn: row.paidOn, paidCents });
  }
  return result;
}
