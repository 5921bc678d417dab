import { eq, inArray } from 'drizzle-orm';
import type { Executor } from './connection.js';
import { hashPassword } from './passwords.js';
import { users } from './schema.js';

export type UserRow = typeof users.$inferSelect;
export type UserRole = UserRow['role'];

export interface UserInput {
  email: string;
  name: string;
  /** Plain password; stored as a salted scrypt hash. */
  password: string;
  role: UserRole;
  homeCompanyId: string;
}

/** E-mails are stored and looked up trimmed and lower-cased. */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

export async function createUser(ex: Executor, input: UserInput): Promise<UserRow> {
  const [row] = await ex
    .insert(users)
    .values({
      email: normalizeEmail(input.email),
      name: input.name,
      passwordHash: await hashPassword(input.password),
      role: input.role,
      homeCompanyId: input.homeCompanyId,
    })
    .returning();
  return row!;
}

export async function findUserByEmail(ex: Executor, email: string): Promise<UserRow | null> {
  const [row] = await ex
    .select()
    .from(users)
    .where(eq(users.email, normalizeEmail(email)));
  return row ?? null;
}

export async function getUser(ex: Executor, id: string): Promise<UserRow | null> {
  const [row] = await ex.select().from(users).where(eq(users.id, id));
  return row ?? null;
}

/** Names of the given users by id (unknown ids are absent). */
export async function userNames(ex: Executor, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await ex
    .select({ id: users.id, name: users.name })
    .from(users)
    .where(inArray(users.id, [...ids]));
  return new Map(rows.map((row) => [row.id, row.name]));
}

/** Replaces a user's password hash (the re-hash at login under stronger parameters). */
export async function setPasswordHash(ex: Executor, id: string, passwordHash: string): Promise<void> {
  await ex.update(users).set({ passwordHash }).where(eq(users.id, id));
}
