/**
 * The console tab "Crédito de Clientes" (FSPL0250): the customers on the credit platform, "Adicionar clientes"
 * (candidates by empresa and cliente, or "Múltiplos clientes" by ERP codes), the credit request for 1..N customers,
 * Solicitação de Alteração de Limite, and a customer's Histórico. The ERP's credit profile lives here too.
 */
import {
  creditSituationMachine,
  customerSituationMachine,
  limitChangeAllowed,
  termBillingFor,
  type CreditSituation,
  type CustomerSituation,
} from '../domain/credit/index.js';
import type { MonthlySales } from '../platforms/credit.js';
import { listCommunicationLog } from '../store/communication-log.js';
import type { Store } from '../store/connection.js';
import {
  listCreditCandidates,
  listCreditCustomers,
  saveCustomerCreditProfile,
  type CreditCustomerFilters,
  type CreditCustomerListItem,
} from '../store/credit-customers.js';
import { listCreditAnalyses } from '../store/credit.js';
import { getCustomer, getCustomerByErpKey, type CustomerRow } from '../store/customers.js';
import { listHistory } from '../store/history.js';
import { hashToken } from '../store/util.js';
import { withActorNames } from './actors.js';
import { refreshCustomerCredit, requestCreditFor, type CreditDeps } from './credit.js';
import { notFound, ServiceError, validationError } from './errors.js';

export function creditCustomerView(row: CreditCustomerListItem) {
  // Only the last analysis can still be open: a new request is refused while one is.
  const limitChange = limitChangeAllowed(
    row.creditSituation
      ? [
          { situation: row.creditSituation },
          ...(row.hasApprovedAnalysis ? [{ situation: 'approved' as const }] : []),
        ]
      : [],
  );
  return {
    customerId: row.customerId,
    companyId: row.companyId,
    companyName: row.companyName,
    erpKey: row.erpKey,
    name: row.name,
    document: row.document,
    establishments: row.establishments,
    customerSituation: row.customerSituation,
    customerSituationLabel: row.customerSituation && customerSituationMachine.labels[row.customerSituation],
    creditSituation: row.creditSituation,
    creditSituationLabel: row.creditSituation && creditSituationMachine.labels[row.creditSituation],
    lastAnalysisCode: row.lastAnalysisCode,
    approvedLimitCents: row.approvedLimitCents ?? 0,
    availableLimitCents: row.availableLimitCents ?? 0,
    termBilling: termBillingFor({
      situation: row.customerSituation,
      approvedLimitCents: row.approvedLimitCents,
    }),
    limitChange: limitChange.ok
      ? { allowed: true as const }
      : { allowed: false as const, reason: limitChange.reason },
  };
}

export async function searchCreditCustomers(store: Store, filters: CreditCustomerFilters) {
  const page = await listCreditCustomers(store.db, filters);
  return { ...page, items: page.items.map(creditCustomerView) };
}

const CANDIDATE_LIMIT = 200;

/** "Múltiplos clientes": the codes as typed, split by commas, blanks dropped, each once. */
export function parseCustomerCodes(text: string): string[] {
  return [
    ...new Set(
      text
        .split(',')
        .map((code) => code.trim())
        .filter(Boolean),
    ),
  ];
}

/** Adicionar clientes: the company's customers by name/code/document, or exactly the ERP codes given. */
export async function creditCandidates(
  store: Store,
  args: { companyIds: readonly string[]; q?: string | undefined; codes?: string | undefined },
) {
  const codes = args.codes === undefined ? undefined : parseCustomerCodes(args.codes);
  if (codes && codes.length === 0)
    throw validationError([
      { path: 'codes', message: 'Múltiplos clientes: informe os códigos separados por vírgula' },
    ]);
  if (codes && codes.length > CANDIDATE_LIMIT)
    throw validationError([
      { path: 'codes', message: `Múltiplos clientes: no máximo ${CANDIDATE_LIMIT} códigos por vez` },
    ]);
  const items = await listCreditCandidates(store.db, {
    companyIds: args.companyIds,
    q: codes ? undefined : args.q,
    erpKeys: codes,
    limit: CANDIDATE_LIMIT,
  });
  const found = new Set(items.map((item) => item.erpKey));
  return { items, unknownCodes: (codes ?? []).filter((code) => !found.has(code)) };
}

async function scopedCustomer(store: Store, companyIds: readonly string[], id: string): Promise<CustomerRow> {
  const customer = await getCustomer(store.db, id, companyIds);
  if (!customer) throw notFound('Cliente não encontrado.');
  return customer;
}

/**
 * Sends the credit request of each chosen customer (the same Limite sugerido and Emergencial for all); each
 * customer answers for itself, so one refused never stops the others.
 */
export async function requestCreditForCustomers(
  deps: CreditDeps,
  args: {
    companyIds: readonly string[];
    customerIds: readonly string[];
    suggestedLimitCents: number;
    emergency: boolean;
    actor: string;
  },
) {
  const results = [];
  for (const id of new Set(args.customerIds)) {
    const customer = await scopedCustomer(deps.store, args.companyIds, id);
    try {
      const analysis = await requestCreditFor(deps, {
        customer,
        actor: args.actor,
        input: {
          kind: 'concession',
          suggestedLimitCents: args.suggestedLimitCents,
          emergency: args.emergency,
        },
      });
      results.push({
        customerId: id,
        name: customer.name,
        ok: analysis.situation !== 'failed',
        analysis,
        reason: analysis.reason,
      });
    } catch (error) {
      if (!(error instanceof ServiceError) || error.status >= 500) throw error;
      results.push({ customerId: id, name: customer.name, ok: false, analysis: null, reason: error.message });
    }
  }
  return results;
}

