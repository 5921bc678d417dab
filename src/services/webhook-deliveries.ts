/**
 * Delivers the outbox's events to the ERP as signed webhooks.
 *
 * - The relay turns each event into one delivery per subscription (a unique key: the relay or a job running twice
 *   adds nothing) and schedules its job, in the relay's transaction.
 * - A job makes one attempt: it claims the delivery (a lease, so a second run of the same job finds it busy and a
 *   killed worker's claim expires), POSTs the body outside any transaction, and records the attempt — in the
 *   delivery log and the communication log — with the outcome: delivered on 2xx; otherwise the next attempt is
 *   scheduled with backoff and jitter, until the subscription's attempt limit makes it Falha.
 * - Redelivery (console or ERP API) adds a round of attempts to any delivery not being sent.
 *
 * Signature: HMAC-SHA256 with the subscription's secret over `${timestamp}.${rawBody}`, hex, in
 * X-Finconsole-Signature (README "Webhooks para o ERP").
 */
import { createHmac } from 'node:crypto';
import type {
  WebhookAttemptView,
  WebhookDeliveryDetail,
  WebhookDeliveryView,
} from '../contracts/webhooks.js';
import {
  DEFAULT_RETRY_POLICY,
  isAcknowledged,
  retryDelayMs,
  type RetryPolicy,
} from '../domain/webhooks/retry.js';
import { appendCommunicationLog } from '../store/communication-log.js';
import type { Store, Tx } from '../store/connection.js';
import { appendHistory } from '../store/history.js';
import type { OutboxRow } from '../store/outbox.js';
import {
  appendWebhookAttempt,
  getOutboxEvent,
  getWebhookDelivery,
  getWebhookSubscription,
  insertWebhookDelivery,
  listWebhookAttempts,
  listWebhookDeliveries,
  updateWebhookDelivery,
  type WebhookAttemptRow,
  type WebhookDeliveryFilters,
  type WebhookDeliveryRow,
} from '../store/webhooks.js';
import { notFound, ServiceError } from './errors.js';
import type { SecretBox } from './secrets.js';
import { subscriptionSecret } from './webhook-subscriptions.js';

export const JOB_DELIVER_WEBHOOK = 'webhook.deliver';

/** Queues the job that attempts a delivery, in `tx`, at `at` (null: now). The jobs layer provides it. */
export type DeliveryScheduler = (tx: Tx, deliveryId: string, at: Date | null) => Promise<void>;

export interface DeliveryPolicy {
  retry: RetryPolicy;
  /** Per attempt: the ERP must answer within it. */
  timeoutMs: number;
  /** [0, 1): the jitter. */
  random: () => number;
}

export const DEFAULT_DELIVERY_POLICY: DeliveryPolicy = {
  retry: DEFAULT_RETRY_POLICY,
  timeoutMs: 10_000,
  random: Math.random,
};

export interface DeliveryDeps {
  store: Store;
  secrets: SecretBox;
  schedule: DeliveryScheduler;
  policy?: Partial<DeliveryPolicy>;
}

const EXCERPT_CHARS = 500;
/** A claim outlives the attempt's timeout by this much before another run may take the delivery over. */
const LEASE_MARGIN_MS = 30_000;

/** The relay's hook: one delivery (and its first job) per subscribed event, in the relay's transaction. */
export async function planDeliveries(
  tx: Tx,
  event: Pick<OutboxRow, 'id' | 'name' | 'companyId' | 'subjectId'>,
  schedule: DeliveryScheduler,
): Promise<WebhookDeliveryRow | null> {
  if (!event.companyId) return null;
  const subscription = await getWebhookSubscription(tx, event.companyId);
  if (!subscription || subscription.active !== 1 || !subscription.events.includes(event.name)) return null;
  const delivery = await insertWebhookDelivery(tx, {
    companyId: event.companyId,
    eventId: event.id,
    eventName: event.name,
    subjectId: event.subjectId,
    attemptLimit: subscription.maxAttempts,
    nextAttemptAt: new Date(),
  });
  if (delivery) await schedule(tx, delivery.id, null);
  return delivery;
}

/** The JSON body of an event, as the ERP receives it. */
export function webhookBody(event: OutboxRow): string {
  return JSON.stringify({
    id: String(event.id),
    event: event.name,
    createdAt: event.createdAt.toISOString(),
    companyId: event.companyId,
    subjectId: event.subjectId,
    data: event.payload,
  });
}

export function webhookSignature(secret: string, timestamp: string, rawBody: string): string {
  return createHmac('sha256', secret).update(`${timestamp}.${rawBody}`, 'utf8').digest('hex');
}

/** What one run of the delivery job did. `busy`: another run holds the delivery (the job should come back). */
export type AttemptOutcome = 'delivered' | 'retry_scheduled' | 'failed' | 'skipped' | 'busy';

