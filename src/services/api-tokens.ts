/**
 * ERP API tokens, managed by admins from the console: one token belongs to one company; the plain token is shown
 * once at creation and only its sha256 is stored; revoking is immediate (the next request with it gets 401). A token
 * may expire and may be limited to some scopes (src/domain/api-scopes.ts). Rotation issues a new token with the same
 * name, company and scopes and keeps the old one valid for a grace period, so the ERP switches without downtime.
 */
import type { Store } from '../store/connection.js';
import type { ApiScope } from '../domain/api-scopes.js';
import {
  createApiToken,
  expireApiToken,
  listApiTokens,
  revokeApiToken,
  type ApiTokenRow,
} from '../store/api-tokens.js';
import { appendHistory } from '../store/history.js';
import { notFound, ServiceError } from './errors.js';
import { assertAdmin, recordScope, scopeFor, type UserPrincipal } from './scope.js';

export interface ApiTokenView {
  id: string;
  companyId: string;
  name: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
  expiresAt: string | null;
  scopes: ApiScope[] | null;
}

function view(row: ApiTokenRow): ApiTokenView {
  return {
    id: row.id,
    companyId: row.companyId,
    name: row.name,
    createdAt: row.createdAt.toISOString(),
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
    revokedAt: row.revokedAt?.toISOString() ?? null,
    expiresAt: row.expiresAt?.toISOString() ?? null,
    scopes: (row.scopes as ApiScope[] | null) ?? null,
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
  input: { companyId: string; name: string; expiresAt?: string | undefined; scopes?: ApiScope[] | undefined },
): Promise<ApiTokenView & { token: string }> {
  assertAdmin(user, MANAGE);
  scopeFor(user, input.companyId);
  return store.transaction(async (tx) => {
    const { token, row } = await createApiToken(tx, {
      companyId: input.companyId,
      name: input.name,
      expiresAt: input.expiresAt ? new Date(input.expiresAt) : null,
      scopes: input.scopes ?? null,
    });
    const { name, expiresAt, scopes } = view(row);
    await appendHistory(tx, {
      entity: 'api_token',
      entityId: row.id,
      companyId: row.companyId,
      action: 'created',
      after: { name, expiresAt, scopes },
      actor: user.actor,
    });
    return { ...view(row), token };
  });
}

async function activeToken(store: Store, user: UserPrincipal, id: string): Promise<ApiTokenRow> {
  const row = (await tokensIn(store, recordScope(user))).find((t) => t.id === id);
  if (!row) throw notFound('Token não encontrado.');
  if (row.revokedAt || (row.expiresAt && row.expiresAt.getTime() <= Date.now()))
    throw new ServiceError(409, 'token_inactive', 'Este token já foi revogado ou expirou: crie um novo.');
  return row;
}

/**
 * A new token in place of `id`: same name, company and scopes; the old one stays valid for `graceHours` (or until
 * its own earlier expiry), then is refused. Returns the new token (shown once).
 */
export async function rotateToken(
  store: Store,
  user: UserPrincipal,
  id: string,
  input: { graceHours: number; expiresAt?: string | undefined },
): Promise<ApiTokenView & { token: string }> {
  assertAdmin(user, MANAGE);
  const old = await activeToken(store, user, id);
  const graceEnd = new Date(Date.now() + input.graceHours * 3_600_000);
  const oldEnd = old.expiresAt && old.expiresAt < graceEnd ? old.expiresAt : graceEnd;
  return store.transaction(async (tx) => {
    const { token, row } = await createApiToken(tx, {
      companyId: old.companyId,
      name: old.name,
      expiresAt: input.expiresAt ? new Date(input.expiresAt) : null,
      scopes: (old.scopes as ApiScope[] | null) ?? null,
    });
    await expireApiToken(tx, old.id, oldEnd);
    await appendHistory(tx, {
      entity: 'api_token',
      entityId: old.id,
      companyId: old.companyId,
      action: 'rotated',
      before: { expiresAt: old.expiresAt?.toISOString() ?? null },
      after: { expiresAt: oldEnd.toISOString(), replacedBy: row.id },
      actor: user.actor,
    });
    await appendHistory(tx, {
      entity: 'api_token',
      entityId: row.id,
      companyId: row.companyId,
      action: 'created',
      after: { name: row.name, expiresAt: view(row).expiresAt, scopes: view(row).scopes, replaces: old.id },
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
