export {
  JobQueue,
  type JobQueueOptions,
  type SendOptions,
  type JobHandler,
  type JobContext,
} from './queue.js';
export { registerWorkers, jobNames, JOB_RECEIVABLE_CHANGED, type ReceivableChangedJob } from './handlers.js';

import type { Logger } from 'pino';
import type { Store } from '../store/index.js';
import { jobNames } from './handlers.js';
import { JobQueue } from './queue.js';

/** A started queue with all of this service's queues declared. */
export async function startJobQueue(
  store: Store,
  options: { logger?: Logger; pollingIntervalSeconds?: number; batchSize?: number } = {},
): Promise<JobQueue> {
  const queue = new JobQueue(store, { ...options, queues: jobNames });
  await queue.start();
  return queue;
}
