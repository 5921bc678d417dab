/**
 * The credit platform's scheduled jobs (schedule, last run, outcome, "executar agora"): data sync (customers
 * changed since the last run), the daily financial reconciliation and platform commands (the platform's answers to
 * open analyses). A run is claimed in the database first, so two workers or two clicks never run it twice at once;
 * each job is idempotent on its own as well (entry ids, posting keys, the sync cursor).
 */
import {
  nextRunAfter,
  openCreditSituations,
  PLATFORM_JOBS,
  platformJobIds,
  type PlatformJobId,
} from '../domain/credit/index.js';
import { PlatformError } from '../platforms/adapter.js';
import { appendCommunicationLog } from '../store/communication-log.js';
import type { Store } from '../store/connection.js';
import { creditCustomersChangedSince, customersWithOpenAnalysis } from '../store/credit-customers.js';
import { activeCreditIntegration } from '../store/credit.js';
import type { IntegrationRow } from '../store/integrations.js';
import {
  claimPlatformJob,
  duePlatformJobs,
  ensurePlatformJobs,
  finishPlatformJob,
  listPlatformJobs,
  type PlatformJobRow,
} from '../store/platform-jobs.js';
import { refreshCustomerCredit, type CreditDeps } from './credit.js';
import { ServiceError } from './errors.js';
import { openIntegration } from './platform-gateway.js';
import { runReconciliation } from './reconciliation.js';

/** A run that has not finished in this long is taken as abandoned (its worker died). */
const STALE_RUN_MS = 30 * 60_000;

type JobResult = { summary: Record<string, number>; cursor?: Date };

async function syncData(
  deps: CreditDeps,
  integration: IntegrationRow,
  job: PlatformJobRow,
): Promise<JobResult> {
  const changed = await creditCustomersChangedSince(deps.store.db, integration.companyId, job.cursor);
  if (changed.length === 0) return { summary: { sent: 0 } };
  const session = openIntegration(deps, integration);
  try {
    await session.adapter.syncCustomers!(
      changed.map((c) => ({
        erpKey: c.erpKey,
        document: c.document,
        name: c.name,
        email: c.email ?? undefined,
        phone: c.phone ?? undefined,
        contacts: [],
      })),
    );
  } finally {
    await appendCommunicationLog(deps.store.db, session.drainLog());
  }
  return { summary: { sent: changed.length }, cursor: changed.at(-1)!.updatedAt };
}

async function platformCommands(deps: CreditDeps, integration: IntegrationRow): Promise<JobResult> {
  const open = await customersWithOpenAnalysis(deps.store.db, integration.companyId, openCreditSituations);
  for (const customer of open) await refreshCustomerCredit(deps, customer);
  return { summary: { checked: open.length } };
}

const RUNNERS: Record<
  PlatformJobId,
  (deps: CreditDeps, integration: IntegrationRow, job: PlatformJobRow, actor: string) => Promise<JobResult>
> = {
  'supplier-sync': syncData,
  'supplier-reconciliation': async (deps, integration, _job, actor) => ({
    summary: await runReconciliation(deps, { companyId: integration.companyId, actor }),
  }),
  'supplier-commands': platformCommands,
};

export type JobRunOutcome =
  { status: 'ran'; outcome: 'ok' | 'error'; summary: unknown } | { status: 'already_running' };

async function runClaimed(deps: CreditDeps, integration: IntegrationRow, job: PlatformJobId, actor: string) {
  const now = new Date();
  const claimed = await claimPlatformJob(deps.store.db, {
    integrationId: integration.id,
    job,
    now,
    staleBefore: new Date(now.getTime() - STALE_RUN_MS),
  });
  if (!claimed) return { status: 'already_running' } as const;
  let result: JobResult = { summary: {} };
  let outcome: 'ok' | 'error' = 'ok';
  let error: string | null = null;
  try {
    result = await RUNNERS[job](deps, integration, claimed, actor);
  } catch (caught) {
    if (!(caught instanceof PlatformError || caught instanceof ServiceError)) throw caught;
    outcome = 'error';
    error = caught.message;
  } finally {
    await finishPlatformJob(deps.store.db, {
      integrationId: integration.id,
      job,
      outcome,
      summary: error ? { error } : result.summary,
      nextRunAt: nextRunAfter(job, new Date()),
      ...(result.cursor ? { cursor: result.cursor } : {}),
    });
  }
  return { status: 'ran', outcome, summary: error ? { error } : result.summary } as const;
}

async function integrationOf(store: Store, companyId: string) {
  const integration = await activeCreditIntegration(store.db, companyId);
  if (!integration)
    throw new ServiceError(422, 'not_configured', 'Rotinas: a empresa não tem integração Supplier ativa');
  await ensurePlatformJobs(store.db, {
    integrationId: integration.id,
    companyId,
    jobs: platformJobIds,
    now: new Date(),
  });
  return integration;
}

/** "Executar agora": runs the job for the company now (a run already in progress is not started again). */
export async function runPlatformJobNow(
  deps: CreditDeps,
  args: { companyId: string; job: PlatformJobId; actor: string },
): Promise<JobRunOutcome> {
  const integration = await integrationOf(deps.store, args.companyId);
  return runClaimed(deps, integration, args.job, args.actor);
}

/** The scheduler's tick: every due job of every active integration, each claimed before it runs. */
export async function runDuePlatformJobs(deps: CreditDeps, now = new Date()): Promise<number> {
  let ran = 0;
  for (const due of await duePlatformJobs(deps.store.db, now)) {
    const integration = await activeCreditIntegration(deps.store.db, due.companyId);
    if (integration?.id !== due.integrationId) continue;
    const outcome = await runClaimed(deps, integration, due.job as PlatformJobId, `job:${due.job}`);
    if (outcome.status === 'ran') ran++;
  }
  return ran;
}

/** The jobs of the companies with an active integration, as the console shows them. */
export async function platformJobsOf(store: Store, companyIds: readonly string[]) {
  for (const companyId of companyIds)
    if (await activeCreditIntegration(store.db, companyId)) await integrationOf(store, companyId);
  return (await listPlatformJobs(store.db, companyIds)).map((row) => {
    const job = row.job as PlatformJobId;
    return {
      companyId: row.companyId,
      job,
      label: PLATFORM_JOBS[job].label,
      schedule: PLATFORM_JOBS[job].schedule,
      nextRunAt: row.nextRunAt.toISOString(),
      running: row.runningSince !== null,
      lastStartedAt: row.lastStartedAt?.toISOString() ?? null,
      lastFinishedAt: row.lastFinishedAt?.toISOString() ?? null,
      lastOutcome: row.lastOutcome as 'ok' | 'error' | null,
      lastSummary: row.lastSummary,
    };
  });
}
