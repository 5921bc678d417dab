/**
 * Client-side routing on the URL hash: "#/titulos?companyId=…&status=paid,open&dueFrom=2026-01-01".
 * The tab is the path, the company and the filters are the query string, so a reload keeps both. Pure functions.
 */

/** The menu, in the seeds' order. */
export const TABS = [
  { id: 'titulos', label: 'Títulos' },
  { id: 'clientes', label: 'Clientes' },
  { id: 'contas', label: 'Contas e portadores' },
  { id: 'parceiros', label: 'Parceiros/Bancos' },
  { id: 'remessa', label: 'Remessa' },
  { id: 'retorno', label: 'Retorno' },
  { id: 'logs', label: 'Logs' },
  { id: 'credito', label: 'Crédito de Clientes' },
  { id: 'conciliacao', label: 'Conciliação' },
  { id: 'webhooks', label: 'Webhooks do ERP' },
  { id: 'tokens', label: 'Tokens de API', adminOnly: true },
  { id: 'auditoria', label: 'Auditoria', adminOnly: true },
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