/** The delivery job: one attempt, unless the delivery is done or another run holds it. */
export async function attemptDelivery(
  deps: DeliveryDeps,
  deliveryId: string,
  actor: string,
): Promise<AttemptOutcome> {
  const policy = { ...DEFAULT_DELIVERY_POLICY, ...deps.policy };
  const claimed = await deps.store.transaction(async (tx) => {
    const delivery = await getWebhookDelivery(tx, deliveryId, { forUpdate: true });
    if (!delivery || delivery.status === 'delivered' || delivery.status === 'failed') return 'skipped';
    if (delivery.status === 'sending' && delivery.leaseUntil && delivery.leaseUntil > new Date())
      return 'busy';
    const subscription = await getWebhookSubscription(tx, delivery.companyId);
    const event = (await getOutboxEvent(tx, delivery.eventId))!;
    if (!subscription || subscription.active !== 1) {
      await updateWebhookDelivery(tx, delivery.id, {
        status: 'failed',
        leaseUntil: null,
        nextAttemptAt: null,
        lastError: 'webhook do ERP desativado ou removido',
      });
      return 'skipped';
    }
    const current = await updateWebhookDelivery(tx, delivery.id, {
      status: 'sending',
      attempts: delivery.attempts + 1,
      leaseUntil: new Date(Date.now() + policy.timeoutMs + LEASE_MARGIN_MS),
    });
    return {
      delivery: current,
      event,
      url: subscription.url,
      secret: subscriptionSecret(deps.secrets, subscription),
    };
  });
  if (typeof claimed === 'string') return claimed;

  const { delivery, event, url, secret } = claimed;
  const rawBody = webhookBody(event);
  const timestamp = String(Math.floor(Date.now() / 1000));
  const headers = {
    'content-type': 'application/json',
    'user-agent': 'finconsole-webhooks/1',
    'x-finconsole-event': event.name,
    'x-finconsole-event-id': String(event.id),
    'x-finconsole-delivery': delivery.id,
    'x-finconsole-attempt': String(delivery.attempts),
    'x-finconsole-timestamp': timestamp,
    'x-finconsole-signature': webhookSignature(secret, timestamp, rawBody),
  };
  const startedAt = new Date();
  const started = performance.now();
  const answer = await post(url, headers, rawBody, policy.timeoutMs);
  const durationMs = Math.round(performance.now() - started);

  return deps.store.transaction(async (tx) => {
    const current = (await getWebhookDelivery(tx, delivery.id, { forUpdate: true }))!;
    // Taken over after the lease expired (or redelivered meanwhile): log the attempt, leave the state to the owner.
    const owned = current.status === 'sending' && current.attempts === delivery.attempts;
    const acknowledged = isAcknowledged(answer.status);
    const final = acknowledged || delivery.attempts >= current.attemptLimit;
    const nextAttemptAt =
      owned && !final
        ? new Date(Date.now() + retryDelayMs(delivery.attempts, policy.retry, policy.random()))
        : null;
    await appendWebhookAttempt(tx, {
      deliveryId: delivery.id,
      attempt: delivery.attempts,
      url,
      httpStatus: answer.status,
      durationMs,
      responseExcerpt: answer.excerpt,
      error: answer.error,
      nextAttemptAt,
      actor,
      at: startedAt,
    });
    await appendCommunicationLog(tx, [
      {
        companyId: delivery.companyId,
        integrationId: null,
        platform: 'erp',
        operation: `entrega ao ERP: ${event.name}`,
        direction: 'out',
        method: 'POST',
        url: maskQuery(url),
        httpStatus: answer.status,
        outcome: acknowledged ? 'ok' : 'error',
        durationMs,
        requestBody: {
          headers: { ...headers, 'x-finconsole-signature': '***' },
          body: JSON.parse(rawBody) as object,
        },
        responseBody: answer.error ? { error: answer.error } : answer.excerpt,
        subjectId: delivery.subjectId,
        at: startedAt,
      },
    ]);
    if (!owned) return 'skipped';
    const lastError = acknowledged ? null : (answer.error ?? `HTTP ${answer.status}`);
    if (acknowledged) {
      await updateWebhookDelivery(tx, delivery.id, {
        status: 'delivered',
        leaseUntil: null,
        nextAttemptAt: null,
        lastHttpStatus: answer.status,
        lastError,
        deliveredAt: new Date(),
      });
      return 'delivered';
    }
    await updateWebhookDelivery(tx, delivery.id, {
      status: final ? 'failed' : 'pending',
      leaseUntil: null,
      nextAttemptAt,
      lastHttpStatus: answer.status,
      lastError,
    });
    if (final) return 'failed';
    await deps.schedule(tx, delivery.id, nextAttemptAt);
    return 'retry_scheduled';
  });
}

