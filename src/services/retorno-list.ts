/** The Retorno tab's page: the store's list shaped as the console contract (instants as ISO text). */
import type { RetornoPage } from '../contracts/retornos.js';
import type { Store } from '../store/connection.js';
import { listRetornos, type RetornoFilters } from '../store/retorno-list.js';

export async function retornoPage(store: Store, filters: RetornoFilters): Promise<RetornoPage> {
  const page = await listRetornos(store.db, filters);
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
