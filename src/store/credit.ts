/** The credit platform's records: credit analyses, how the platform holds each customer, reconciliation records. */
import { and, asc, desc, eq, inArray, isNotNull, sql, type SQL } from 'drizzle-orm';
import type { Executor } from './connection.js';
import {
  companies,
  creditAnalyses,
  creditCustomers,
  customers,
  integrations,
  receivables,
  reconciliationRecords,
} from './schema.js';
import type { IntegrationRow } from './integrations.js';
import { normalizePage } from './util.js';

export type CreditAnalysisRow = typeof creditAnalyses.$inferSelect;
export type CreditCustomerRow = typeof creditCustomers.$inferSelect;
export type ReconciliationRecordRow = typeof reconciliationRecords.$inferSelect;

/** The company's active credit-platform integration, if any. */
export async function activeCreditIntegration(
  ex: Executor,
  companyId: string,
): Promise<IntegrationRow | null> {
  const [row] = await ex
    .select()
    .from(integrations)
    .where(
      and(
        eq(integrations.companyId, companyId),
        eq(integrations.platform, 'supplier'),
        eq(integrations.active, 1),
      ),
    )
    .orderBy(asc(integrations.createdAt))
    .limit(1);
  return row ?? null;
}

export async function insertCreditAnalysis(
  ex: Executor,
  values: Omit<typeof creditAnalyses.$inferInsert, 'id' | 'createdAt' | 'updatedAt'>,
): Promise<CreditAnalysisRow> {
  const [row] = await ex.insert(creditAnalyses).values(values).returning();
  return row!;
}

export async function updateCreditAnalysis(
  ex: Executor,
  id: string,
  values: Partial<Pick<CreditAnalysisRow, 'situation' | 'analysisCode' | 'grantedLimitCents' | 'reason'>>,
): Promise<CreditAnalysisRow> {
  const [row] = await ex
    .update(creditAnalyses)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(creditAnalyses.id, id))
    .returning();
  return row!;
}

/** The customer's analyses, newest first. */
export async function listCreditAnalyses(ex: Executor, customerId: string): Promise<CreditAnalysisRow[]> {
  return ex
    .select()
    .from(creditAnalyses)
    .where(eq(creditAnalyses.customerId, customerId))
    .orderBy(desc(creditAnalyses.createdAt), desc(creditAnalyses.id));
}

export async function getCreditCustomer(ex: Executor, customerId: string): Promise<CreditCustomerRow | null> {
  const [row] = await ex.select().from(creditCustomers).where(eq(creditCustomers.customerId, customerId));
  return row ?? null;
}

export async function saveCreditCustomer(
  ex: Executor,
  values: Omit<CreditCustomerRow, 'updatedAt'>,
): Promise<CreditCustomerRow> {
  const [row] = await ex
    .insert(creditCustomers)
    .values(values)
    .onConflictDoUpdate({
      target: creditCustomers.customerId,
      set: {
        situation: values.situation,
        approvedLimitCents: values.approvedLimitCents,
        availableLimitCents: values.availableLimitCents,
        updatedAt: new Date(),
      },
    })
    .returning();
  return row!;
}

export type ReconciliationRecordInput = Omit<
  typeof reconciliationRecords.$inferInsert,
  'id' | 'createdAt' | 'updatedAt' | 'cycle'
>;

/** Stores a fetched event once: a re-sent entry id (or a concurrent run) inserts nothing and returns null. */
export async function insertReconciliationRecord(
  ex: Executor,
  values: ReconciliationRecordInput,
): Promise<ReconciliationRecordRow | null> {
  const [row] = await ex
    .insert(reconciliationRecords)
    .values(values)
    .onConflictDoNothing({ target: [reconciliationRecords.integrationId, reconciliationRecords.entryId] })
    .returning();
  return row ?? null;
}

export async function lockReconciliationRecords(
  ex: Executor,
  companyIds: readonly string[],
  ids: readonly string[],
): Promise<ReconciliationRecordRow[]> {
  if (ids.length === 0) return [];
  return ex
    .select()
    .from(reconciliationRecords)
    .where(
      and(
        inArray(reconciliationRecords.id, [...ids]),
        inArray(reconciliationRecords.companyId, [...companyIds]),
      ),
    )
    .orderBy(asc(reconciliationRecords.id))
    .for('update');
}

