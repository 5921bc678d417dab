/**
 * ERP webhooks: the subscription of each company, one delivery per (company, event) — the unique key is what makes
 * an event delivered once however often the relay or a job runs — and the log of every attempt.
 */
import { and, asc, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Executor, Tx } from './connection.js';
import { outbox, webhookDeliveries, webhookDeliveryAttempts, webhookSubscriptions } from './schema.js';
import { normalizePage } from './util.js';

export type WebhookSubscriptionRow = typeof webhookSubscriptions.$inferSelect;
export type WebhookDeliveryRow = typeof webhookDeliveries.$inferSelect;
export type WebhookAttemptRow = typeof webhookDeliveryAttempts.$inferSelect;
export type WebhookDeliveryStatus = WebhookDeliveryRow['status'];

export async function getWebhookSubscription(
  ex: Executor,
  companyId: string,
): Promise<WebhookSubscriptionRow | null> {
  const [row] = await ex
    .select()
    .from(webhookSubscriptions)
    .where(eq(webhookSubscriptions.companyId, companyId));
  return row ?? null;
}

export async function listWebhookSubscriptions(
  ex: Executor,
  companyIds: readonly string[],
): Promise<WebhookSubscriptionRow[]> {
  if (companyIds.length === 0) return [];
  return ex
    .select()
    .from(webhookSubscriptions)
    .where(inArray(webhookSubscriptions.companyId, [...companyIds]));
}

export async function saveWebhookSubscription(
  ex: Executor,
  values: Omit<typeof webhookSubscriptions.$inferInsert, 'createdAt' | 'updatedAt'>,
): Promise<WebhookSubscriptionRow> {
  const { url, secret, events, maxAttempts, active } = values;
  const [row] = await ex
    .insert(webhookSubscriptions)
    .values(values)
    .onConflictDoUpdate({
      target: webhookSubscriptions.companyId,
      set: { url, secret, events, maxAttempts, active, updatedAt: sql`now()` },
    })
    .returning();
  return row!;
}

/** The outbox event a delivery carries. */
export async function getOutboxEvent(ex: Executor, eventId: number) {
  const [row] = await ex.select().from(outbox).where(eq(outbox.id, eventId));
  return row && row.kind === 'event' ? row : null;
}

/** Null when the event already has a delivery for this company. */
export async function insertWebhookDelivery(
  tx: Tx,
  values: Pick<
    typeof webhookDeliveries.$inferInsert,
    'companyId' | 'eventId' | 'eventName' | 'subjectId' | 'attemptLimit' | 'nextAttemptAt'
  >,
): Promise<WebhookDeliveryRow | null> {
  const [row] = await tx
    .insert(webhookDeliveries)
    .values({ ...values, status: 'pending' })
    .onConflictDoNothing({ target: [webhookDeliveries.companyId, webhookDeliveries.eventId] })
    .returning();
  return row ?? null;
}

export async function getWebhookDelivery(
  ex: Executor,
  id: string,
  options: { forUpdate?: boolean } = {},
): Promise<WebhookDeliveryRow | null> {
  const query = ex.select().from(webhookDeliveries).where(eq(webhookDeliveries.id, id));
  const [row] = options.forUpdate ? await query.for('update') : await query;
  return row ?? null;
}

export async function updateWebhookDelivery(
  tx: Tx,
  id: string,
  patch: Partial<
    Pick<
      WebhookDeliveryRow,
      | 'status'
      | 'attempts'
      | 'attemptLimit'
      | 'leaseUntil'
      | 'nextAttemptAt'
      | 'lastHttpStatus'
      | 'lastError'
      | 'deliveredAt'
    >
  >,
): Promise<WebhookDeliveryRow> {
  const [row] = await tx
    .update(webhookDeliveries)
    .set({ ...patch, updatedAt: sql`now()` })
    .where(eq(webhookDeliveries.id, id))
    .returning();
  return row!;
}

export async function appendWebhookAttempt(
  tx: Tx,
  values: Omit<typeof webhookDeliveryAttempts.$inferInsert, 'id'>,
): Promise<void> {
  await tx.insert(webhookDeliveryAttempts).values(values);
}

export async function listWebhookAttempts(ex: Executor, deliveryId: string): Promise<WebhookAttemptRow[]> {
  return ex
    .select()
    .from(webhookDeliveryAttempts)
    .where(eq(webhookDeliveryAttempts.deliveryId, deliveryId))
    .orderBy(asc(webhookDeliveryAttempts.id));
}

export interface WebhookDeliveryFilters {
  companyIds: readonly string[];
  status?: WebhookDeliveryStatus;
  eventName?: string;
  subjectId?: string;
  page?: number;
  pageSize?: number;
}

/** Deliveries, newest first. */
export async function listWebhookDeliveries(ex: Executor, filters: WebhookDeliveryFilters) {
  const { page, pageSize } = normalizePage(filters.page, filters.pageSize);
  if (filters.companyIds.length === 0) return { items: [], total: 0, page, pageSize };
  const conditions: SQL[] = [inArray(webhookDeliveries.companyId, [...filters.companyIds])];
  if (filters.status) conditions.push(eq(webhookDeliveries.status, filters.status));
  if (filters.eventName) conditions.push(eq(webhookDeliveries.eventName, filters.eventName));
  if (filters.subjectId) conditions.push(eq(webhookDeliveries.subjectId, filters.subjectId));
  const where = and(...conditions);
  const items = await ex
    .select()
    .from(webhookDeliveries)
    .where(where)
    .orderBy(desc(webhookDeliveries.createdAt), desc(webhookDeliveries.eventId))
    .limit(pageSize)
    .offset((page - 1) * pageSize);
  const [total] = await ex
    .select({ n: sql<number>`count(*)::int` })
    .from(webhookDeliveries)
    .where(where);
  return { items, total: total?.n ?? 0, page, pageSize };
}
