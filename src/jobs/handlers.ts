/**
 * The jobs this service runs. Each handler is thin: it calls a service. `registerWorkers` starts them and the
 * outbox relay in the calling process (the embedded server, or `finconsole worker`).
 */
import type { Logger } from 'pino';
import { JOB_REGISTER, runRegistration } from '../services/registration.js';
import {
  fetchNotification,
  JOB_FETCH_NOTIFICATION,
  JOB_PROCESS_RETORNO,
  processRetorno,
} from '../services/retornos.js';
import type { PlatformDeps } from '../services/platform-gateway.js';
import type { Store } from '../store/connection.js';
import type { JobQueue } from './queue.js';
import { OutboxRelay } from './relay.js';

/** All queue names, created when the queue starts so the relay can enqueue into them inside its transaction. */
export const jobNames = [JOB_REGISTER, JOB_FETCH_NOTIFICATION, JOB_PROCESS_RETORNO] as const;

export interface WorkerDeps extends PlatformDeps {
  store: Store;
  logger?: Logger;
}

export async function registerWorkers(queue: JobQueue, deps: WorkerDeps): Promise<OutboxRelay> {
  await queue.work<{ remessaId: string }>(JOB_REGISTER, ({ remessaId }) =>
    runRegistration(deps, remessaId, `job:${JOB_REGISTER}`),
  );
  await queue.work<{ integrationId: string; body: unknown }>(JOB_FETCH_NOTIFICATION, async (data) => {
    await fetchNotification(deps, { ...data, actor: `job:${JOB_FETCH_NOTIFICATION}` });
  });
  await queue.work<{ retornoId: string }>(JOB_PROCESS_RETORNO, async ({ retornoId }) => {
    await processRetorno(deps.store, retornoId, `job:${JOB_PROCESS_RETORNO}`);
  });
  const relay = new OutboxRelay(deps.store, queue, { logger: deps.logger });
  relay.start();
  queue.onStop(() => relay.stop());
  return relay;
}
