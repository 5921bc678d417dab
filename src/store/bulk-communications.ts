/** Bulk communications (Remessa em lote) and their items; progress is read from the remessa history. */
import { and, desc, eq, inArray, max, sql } from 'drizzle-orm';
import type { Executor, Tx } from './connection.js';
import { bulkCommunicationItems, bulkCommunications, receivables, recordHistory } from './schema.js';

export type BulkCommunicationRow = typeof bulkCommunications.$inferSelect;

/** The history's high-water mark: events recorded after this call have a greater seq. */
export async function historyWatermark(ex: Executor): Promise<number> {
  const [row] = await ex.select({ seq: max(recordHistory.seq) }).from(recordHistory);
  return Number(row?.seq ?? 0);
}

export async function createBulkCommunication(
  tx: Tx,
  bulk: Omit<typeof bulkCommunications.$inferInsert, 'id' | 'createdAt'>,
  items: readonly { receivableId: string; remessaId: string }[],
  sinceSeq: number,
): Promise<BulkCommunicationRow> {
  const [row] = await tx.insert(bulkCommunications).values(bulk).returning();
  for (let start = 0; start < items.length; start += 500)
    await tx
      .insert(bulkCommunicationItems)
      .values(items.slice(start, start + 500).map((item) => ({ ...item, bulkId: row!.id, sinceSeq })));
  return row!;
}

export async function getBulkCommunication(
  ex: Executor,
  id: string,
  companyIds: readonly string[],
): Promise<BulkCommunicationRow | null> {
  if (companyIds.length === 0) return null;
  const [row] = await ex
    .select()
    .from(bulkCommunications)
    .where(and(eq(bulkCommunications.id, id), inArray(bulkCommunications.companyId, [...companyIds])));
  return row ?? null;
}

export async function listBulkCommunications(ex: Executor, companyIds: readonly string[]) {
  if (companyIds.length === 0) return [];
  return ex
    .select()
    .from(bulkCommunications)
    .where(inArray(bulkCommunications.companyId, [...companyIds]))
    .orderBy(desc(bulkCommunications.createdAt))
    .limit(50);
}

/** Each item with its outcome: the latest final remessa event since the item was (re)queued, if any. */
export async function bulkItemOutcomes(ex: Executor, bulkId: string) {
  const outcome = sql<{ action: string; reason: string | null } | null>`(
    select json_build_object('action', h.action, 'reason', h.after->>'reason')
    from ${recordHistory} h
    where h.entity = 'remessa' and h.entity_id = ${bulkCommunicationItems.remessaId}::text
      and h.seq > ${bulkCommunicationItems.sinceSeq} and h.action in ('sent', 'failed', 'erp_failed')
    order by h.seq desc limit 1)`;
  return ex
    .select({
      receivableId: bulkCommunicationItems.receivableId,
      remessaId: bulkCommunicationItems.remessaId,
      erpKey: receivables.erpKey,
      number: receivables.number,
      installment: receivables.installment,
      outcome,
    })
    .from(bulkCommunicationItems)
    .innerJoin(receivables, eq(receivables.id, bulkCommunicationItems.receivableId))
    .where(eq(bulkCommunicationItems.bulkId, bulkId))
    .orderBy(receivables.erpKey);
}

/** Items (re)queued now: only events after `sinceSeq` count for them. */
export async function requeueBulkItems(
  tx: Tx,
  bulkId: string,
  receivableIds: readonly string[],
  sinceSeq: number,
): Promise<void> {
  if (receivableIds.length === 0) return;
  await tx
    .update(bulkCommunicationItems)
    .set({ sinceSeq })
    .where(
      and(
        eq(bulkCommunicationItems.bulkId, bulkId),
        inArray(bulkCommunicationItems.receivableId, [...receivableIds]),
      ),
    );
}