export async function updateReconciliationRecord(
  ex: Executor,
  id: string,
  values: Partial<Pick<ReconciliationRecordRow, 'situation' | 'reason' | 'cycle'>>,
): Promise<ReconciliationRecordRow> {
  const [row] = await ex
    .update(reconciliationRecords)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(reconciliationRecords.id, id))
    .returning();
  return row!;
}

export interface ReconciliationFilters {
  companyIds: readonly string[];
  id?: string;
  entryId?: string;
  eventCode?: string;
  situation?: ReconciliationRecordRow['situation'];
  sort?: 'occurredOn';
  order?: 'asc' | 'desc';
  page?: number;
  pageSize?: number;
}

export interface ReconciliationListItem extends ReconciliationRecordRow {
  receivableErpKey: string | null;
  companyName: string;
  customerName: string | null;
}

export async function listReconciliationRecords(
  ex: Executor,
  filters: ReconciliationFilters,
): Promise<{ items: ReconciliationListItem[]; total: number; page: number; pageSize: number }> {
  const { page, pageSize } = normalizePage(filters.page, filters.pageSize);
  const where: SQL[] = [inArray(reconciliationRecords.companyId, [...filters.companyIds])];
  if (filters.id) where.push(eq(reconciliationRecords.id, filters.id));
  if (filters.entryId) where.push(eq(reconciliationRecords.entryId, filters.entryId));
  if (filters.eventCode) where.push(eq(reconciliationRecords.eventCode, filters.eventCode));
  if (filters.situation) where.push(eq(reconciliationRecords.situation, filters.situation));
  const condition = and(...where);
  const rows = await ex
    .select({
      record: reconciliationRecords,
      receivableErpKey: receivables.erpKey,
      companyName: companies.name,
      customerName: customers.name,
    })
    .from(reconciliationRecords)
    .innerJoin(companies, eq(companies.id, reconciliationRecords.companyId))
    .leftJoin(customers, eq(customers.id, reconciliationRecords.customerId))
    .leftJoin(receivables, eq(receivables.id, reconciliationRecords.receivableId))
    .where(condition)
    .orderBy(
      (filters.order === 'asc' ? asc : desc)(reconciliationRecords.occurredOn),
      asc(reconciliationRecords.entryId),
    )
    .limit(pageSize)
    .offset((page - 1) * pageSize);
  const [count] = await ex
    .select({ total: sql<number>`count(*)::int` })
    .from(reconciliationRecords)
    .where(condition);
  return {
    items: rows.map((r) => ({
      ...r.record,
      receivableErpKey: r.receivableErpKey,
      companyName: r.companyName,
      customerName: r.customerName,
    })),
    total: count?.total ?? 0,
    page,
    pageSize,
  };
}

/**
 * Título ERP of an event: the customer's título of that nota fiscal (receivables keep the invoice number, not the
 * série), the first installment still open, else the first one.
 */
export async function receivableOfInvoice(
  ex: Executor,
  args: { companyId: string; customerId: string; invoiceNumber: string },
): Promise<string | null> {
  const [row] = await ex
    .select({ id: receivables.id })
    .from(receivables)
    .where(
      and(
        eq(receivables.companyId, args.companyId),
        eq(receivables.customerId, args.customerId),
        eq(receivables.invoiceNumber, args.invoiceNumber),
        isNotNull(receivables.invoiceNumber),
      ),
    )
    .orderBy(sql`${receivables.openAmountCents} = 0`, asc(receivables.installment))
    .limit(1);
  return row?.id ?? null;
}

/** The company's customer with this CPF/CNPJ (normalized), if one. */
export async function customerIdByDocument(
  ex: Executor,
  companyId: string,
  document: string,
): Promise<string | null> {
  const [row] = await ex
    .select({ id: customers.id })
    .from(customers)
    .where(and(eq(customers.companyId, companyId), eq(customers.document, document)))
    .orderBy(asc(customers.createdAt))
    .limit(1);
  return row?.id ?? null;
}
