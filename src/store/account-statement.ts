/**
 * The statement of a portador's account: receipts and fees posted by settlement, append-only (trigger) with one
 * row per posting key, so a retorno processed twice or by two workers posts once.
 */
import { and, asc, eq, gte, inArray, lte, sql, type SQL } from 'drizzle-orm';
import type { Executor, Tx } from './connection.js';
import { accountStatementEntries } from './schema.js';

export type StatementEntryRow = typeof accountStatementEntries.$inferSelect;
export type StatementEntryInput = Omit<
  typeof accountStatementEntries.$inferInsert,
  'id' | 'seq' | 'createdAt'
>;

/** Appends the entries; a key already there adds nothing. Returns the rows this call added. */
export async function postToStatement(
  tx: Tx,
  entries: readonly StatementEntryInput[],
): Promise<StatementEntryRow[]> {
  if (entries.length === 0) return [];
  return tx
    .insert(accountStatementEntries)
    .values([...entries])
    .onConflictDoNothing({ target: accountStatementEntries.idempotencyKey })
    .returning();
}

/** Net of a título's entries of some kinds on the statement (e.g. receipts less their reversals). */
export async function statementNetOfReceivable(
  ex: Executor,
  receivableId: string,
  kinds: readonly string[],
): Promise<number> {
  const [row] = await ex
    .select({ net: sql<number>`coalesce(sum(${accountStatementEntries.amountCents}), 0)`.mapWith(Number) })
    .from(accountStatementEntries)
    .where(
      and(
        eq(accountStatementEntries.receivableId, receivableId),
        inArray(accountStatementEntries.kind, [...kinds]),
      ),
    );
  return row?.net ?? 0;
}

export interface StatementFilters {
  companyIds: readonly string[];
  portadorId: string;
  from?: string;
  to?: string;
}

/** The entries of a portador's statement in a period, in posting order. */
export async function listStatement(ex: Executor, filters: StatementFilters): Promise<StatementEntryRow[]> {
  const where: SQL[] = [
    inArray(accountStatementEntries.companyId, [...filters.companyIds]),
    eq(accountStatementEntries.portadorId, filters.portadorId),
  ];
  if (filters.from) where.push(gte(accountStatementEntries.occurredOn, filters.from));
  if (filters.to) where.push(lte(accountStatementEntries.occurredOn, filters.to));
  return ex
    .select()
    .from(accountStatementEntries)
    .where(and(...where))
    .orderBy(asc(accountStatementEntries.occurredOn), asc(accountStatementEntries.seq));
}
