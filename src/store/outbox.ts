/**
 * The transactional outbox. `recordEvent` (events for the ERP, kept as the event log) and `enqueueJob` (work for
 * the job queue) write in the caller's transaction, so they exist exactly when the change that causes them
 * commits. The jobs layer relays pending rows to the queue (`claimPendingOutbox` + `markRelayed`, one transaction).
 */
import { and, asc, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Executor, Tx } from './connection.js';
import { afterCommit } from './connection.js';
import { currentRequestId, REQUEST_ID_KEY } from './request-context.js';
import { outbox } from './schema.js';

export type OutboxRow = typeof outbox.$inferSelect;

export interface OutboxEventInput {
  name: string;
  companyId: string;
  subjectId: string;
  payload: Record<string, unknown>;
}

export interface OutboxJobInput {
  name: string;
  payload: Record<string, unknown>;
  companyId?: string | null;
  /** At most one pending-or-relayed row per key: a repeated enqueue adds nothing. */
  dedupeKey?: string;
}

/** Wakes the relay of this process after a commit that wrote outbox rows (other processes poll). */
const listeners = new Set<() => void>();
export function onOutboxCommit(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
function wakeAfterCommit(tx: Tx): void {
  try {
    afterCommit(tx, () => {
      for (const listener of listeners) listener();
    });
  } catch {
    // A savepoint's handle is not the outer transaction's: the relay's polling picks the rows up instead.
  }
}

export async function recordEvent(tx: Tx, event: OutboxEventInput): Promise<OutboxRow> {
  const [row] = await tx
    .insert(outbox)
    .values({ kind: 'event', ...event })
    .returning();
  wakeAfterCommit(tx);
  return row!;
}

/** The job's data with the id of the request (or job) that caused it, when there is one. */
function withCausingRequest(payload: Record<string, unknown>): Record<string, unknown> {
  const requestId = currentRequestId();
  return requestId && !(REQUEST_ID_KEY in payload) ? { ...payload, [REQUEST_ID_KEY]: requestId } : payload;
}

/** Returns the row, or null when a row with the same dedupe key already exists. */
export async function enqueueJob(tx: Tx, job: OutboxJobInput): Promise<OutboxRow | null> {
  const [row] = await tx
    .insert(outbox)
    .values({
      kind: 'job',
      name: job.name,
      payload: withCausingRequest(job.payload),
      companyId: job.companyId ?? null,
      dedupeKey: job.dedupeKey ?? null,
    })
    .onConflictDoNothing({ target: outbox.dedupeKey })
    .returning();
  if (row) wakeAfterCommit(tx);
  return row ?? null;
}

/** Locks up to `limit` pending rows, oldest first, skipping rows another relay holds. */
export async function claimPendingOutbox(tx: Tx, limit: number): Promise<OutboxRow[]> {
  return tx
    .select()
    .from(outbox)
    .where(isNull(outbox.relayedAt))
    .orderBy(asc(outbox.id))
    .limit(limit)
    .for('update', { skipLocked: true });
}

export async function markRelayed(tx: Tx, ids: readonly number[]): Promise<void> {
  if (ids.length === 0) return;
  await tx
    .update(outbox)
    .set({ relayedAt: sql`now()` })
    .where(inArray(outbox.id, [...ids]));
}

/** Lets a finished job with a dedupe key be enqueued again (e.g. a registration retried after a fix). */
export async function releaseDedupeKey(ex: Executor, dedupeKey: string): Promise<void> {
  await ex
    .update(outbox)
    .set({ dedupeKey: null })
    .where(and(eq(outbox.dedupeKey, dedupeKey), eq(outbox.kind, 'job')));
}

/** Events of a company, newest first (optionally of one subject or name). */
export async function listEvents(
  ex: Executor,
  args: { companyId: string; subjectId?: string; name?: string; limit?: number },
): Promise<OutboxRow[]> {
  const conditions = [eq(outbox.kind, 'event'), eq(outbox.companyId, args.companyId)];
  if (args.subjectId) conditions.push(eq(outbox.subjectId, args.subjectId));
  if (args.name) conditions.push(eq(outbox.name, args.name));
  return ex
    .select()
    .from(outbox)
    .where(and(...conditions))
    .orderBy(desc(outbox.id))
    .limit(args.limit ?? 100);
}
