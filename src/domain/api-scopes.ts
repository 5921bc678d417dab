/**
 * What an ERP API token may reach. A token without scopes reaches everything (tokens made before scopes existed
 * keep working). With scopes, it reaches only the listed resources, and `read_only` limits it to reading.
 */
export const apiScopes = ['read_only', 'receivables', 'customers', 'webhooks'] as const;
export type ApiScope = (typeof apiScopes)[number];
export type ResourceScope = Exclude<ApiScope, 'read_only'>;

export const apiScopeLabels: Record<ApiScope, string> = {
  read_only: 'Somente leitura',
  receivables: 'Títulos',
  customers: 'Clientes',
  webhooks: 'Webhooks',
};

/** The first segment under /api/v1 → the resource scope it belongs to (others need an unrestricted token). */
const RESOURCE_OF_SEGMENT: Record<string, ResourceScope> = {
  receivables: 'receivables',
  remessas: 'receivables',
  retornos: 'receivables',
  invoices: 'receivables',
  customers: 'customers',
  webhooks: 'webhooks',
  'webhook-subscriptions': 'webhooks',
  'webhook-deliveries': 'webhooks',
};

const READ_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Null when a token with `scopes` may call `method path` (a path under /api/v1), else what it lacks, in pt-BR.
 */
export function scopeDenial(scopes: readonly ApiScope[] | null, method: string, path: string): string | null {
  if (!scopes || scopes.length === 0) return null;
  if (scopes.includes('read_only') && !READ_METHODS.has(method.toUpperCase()))
    return 'o token é somente leitura';
  const resources = scopes.filter((scope): scope is ResourceScope => scope !== 'read_only');
  if (resources.length === 0) return null;
  const segment = path.replace(/^\/api\/v1\/?/, '').split(/[/?]/)[0] ?? '';
  const needed = RESOURCE_OF_SEGMENT[segment];
  if (needed && resources.includes(needed)) return null;
  return needed
    ? `o token não tem o escopo ${apiScopeLabels[needed]}`
    : `/${segment} exige um token sem restrição de recursos`;
}
