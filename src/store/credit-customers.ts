/**
 * Customers on the credit platform as the console lists them ("Crédito de Clientes"): those added to the platform
 * with their last analysis, the candidates of "Adicionar clientes", and the ERP's credit profile of a customer.
 */
import { and, asc, desc, eq, exists, ilike, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { CreditSituation, CustomerSituation } from '../domain/credit/situations.js';
import type { Executor } from './connection.js';
import {
  companies,
  creditAnalyses,
  creditCustomers,
  customerCreditProfiles,
  customers,
  establishments,
} from './schema.js';
import { likeContains, normalizePage } from './util.js';

export type CustomerCreditProfileRow = typeof customerCreditProfiles.$inferSelect;

const lastAnalysis = (column: 'situation' | 'analysis_code') =>
  sql<string | null>`(select a.${sql.raw(column)} from ${creditAnalyses} a
    where a.customer_id = ${customers.id} ${sql.raw(column === 'analysis_code' ? 'and a.analysis_code is not null' : '')}
    order by a.created_at desc, a.id desc limit 1)`;

const hasApproved = sql<boolean>`exists (select 1 from ${creditAnalyses} a
  where a.customer_id = ${customers.id} and a.situation = 'approved')`;

/** Names of the customer's establishments, comma-separated ("Estabelecimento"). */
const establishmentNames = sql<string | null>`(select string_agg(e.name, ', ' order by e.name)
  from ${establishments} e where e.customer_id = ${customers.id})`;

function searchCondition(q: string | undefined): SQL | undefined {
  const text = q?.trim();
  if (!text) return undefined;
  const pattern = likeContains(text);
  return or(
    ilike(customers.name, pattern),
    ilike(customers.erpKey, pattern),
    ilike(customers.document, likeContains(text.replace(/[.\-/\s]/g, '').toUpperCase() || text)),
  );
}

export interface CreditCustomerFilters {
  companyIds: readonly string[];
  customerId?: string;
  q?: string;
  customerSituation?: CustomerSituation;
  creditSituation?: CreditSituation;
  order?: 'asc' | 'desc';
  page?: number;
  pageSize?: number;
}

export interface CreditCustomerListItem {
  customerId: string;
  companyId: string;
  companyName: string;
  erpKey: string;
  name: string;
  document: string;
  establishments: string | null;
  customerSituation: CustomerSituation | null;
  creditSituation: CreditSituation | null;
  lastAnalysisCode: string | null;
  approvedLimitCents: number | null;
  availableLimitCents: number | null;
  hasApprovedAnalysis: boolean;
}

/** Customers sent to the platform (a held situation or at least one analysis), by name. */
export async function listCreditCustomers(ex: Executor, filters: CreditCustomerFilters) {
  const { page, pageSize } = normalizePage(filters.page, filters.pageSize);
  if (filters.companyIds.length === 0) return { items: [], total: 0, page, pageSize };
  const where: (SQL | undefined)[] = [
    inArray(customers.companyId, [...filters.companyIds]),
    or(
      exists(
        ex
          .select({ one: sql`1` })
          .from(creditCustomers)
          .where(eq(creditCustomers.customerId, customers.id)),
      ),
      exists(
        ex
          .select({ one: sql`1` })
          .from(creditAnalyses)
          .where(eq(creditAnalyses.customerId, customers.id)),
      ),
    ),
    searchCondition(filters.q),
  ];
  if (filters.customerId) where.push(eq(customers.id, filters.customerId));
  if (filters.customerSituation) where.push(eq(creditCustomers.situation, filters.customerSituation));
  if (filters.creditSituation) where.push(sql`${lastAnalysis('situation')} = ${filters.creditSituation}`);
  const condition = and(...where);
  const rows = await ex
    .select({
      customerId: customers.id,
      companyId: customers.companyId,
      companyName: companies.name,
      erpKey: customers.erpKey,
      name: customers.name,
      document: customers.document,
      establishments: establishmentNames,
      customerSituation: creditCustomers.situation,
      creditSituation: lastAnalysis('situation'),
      lastAnalysisCode: lastAnalysis('analysis_code'),
      approvedLimitCents: creditCustomers.approvedLimitCents,
      availableLimitCents: creditCustomers.availableLimitCents,
      hasApprovedAnalysis: hasApproved,
    })
    .from(customers)
    .innerJoin(companies, eq(companies.id, customers.companyId))
    .leftJoin(creditCustomers, eq(creditCustomers.customerId, customers.id))
    .where(condition)
    .orderBy(
      ...(filters.order === 'desc'
        ? [desc(customers.name), desc(customers.id)]
        : [asc(customers.name), asc(customers.id)]),
    )
    .limit(pageSize)
    .offset((page - 1) * pageSize);
  const [count] = await ex
    .select({ total: sql<number>`count(*)::int` })
    .from(customers)
    .leftJoin(creditCustomers, eq(creditCustomers.customerId, customers.id))
    .where(condition);
  return {
    items: rows.map((row) => ({
      ...row,
      creditSituation: row.creditSituation as CreditSituation | null,
      hasApprovedAnalysis: Boolean(row.hasApprovedAnalysis),
    })) as CreditCustomerListItem[],
    total: count?.total ?? 0,
    page,
    pageSize,
  };
}

export interface CreditCandidateFilters {
  companyIds: readonly string[];
  q?: string;
  /** "Múltiplos clientes": exact ERP codes. */
  erpKeys?: readonly string[];
  limit: number;
}

/** Customers of "Adicionar clientes": Cliente, Estabelecimento, CPF/CNPJ and the ERP's credit limit. */
export async function listCreditCandidates(ex: Executor, filters: CreditCandidateFilters) {
  if (filters.companyIds.length === 0) return [];
  const where: (SQL | undefined)[] = [
    inArray(customers.companyId, [...filters.companyIds]),
    searchCondition(filters.q),
  ];
  if (filters.erpKeys) where.push(inArray(customers.erpKey, [...filters.erpKeys]));
  return ex
    .select({
      customerId: customers.id,
      companyId: customers.companyId,
      companyName: companies.name,
      erpKey: customers.erpKey,
      name: customers.name,
      document: customers.document,
      establishments: establishmentNames,
      erpCreditLimitCents: customerCreditProfiles.erpCreditLimitCents,
    })
    .from(customers)
    .innerJoin(companies, eq(companies.id, customers.companyId))
    .leftJoin(customerCreditProfiles, eq(customerCreditProfiles.customerId, customers.id))
    .where(and(...where))
    .orderBy(asc(customers.name), asc(customers.id))
    .limit(filters.limit);
}

export async function getCustomerCreditProfile(
  ex: Executor,
  customerId: string,
): Promise<CustomerCreditProfileRow | null> {
  const [row] = await ex
    .select()
    .from(customerCreditProfiles)
    .where(eq(customerCreditProfiles.customerId, customerId));
  return row ?? null;
}

/** Stores the ERP's credit profile; the same request again changes nothing (its hash is kept). */
export async function saveCustomerCreditProfile(
  ex: Executor,
  values: Omit<CustomerCreditProfileRow, 'updatedAt'>,
): Promise<{ row: CustomerCreditProfileRow; created: boolean; changed: boolean }> {
  const current = await getCustomerCreditProfile(ex, values.customerId);
  if (current?.requestHash === values.requestHash) return { row: current!, created: false, changed: false };
  const [row] = await ex
    .insert(customerCreditProfiles)
    .values(values)
    .onConflictDoUpdate({
      target: customerCreditProfiles.customerId,
      set: {
        erpCreditLimitCents: values.erpCreditLimitCents,
        salesLast12Months: values.salesLast12Months,
        requestHash: values.requestHash,
        updatedAt: new Date(),
      },
    })
    .returning();
  return { row: row!, created: current === null, changed: true };
}

/** Customers the platform holds that changed after `since` (all of them without a cursor), oldest change first. */
export async function creditCustomersChangedSince(ex: Executor, companyId: string, since: Date | null) {
  const where: (SQL | undefined)[] = [eq(customers.companyId, companyId)];
  // At the cursor's own precision (a JS Date keeps milliseconds, PostgreSQL microseconds): otherwise the last row
  // sent would always look newer than the cursor taken from it.
  if (since)
    where.push(sql`date_trunc('milliseconds', ${customers.updatedAt}) > ${since.toISOString()}::timestamptz`);
  return ex
    .select({ customer: customers })
    .from(customers)
    .innerJoin(creditCustomers, eq(creditCustomers.customerId, customers.id))
    .where(and(...where))
    .orderBy(asc(customers.updatedAt), asc(customers.id))
    .then((rows) => rows.map((row) => row.customer));
}

/** Customers of the company with an analysis still waiting for the platform's verdict. */
export async function customersWithOpenAnalysis(
  ex: Executor,
  companyId: string,
  openSituations: readonly CreditSituation[],
) {
  return ex
    .selectDistinct({ customer: customers })
    .from(customers)
    .innerJoin(creditAnalyses, eq(creditAnalyses.customerId, customers.id))
    .where(and(eq(customers.companyId, companyId), inArray(creditAnalyses.situation, [...openSituations])))
    .then((rows) => rows.map((row) => row.customer));
}
