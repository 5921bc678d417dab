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
  AuditPage,
  Customer,
  CustomerListItem,
  Integration,
  IntegrationInput,
  Page,
  Platform,
  PortadorOption,
  Receivable,
  BulkPreview,
  BulkProgress,
  BulkStartInput,
  LogPage,
  RemessaActionInput,
  RemessaActionResult,
  RemessaHistory,
  RemessaPage,
  RetornoPage,
  RetornoHistory,
  RetornoProcessResult,
  ReturnCommandScope,
  ReturnCommandTable,
  ReturnCommand,
  NotificationList,
  NotifiableUser,
  WizardLock,
  AccountStatement,
  ReceivableDetail,
  ReceivablePage,
  Session,
  WebhookDelivery,
  WebhookDeliveryDetail,
  WebhookDeliveryPage,
  WebhookSubscription,
  WebhookSubscriptionInput,
} from './contracts.js';
import type { ApiScope } from '../domain/api-scopes.js';
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
  createApiToken: (input: { companyId: string; name: string; expiresAt?: string; scopes?: ApiScope[] }) =>
    request<CreatedApiToken>('POST', '/api/api-tokens', input),
  rotateApiToken: (id: string, graceHours: number) =>
    request<CreatedApiToken>('POST', `/api/api-tokens/${encodeURIComponent(id)}/rotate`, { graceHours }),
  audit: (query: string, signal?: AbortSignal) =>
    request<AuditPage>('GET', `/api/audit?${query}`, undefined, signal),
  revokeApiToken: (id: string) => request<void>('DELETE', `/api/api-tokens/${encodeURIComponent(id)}`),
  webhookSubscriptions: (companyId: string, signal?: AbortSignal) =>
    request<{ items: WebhookSubscription[] }>(
      'GET',
      withQuery('/api/webhook-subscriptions', { companyId }),
      undefined,
      signal,
    ),
  saveWebhookSubscription: (companyId: string, input: WebhookSubscriptionInput) =>
    request<WebhookSubscription>('PUT', `/api/webhook-subscriptions/${encodeURIComponent(companyId)}`, input),
  webhookDeliveries: (query: string, signal?: AbortSignal) =>
    request<WebhookDeliveryPage>('GET', `/api/webhook-deliveries?${query}`, undefined, signal),
  webhookDelivery: (id: string, companyId: string, signal?: AbortSignal) =>
    request<WebhookDeliveryDetail>(
      'GET',
      withQuery(`/api/webhook-deliveries/${encodeURIComponent(id)}`, { companyId }),
      undefined,
      signal,
    ),
  redeliverWebhook: (id: string) =>
    request<WebhookDelivery>('POST', `/api/webhook-deliveries/${encodeURIComponent(id)}/redeliver`),
  retornos: (query: string, signal?: AbortSignal) =>
    request<RetornoPage>('GET', `/api/retornos?${query}`, undefined, signal),
  remessas: (query: string, signal?: AbortSignal) =>
    request<RemessaPage>('GET', `/api/remessas?${query}`, undefined, signal),
  nearDue: (query: string, signal?: AbortSignal) =>
    request<RemessaPage>('GET', `/api/remessas/near-due?${query}`, undefined, signal),
  remessaHistory: (receivableId: string, companyId: string, signal?: AbortSignal) =>
    request<RemessaHistory>(
      'GET',
      withQuery(`/api/remessas/${encodeURIComponent(receivableId)}/history`, { companyId }),
      undefined,
      signal,
    ),
  remessaAction: (companyId: string, body: RemessaActionInput) =>
    request<RemessaActionResult>('POST', withQuery('/api/remessas/actions', { companyId }), body),
  previewBulk: (body: BulkStartInput) => request<BulkPreview>('POST', '/api/remessas/bulk/preview', body),
  startBulk: (body: BulkStartInput) => request<BulkProgress>('POST', '/api/remessas/bulk', body),
  bulkCommunications: (companyId: string, signal?: AbortSignal) =>
    request<{ items: BulkProgress[] }>(
      'GET',
      withQuery('/api/remessas/bulk', { companyId }),
      undefined,
      signal,
    ),
  bulkCommunication: (id: string, companyId: string, signal?: AbortSignal) =>
    request<BulkProgress>(
      'GET',
      withQuery(`/api/remessas/bulk/${encodeURIComponent(id)}`, { companyId }),
      undefined,
      signal,
    ),
  retryBulkFailures: (id: string, companyId: string) =>
    request<BulkProgress>(
      'POST',
      withQuery(`/api/remessas/bulk/${encodeURIComponent(id)}/retry-failures`, { companyId }),
    ),
  logs: (query: string, signal?: AbortSignal) =>
    request<LogPage>('GET', `/api/logs?${query}`, undefined, signal),
  processRetornos: (ids: string[]) => request<RetornoProcessResult>('POST', '/api/retornos/process', { ids }),
  retornoHistory: (id: string, signal?: AbortSignal) =>
    request<RetornoHistory>('GET', `/api/retornos/${encodeURIComponent(id)}/history`, undefined, signal),
  returnCommandScopes: (signal?: AbortSignal) =>
    request<{ items: ReturnCommandScope[] }>('GET', '/api/return-commands/scopes', undefined, signal),
  returnCommands: (scope: string, signal?: AbortSignal) =>
    request<ReturnCommandTable>('GET', withQuery('/api/return-commands', { scope }), undefined, signal),
  saveReturnCommand: (
    scope: string,
    code: string,
    body: { description: string; action: string; historyCodes: Partial<Record<string, string>> },
  ) =>
    request<ReturnCommand>(
      'PUT',
      `/api/return-commands/${encodeURIComponent(scope)}/${encodeURIComponent(code)}`,
      body,
    ),
  reprocessReturnCommand: (scope: string, code: string) =>
    request<RetornoProcessResult>(
      'POST',
      `/api/return-commands/${encodeURIComponent(scope)}/${encodeURIComponent(code)}/reprocess`,
    ),
  notifications: (signal?: AbortSignal) =>
    request<NotificationList>('GET', '/api/notifications', undefined, signal),
  readNotifications: (ids?: string[]) =>
    request<{ marked: number }>('POST', '/api/notifications/read', ids ? { ids } : {}),
  users: (companyId: string, signal?: AbortSignal) =>
    request<{ items: NotifiableUser[] }>('GET', withQuery('/api/users', { companyId }), undefined, signal),
  portadorStatement: (id: string, signal?: AbortSignal) =>
    request<AccountStatement>(
      'GET',
      `/api/portadores/${encodeURIComponent(id)}/statement`,
      undefined,
      signal,
    ),
  openWizard: (companyId: string) =>
    request<WizardLock>('POST', '/api/integrations/wizard-lock', { companyId }),
  closeWizard: (companyId: string) =>
    request<void>('DELETE', withQuery('/api/integrations/wizard-lock', { companyId })),
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
