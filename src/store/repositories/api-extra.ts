/**
 * Queries the HTTP layer needed that the core repositories do not have yet (owned by the API engineer; drizzle
 * builders only, no raw SQL). Candidates to move into src/store/customers.ts.
 */
import { inArray } from 'drizzle-orm';
import type { Executor } from '../connection.js';
import { customers } from '../schema.js';

/** Customer id → ERP key for the given ids (unknown ids are absent from the map). */
export async function customerErpKeysById(
  ex: Executor,
  ids: readonly string[],
): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await ex
    .select({ id: customers.id, erpKey: customers.erpKey })
    .from(customers)
    .where(inArray(customers.id, [...new Set(ids)]));
  return new Map(rows.map((row) => [row.id, row.erpKey]));
}
