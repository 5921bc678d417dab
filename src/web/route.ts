/**
 * Client-side routing on the URL hash: "#/titulos?companyId=…&status=paid,open&dueFrom=2026-01-01".
 * The tab is the path, the company and the filters are the query string, so a reload keeps both. Pure functions.
 */

/** The menu. `built: false` screens show what is coming (the menu says so before the click). */
export const TABS = [
  { id: 'titulos', label: 'Títulos', built: true },
  { id: 'clientes', label: 'Clientes', built: true },
  { id: 'contas', label: 'Contas e portadores', built: true },
  { id: 'parceiros', label: 'Parceiros/Bancos', built: true },
  { id: 'remessa', label: 'Remessa', built: false },
  { id: 'retorno', label: 'Retorno', built: true },
  { id: 'logs', label: 'Logs', built: false },
  { id: 'credito', label: 'Crédito de Clientes', built: true },
  { id: 'conciliacao', label: 'Conciliação', built: true },
  { id: 'tokens', label: 'Tokens de API', built: true, adminOnly: true },
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
