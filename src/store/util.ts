import { createHash, randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { PgTransaction } from 'drizzle-orm/pg-core';
import type { Executor, Tx } from './connection.js';

/**
 * Runs fn in a transaction: a new one on the database, or the caller's open transaction itself. No savepoint: an
 * error inside rolls back the whole caller's transaction, which is what every caller wants, and it saves two round
 * trips per call on the write path. Code that must survive a failed step opens its own savepoint
 * (`tx.transaction(…)`, as the batch routes do per item).
 */
export function inTransaction<T>(ex: Executor, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return ex instanceof PgTransaction ? fn(ex as Tx) : ex.transaction(fn);
}

/** Holds a PostgreSQL advisory lock until `tx` ends: callers with the same key run one after the other. */
export async function lockTransaction(tx: Tx, key: number): Promise<void> {
  await tx.execute(sql`SELECT pg_advisory_xact_lock(${key})`);
}

/** sha256 hex of a secret token; only hashes are stored. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** A random URL-safe token with a readable prefix ("fct_…" API token, "fcs_…" session). */
export function newToken(prefix: string): string {
  return `${prefix}_${randomBytes(32).toString('base64url')}`;
}

/** Escapes LIKE wildcards so user text matches literally. */
export function likeContains(q: string): string {
  return `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

function normalizeForCompare(value: unknown): unknown {
  if (value === undefined) return null;
  if (value instanceof Date) return value.toISOString();
  return value;
}

/** Keys whose value in `next` (when given, i.e. not undefined) differs from `current`. */
export function changedKeys<T extends object>(
  current: T,
  next: Partial<T>,
  keys: readonly (keyof T)[],
): (keyof T)[] {
  return keys.filter((key) => {
    if (next[key] === undefined) return false;
    return normalizeForCompare(current[key]) !== normalizeForCompare(next[key]);
  });
}

export function pick<T extends object, K extends keyof T>(row: T, keys: readonly K[]): Pick<T, K> {
  const out = {} as Pick<T, K>;
  for (const key of keys) out[key] = row[key];
  return out;
}

/** Drops undefined values (so an update leaves them as they are). */
export function defined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

export interface Page {
  page: number;
  pageSize: number;
}

export const MAX_PAGE_SIZE = 200;
export const DEFAULT_PAGE_SIZE = 25;

export function normalizePage(page?: number, pageSize?: number): Page {
  const size = Math.min(MAX_PAGE_SIZE, Math.max(1, Math.trunc(pageSize ?? DEFAULT_PAGE_SIZE)));
  return { page: Math.max(1, Math.trunc(page ?? 1)), pageSize: size };
}
