/** What every route module receives: the store, the job queue and what platform calls need. */
import type { JobQueue } from '../jobs/index.js';
import type { PlatformDeps } from '../services/platform-gateway.js';
import type { Store } from '../store/connection.js';

export interface RouteContext {
  store: Store;
  jobs: JobQueue;
  platforms: PlatformDeps;
}
