/**
 * The jobs this service runs. Each handler is thin: it calls the store/services. `registerWorkers` starts them in
 * the calling process (the embedded server, or `finconsole worker`).
 */
import type { Logger } from 'pino';
import { appendHistory, type Store } from '../store/index.js';
import type { JobQueue } from './queue.js';

export const JOB_RECEIVABLE_CHANGED = 'receivable.changed';

export interface ReceivableChangedJob {
  receivableId: string;
  companyId: string;
  /** 'created' | 'updated' | … */
  change: string;
}

/** All queue names, created when the queue starts so transactions can enqueue into them. */
export const jobNames = [JOB_RECEIVABLE_CHANGED] as const;

export async function registerWorkers(
  queue: JobQueue,
  deps: { store: Store; logger?: Logger },
): Promise<void> {
  // Proves the path ERP/console → transaction + outbox → worker: records that the change was processed.
  await queue.work<ReceivableChangedJob>(JOB_RECEIVABLE_CHANGED, async (data, job) => {
    await appendHistory(deps.store.db, {
      entity: 'receivable',
      entityId: data.receivableId,
      companyId: data.companyId,
      action: 'job.receivable.changed',
      after: { change: data.change, jobId: job.id },
      actor: `job:${JOB_RECEIVABLE_CHANGED}`,
    });
    deps.logger?.debug({ job: job.id, receivableId: data.receivableId }, 'receivable.changed processado');
  });
}
