/**
 * Customer credit on the credit platform (FSPL0250 "Gestão de Crédito de Clientes"): credit requests (concession or
 * limit change) and the customer's credit as the platform reports it. The platform manages the credit: what we
 * show is what it last answered, refreshed on every read.
 */
import {
  creditSituationMachine,
  customerSituationMachine,
  limitChangeAllowed,
  openCreditSituations,
  termBillingFor,
  validateRequestedLimit,
  type CreditSituation,
  type CustomerSituation,
} from '../domain/credit/index.js';
import { PlatformError } from '../platforms/adapter.js';
import type { CreditAnalysisKind, MonthlySales } from '../platforms/credit.js';
import { appendCommunicationLog } from '../store/communication-log.js';
import type { Store } from '../store/connection.js';
import {
  activeCreditIntegration,
  getCreditCustomer,
  insertCreditAnalysis,
  listCreditAnalyses,
  saveCreditCustomer,
  updateCreditAnalysis,
  type CreditAnalysisRow,
} from '../store/credit.js';
import { getCustomerCreditProfile } from '../store/credit-customers.js';
import { getCustomerByErpKey, type CustomerRow } from '../store/customers.js';
import { appendHistory } from '../store/history.js';
import type { IntegrationRow } from '../store/integrations.js';
import { notFound, ServiceError, validationError } from './errors.js';
import { openIntegration, type PlatformDeps } from './platform-gateway.js';

export interface CreditDeps extends PlatformDeps {
  store: Store;
}

export interface CreditRequestInput {
  kind: CreditAnalysisKind;
  suggestedLimitCents: number;
  emergency: boolean;
  /** Absent: the customer's ERP credit profile (PUT …/credit-profile), else zero and no sales. */
  erpCreditLimitCents?: number | undefined;
  salesLast12Months?: MonthlySales[] | undefined;
}

async function customerOf(store: Store, companyId: string, erpKey: string): Promise<CustomerRow> {
  const customer = await getCustomerByErpKey(store.db, companyId, erpKey);
  if (!customer) throw notFound(`Cliente ${erpKey} não encontrado`);
  return customer;
}

async function integrationOf(store: Store, companyId: string): Promise<IntegrationRow> {
  const integration = await activeCreditIntegration(store.db, companyId);
  if (!integration)
    throw new ServiceError(
      422,
      'not_configured',
      'Plataforma de crédito: a empresa não tem integração Supplier ativa',
    );
  return integration;
}

/** Sends a concession or a limit change to the platform and stores the analysis with its first answer. */
export async function requestCredit(
  deps: CreditDeps,
  args: { companyId: string; erpKey: string; actor: string; input: CreditRequestInput },
) {
  const customer = await customerOf(deps.store, args.companyId, args.erpKey);
  return requestCreditFor(deps, { customer, actor: args.actor, input: args.input });
}

