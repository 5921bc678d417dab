/** Console API client (contract: /tmp/contract-server.md §6). Same-origin fetch with the fc_session cookie. */
import type {
  BankAccountUpsertBody,
  BankAccountView,
  PortadorUpsertBody,
  PortadorView,
} from '../contracts/banking.js';

export type { BankAccountUpsertBody, BankAccountView, PortadorUpsertBody, PortadorView };

export interface Company {
  id: string;
  name: string;
  cnpj: string;
  kind: 'consolidated' | 'child';
  parentCompanyId: string | null;
}

export interface SessionUser {
  id: string;
  name: string;
  email: string;
  role: string;
}

export interface Session {
  user: SessionUser;
  companies: Company[];
  homeCompanyId: string;
}

export interface Receivable {
  id: string;
  erpKey: string;
  companyId: string;
  companyName: string;
  customerId: string;
  customerName: string;
  customerDocument: string;
  establishmentId: string | null;
  document: string | null;
  number: string;
  installment: string | number | null;
  issueDate: string;
  dueDate: string;
  amountCents: number;
  openAmountCents: number;
  invoiceNumber: string | null;
  portadorId: string | null;
  portadorName: string | null;
  status: string;
  overdue: boolean;
}

export interface Customer {
  id: string;
  erpKey: string;
  companyId: string;
  name: string;
  document: string;
  email: string | null;
  phone: string | null;
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export interface Movement {
  id: string;
  kind: string;
  amountCents: number;
  occurredOn: string;
  description: string | null;
  source: string;
  createdAt: string;
}

export interface HistoryEntry {
  id: string;
  action: string;
  before: unknown;
  after: unknown;
  actor: string;
  at: string;
}

export interface ReceivableDetail {
  receivable: Receivable;
  movements: Movement[];
  history: HistoryEntry[];
}

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
    throw new ApiError(
      response.status,
      error?.code ?? `http_${response.status}`,
      error?.message ?? `O servidor respondeu com erro ${response.status}.`,
      error?.fields ?? [],
    );
  }
  return parsed as T;
}

export const api = {
  getSession: () => request<Session>('GET', '/api/session'),
  login: (email: string, password: string) => request<Session>('POST', '/api/session', { email, password }),
  logout: () => request<void>('DELETE', '/api/session'),
  receivables: (query: string, signal?: AbortSignal) =>
    request<Page<Receivable>>('GET', `/api/receivables?${query}`, undefined, signal),
  receivable: (id: string, companyId: string, signal?: AbortSignal) =>
    request<ReceivableDetail>(
      'GET',
      `/api/receivables/${encodeURIComponent(id)}?${new URLSearchParams({ companyId }).toString()}`,
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
      `/api/receivables/${encodeURIComponent(id)}?${new URLSearchParams({ companyId }).toString()}`,
      patch,
    ),
  bankAccounts: (query: URLSearchParams, signal?: AbortSignal) =>
    request<Page<BankAccountView>>('GET', `/api/bank-accounts?${query.toString()}`, undefined, signal),
  createBankAccount: (body: BankAccountUpsertBody & { companyId: string; erpKey: string }) =>
    request<BankAccountView>('POST', '/api/bank-accounts', body),
  patchBankAccount: (id: string, body: BankAccountUpsertBody) =>
    request<BankAccountView>('PATCH', `/api/bank-accounts/${encodeURIComponent(id)}`, body),
  portadores: (query: URLSearchParams, signal?: AbortSignal) =>
    request<Page<PortadorView>>('GET', `/api/portadores?${query.toString()}`, undefined, signal),
  createPortador: (body: PortadorUpsertBody & { companyId: string; erpKey: string }) =>
    request<PortadorView>('POST', '/api/portadores', body),
  patchPortador: (id: string, body: PortadorUpsertBody) =>
    request<PortadorView>('PATCH', `/api/portadores/${encodeURIComponent(id)}`, body),
  customers: (companyId: string, signal?: AbortSignal) =>
    request<Page<Customer>>(
      'GET',
      `/api/customers?${new URLSearchParams({ companyId, pageSize: '200' }).toString()}`,
      undefined,
      signal,
    ),
};
