/** The ERP webhook delivery job: the scheduler services use to queue an attempt, and the worker that runs it. */
import type { DeliveryPolicy, DeliveryScheduler } from '../services/webhook-deliveries.js';
import { attemptDelivery, JOB_DELIVER_WEBHOOK } from '../services/webhook-deliveries.js';
import type { SecretBox } from '../services/secrets.js';
import type { Store } from '../store/connection.js';
import type { JobQueue } from './queue.js';

/**
 * A job per attempt, at the attempt's time. pg-boss's own retries only cover a run that threw (a delivery held by
 * another run, or the database failing mid-way) or a worker killed mid-attempt (the job expires and runs again).
 */
export function webhookScheduler(queue: JobQueue): DeliveryScheduler {
  return async (tx, deliveryId, at) => {
    await queue.send(
      JOB_DELIVER_WEBHOOK,
      { deliveryId },
      { tx, ...(at ? { startAfter: at } : {}), retryLimit: 10, retryDelay: 15, retryBackoff: true },
    );
  };
}

export async function workWebhookDeliveries(
  queue: JobQueue,
  deps: { store: Store; secrets: SecretBox; policy?: Partial<DeliveryPolicy> },
): Promise<void> {
  const schedule = webhookScheduler(queue);
  await queue.work<{ deliveryId: string }>(JOB_DELIVER_WEBHOOK, async ({ deliveryId }) => {
    const outcome = await attemptDelivery({ ...deps, schedule }, deliveryId, `job:${JOB_DELIVER_WEBHOOK}`);
    if (outcome === 'busy')
      throw new Error(`entrega ${deliveryId} em andamento em outro worker: tentando de novo mais tarde`);
  });
}
