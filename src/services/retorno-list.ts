/** The Retorno tab's page: the store's list shaped as the console contract (instants as ISO text). */
import type { RetornoPage } from '../contracts/retornos.js';
import type { Store } from '../store/connection.js';
import { listRetornos, type RetornoFilters } from '../store/retorno-list.js';
import { forbidden } from './errors.js';

/** `company` (the Empresa filter) narrows the scope to one of its companies. */
export async function retornoPage(
  store: Store,
  { company, ...filters }: RetornoFilters & { company?: string },
): Promise<RetornoPage> {
  if (company && !filters.companyIds.includes(company))
    throw forbidden('Empresa fora do escopo da empresa escolhida no topo.');
  const page = await listRetornos(store.db, company ? { ...filters, companyIds: [company] } : filters);
  return {
    ...page,
    items: page.items.map((item) => ({
      ...item,
      situation: item.situation as RetornoPage['items'][number]['situation'],
      occurredAt: item.occurredAt.toISOString(),
      processedAt: item.processedAt?.toISOString() ?? null,
    })),
  };
}
