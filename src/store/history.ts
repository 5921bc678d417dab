import { and, asc, eq } from 'drizzle-orm';
import type { Executor } from './connection.js';
import { currentRequestId } from './request-context.js';
import { recordHistory } from './schema.js';

export type HistoryRow = typeof recordHistory.$inferSelect;

export interface HistoryEntry {
  entity: string;
  entityId: string;
  companyId?: string | null;
  action: string;
  before?: unknown;
  after?: unknown;
  /** 'user:<id>', 'api-token:<id>', 'job:<name>', 'seed', 'system'. */
  actor: string;
}

/** Appends one audit row (append-only table: rows are never changed or removed). */
export async function appendHistory(ex: Executor, entry: HistoryEntry): Promise<HistoryRow> {
  const [row] = await ex
    .insert(recordHistory)
    .values({
      entity: entry.entity,
      entityId: entry.entityId,
      companyId: entry.companyId ?? null,
      action: entry.action,
      before: entry.before ?? null,
      after: entry.after ?? null,
      actor: entry.actor,
      requestId: currentRequestId() ?? null,
    })
    .returning();
  return row!;
}

/** One 'created' row for each of many new records of one entity (bulk loads). */
export async function appendCreatedHistory(
  ex: Executor,
  entity: string,
  records: readonly { id: string; companyId: string }[],
  entry: { actor: string; after: unknown },
): Promise<void> {
  if (records.length === 0) return;
  await ex.insert(recordHistory).values(
    records.map((record) => ({
      entity,
      entityId: record.id,
      companyId: record.companyId,
      action: 'created',
      actor: entry.actor,
      after: entry.after,
    })),
  );
}

/** The history of one record, oldest first. */
export async function listHistory(ex: Executor, entity: string, entityId: string): Promise<HistoryRow[]> {
  return ex
    .select()
    .from(recordHistory)
    .where(and(eq(recordHistory.entity, entity), eq(recordHistory.entityId, entityId)))
    .orderBy(asc(recordHistory.seq));
}
