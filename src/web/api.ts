/** Console API client: same-origin fetch with the fc_session cookie. Shapes come from the zod contracts. */
import type {
  ApiToken,
  CreditAnalysis,
  CreditCandidates,
  CreditCustomerPage,
  CreditHistory,
  CreditRequestOutcomes,
  PlatformJob,
  PlatformJobRun,
  ReconciliationOutcomes,
  ReconciliationPage,
  ReconciliationRecord,
  ReconciliationRun,
  HistoryEntry,
  BankAccount,
  BankAccountUpsert,
  ConnectionCheck,
  Portador,
  PortadorUpsert,
  CreatedApiToken,
  Customer,
  CustomerListItem,
  Integration,
  IntegrationInput,
  Page,
  Platform,
  PortadorOption,
  Receivable,
  RetornoPage,
  ReceivableDetail,
  ReceivablePage,
  Session,
} from './contracts.js';
import { brDates } from './format.js';

export class ApiError extends Error {
  override name = 'ApiError';
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields: { path: string; message: string }[] = [],
  ) {
    super(message);
  }
}

interface ErrorBody {
  error?: { code?: string; message?: string; fields?: { path: string; message: string }[] };
}

async function request<T>(method: string, path: string, body?: unknown, signal?: AbortSignal): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      credentials: 'same-origin',
      headers:
        body === undefined
          ? { accept: 'application/json' }
          : { 'content-type': 'application/json', accept: 'application/json' },
      body: body === undefined ? null : JSON.stringify(body),
      signal: signal ?? null,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError(
      0,
      'network',
      'Não foi possível falar com o servidor. Verifique a conexão e tente de novo.',
    );
  }
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  let parsed: unknown = undefined;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    parsed = undefined;
  }
  if (!response.ok) {
    const error = (parsed as ErrorBody | undefined)?.error;
    // Server messages name dates as ISO; people read dd/mm/aaaa.
    throw new ApiError(
      response.status,
      error?.code ?? `http_${response.status}`,
      brDates(error?.message ?? `O servidor respondeu com erro ${response.status}.`),
      (error?.fields ?? []).map((field) => ({ path: field.path, message: brDates(field.message) })),
    );
  }
  return parsed as T;
}

const withQuery = (path: string, query: Record<string, string>) =>
  `${path}?${new URLSearchParams(query).toString()}`;

