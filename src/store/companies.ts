import { asc, eq, or } from 'drizzle-orm';
import type { Executor } from './connection.js';
import { companies } from './schema.js';

export type CompanyRow = typeof companies.$inferSelect;
export type CompanyKind = CompanyRow['kind'];

export interface CompanyInput {
  name: string;
  cnpj: string;
  kind: CompanyKind;
  parentCompanyId?: string | null;
}

export async function createCompany(ex: Executor, input: CompanyInput): Promise<CompanyRow> {
  const [row] = await ex
    .insert(companies)
    .values({
      name: input.name,
      cnpj: input.cnpj,
      kind: input.kind,
      parentCompanyId: input.parentCompanyId ?? null,
    })
    .returning();
  return row!;
}

export async function getCompany(ex: Executor, id: string): Promise<CompanyRow | null> {
  const [row] = await ex.select().from(companies).where(eq(companies.id, id));
  return row ?? null;
}

export async function listCompanies(ex: Executor): Promise<CompanyRow[]> {
  return ex.select().from(companies).orderBy(asc(companies.name));
}

export async function countCompanies(ex: Executor): Promise<number> {
  return ex.$count(companies);
}

/**
 * The companies a user whose home is `homeCompanyId` may act on (contract §5): the home company and,
 * when it is consolidated, its children. Home first, then children by name. Empty when the id is unknown.
 */
export async function listAccessibleCompanies(ex: Executor, homeCompanyId: string): Promise<CompanyRow[]> {
  const home = await getCompany(ex, homeCompanyId);
  if (!home) return [];
  if (home.kind !== 'consolidated') return [home];
  const rows = await ex
    .select()
    .from(companies)
    .where(or(eq(companies.id, home.id), eq(companies.parentCompanyId, home.id)))
    .orderBy(asc(companies.name));
  return [home, ...rows.filter((row) => row.id !== home.id)];
}

/**
 * The company ids whose data "acting on companyId" covers: a consolidated company means itself and all its
 * children together; a child means itself. Empty when the id is unknown.
 */
export async function companyScopeIds(ex: Executor, companyId: string): Promise<string[]> {
  const rows = await ex
    .select({ id: companies.id })
    .from(companies)
    .where(or(eq(companies.id, companyId), eq(companies.parentCompanyId, companyId)));
  const ids = rows.map((row) => row.id);
  if (!ids.includes(companyId)) return [];
  return [companyId, ...ids.filter((id) => id !== companyId)];
}
