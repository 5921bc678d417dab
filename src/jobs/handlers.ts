/**
 * The jobs this service runs. Each handler is thin: it calls a service. `registerWorkers` starts them and the
 * outbox relay in the calling process (the embedded server, or `finconsole worker`).
 */
import type { Logger } from 'pino';
import type { Store } from '../store/connection.js';
import type { JobQueue } from './queue.js';
import { OutboxRelay } from './relay.js';

/** All queue names, created when the queue starts so the relay can enqueue into them inside its transaction. */
export const jobNames = [] as const satisfies readonly string[];

export async function registerWorkers(
  queue: JobQueue,
  deps: { store: Store; logger?: Logger },
): Promise<OutboxRelay> {
  const relay = new OutboxRelay(deps.store, queue, { logger: deps.logger });
  relay.start();
  queue.onStop(() => relay.stop());
  return relay;
}