export const api = {
  getSession: () => request<Session>('GET', '/api/session'),
  login: (email: string, password: string) => request<Session>('POST', '/api/session', { email, password }),
  logout: () => request<void>('DELETE', '/api/session'),
  receivables: (query: string, signal?: AbortSignal) =>
    request<ReceivablePage>('GET', `/api/receivables?${query}`, undefined, signal),
  /** Where the browser downloads the CSV of a list query (its paging is ignored by the server). */
  receivablesCsvUrl: (query: string) => `/api/receivables/export.csv?${query}`,
  receivable: (id: string, companyId: string, signal?: AbortSignal) =>
    request<ReceivableDetail>(
      'GET',
      withQuery(`/api/receivables/${encodeURIComponent(id)}`, { companyId }),
      undefined,
      signal,
    ),
  patchReceivable: (
    id: string,
    companyId: string,
    patch: { dueDate?: string; invoiceNumber?: string | null },
  ) =>
    request<Receivable>(
      'PATCH',
      withQuery(`/api/receivables/${encodeURIComponent(id)}`, { companyId }),
      patch,
    ),
  bankAccounts: (query: Record<string, string>, signal?: AbortSignal) =>
    request<Page<BankAccount>>('GET', withQuery('/api/bank-accounts', query), undefined, signal),
  createBankAccount: (body: BankAccountUpsert & { companyId: string; erpKey: string }) =>
    request<BankAccount>('POST', '/api/bank-accounts', body),
  patchBankAccount: (id: string, body: BankAccountUpsert) =>
    request<BankAccount>('PATCH', `/api/bank-accounts/${encodeURIComponent(id)}`, body),
  portadores: (query: Record<string, string>, signal?: AbortSignal) =>
    request<Page<Portador>>('GET', withQuery('/api/portadores', query), undefined, signal),
  createPortador: (body: PortadorUpsert & { companyId: string; erpKey: string }) =>
    request<Portador>('POST', '/api/portadores', body),
  patchPortador: (id: string, body: PortadorUpsert) =>
    request<Portador>('PATCH', `/api/portadores/${encodeURIComponent(id)}`, body),
  customers: (query: string, signal?: AbortSignal) =>
    request<Page<CustomerListItem>>('GET', `/api/customers?${query}`, undefined, signal),
  customer: (id: string, companyId: string, signal?: AbortSignal) =>
    request<Customer>(
      'GET',
      withQuery(`/api/customers/${encodeURIComponent(id)}`, { companyId }),
      undefined,
      signal,
    ),
  apiTokens: (companyId: string, signal?: AbortSignal) =>
    request<{ items: ApiToken[] }>('GET', withQuery('/api/api-tokens', { companyId }), undefined, signal),
  createApiToken: (companyId: string, name: string) =>
    request<CreatedApiToken>('POST', '/api/api-tokens', { companyId, name }),
  revokeApiToken: (id: string) => request<void>('DELETE', `/api/api-tokens/${encodeURIComponent(id)}`),
  retornos: (query: string, signal?: AbortSignal) =>
    request<RetornoPage>('GET', `/api/retornos?${query}`, undefined, signal),
  platforms: (signal?: AbortSignal) =>
    request<{ items: Platform[] }>('GET', '/api/platforms', undefined, signal),
  switchPlatform: (platform: string, enabled: boolean) =>
    request<void>('PUT', `/api/platforms/${encodeURIComponent(platform)}`, { enabled }),
  integrations: (platform: string, signal?: AbortSignal) =>
    request<{ items: Integration[] }>('GET', withQuery('/api/integrations', { platform }), undefined, signal),
  /** Every portador of the user's companies, as the integration editor offers them. */
  integrationPortadores: (signal?: AbortSignal) =>
    request<{ items: PortadorOption[] }>('GET', '/api/integrations/portadores', undefined, signal),
  saveIntegration: (input: IntegrationInput, id?: string) =>
    id
      ? request<Integration>('PUT', `/api/integrations/${encodeURIComponent(id)}`, input)
      : request<Integration>('POST', '/api/integrations', input),
  testIntegration: (id: string) =>
    request<ConnectionCheck>('POST', `/api/integrations/${encodeURIComponent(id)}/test`),
  regenerateWebhook: (id: string) =>
    request<Integration>('POST', `/api/integrations/${encodeURIComponent(id)}/webhook-token`),
  creditCustomers: (query: string, signal?: AbortSignal) =>
    request<CreditCustomerPage>('GET', `/api/credit-customers?${query}`, undefined, signal),
  creditCandidates: (query: Record<string, string>, signal?: AbortSignal) =>
    request<CreditCandidates>('GET', withQuery('/api/credit-customers/candidates', query), undefined, signal),
  requestCredit: (body: {
    companyId: string;
    customerIds: string[];
    suggestedLimitCents: number;
    emergency: boolean;
  }) => request<CreditRequestOutcomes>('POST', '/api/credit-customers/requests', body),
  requestLimitChange: (customerId: string, suggestedLimitCents: number) =>
    request<CreditAnalysis>('POST', `/api/credit-customers/${encodeURIComponent(customerId)}/limit-change`, {
      suggestedLimitCents,
    }),
  creditHistory: (customerId: string, signal?: AbortSignal) =>
    request<CreditHistory>(
      'GET',
      `/api/credit-customers/${encodeURIComponent(customerId)}/history`,
      undefined,
      signal,
    ),
  reconciliationRecords: (query: string, signal?: AbortSignal) =>
    request<ReconciliationPage>('GET', `/api/reconciliation-records?${query}`, undefined, signal),
  reconciliationHistory: (id: string, signal?: AbortSignal) =>
    request<{ record: ReconciliationRecord; history: HistoryEntry[] }>(
      'GET',
      `/api/reconciliation-records/${encodeURIComponent(id)}/history`,
      undefined,
      signal,
    ),
  reconcile: (action: 'reconcile' | 'undo', ids: string[]) =>
    request<ReconciliationOutcomes>('POST', `/api/reconciliation-records/${action}`, { ids }),
  platformJobs: (companyId: string, signal?: AbortSignal) =>
    request<{ items: PlatformJob[] }>(
      'GET',
      withQuery('/api/platform-jobs', { companyId }),
      undefined,
      signal,
    ),
  runPlatformJob: (job: string, companyId: string) =>
    request<PlatformJobRun>('POST', `/api/platform-jobs/${encodeURIComponent(job)}/run`, { companyId }),
  runReconciliation: (companyId: string) =>
    request<ReconciliationRun>('POST', '/api/jobs/supplier-reconciliation/run', { companyId }),
};
