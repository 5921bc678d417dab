/**
 * Company scoping (contract §5), decided in this one place for every route, job and CLI command.
 *
 * - A principal (a console user or an ERP API token) reaches its home company and, when that company is
 *   consolidated, each of its children.
 * - Acting on a consolidated company means acting on itself and all its children together; acting on a child
 *   means that child only.
 * - A company outside the principal's reach → 403 `forbidden`; a record of an unreachable company addressed by id
 *   → 404 `not_found` (the caller learns nothing about records it may not see).
 * - Viewers read, they never write.
 */
import type { ApiScope } from '../domain/api-scopes.js';
import { forbidden, ServiceError } from './errors.js';

export type Role = 'admin' | 'operator' | 'viewer';

export interface CompanyRef {
  id: string;
  name: string;
  cnpj: string;
  kind: 'consolidated' | 'child';
  parentCompanyId: string | null;
}

export interface UserPrincipal {
  kind: 'user';
  userId: string;
  name: string;
  email: string;
  role: Role;
  homeCompanyId: string;
  /** Reachable companies: home first, then its children when home is consolidated. */
  companies: CompanyRef[];
  /** How history rows name this principal. */
  actor: string;
}

export interface TokenPrincipal {
  kind: 'token';
  tokenId: string;
  /** The token's company: ERP writes land here. */
  companyId: string;
  companies: CompanyRef[];
  actor: string;
  tokenName: string;
  /** What the token reaches (src/domain/api-scopes.ts); null: everything. */
  scopes: ApiScope[] | null;
}

export type Principal = UserPrincipal | TokenPrincipal;

/** The companies reachable from a home company, given every company (home first, children by name). */
export function reachableCompanies(homeCompanyId: string, all: readonly CompanyRef[]): CompanyRef[] {
  const home = all.find((company) => company.id === homeCompanyId);
  if (!home) return [];
  if (home.kind !== 'consolidated') return [home];
  const children = all
    .filter((company) => company.parentCompanyId === home.id)
    .sort((a, b) => a.name.localeCompare(b.name, 'pt-BR'));
  return [home, ...children];
}

/**
 * The company ids a request for `companyId` covers, or 403 when the principal may not act on it.
 * Without a companyId (ERP tokens), the token's own company.
 */
export function scopeFor(principal: Principal, companyId?: string): string[] {
  const target = companyId ?? (principal.kind === 'token' ? principal.companyId : principal.homeCompanyId);
  const company = principal.companies.find((candidate) => candidate.id === target);
  if (!company) throw forbidden('Você não tem acesso a esta empresa (companyId fora do seu alcance).');
  if (company.kind !== 'consolidated') return [company.id];
  return [
    company.id,
    ...principal.companies.filter((c) => c.parentCompanyId === company.id).map((c) => c.id),
  ];
}

/**
 * The company ids a request addressing one record by id covers: those of `companyId` when given (403 when out of
 * reach), otherwise every company the principal reaches.
 */
export function recordScope(principal: Principal, companyId?: string): string[] {
  return companyId ? scopeFor(principal, companyId) : principal.companies.map((company) => company.id);
}

/** A console list query with its `companyId` replaced by the company ids it covers (403 when out of reach). */
export function scopedFilters<Query extends { companyId: string }>(
  principal: Principal,
  query: Query,
): Omit<Query, 'companyId'> & { companyIds: string[] } {
  const { companyId, ...filters } = query;
  return { ...filters, companyIds: scopeFor(principal, companyId) };
}

/** Only administrators may do `what` ("gerenciam tokens de API": the message reads "Somente administradores …"). */
export function assertAdmin(user: UserPrincipal, what: string): void {
  if (user.role !== 'admin') throw new ServiceError(403, 'forbidden', `Somente administradores ${what}.`);
}

/** Viewers read only; tokens and admins/operators may write. */
export function assertCanWrite(principal: Principal): void {
  if (principal.kind === 'user' && principal.role === 'viewer')
    throw new ServiceError(
      403,
      'forbidden',
      'Seu perfil é somente leitura: peça a um administrador ou operador para fazer esta alteração.',
    );
}
