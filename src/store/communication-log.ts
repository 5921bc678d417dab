/** The communication log ("Logs"): every exchange with a platform, webhook received and job run. */
import { and, desc, eq, gte, ilike, inArray, lte, or, sql, type SQL } from 'drizzle-orm';
import type { Executor } from './connection.js';
import { currentRequestId } from './request-context.js';
import { communicationLog } from './schema.js';
import { likeContains, normalizePage } from './util.js';

export type CommunicationLogRow = typeof communicationLog.$inferSelect;
export type CommunicationLogInput = Omit<typeof communicationLog.$inferInsert, 'id'>;

export async function appendCommunicationLog(
  ex: Executor,
  entries: readonly CommunicationLogInput[],
): Promise<void> {
  if (entries.length === 0) return;
  const requestId = currentRequestId() ?? null;
  await ex.insert(communicationLog).values(entries.map((entry) => ({ requestId, ...entry })));
}

export interface CommunicationLogFilters {
  companyIds: readonly string[];
  platform?: string;
  outcome?: 'ok' | 'error';
  /** ISO instants. */
  from?: string;
  to?: string;
  subjectId?: string;
  q?: string;
  page?: number;
  pageSize?: number;
}

export async function listCommunicationLog(ex: Executor, filters: CommunicationLogFilters) {
  const { page, pageSize } = normalizePage(filters.page, filters.pageSize);
  if (filters.companyIds.length === 0) return { items: [], total: 0, page, pageSize };
  const conditions: SQL[] = [inArray(communicationLog.companyId, [...filters.companyIds])];
  if (filters.platform) conditions.push(eq(communicationLog.platform, filters.platform));
  if (filters.outcome) conditions.push(eq(communicationLog.outcome, filters.outcome));
  if (filters.from) conditions.push(gte(communicationLog.at, new Date(filters.from)));
  if (filters.to) conditions.push(lte(communicationLog.at, new Date(filters.to)));
  if (filters.subjectId) conditions.push(eq(communicationLog.subjectId, filters.subjectId));
  if (filters.q?.trim()) {
    const pattern = likeContains(filters.q.trim());
    conditions.push(
      or(
        ilike(communicationLog.operation, pattern),
        ilike(communicationLog.url, pattern),
        ilike(sql`${communicationLog.responseBody}::text`, pattern),
      )!,
    );
  }
  const where = and(...conditions);
  const items = await ex
    .select()
    .from(communicationLog)
    .where(where)
    .orderBy(desc(communicationLog.id))
    .limit(pageSize)
    .offset((page - 1) * pageSize);
  const [total] = await ex
    .select({ n: sql<number>`count(*)::int` })
    .from(communicationLog)
    .where(where);
  return { items, total: total?.n ?? 0, page, pageSize };
}
