export {
  JobQueue,
  type JobQueueOptions,
  type SendOptions,
  type JobHandler,
  type JobContext,
} from './queue.js';
export { registerWorkers, jobNames } from './handlers.js';
export { OutboxRelay } from './relay.js';

import type { Store } from '../store/connection.js';
import { jobNames } from './handlers.js';
import { JobQueue, type JobQueueOptions } from './queue.js';

/** A started queue with all of this service's queues declared. */
export async function startJobQueue(
  store: Store,
  options: Omit<JobQueueOptions, 'queues'> = {},
): Promise<JobQueue> {
  const queue = new JobQueue(store, { ...options, queues: jobNames });
  await queue.start();
  return queue;
}
