/**
 * Console sessions and ERP API tokens. Secrets never rest in clear: the session cookie and the bearer token are
 * random 256-bit values whose sha256 is what the store keeps; passwords are salted scrypt (src/store/passwords.ts),
 * compared in constant time. An unknown e-mail still pays for one scrypt so timing does not reveal accounts.
 */
import type { Store } from '../store/connection.js';
import { findApiToken, touchApiToken } from '../store/api-tokens.js';
import { listAccessibleCompanies } from '../store/companies.js';
import { hashPassword, needsRehash, verifyPassword } from '../store/passwords.js';
import { createSession, deleteSession, findValidSession, DEFAULT_SESSION_TTL_MS } from '../store/sessions.js';
import { findUserByEmail, setPasswordHash } from '../store/users.js';
import type { ApiScope } from '../domain/api-scopes.js';
import type { UserRow } from '../store/users.js';
import { ServiceError } from './errors.js';
import { reachableCompanies, type CompanyRef, type TokenPrincipal, type UserPrincipal } from './scope.js';

export const SESSION_COOKIE = 'fc_session';
export const SESSION_TTL_MS = DEFAULT_SESSION_TTL_MS;

export interface SessionView {
  user: { id: string; name: string; email: string; role: UserPrincipal['role'] };
  companies: CompanyRef[];
  homeCompanyId: string;
}

let dummyHash: Promise<string> | undefined;

/**
 * The companies a principal whose home is `homeCompanyId` reaches. The store reads only the home company and its
 * children (not every company, on every authenticated request); scope.ts orders them (home first, children by
 * pt-BR name), so the order does not depend on the database's collation.
 */
async function companiesReachableFrom(store: Store, homeCompanyId: string): Promise<CompanyRef[]> {
  const rows = await listAccessibleCompanies(store.db, homeCompanyId);
  const refs = rows.map((row) => ({
    id: row.id,
    name: row.name,
    cnpj: row.cnpj,
    kind: row.kind,
    parentCompanyId: row.parentCompanyId ?? null,
  }));
  return reachableCompanies(homeCompanyId, refs);
}

async function userPrincipal(store: Store, user: UserRow): Promise<UserPrincipal> {
  return {
    kind: 'user',
    userId: user.id,
    name: user.name,
    email: user.email,
    role: user.role,
    homeCompanyId: user.homeCompanyId,
    companies: await companiesReachableFrom(store, user.homeCompanyId),
    actor: `user:${user.id}`,
  };
}

export function sessionView(principal: UserPrincipal): SessionView {
  return {
    user: { id: principal.userId, name: principal.name, email: principal.email, role: principal.role },
    companies: principal.companies,
    homeCompanyId: principal.homeCompanyId,
  };
}

export const invalidCredentials = () =>
  new ServiceError(401, 'invalid_credentials', 'E-mail ou senha inválidos.');

/** Checks e-mail + password and opens a session; 401 `invalid_credentials` otherwise. */
export async function login(
  store: Store,
  email: string,
  password: string,
): Promise<{ token: string; expiresAt: Date; principal: UserPrincipal }> {
  const user = await findUserByEmail(store.db, email);
  if (!user) {
    dummyHash ??= hashPassword('finconsole-timing-equalizer');
    await verifyPassword(password, await dummyHash);
    throw invalidCredentials();
  }
  if (!(await verifyPassword(password, user.passwordHash))) throw invalidCredentials();
  // A hash made under weaker scrypt parameters is replaced now, while the password is at hand.
  if (needsRehash(user.passwordHash)) await setPasswordHash(store.db, user.id, await hashPassword(password));
  const { token, session } = await createSession(store.db, user.id, SESSION_TTL_MS);
  return { token, expiresAt: session.expiresAt, principal: await userPrincipal(store, user) };
}

/** The user behind a session cookie, or null when absent, unknown or expired. */
export async function principalFromSession(
  store: Store,
  token: string | undefined,
): Promise<UserPrincipal | null> {
  if (!token) return null;
  const found = await findValidSession(store.db, token);
  return found ? userPrincipal(store, found.user) : null;
}

export async function logout(store: Store, token: string | undefined): Promise<void> {
  if (token) await deleteSession(store.db, token);
}

/** The company behind an `Authorization: Bearer <token>` header, or null when absent, unknown, revoked or expired. */
export async function principalFromApiToken(
  store: Store,
  authorization: string | undefined,
): Promise<TokenPrincipal | null> {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '');
  if (!match?.[1]) return null;
  const row = await findApiToken(store.db, match[1]);
  if (!row) return null;
  // Last use is bookkeeping, not security: write it at most once a minute per token.
  const now = new Date();
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() > 60_000)
    await touchApiToken(store.db, row.id, now);
  return {
    kind: 'token',
    tokenId: row.id,
    companyId: row.companyId,
    companies: await companiesReachableFrom(store, row.companyId),
    actor: `api-token:${row.id}`,
    tokenName: row.name,
    scopes: (row.scopes as ApiScope[] | null) ?? null,
  };
}
