/**
 * Notifications of integration failures (registration and retorno processing) to the users chosen on the
 * integration: a row per user in the console's bell, written in the transaction of the failure, and an e-mail job
 * in the outbox for each (sent when SMTP_URL is configured; see src/jobs/smtp.ts).
 */
import type { Store, Tx } from '../store/connection.js';
import type { IntegrationRow } from '../store/integrations.js';
import {
  insertNotifications,
  listNotifications,
  markNotificationsRead,
  notificationWithEmail,
  usersReaching,
} from '../store/notifications.js';
import { enqueueJob } from '../store/outbox.js';
import { scopeFor, type UserPrincipal } from './scope.js';
import { sendMail } from './smtp.js';

export const JOB_NOTIFICATION_EMAIL = 'notification.email';

export interface IntegrationFailure {
  kind: 'registration_failed' | 'retorno_failed';
  title: string;
  body: string;
  link: string;
  /** The same cause notified once per user (e.g. `retorno:<id>:<note>`). */
  dedupeKey: string;
}

export async function notifyIntegrationUsers(
  tx: Tx,
  integration: Pick<IntegrationRow, 'companyId' | 'notifyUserIds'>,
  failure: IntegrationFailure,
): Promise<number> {
  const userIds = integration.notifyUserIds as string[];
  const rows = await insertNotifications(
    tx,
    userIds.map((userId) => ({ userId, companyId: integration.companyId, ...failure })),
  );
  for (const row of rows)
    await enqueueJob(tx, {
      name: JOB_NOTIFICATION_EMAIL,
      companyId: row.companyId,
      payload: { notificationId: row.id },
      dedupeKey: `email:${row.id}`,
    });
  return rows.length;
}

export async function notificationsOf(store: Store, user: UserPrincipal) {
  const { items, unread } = await listNotifications(store.db, user.userId, 50);
  return {
    unread,
    items: items.map((row) => ({
      id: row.id,
      kind: row.kind,
      title: row.title,
      body: row.body,
      link: row.link,
      createdAt: row.createdAt.toISOString(),
      read: row.readAt !== null,
    })),
  };
}

export async function readNotifications(
  store: Store,
  user: UserPrincipal,
  ids?: readonly string[],
): Promise<{ marked: number }> {
  return { marked: await markNotificationsRead(store.db, user.userId, ids) };
}

/** The users an integration of this company may notify (the editor's choices). */
export async function notifiableUsers(store: Store, user: UserPrincipal, companyId: string) {
  scopeFor(user, companyId);
  return { items: await usersReaching(store.db, companyId) };
}

export interface MailDeps {
  store: Store;
  /** SMTP_URL; absent: the e-mail job stays in the outbox as the record of what would be sent. */
  smtpUrl?: string;
  mailFrom?: string;
}

/** The e-mail job of one notification: sent when SMTP is configured, otherwise reported as not sent. */
export async function sendNotificationEmail(
  deps: MailDeps,
  notificationId: string,
): Promise<'sent' | 'smtp_not_configured' | 'gone'> {
  const found = await notificationWithEmail(deps.store.db, notificationId);
  if (!found) return 'gone';
  if (!deps.smtpUrl) return 'smtp_not_configured';
  await sendMail(deps.smtpUrl, {
    from: deps.mailFrom ?? 'finconsole@localhost',
    to: found.email,
    subject: `[finconsole] ${found.title}`,
    text: `${found.body}\n\nAbra no console: ${found.link ?? ''}\n`,
  });
  return 'sent';
}
