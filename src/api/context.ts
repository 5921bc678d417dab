/** What every route module receives: the store and the job queue (both owned by src/store and src/jobs). */
import type { JobQueue } from '../jobs/index.js';
import type { Store } from '../store/connection.js';

export interface RouteContext {
  store: Store;
  jobs: JobQueue;
}
