import { eq, inArray, sql } from 'drizzle-orm';
import type { Executor } from './connection.js';
import { loginAttempts } from './schema.js';

export type LoginAttemptRow = typeof loginAttempts.$inferSelect;

export async function findLoginAttempts(ex: Executor, keys: readonly string[]): Promise<LoginAttemptRow[]> {
  return ex
    .select()
    .from(loginAttempts)
    .where(inArray(loginAttempts.key, [...keys]));
}

/**
 * Counts one failure for `key` atomically (concurrent failures from several processes all count); the count
 * starts again at 1 when the previous failure is older than `resetAfterMs`. `delayMs` turns the new count into the
 * wait before the next attempt. Returns the new count.
 */
export async function recordLoginFailure(
  ex: Executor,
  key: string,
  at: Date,
  resetAfterMs: number,
  delayMs: (failures: number) => number,
): Promise<number> {
  const resetBefore = new Date(at.getTime() - resetAfterMs);
  const [row] = await ex
    .insert(loginAttempts)
    .values({ key, failures: 1, lastFailureAt: at, blockedUntil: at })
    .onConflictDoUpdate({
      target: loginAttempts.key,
      set: {
        failures: sql`CASE WHEN ${loginAttempts.lastFailureAt} < ${resetBefore} THEN 1 ELSE ${loginAttempts.failures} + 1 END`,
        lastFailureAt: at,
      },
    })
    .returning({ failures: loginAttempts.failures });
  const failures = row!.failures;
  await ex
    .update(loginAttempts)
    .set({ blockedUntil: new Date(at.getTime() + delayMs(failures)) })
    .where(eq(loginAttempts.key, key));
  return failures;
}

export async function clearLoginFailures(ex: Executor, key: string): Promise<void> {
  await ex.delete(loginAttempts).where(eq(loginAttempts.key, key));
}
