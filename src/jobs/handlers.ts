/**
 * The jobs this service runs. Each handler is thin: it calls a service. `registerWorkers` starts them and the
 * outbox relay in the calling process (the embedded server, or `finconsole worker`).
 */
import type { Logger } from 'pino';
import { JOB_REGISTER, runRegistration } from '../services/registration.js';
import {
  JOB_PLATFORM_CHANGE,
  runPlatformChange,
  type PlatformChangePayload,
} from '../services/remessa-changes.js';
import {
  fetchNotification,
  JOB_FETCH_NOTIFICATION,
  JOB_PROCESS_RETORNO,
  processRetorno,
} from '../services/retornos.js';
import { JOB_NOTIFICATION_EMAIL, sendNotificationEmail } from '../services/notifications.js';
import type { PlatformDeps } from '../services/platform-gateway.js';
import { JOB_SUPPLIER_RECONCILIATION, runReconciliation } from '../services/reconciliation.js';
import { JOB_DELIVER_WEBHOOK, planDeliveries, type DeliveryPolicy } from '../services/webhook-deliveries.js';
import type { Store } from '../store/connection.js';
import type { JobQueue } from './queue.js';
import { OutboxRelay } from './relay.js';
import { webhookScheduler, workWebhookDeliveries } from './webhooks.js';

/** All queue names, created when the queue starts so the relay can enqueue into them inside its transaction. */
export const jobNames = [
  JOB_REGISTER,
  JOB_PLATFORM_CHANGE,
  JOB_FETCH_NOTIFICATION,
  JOB_PROCESS_RETORNO,
  JOB_SUPPLIER_RECONCILIATION,
  JOB_DELIVER_WEBHOOK,
  JOB_NOTIFICATION_EMAIL,
] as const;

export interface WorkerDeps extends PlatformDeps {
  store: Store;
  logger?: Logger;
  /** ERP webhook retries and timeout (tests shorten them). */
  webhookPolicy?: Partial<DeliveryPolicy>;
  /** Registrations and platform changes run at once in this process (each waits on its platform). Default 1. */
  platformConcurrency?: number;
  /** SMTP_URL / SMTP_FROM: notification e-mails (absent: not sent, the job says so in the log). */
  smtpUrl?: string;
  mailFrom?: string;
}

export async function registerWorkers(queue: JobQueue, deps: WorkerDeps): Promise<OutboxRelay> {
  const concurrency = deps.platformConcurrency ?? 1;
  await queue.work<{ remessaId: string }>(
    JOB_REGISTER,
    ({ remessaId }) => runRegistration(deps, remessaId, `job:${JOB_REGISTER}`),
    { concurrency },
  );
  await queue.work<PlatformChangePayload>(
    JOB_PLATFORM_CHANGE,
    (payload) => runPlatformChange(deps, payload, `job:${JOB_PLATFORM_CHANGE}`),
    { concurrency },
  );
  await queue.work<{ integrationId: string; body: unknown }>(JOB_FETCH_NOTIFICATION, async (data) => {
    await fetchNotification(deps, { ...data, actor: `job:${JOB_FETCH_NOTIFICATION}` });
  });
  await queue.work<{ retornoId: string }>(JOB_PROCESS_RETORNO, async ({ retornoId }) => {
    await processRetorno(deps.store, retornoId, `job:${JOB_PROCESS_RETORNO}`);
  });
  await queue.work<{ companyId: string }>(JOB_SUPPLIER_RECONCILIATION, async ({ companyId }) => {
    await runReconciliation(deps, { companyId, actor: `job:${JOB_SUPPLIER_RECONCILIATION}` });
  });
  await queue.work<{ notificationId: string }>(JOB_NOTIFICATION_EMAIL, async ({ notificationId }) => {
    const outcome = await sendNotificationEmail(deps, notificationId);
    if (outcome === 'smtp_not_configured')
      deps.logger?.info({ notificationId }, 'e-mail de notificação não enviado: SMTP_URL não configurado');
  });
  await workWebhookDeliveries(queue, {
    store: deps.store,
    secrets: deps.secrets,
    ...(deps.webhookPolicy ? { policy: deps.webhookPolicy } : {}),
  });
  const schedule = webhookScheduler(queue);
  const relay = new OutboxRelay(deps.store, queue, {
    logger: deps.logger,
    onEvent: async (event, { tx }) => {
      await planDeliveries(tx, event, schedule);
    },
  });
  relay.start();
  queue.onStop(() => relay.stop());
  return relay;
}
