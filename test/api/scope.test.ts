/** Company scoping rules (contract §5) as pure functions: who reaches what, and what "acting on X" covers. */
import { describe, expect, it } from 'vitest';
import { ServiceError } from '../../src/services/errors.js';
import {
  assertCanWrite,
  reachableCompanies,
  scopeFor,
  type CompanyRef,
  type UserPrincipal,
} from '../../src/services/scope.js';

const company = (
  id: string,
  kind: CompanyRef['kind'],
  parentCompanyId: string | null,
  name = id,
): CompanyRef => ({
  id,
  name,
  cnpj: '',
  kind,
  parentCompanyId,
});
const all = [
  company('g', 'consolidated', null, 'Grupo'),
  company('s', 'child', 'g', 'Sul'),
  company('n', 'child', 'g', 'Norte'),
  company('x', 'consolidated', null, 'Outro'),
  company('xc', 'child', 'x', 'Outro filho'),
];
const user = (home: string, role: UserPrincipal['role'] = 'operator'): UserPrincipal => ({
  kind: 'user',
  userId: 'u',
  name: 'u',
  email: 'u@x',
  role,
  homeCompanyId: home,
  companies: reachableCompanies(home, all),
  actor: 'user:u',
});

function statusOf(fn: () => unknown): number | undefined {
  try {
    fn();
    return undefined;
  } catch (error) {
    return error instanceof ServiceError ? error.status : -1;
  }
}

describe('scope', () => {
  it('a consolidated home reaches itself and its children (by name), nothing else', () => {
    expect(reachableCompanies('g', all).map((c) => c.id)).toEqual(['g', 'n', 's']);
    expect(reachableCompanies('s', all).map((c) => c.id)).toEqual(['s']);
    expect(reachableCompanies('unknown', all)).toEqual([]);
  });

  it('acting on the consolidated company covers all its children; on a child, the child', () => {
    const admin = user('g', 'admin');
    expect(scopeFor(admin, 'g').sort()).toEqual(['g', 'n', 's']);
    expect(scopeFor(admin, 's')).toEqual(['s']);
    expect(statusOf(() => scopeFor(admin, 'x'))).toBe(403);
    expect(statusOf(() => scopeFor(admin, 'xc'))).toBe(403);
  });

  it('a child user acts only on its own company', () => {
    const operator = user('s');
    expect(scopeFor(operator, 's')).toEqual(['s']);
    expect(scopeFor(operator)).toEqual(['s']);
    for (const other of ['g', 'n', 'x']) expect(statusOf(() => scopeFor(operator, other))).toBe(403);
  });

  it('viewers cannot write; operators and admins can', () => {
    expect(statusOf(() => assertCanWrite(user('n', 'viewer')))).toBe(403);
    expect(statusOf(() => assertCanWrite(user('n', 'operator')))).toBeUndefined();
    expect(statusOf(() => assertCanWrite(user('g', 'admin')))).toBeUndefined();
  });
});
