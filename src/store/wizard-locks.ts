/**
 * The setup wizard's "acesso exclusivo": one row per company names who runs the wizard there until when. Taking
 * it is one statement (insert, or take over an expired or own row), so two users racing get one winner.
 */
import { and, eq, lt, or, sql } from 'drizzle-orm';
import type { Executor } from './connection.js';
import { wizardLocks } from './schema.js';

export type WizardLockRow = typeof wizardLocks.$inferSelect;

/** Takes or renews the lock; answers the holder's row when someone else holds it. */
export async function takeWizardLock(
  ex: Executor,
  args: { companyId: string; userId: string; userName: string; expiresAt: Date },
): Promise<{ taken: true; lock: WizardLockRow } | { taken: false; lock: WizardLockRow | null }> {
  const [taken] = await ex
    .insert(wizardLocks)
    .values(args)
    .onConflictDoUpdate({
      target: wizardLocks.companyId,
      set: {
        userId: args.userId,
        userName: args.userName,
        expiresAt: args.expiresAt,
        acquiredAt: sql`case when ${wizardLocks.userId} = ${args.userId} then ${wizardLocks.acquiredAt} else now() end`,
      },
      setWhere: or(eq(wizardLocks.userId, args.userId), lt(wizardLocks.expiresAt, sql`now()`)),
    })
    .returning();
  if (taken) return { taken: true, lock: taken };
  const [held] = await ex.select().from(wizardLocks).where(eq(wizardLocks.companyId, args.companyId));
  return { taken: false, lock: held ?? null };
}

export async function releaseWizardLock(ex: Executor, companyId: string, userId: string): Promise<void> {
  await ex
    .delete(wizardLocks)
    .where(and(eq(wizardLocks.companyId, companyId), eq(wizardLocks.userId, userId)));
}

export async function getWizardLock(ex: Executor, companyId: string): Promise<WizardLockRow | null> {
  const [row] = await ex.select().from(wizardLocks).where(eq(wizardLocks.companyId, companyId));
  return row ?? null;
}
