/**
 * Retorno records: everything a platform reported, stored raw and normalized before processing. The unique
 * (integration, event id) makes the same event twice one record.
 */
import { eq } from 'drizzle-orm';
import type { Executor, Tx } from './connection.js';
import { appendHistory } from './history.js';
import { retornos } from './schema.js';
import type { RetornoSituation } from '../domain/settlement/retornos.js';

export type RetornoRow = typeof retornos.$inferSelect;
export type RetornoInput = Omit<
  typeof retornos.$inferInsert,
  'id' | 'situation' | 'note' | 'processedAt' | 'createdAt'
>;

/** Stores the record; null when the same event (integration + event id) is already stored. */
export async function insertRetorno(tx: Tx, input: RetornoInput, actor: string): Promise<RetornoRow | null> {
  const [row] = await tx
    .insert(retornos)
    .values(input)
    .onConflictDoNothing({ target: [retornos.integrationId, retornos.eventId] })
    .returning();
  if (!row) return null;
  await appendHistory(tx, {
    entity: 'retorno',
    entityId: row.id,
    companyId: row.companyId,
    action: 'received',
    after: { occurrence: `${row.occurrenceCode} — ${row.occurrenceDescription}`, source: row.source },
    actor,
  });
  return row;
}

export async function getRetornoForUpdate(tx: Tx, id: string): Promise<RetornoRow | null> {
  const [row] = await tx.select().from(retornos).where(eq(retornos.id, id)).for('update');
  return row ?? null;
}

export async function getRetorno(ex: Executor, id: string): Promise<RetornoRow | null> {
  const [row] = await ex.select().from(retornos).where(eq(retornos.id, id));
  return row ?? null;
}

export async function finishRetorno(
  tx: Tx,
  before: RetornoRow,
  outcome: {
    situation: Exclude<RetornoSituation, 'not_processed'>;
    note: string | null;
    receivableId?: string | null;
    remessaId?: string | null;
  },
  actor: string,
): Promise<RetornoRow> {
  const [row] = await tx
    .update(retornos)
    .set({
      situation: outcome.situation,
      note: outcome.note,
      processedAt: new Date(),
      ...(outcome.receivableId !== undefined ? { receivableId: outcome.receivableId } : {}),
      ...(outcome.remessaId !== undefined ? { remessaId: outcome.remessaId } : {}),
    })
    .where(eq(retornos.id, before.id))
    .returning();
  await appendHistory(tx, {
    entity: 'retorno',
    entityId: before.id,
    companyId: before.companyId,
    action: outcome.situation,
    before: { situation: before.situation },
    after: { situation: outcome.situation, note: outcome.note },
    actor,
  });
  return row!;
}
