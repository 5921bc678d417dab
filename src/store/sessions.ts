import { and, eq, gt, lte } from 'drizzle-orm';
import type { Executor } from './connection.js';
import { sessions, users } from './schema.js';
import type { UserRow } from './users.js';
import { hashToken, newToken } from './util.js';

export type SessionRow = typeof sessions.$inferSelect;

export const DEFAULT_SESSION_TTL_MS = 12 * 60 * 60 * 1000;

/** Creates a session; the plain token (for the cookie) is returned once, only its hash is stored. */
export async function createSession(
  ex: Executor,
  userId: string,
  ttlMs: number = DEFAULT_SESSION_TTL_MS,
): Promise<{ token: string; session: SessionRow }> {
  const token = newToken('fcs');
  const [session] = await ex
    .insert(sessions)
    .values({ tokenHash: hashToken(token), userId, expiresAt: new Date(Date.now() + ttlMs) })
    .returning();
  return { token, session: session! };
}

/** The unexpired session of a plain token, with its user; null when unknown or expired. */
export async function findValidSession(
  ex: Executor,
  token: string,
  now: Date = new Date(),
): Promise<{ session: SessionRow; user: UserRow } | null> {
  const [row] = await ex
    .select({ session: sessions, user: users })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.tokenHash, hashToken(token)), gt(sessions.expiresAt, now)));
  return row ?? null;
}

export async function deleteSession(ex: Executor, token: string): Promise<void> {
  await ex.delete(sessions).where(eq(sessions.tokenHash, hashToken(token)));
}

export async function deleteExpiredSessions(ex: Executor, now: Date = new Date()): Promise<number> {
  const rows = await ex.delete(sessions).where(lte(sessions.expiresAt, now)).returning({ id: sessions.id });
  return rows.length;
}
