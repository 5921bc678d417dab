/**
 * Where each company's ERP receives its events: a URL and a signing secret, set by the ERP (with its API token) or
 * by an admin in the console. The secret is encrypted at rest and never returned; when none is given on the first
 * save, one is generated and returned once, in that answer.
 */
import { randomBytes } from 'node:crypto';
import {
  DEFAULT_WEBHOOK_ATTEMPTS,
  type WebhookSubscriptionInput,
  type WebhookSubscriptionView,
} from '../contracts/webhooks.js';
import { erpEventNames } from '../domain/webhooks/events.js';
import type { Store } from '../store/connection.js';
import { appendHistory } from '../store/history.js';
import {
  getWebhookSubscription,
  listWebhookSubscriptions,
  saveWebhookSubscription,
  type WebhookSubscriptionRow,
} from '../store/webhooks.js';
import { notFound, ServiceError } from './errors.js';
import { scopeFor, type UserPrincipal } from './scope.js';
import type { SecretBox } from './secrets.js';

export interface SubscriptionDeps {
  store: Store;
  secrets: SecretBox;
}

function view(row: WebhookSubscriptionRow): WebhookSubscriptionView {
  return {
    companyId: row.companyId,
    url: row.url,
    events: row.events,
    maxAttempts: row.maxAttempts,
    active: row.active === 1,
    secretConfigured: true,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** The signing secret of a subscription, decrypted (for the delivery job only). */
export function subscriptionSecret(secrets: SecretBox, row: WebhookSubscriptionRow): string {
  return secrets.open(row.secret).secret!;
}

export async function getSubscription(store: Store, companyId: string): Promise<WebhookSubscriptionView> {
  const row = await getWebhookSubscription(store.db, companyId);
  if (!row) throw notFound('Nenhum webhook cadastrado para esta empresa: cadastre-o com PUT.');
  return view(row);
}

/** Creates or replaces the company's subscription; fields left out keep their value (or the default). */
export async function saveSubscription(
  deps: SubscriptionDeps,
  args: { companyId: string; input: WebhookSubscriptionInput; actor: string },
): Promise<WebhookSubscriptionView> {
  const { input } = args;
  return deps.store.transaction(async (tx) => {
    const existing = await getWebhookSubscription(tx, args.companyId);
    const generated = !input.secret && !existing ? randomBytes(32).toString('hex') : undefined;
    const secret = input.secret ?? generated;
    const row = await saveWebhookSubscription(tx, {
      companyId: args.companyId,
      url: input.url,
      secret: secret ? deps.secrets.seal({ secret }) : existing!.secret,
      events: input.events ?? existing?.events ?? [...erpEventNames],
      maxAttempts: input.maxAttempts ?? existing?.maxAttempts ?? DEFAULT_WEBHOOK_ATTEMPTS,
      active: input.active === undefined ? (existing?.active ?? 1) : input.active ? 1 : 0,
    });
    const audited = (r: WebhookSubscriptionRow | null) =>
      r && { url: r.url, events: r.events, maxAttempts: r.maxAttempts, active: r.active === 1 };
    await appendHistory(tx, {
      entity: 'webhook_subscription',
      entityId: args.companyId,
      companyId: args.companyId,
      action: existing ? 'updated' : 'created',
      before: audited(existing),
      after: { ...audited(row), ...(input.secret || generated ? { secretChanged: true } : {}) },
      actor: args.actor,
    });
    return { ...view(row), ...(generated ? { secret: generated } : {}) };
  });
}

function assertAdmin(user: UserPrincipal): void {
  if (user.role !== 'admin')
    throw new ServiceError(403, 'forbidden', 'Somente administradores configuram os webhooks do ERP.');
}

/** Console: the subscriptions of the companies in reach of `companyId`. */
export async function listSubscriptionsOf(
  store: Store,
  user: UserPrincipal,
  companyId: string,
): Promise<WebhookSubscriptionView[]> {
  assertAdmin(user);
  return (await listWebhookSubscriptions(store.db, scopeFor(user, companyId))).map(view);
}

/** Console: an admin saves the subscription of one company in reach. */
export async function saveSubscriptionAsUser(
  deps: SubscriptionDeps,
  user: UserPrincipal,
  companyId: string,
  input: WebhookSubscriptionInput,
): Promise<WebhookSubscriptionView> {
  assertAdmin(user);
  scopeFor(user, companyId);
  return saveSubscription(deps, { companyId, input, actor: user.actor });
}
