/**
 * The audit log: who did what, when, in which company, with what result, and the before/after of every record the
 * action changed. The HTTP layer writes one row per write request (console and ERP) and per login attempt; the
 * before/after are the record_history rows written under the same request id (src/store/request-context.ts), so no
 * route or service has to remember to audit. Rows are append-only (database trigger); only admins read them.
 */
import type { Store } from '../store/connection.js';
import type { z } from 'zod';
import type { auditListQuery } from '../contracts/audit.js';
import { appendAudit, changesOfRequests, listAudit } from '../store/audit-log.js';
import { findUserByEmail } from '../store/users.js';
import { ServiceError } from './errors.js';
import { scopeFor, type Principal, type UserPrincipal } from './scope.js';

export interface AuditedRequest {
  principal: Principal | null;
  /** 'PUT /api/v1/customers/:erpKey', 'session.login_failed'… */
  action: string;
  target: string;
  status: number;
  requestId: string;
  address: string;
  /** The company the request named (body or query `companyId`), when the principal reaches it. */
  companyId?: string | undefined;
}

function companyOf(principal: Principal, named: string | undefined): string {
  if (named && principal.companies.some((company) => company.id === named)) return named;
  return principal.kind === 'token' ? principal.companyId : principal.homeCompanyId;
}

export async function recordAction(store: Store, request: AuditedRequest): Promise<void> {
  const { principal } = request;
  await appendAudit(store.db, {
    actor: principal?.actor ?? 'anonymous',
    actorName: principal?.kind === 'user' ? principal.name : (principal?.tokenName ?? null),
    companyId: principal ? companyOf(principal, request.companyId) : null,
    action: request.action,
    target: request.target,
    status: request.status,
    requestId: request.requestId,
    address: request.address,
  });
}

/** A failed login, under the company of the account it named (so that company's admins see it). */
export async function recordLoginFailure(
  store: Store,
  input: { email: string; requestId: string; address: string; failures: number },
): Promise<void> {
  const user = await findUserByEmail(store.db, input.email);
  await appendAudit(store.db, {
    // Whoever tried is unknown; the e-mail they typed names the account.
    actor: 'anonymous',
    actorName: input.email.slice(0, 200),
    companyId: user?.homeCompanyId ?? null,
    action: 'session.login_failed',
    target: `falha ${input.failures} seguida`,
    status: 401,
    requestId: input.requestId,
    address: input.address,
  });
}

export type AuditQuery = z.output<typeof auditListQuery>;

export async function auditPage(store: Store, user: UserPrincipal, query: AuditQuery) {
  if (user.role !== 'admin')
    throw new ServiceError(403, 'forbidden', 'Somente administradores consultam a auditoria.');
  const { companyId, from, to, sort: _sort, ...filters } = query;
  const companyIds = scopeFor(user, companyId);
  const page = await listAudit(store.db, {
    ...filters,
    companyIds,
    // Calendar days in America/Sao_Paulo (UTC−3 all year since 2019).
    ...(from ? { from: new Date(`${from}T00:00:00-03:00`) } : {}),
    ...(to ? { to: new Date(`${to}T23:59:59.999-03:00`) } : {}),
  });
  const changes = await changesOfRequests(
    store.db,
    page.items.map((row) => row.requestId),
  );
  return {
    ...page,
    items: page.items.map((row) => ({
      id: row.id,
      at: row.at.toISOString(),
      actor: row.actor,
      actorName: row.actorName,
      companyId: row.companyId,
      action: row.action,
      target: row.target,
      status: row.status,
      requestId: row.requestId,
      address: row.address,
      changes: changes
        .filter((change) => change.requestId === row.requestId)
        .map(({ entity, entityId, action, before, after }) => ({ entity, entityId, action, before, after })),
    })),
  };
}
