/** Console users' notifications (integration failures) and the users who may be chosen to receive them. */
import { and, count, desc, eq, inArray, isNull, or } from 'drizzle-orm';
import type { Executor, Tx } from './connection.js';
import { companies, notifications, users } from './schema.js';

export type NotificationRow = typeof notifications.$inferSelect;
export type NotificationInput = Omit<typeof notifications.$inferInsert, 'id' | 'readAt' | 'createdAt'>;

/** Inserts the notifications; one a user already has for the same dedupe key is skipped. */
export async function insertNotifications(
  tx: Tx,
  rows: readonly NotificationInput[],
): Promise<NotificationRow[]> {
  if (rows.length === 0) return [];
  return tx
    .insert(notifications)
    .values([...rows])
    .onConflictDoNothing({ target: [notifications.userId, notifications.dedupeKey] })
    .returning();
}

export async function listNotifications(
  ex: Executor,
  userId: string,
  limit: number,
): Promise<{ items: NotificationRow[]; unread: number }> {
  const [items, [unread]] = await Promise.all([
    ex
      .select()
      .from(notifications)
      .where(eq(notifications.userId, userId))
      .orderBy(desc(notifications.createdAt), desc(notifications.id))
      .limit(limit),
    ex
      .select({ count: count() })
      .from(notifications)
      .where(and(eq(notifications.userId, userId), isNull(notifications.readAt))),
  ]);
  return { items, unread: unread!.count };
}

/** Marks the user's notifications read (all of them when `ids` is absent); others' ids are ignored. */
export async function markNotificationsRead(
  ex: Executor,
  userId: string,
  ids?: readonly string[],
): Promise<number> {
  const where = [eq(notifications.userId, userId), isNull(notifications.readAt)];
  if (ids) where.push(inArray(notifications.id, [...ids]));
  const rows = await ex
    .update(notifications)
    .set({ readAt: new Date() })
    .where(and(...where))
    .returning({ id: notifications.id });
  return rows.length;
}

/** Users who reach a company: those at home in it or in its consolidated parent. */
export async function usersReaching(
  ex: Executor,
  companyId: string,
): Promise<{ id: string; name: string; email: string; role: string }[]> {
  const [company] = await ex
    .select({ parentCompanyId: companies.parentCompanyId })
    .from(companies)
    .where(eq(companies.id, companyId));
  if (!company) return [];
  const homes = [companyId, ...(company.parentCompanyId ? [company.parentCompanyId] : [])];
  return ex
    .select({ id: users.id, name: users.name, email: users.email, role: users.role })
    .from(users)
    .where(or(...homes.map((home) => eq(users.homeCompanyId, home))))
    .orderBy(users.name);
}

export async function notificationWithEmail(ex: Executor, id: string) {
  const [row] = await ex
    .select({
      title: notifications.title,
      body: notifications.body,
      link: notifications.link,
      email: users.email,
    })
    .from(notifications)
    .innerJoin(users, eq(users.id, notifications.userId))
    .where(eq(notifications.id, id));
  return row ?? null;
}
