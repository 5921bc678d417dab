import { and, eq, isNull } from 'drizzle-orm';
import type { Executor } from './connection.js';
import { apiTokens } from './schema.js';
import { hashToken, newToken } from './util.js';

export type ApiTokenRow = typeof apiTokens.$inferSelect;

/** Creates an ERP API token for one company; the plain token is returned once, only its hash is stored. */
export async function createApiToken(
  ex: Executor,
  input: { companyId: string; name: string },
): Promise<{ token: string; row: ApiTokenRow }> {
  const token = newToken('fct');
  const [row] = await ex
    .insert(apiTokens)
    .values({ companyId: input.companyId, name: input.name, tokenHash: hashToken(token) })
    .returning();
  return { token, row: row! };
}

/** The active (not revoked) token row for a plain bearer token, or null. */
export async function findApiToken(ex: Executor, token: string): Promise<ApiTokenRow | null> {
  return findApiTokenByHash(ex, hashToken(token));
}

export async function findApiTokenByHash(ex: Executor, tokenHash: string): Promise<ApiTokenRow | null> {
  const [row] = await ex
    .select()
    .from(apiTokens)
    .where(and(eq(apiTokens.tokenHash, tokenHash), isNull(apiTokens.revokedAt)));
  return row ?? null;
}

export async function touchApiToken(ex: Executor, id: string, at: Date = new Date()): Promise<void> {
  await ex.update(apiTokens).set({ lastUsedAt: at }).where(eq(apiTokens.id, id));
}

export async function revokeApiToken(ex: Executor, id: string, at: Date = new Date()): Promise<void> {
  await ex
    .update(apiTokens)
    .set({ revokedAt: at })
    .where(and(eq(apiTokens.id, id), isNull(apiTokens.revokedAt)));
}

export async function listApiTokens(ex: Executor, companyId: string): Promise<ApiTokenRow[]> {
  return ex.select().from(apiTokens).where(eq(apiTokens.companyId, companyId));
}