interface Answer {
  status: number | null;
  excerpt: string | null;
  error: string | null;
}

async function post(
  url: string,
  headers: Record<string, string>,
  body: string,
  timeoutMs: number,
): Promise<Answer> {
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers,
      body,
      redirect: 'manual',
      signal: AbortSignal.timeout(timeoutMs),
    });
    const text = await response.text();
    return { status: response.status, excerpt: text.slice(0, EXCERPT_CHARS), error: null };
  } catch (error) {
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    const message =
      (error as Error).name === 'TimeoutError'
        ? `sem resposta em ${timeoutMs} ms`
        : (cause?.code ?? cause?.message ?? (error as Error).message);
    return { status: null, excerpt: null, error: message };
  }
}

/** Query values may carry the ERP's own tokens: the log keeps their names only. */
function maskQuery(url: string): string {
  const parsed = new URL(url);
  for (const key of [...parsed.searchParams.keys()]) parsed.searchParams.set(key, '***');
  return parsed.toString();
}

/** Adds a round of attempts to a delivery (delivered ones are sent again) and queues the first at once. */
export async function redeliver(
  deps: Pick<DeliveryDeps, 'store' | 'schedule'>,
  args: { deliveryId: string; companyIds: readonly string[]; actor: string },
): Promise<WebhookDeliveryView> {
  return deps.store.transaction(async (tx) => {
    const delivery = await getWebhookDelivery(tx, args.deliveryId, { forUpdate: true });
    if (!delivery || !args.companyIds.includes(delivery.companyId)) throw notFound('Entrega não encontrada.');
    if (delivery.status === 'sending' && delivery.leaseUntil && delivery.leaseUntil > new Date())
      throw new ServiceError(409, 'conflict', 'A entrega está sendo enviada agora: aguarde o resultado.');
    const subscription = await getWebhookSubscription(tx, delivery.companyId);
    if (!subscription || subscription.active !== 1)
      throw new ServiceError(
        422,
        'webhook_inactive',
        'O webhook do ERP desta empresa está desativado ou não existe: ative-o antes de reenviar.',
      );
    const updated = await updateWebhookDelivery(tx, delivery.id, {
      status: 'pending',
      attemptLimit: delivery.attempts + subscription.maxAttempts,
      leaseUntil: null,
      nextAttemptAt: new Date(),
    });
    await appendHistory(tx, {
      entity: 'webhook_delivery',
      entityId: delivery.id,
      companyId: delivery.companyId,
      action: 'redelivery_requested',
      before: { status: delivery.status, attempts: delivery.attempts },
      actor: args.actor,
    });
    await deps.schedule(tx, delivery.id, null);
    return deliveryView(updated);
  });
}

function iso(date: Date | null): string | null {
  return date ? date.toISOString() : null;
}

function deliveryView(row: WebhookDeliveryRow): WebhookDeliveryView {
  return {
    id: row.id,
    companyId: row.companyId,
    eventId: String(row.eventId),
    event: row.eventName,
    subjectId: row.subjectId,
    status: row.status,
    attempts: row.attempts,
    attemptLimit: row.attemptLimit,
    nextAttemptAt: row.status === 'pending' ? iso(row.nextAttemptAt) : null,
    lastHttpStatus: row.lastHttpStatus,
    lastError: row.lastError,
    deliveredAt: iso(row.deliveredAt),
    createdAt: row.createdAt.toISOString(),
  };
}

function attemptView(row: WebhookAttemptRow): WebhookAttemptView {
  return {
    attempt: row.attempt,
    at: row.at.toISOString(),
    url: maskQuery(row.url),
    httpStatus: row.httpStatus,
    durationMs: row.durationMs,
    responseExcerpt: row.responseExcerpt,
    error: row.error,
    nextAttemptAt: iso(row.nextAttemptAt),
    actor: row.actor,
  };
}

export async function deliveryPage(store: Store, filters: WebhookDeliveryFilters) {
  const page = await listWebhookDeliveries(store.db, filters);
  return { ...page, items: page.items.map(deliveryView) };
}

export async function deliveryDetail(
  store: Store,
  companyIds: readonly string[],
  deliveryId: string,
): Promise<WebhookDeliveryDetail> {
  const delivery = await getWebhookDelivery(store.db, deliveryId);
  if (!delivery || !companyIds.includes(delivery.companyId)) throw notFound('Entrega não encontrada.');
  const event = (await getOutboxEvent(store.db, delivery.eventId))!;
  const attempts = await listWebhookAttempts(store.db, delivery.id);
  return {
    ...deliveryView(delivery),
    body: JSON.parse(webhookBody(event)) as unknown,
    attemptLog: attempts.map(attemptView),
  };
}
