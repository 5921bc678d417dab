/** The credit platform's scheduled jobs per integration: next run, the run in progress, the last outcome. */
import { and, asc, eq, inArray, isNull, lt, lte, or } from 'drizzle-orm';
import type { Executor } from './connection.js';
import { platformJobs } from './schema.js';

export type PlatformJobRow = typeof platformJobs.$inferSelect;

/** Creates the integration's jobs that do not exist yet (first run: now). */
export async function ensurePlatformJobs(
  ex: Executor,
  args: { integrationId: string; companyId: string; jobs: readonly string[]; now: Date },
): Promise<void> {
  await ex
    .insert(platformJobs)
    .values(args.jobs.map((job) => ({ ...args, job, nextRunAt: args.now })))
    .onConflictDoNothing();
}

/**
 * Claims the job for one run: only when no run is in progress (or the one in progress is older than `staleBefore`,
 * its worker gone). Two workers, or "executar agora" twice, claim it once.
 */
export async function claimPlatformJob(
  ex: Executor,
  args: { integrationId: string; job: string; now: Date; staleBefore: Date },
): Promise<PlatformJobRow | null> {
  const [row] = await ex
    .update(platformJobs)
    .set({ runningSince: args.now, lastStartedAt: args.now })
    .where(
      and(
        eq(platformJobs.integrationId, args.integrationId),
        eq(platformJobs.job, args.job),
        or(isNull(platformJobs.runningSince), lt(platformJobs.runningSince, args.staleBefore)),
      ),
    )
    .returning();
  return row ?? null;
}

export async function finishPlatformJob(
  ex: Executor,
  args: {
    integrationId: string;
    job: string;
    outcome: 'ok' | 'error';
    summary: unknown;
    nextRunAt: Date;
    cursor?: Date;
  },
): Promise<void> {
  await ex
    .update(platformJobs)
    .set({
      runningSince: null,
      lastFinishedAt: new Date(),
      lastOutcome: args.outcome,
      lastSummary: args.summary,
      nextRunAt: args.nextRunAt,
      ...(args.cursor ? { cursor: args.cursor } : {}),
    })
    .where(and(eq(platformJobs.integrationId, args.integrationId), eq(platformJobs.job, args.job)));
}

export async function listPlatformJobs(
  ex: Executor,
  companyIds: readonly string[],
): Promise<PlatformJobRow[]> {
  if (companyIds.length === 0) return [];
  return ex
    .select()
    .from(platformJobs)
    .where(inArray(platformJobs.companyId, [...companyIds]))
    .orderBy(asc(platformJobs.companyId), asc(platformJobs.job));
}

/** Jobs whose time has come and that no one runs. */
export async function duePlatformJobs(ex: Executor, now: Date): Promise<PlatformJobRow[]> {
  return ex
    .select()
    .from(platformJobs)
    .where(and(lte(platformJobs.nextRunAt, now), isNull(platformJobs.runningSince)));
}
