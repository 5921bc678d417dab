import { and, eq, gt, isNull, or } from 'drizzle-orm';
import type { ApiScope } from '../domain/api-scopes.js';
import type { Executor } from './connection.js';
import { apiTokens } from './schema.js';
import { hashToken, newToken } from './util.js';

export type ApiTokenRow = typeof apiTokens.$inferSelect;

/** Creates an ERP API token for one company; the plain token is returned once, only its hash is stored. */
export async function createApiToken(
  ex: Executor,
  input: { companyId: string; name: string; expiresAt?: Date | null; scopes?: readonly ApiScope[] | null },
): Promise<{ token: string; row: ApiTokenRow }> {
  const token = newToken('fct');
  const [row] = await ex
    .insert(apiTokens)
    .values({
      companyId: input.companyId,
      name: input.name,
      tokenHash: hashToken(token),
      expiresAt: input.expiresAt ?? null,
      scopes: input.scopes && input.scopes.length > 0 ? [...input.scopes] : null,
    })
    .returning();
  return { token, row: row! };
}

/** The active (neither revoked nor expired at `now`) token row for a plain bearer token, or null. */
export async function findApiToken(
  ex: Executor,
  token: string,
  now: Date = new Date(),
): Promise<ApiTokenRow | null> {
  return findApiTokenByHash(ex, hashToken(token), now);
}

export async function findApiTokenByHash(
  ex: Executor,
  tokenHash: string,
  now: Date = new Date(),
): Promise<ApiTokenRow | null> {
  const [row] = await ex
    .select()
    .from(apiTokens)
    .where(
      and(
        eq(apiTokens.tokenHash, tokenHash),
        isNull(apiTokens.revokedAt),
        or(isNull(apiTokens.expiresAt), gt(apiTokens.expiresAt, now)),
      ),
    );
  return row ?? null;
}

/** Sets when a token stops being accepted (rotation: the old token's grace period). */
export async function expireApiToken(ex: Executor, id: string, at: Date): Promise<void> {
  await ex.update(apiTokens).set({ expiresAt: at }).where(eq(apiTokens.id, id));
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
