/**
 * Client-side routing on the URL hash: "#/titulos?companyId=…&status=paid,open&dueFrom=2026-01-01".
 * The tab is the path, the company and the filters are the query string, so a reload keeps both. Pure functions.
 */
import { isReceivableStatus, type ReceivableStatus } from './format.js';

export const TABS = [
  { id: 'titulos', label: 'Títulos' },
  { id: 'parceiros', label: 'Parceiros/Bancos' },
  { id: 'contas', label: 'Contas e portadores' },
  { id: 'remessa', label: 'Remessa' },
  { id: 'retorno', label: 'Retorno' },
  { id: 'logs', label: 'Logs' },
  { id: 'credito', label: 'Crédito de Clientes' },
  { id: 'conciliacao', label: 'Conciliação' },
] as const;

export type TabId = (typeof TABS)[number]['id'];

export interface Route {
  tab: TabId;
  params: URLSearchParams;
}

function isTab(value: string): value is TabId {
  return TABS.some((tab) => tab.id === value);
}

export function parseHash(hash: string): Route {
  const text = hash.replace(/^#/, '');
  const [path = '', query = ''] = text.split('?', 2);
  const name = path.replace(/^\/+|\/+$/g, '');
  return { tab: isTab(name) ? name : 'titulos', params: new URLSearchParams(query) };
}

export function buildHash(tab: TabId, params: URLSearchParams): string {
  const query = params.toString();
  return `#/${tab}${query ? `?${query}` : ''}`;
}

export const SORT_KEYS = [
  'dueDate',
  'issueDate',
  'amountCents',
  'openAmountCents',
  'customerName',
  'number',
  'status',
] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export const PAGE_SIZES = [25, 50, 100] as const;

/** The títulos list filters, as kept in the URL and sent to GET /api/receivables. */
export interface ReceivableFilters {
  customerId: string;
  issueFrom: string;
  issueTo: string;
  dueFrom: string;
  dueTo: string;
  status: ReceivableStatus[];
  /** Only overdue títulos (due date before today, open amount > 0): the API's `overdue=true`. */
  overdue: boolean;
  q: string;
  sort: SortKey;
  order: 'asc' | 'desc';
  page: number;
  pageSize: number;
}

export const DEFAULT_FILTERS: ReceivableFilters = {
  customerId: '',
  issueFrom: '',
  issueTo: '',
  dueFrom: '',
  dueTo: '',
  status: [],
  overdue: false,
  q: '',
  sort: 'dueDate',
  order: 'asc',
  page: 1,
  pageSize: 25,
};

const ISO = /^\d{4}-\d{2}-\d{2}$/;

function dateParam(params: URLSearchParams, key: string): string {
  const value = params.get(key) ?? '';
  return ISO.test(value) ? value : '';
}

export function readFilters(params: URLSearchParams): ReceivableFilters {
  const sort = params.get('sort') ?? '';
  const page = Number(params.get('page'));
  const pageSize = Number(params.get('pageSize'));
  return {
    customerId: params.get('customerId') ?? '',
    issueFrom: dateParam(params, 'issueFrom'),
    issueTo: dateParam(params, 'issueTo'),
    dueFrom: dateParam(params, 'dueFrom'),
    dueTo: dateParam(params, 'dueTo'),
    status: (params.get('status') ?? '').split(',').filter(isReceivableStatus),
    overdue: params.get('overdue') === 'true',
    q: params.get('q') ?? '',
    sort: (SORT_KEYS as readonly string[]).includes(sort) ? (sort as SortKey) : DEFAULT_FILTERS.sort,
    order: params.get('order') === 'desc' ? 'desc' : 'asc',
    page: Number.isInteger(page) && page >= 1 ? page : 1,
    pageSize: (PAGE_SIZES as readonly number[]).includes(pageSize) ? pageSize : DEFAULT_FILTERS.pageSize,
  };
}

/**
 * Writes the filters into a copy of `base` (which keeps other keys such as companyId); values equal to the
 * default are left out so URLs stay short.
 */
export function writeFilters(base: URLSearchParams, filters: ReceivableFilters): URLSearchParams {
  const params = new URLSearchParams(base);
  const set = (key: string, value: string, fallback: string) => {
    if (value && value !== fallback) params.set(key, value);
    else params.delete(key);
  };
  set('customerId', filters.customerId, '');
  set('issueFrom', filters.issueFrom, '');
  set('issueTo', filters.issueTo, '');
  set('dueFrom', filters.dueFrom, '');
  set('dueTo', filters.dueTo, '');
  set('status', filters.status.join(','), '');
  set('overdue', filters.overdue ? 'true' : '', '');
  set('q', filters.q.trim(), '');
  set('sort', filters.sort, DEFAULT_FILTERS.sort);
  set('order', filters.order, DEFAULT_FILTERS.order);
  set('page', String(filters.page), '1');
  set('pageSize', String(filters.pageSize), String(DEFAULT_FILTERS.pageSize));
  return params;
}

/** Query string for GET /api/receivables (always explicit sort/order/page/pageSize). */
export function receivablesQuery(companyId: string, filters: ReceivableFilters): string {
  const params = new URLSearchParams({ companyId });
  if (filters.customerId) params.set('customerId', filters.customerId);
  if (filters.issueFrom) params.set('issueFrom', filters.issueFrom);
  if (filters.issueTo) params.set('issueTo', filters.issueTo);
  if (filters.dueFrom) params.set('dueFrom', filters.dueFrom);
  if (filters.dueTo) params.set('dueTo', filters.dueTo);
  if (filters.status.length > 0) params.set('status', filters.status.join(','));
  if (filters.overdue) params.set('overdue', 'true');
  if (filters.q.trim()) params.set('q', filters.q.trim());
  params.set('sort', filters.sort);
  params.set('order', filters.order);
  params.set('page', String(filters.page));
  params.set('pageSize', String(filters.pageSize));
  return params.toString();
}
