/**
 * ERP API tokens, managed by admins from the console: one token belongs to one company; the plain token is shown
 * once at creation and only its sha256 is stored; revoking is immediate (the next request with it gets 401).
 */
import type { Store } from '../store/connection.js';
import { createApiToken, listApiTokens, revokeApiToken, type ApiTokenRow } from '../store/api-tokens.js';
import { appendHistory } from '../store/history.js';
import { notFound } from './errors.js';
import { assertAdmin, recordScope, scopeFor, type UserPrincipal } from './scope.js';

export interface ApiTokenView {
  id: string;
  companyId: string;
  name: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

function view(row: ApiTokenRow): ApiTokenView {
  return {
    id: row.id,
    companyId: row.companyId,
    name: row.name,
    createdAt: row.createdAt.toISOString(),
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
    revokedAt: row.revokedAt?.toISOString() ?? null,
  };
}

const MANAGE = 'gerenciam tokens de API';

async function tokensIn(store: Store, companyIds: readonly string[]): Promise<ApiTokenRow[]> {
  const lists = await Promise.all(companyIds.map((id) => listApiTokens(store.db, id)));
  return lists.flat().sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
}

export async function listTokens(
  store: Store,
  user: UserPrincipal,
  companyId: string,
): Promise<ApiTokenView[]> {
  assertAdmin(user, MANAGE);
  return (await tokensIn(store, scopeFor(user, companyId))).map(view);
}

export async function createToken(
  store: Store,
  user: UserPrincipal,
  input: { companyId: string; name: string },
): Promise<ApiTokenView & { token: string }> {
  assertAdmin(user, MANAGE);
  scopeFor(user, input.companyId);
  return store.transaction(async (tx) => {
    const { token, row } = await createApiToken(tx, input);
    await appendHistory(tx, {
      entity: 'api_token',
      entityId: row.id,
      companyId: row.companyId,
      action: 'created',
      after: { name: row.name },
      actor: user.actor,
    });
    return { ...view(row), token };
  });
}

export async function revokeToken(store: Store, user: UserPrincipal, id: string): Promise<void> {
  assertAdmin(user, MANAGE);
  const row = (await tokensIn(store, recordScope(user))).find((t) => t.id === id);
  if (!row) throw notFound('Token não encontrado.');
  if (row.revokedAt) return;
  await store.transaction(async (tx) => {
    await revokeApiToken(tx, id);
    await appendHistory(tx, {
      entity: 'api_token',
      entityId: id,
      companyId: row.companyId,
      action: 'revoked',
      actor: user.actor,
    });
  });
}