export async function requestCreditFor(
  deps: CreditDeps,
  args: { customer: CustomerRow; actor: string; input: CreditRequestInput },
) {
  const { store } = deps;
  const { customer } = args;
  const integration = await integrationOf(store, customer.companyId);
  const limit = validateRequestedLimit(args.input.suggestedLimitCents);
  if (!limit.ok) throw validationError([{ path: 'suggestedLimitCents', message: limit.reason }]);
  await refreshCredit(deps, integration, customer);
  const analyses = await listCreditAnalyses(store.db, customer.id);
  if (args.input.kind === 'limit_change') {
    const verdict = limitChangeAllowed(analyses);
    if (!verdict.ok) throw new ServiceError(409, 'limit_change_not_allowed', verdict.reason);
  } else {
    const open = analyses.find((a) => openCreditSituations.includes(a.situation as CreditSituation));
    if (open)
      throw new ServiceError(
        409,
        'analysis_in_progress',
        `Situação Crédito: já existe uma análise em andamento (${creditSituationMachine.labels[open.situation as CreditSituation]})`,
      );
  }
  const session = openIntegration(deps, integration);
  const { adapter } = session;
  let situation: CreditSituation = 'failed';
  let analysisCode: string | null = null;
  let reason: string | null = null;
  let erpCreditLimitCents = args.input.erpCreditLimitCents ?? 0;
  try {
    const [synced] = await adapter.syncCustomers!([
      {
        erpKey: customer.erpKey,
        document: customer.document,
        name: customer.name,
        email: customer.email ?? undefined,
        phone: customer.phone ?? undefined,
        contacts: [],
      },
    ]);
    if (synced) await storeCustomerSituation(store, customer, synced.situation, null);
    const profile = await getCustomerCreditProfile(store.db, customer.id);
    const sales = {
      erpCreditLimitCents: args.input.erpCreditLimitCents ?? profile?.erpCreditLimitCents ?? 0,
      salesLast12Months: args.input.salesLast12Months ?? profile?.salesLast12Months ?? [],
    };
    erpCreditLimitCents = sales.erpCreditLimitCents;
    const receipt =
      args.input.kind === 'limit_change'
        ? await adapter.requestLimitChange!({
            document: customer.document,
            requestedLimitCents: args.input.suggestedLimitCents,
            ...sales,
          })
        : await adapter.requestCreditAnalysis!({
            customerErpKey: customer.erpKey,
            document: customer.document,
            suggestedLimitCents: args.input.suggestedLimitCents,
            emergency: args.input.emergency,
            ...sales,
          });
    situation = receipt.situation;
    analysisCode = receipt.analysisCode;
  } catch (error) {
    if (!(error instanceof PlatformError)) throw error;
    reason = error.message;
  }
  const analysis = await store.db.transaction(async (tx) => {
    await appendCommunicationLog(tx, session.drainLog(customer.id));
    const row = await insertCreditAnalysis(tx, {
      companyId: customer.companyId,
      customerId: customer.id,
      integrationId: integration.id,
      kind: args.input.kind,
      situation,
      analysisCode,
      requestedLimitCents: args.input.suggestedLimitCents,
      emergency: args.input.emergency ? 1 : 0,
      erpCreditLimitCents,
      reason,
    });
    await appendHistory(tx, {
      entity: 'credit_analysis',
      entityId: row.id,
      companyId: customer.companyId,
      action: 'requested',
      after: {
        kind: row.kind,
        situation,
        analysisCode,
        requestedLimitCents: row.requestedLimitCents,
        reason,
      },
      actor: args.actor,
    });
    return row;
  });
  return analysisView(analysis);
}

async function storeCustomerSituation(
  store: Store,
  customer: CustomerRow,
  situation: CustomerSituation,
  limits: { approvedLimitCents: number; availableLimitCents: number } | null,
) {
  const current = await getCreditCustomer(store.db, customer.id);
  await saveCreditCustomer(store.db, {
    customerId: customer.id,
    companyId: customer.companyId,
    situation,
    approvedLimitCents: limits?.approvedLimitCents ?? current?.approvedLimitCents ?? 0,
    availableLimitCents: limits?.availableLimitCents ?? current?.availableLimitCents ?? 0,
  });
  const limitsOf = (row: { approvedLimitCents: number; availableLimitCents: number } | null) =>
    row && { approvedLimitCents: row.approvedLimitCents, availableLimitCents: row.availableLimitCents };
  if (
    current?.situation !== situation ||
    (limits && current.approvedLimitCents !== limits.approvedLimitCents)
  )
    await appendHistory(store.db, {
      entity: 'credit_customer',
      entityId: customer.id,
      companyId: customer.companyId,
      action: current ? 'situation_changed' : 'registered',
      before: current && { situation: current.situation, ...limitsOf(current) },
      after: { situation, ...limitsOf(limits) },
      actor: 'platform:supplier',
    });
}

