import { and, eq, lt } from 'drizzle-orm';
import type { Executor } from './connection.js';
import { idempotencyKeys } from './schema.js';

export type IdempotencyKeyRow = typeof idempotencyKeys.$inferSelect;

export async function getIdempotencyKey(
  ex: Executor,
  companyId: string,
  key: string,
): Promise<IdempotencyKeyRow | null> {
  const [row] = await ex
    .select()
    .from(idempotencyKeys)
    .where(and(eq(idempotencyKeys.companyId, companyId), eq(idempotencyKeys.key, key)));
  return row ?? null;
}

/**
 * Stores the response of a request made with an `Idempotency-Key`. When the key is already stored (a concurrent
 * request won), nothing is overwritten and the stored row is returned with `stored: false`.
 */
export async function putIdempotencyKey(
  ex: Executor,
  input: {
    companyId: string;
    key: string;
    requestHash: string;
    responseStatus: number;
    responseBody: unknown;
  },
): Promise<{ row: IdempotencyKeyRow; stored: boolean }> {
  const [inserted] = await ex
    .insert(idempotencyKeys)
    .values({ ...input, responseBody: input.responseBody ?? null })
    .onConflictDoNothing({ target: [idempotencyKeys.companyId, idempotencyKeys.key] })
    .returning();
  if (inserted) return { row: inserted, stored: true };
  const existing = await getIdempotencyKey(ex, input.companyId, input.key);
  return { row: existing!, stored: false };
}

/** Removes stored keys older than `before` (housekeeping). */
export async function deleteIdempotencyKeysBefore(ex: Executor, before: Date): Promise<number> {
  const rows = await ex
    .delete(idempotencyKeys)
    .where(lt(idempotencyKeys.createdAt, before))
    .returning({ key: idempotencyKeys.key });
  return rows.length;
}
