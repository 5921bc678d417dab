/** The audit log (append-only by trigger): one row per user action, its before/after from record_history. */
import { and, asc, desc, eq, gte, ilike, inArray, isNull, lte, or, sql, type SQL } from 'drizzle-orm';
import type { Executor } from './connection.js';
import { auditLog, recordHistory } from './schema.js';
import { likeContains, normalizePage } from './util.js';

export type AuditRow = typeof auditLog.$inferSelect;
export type AuditInput = Omit<typeof auditLog.$inferInsert, 'id' | 'seq' | 'at'>;
export type HistoryChange = Pick<
  typeof recordHistory.$inferSelect,
  'entity' | 'entityId' | 'action' | 'before' | 'after' | 'requestId'
>;

export async function appendAudit(ex: Executor, entry: AuditInput): Promise<void> {
  await ex.insert(auditLog).values(entry);
}

export interface AuditFilters {
  companyIds: readonly string[];
  /** Also rows without a company (failed logins of unknown e-mails). */
  includeUnscoped?: boolean;
  actor?: string;
  /** Part of the action ('PUT /api/v1/customers', 'session.login_failed'). */
  action?: string;
  /** Instants. */
  from?: Date;
  to?: Date;
  q?: string;
  order?: 'asc' | 'desc';
  page?: number;
  pageSize?: number;
}

export async function listAudit(ex: Executor, filters: AuditFilters) {
  const { page, pageSize } = normalizePage(filters.page, filters.pageSize);
  const scope = [inArray(auditLog.companyId, [...filters.companyIds])];
  if (filters.includeUnscoped) scope.push(isNull(auditLog.companyId));
  const conditions: SQL[] = [or(...scope)!];
  if (filters.actor) conditions.push(eq(auditLog.actor, filters.actor));
  if (filters.action) conditions.push(ilike(auditLog.action, likeContains(filters.action)));
  if (filters.from) conditions.push(gte(auditLog.at, filters.from));
  if (filters.to) conditions.push(lte(auditLog.at, filters.to));
  if (filters.q?.trim()) {
    const pattern = likeContains(filters.q.trim());
    conditions.push(
      or(
        ilike(auditLog.target, pattern),
        ilike(auditLog.actorName, pattern),
        eq(auditLog.requestId, filters.q),
      )!,
    );
  }
  const where = and(...conditions);
  const items = await ex
    .select()
    .from(auditLog)
    .where(where)
    .orderBy(filters.order === 'asc' ? asc(auditLog.seq) : desc(auditLog.seq))
    .limit(pageSize)
    .offset((page - 1) * pageSize);
  const [total] = await ex
    .select({ n: sql<number>`count(*)::int` })
    .from(auditLog)
    .where(where);
  return { items, total: total?.n ?? 0, page, pageSize };
}

/** The record changes each request made (in its own transaction), in order. */
export async function changesOfRequests(
  ex: Executor,
  requestIds: readonly string[],
): Promise<HistoryChange[]> {
  if (requestIds.length === 0) return [];
  return ex
    .select({
      entity: recordHistory.entity,
      entityId: recordHistory.entityId,
      action: recordHistory.action,
      before: recordHistory.before,
      after: recordHistory.after,
      requestId: recordHistory.requestId,
    })
    .from(recordHistory)
    .where(inArray(recordHistory.requestId, [...requestIds]))
    .orderBy(asc(recordHistory.seq));
}