export async function requestLimitChange(
  deps: CreditDeps,
  args: { companyIds: readonly string[]; customerId: string; suggestedLimitCents: number; actor: string },
) {
  const customer = await scopedCustomer(deps.store, args.companyIds, args.customerId);
  return requestCreditFor(deps, {
    customer,
    actor: args.actor,
    input: { kind: 'limit_change', suggestedLimitCents: args.suggestedLimitCents, emergency: false },
  });
}

type Entry = { id: string; at: Date; actor: string; after: unknown; before: unknown };
const fieldsOf = (value: unknown) => (value ?? {}) as Record<string, unknown>;
const centsOrNull = (value: unknown) => (typeof value === 'number' ? value : null);

/**
 * Histórico: the credit situations of every analysis and the customer's situations (both newest first), with the
 * platform's reasons and limits, and every message exchanged about the customer. The platform is asked first.
 */
export async function customerCreditHistory(
  deps: CreditDeps,
  args: { companyIds: readonly string[]; customerId: string },
) {
  const { store } = deps;
  const customer = await scopedCustomer(store, args.companyIds, args.customerId);
  await refreshCustomerCredit(deps, customer);
  const [summary] = (
    await listCreditCustomers(store.db, { companyIds: args.companyIds, customerId: customer.id })
  ).items;
  if (!summary) throw notFound('Cliente ainda não enviado à plataforma de crédito.');
  const analyses = await listCreditAnalyses(store.db, customer.id);
  const creditEntries: (Entry & { analysis: (typeof analyses)[number] })[] = [];
  for (const analysis of analyses)
    for (const entry of await listHistory(store.db, 'credit_analysis', analysis.id))
      creditEntries.push({ ...entry, analysis });
  const customerEntries = await listHistory(store.db, 'credit_customer', customer.id);
  const newestFirst = (a: { at: Date }, b: { at: Date }) => b.at.getTime() - a.at.getTime();
  const creditSituations = await withActorNames(
    store.db,
    creditEntries.sort(newestFirst).map((entry) => {
      const after = fieldsOf(entry.after);
      const situation = after.situation as CreditSituation;
      return {
        id: entry.id,
        at: entry.at.toISOString(),
        actor: entry.actor,
        kind: entry.analysis.kind,
        situation,
        situationLabel: creditSituationMachine.labels[situation],
        analysisCode: (after.analysisCode as string | null | undefined) ?? entry.analysis.analysisCode,
        requestedLimitCents: centsOrNull(after.requestedLimitCents) ?? entry.analysis.requestedLimitCents,
        grantedLimitCents: centsOrNull(after.grantedLimitCents),
        reason: (after.reason as string | null | undefined) ?? null,
      };
    }),
  );
  const customerSituations = await withActorNames(
    store.db,
    customerEntries.sort(newestFirst).map((entry) => {
      const after = fieldsOf(entry.after);
      const situation = after.situation as CustomerSituation;
      return {
        id: entry.id,
        at: entry.at.toISOString(),
        actor: entry.actor,
        situation,
        situationLabel: customerSituationMachine.labels[situation],
        approvedLimitCents: centsOrNull(after.approvedLimitCents),
        availableLimitCents: centsOrNull(after.availableLimitCents),
      };
    }),
  );
  const log = await listCommunicationLog(store.db, {
    companyIds: [customer.companyId],
    subjectId: customer.id,
    pageSize: 200,
  });
  return {
    customer: creditCustomerView(summary),
    creditSituations,
    customerSituations,
    messages: log.items.map((m) => ({
      id: m.id,
      at: m.at.toISOString(),
      operation: m.operation,
      httpStatus: m.httpStatus,
      outcome: m.outcome,
      requestBody: m.requestBody,
      responseBody: m.responseBody,
    })),
  };
}

/** ERP: the customer's credit limit in the ERP and last 12 months of sales (upsert by the customer's ERP key). */
export async function saveCreditProfile(
  store: Store,
  args: {
    companyId: string;
    erpKey: string;
    input: { erpCreditLimitCents: number; salesLast12Months: MonthlySales[] };
  },
) {
  const customer = await getCustomerByErpKey(store.db, args.companyId, args.erpKey);
  if (!customer) throw notFound(`Cliente ${args.erpKey} não encontrado`);
  const salesLast12Months = [...args.input.salesLast12Months].sort((a, b) => a.month.localeCompare(b.month));
  const result = await saveCustomerCreditProfile(store.db, {
    customerId: customer.id,
    companyId: customer.companyId,
    erpCreditLimitCents: args.input.erpCreditLimitCents,
    salesLast12Months,
    requestHash: hashToken(JSON.stringify([args.input.erpCreditLimitCents, salesLast12Months])),
  });
  return {
    created: result.created,
    profile: {
      customerErpKey: customer.erpKey,
      erpCreditLimitCents: result.row.erpCreditLimitCents,
      salesLast12Months: result.row.salesLast12Months,
      updatedAt: result.row.updatedAt.toISOString(),
    },
  };
}