/**
 * Reads the customer's credit from the platform and stores it: Situação do Cliente, limits, and the verdict of the
 * last analysis. A customer the platform never received is left alone; a platform failure keeps what we had.
 */
async function refreshCredit(deps: CreditDeps, integration: IntegrationRow, customer: CustomerRow) {
  const { store } = deps;
  if (!(await getCreditCustomer(store.db, customer.id))) return;
  const session = openIntegration(deps, integration);
  try {
    const status = await session.adapter.getCreditStatus!(customer.document);
    await storeCustomerSituation(store, customer, status.customerSituation, status);
    const last = status.lastAnalysis;
    if (!last) return;
    const analysis = (await listCreditAnalyses(store.db, customer.id)).find(
      (a) => a.analysisCode === last.analysisCode,
    );
    if (!analysis || analysis.situation === last.situation) return;
    if (!creditSituationMachine.transition(analysis.situation as CreditSituation, last.situation).ok) return;
    await updateCreditAnalysis(store.db, analysis.id, {
      situation: last.situation,
      grantedLimitCents: last.grantedLimitCents,
      reason: last.reason,
    });
    await appendHistory(store.db, {
      entity: 'credit_analysis',
      entityId: analysis.id,
      companyId: customer.companyId,
      action: 'situation_changed',
      before: { situation: analysis.situation },
      after: { situation: last.situation, grantedLimitCents: last.grantedLimitCents, reason: last.reason },
      actor: 'platform:supplier',
    });
  } catch (error) {
    if (!(error instanceof PlatformError)) throw error;
  } finally {
    await appendCommunicationLog(store.db, session.drainLog(customer.id));
  }
}

/** The customer's credit as the platform reports it now, when the company has an active integration. */
export async function refreshCustomerCredit(deps: CreditDeps, customer: CustomerRow) {
  const integration = await activeCreditIntegration(deps.store.db, customer.companyId);
  if (integration) await refreshCredit(deps, integration, customer);
}

function analysisView(row: CreditAnalysisRow) {
  const situation = row.situation as CreditSituation;
  return {
    id: row.id,
    kind: row.kind as CreditAnalysisKind,
    situation,
    situationLabel: creditSituationMachine.labels[situation],
    analysisCode: row.analysisCode,
    requestedLimitCents: row.requestedLimitCents,
    grantedLimitCents: row.grantedLimitCents,
    emergency: row.emergency === 1,
    erpCreditLimitCents: row.erpCreditLimitCents,
    reason: row.reason,
    createdAt: row.createdAt.toISOString(),
  };
}

/** The customer's credit: both situations, the limits, Faturamento a Prazo and every analysis. */
export async function customerCredit(deps: CreditDeps, args: { companyId: string; erpKey: string }) {
  const { store } = deps;
  const customer = await customerOf(store, args.companyId, args.erpKey);
  await refreshCustomerCredit(deps, customer);
  const held = await getCreditCustomer(store.db, customer.id);
  const analyses = (await listCreditAnalyses(store.db, customer.id)).map(analysisView);
  const customerSituation = (held?.situation ?? null) as CustomerSituation | null;
  const last = analyses[0] ?? null;
  return {
    customerErpKey: customer.erpKey,
    name: customer.name,
    document: customer.document,
    customerSituation,
    customerSituationLabel: customerSituation && customerSituationMachine.labels[customerSituation],
    creditSituation: last?.situation ?? null,
    creditSituationLabel: last?.situationLabel ?? null,
    lastAnalysisCode: analyses.find((a) => a.analysisCode)?.analysisCode ?? null,
    approvedLimitCents: held?.approvedLimitCents ?? 0,
    availableLimitCents: held?.availableLimitCents ?? 0,
    termBilling: termBillingFor({
      situation: customerSituation,
      approvedLimitCents: held?.approvedLimitCents ?? null,
    }),
    analyses,
  };
}
