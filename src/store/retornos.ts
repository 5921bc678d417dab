/**
 * Retorno records: everything a platform reported, stored raw and normalized before processing. The unique
 * (integration, event id) makes the same event twice one record.
 */
import { and, asc, count, desc, eq, inArray, ne, sql } from 'drizzle-orm';
import type { Executor, Tx } from './connection.js';
import { appendHistory } from './history.js';
import { integrations, retornos } from './schema.js';
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

/** The records of one título (or, before it is known, of one charge), oldest event first. */
export async function retornosOfReceivable(
  ex: Executor,
  args: { receivableId: string | null; integrationId: string; chargeId: string | null },
): Promise<RetornoRow[]> {
  const match = args.receivableId
    ? eq(retornos.receivableId, args.receivableId)
    : args.chargeId
      ? and(eq(retornos.integrationId, args.integrationId), eq(retornos.chargeId, args.chargeId))
      : undefined;
  if (!match) return [];
  return ex.select().from(retornos).where(match).orderBy(asc(retornos.occurredAt), asc(retornos.createdAt));
}

/** The newest record of a charge (what a status poll compares against). */
export async function latestRetornoOfCharge(
  ex: Executor,
  integrationId: string,
  chargeId: string,
): Promise<RetornoRow | null> {
  const [row] = await ex
    .select()
    .from(retornos)
    .where(and(eq(retornos.integrationId, integrationId), eq(retornos.chargeId, chargeId)))
    .orderBy(desc(retornos.occurredAt), desc(retornos.createdAt))
    .limit(1);
  return row ?? null;
}

/** Another processed record of the same charge and occurrence (the same event reported by another way). */
export async function processedTwin(ex: Executor, retorno: RetornoRow): Promise<RetornoRow | null> {
  if (!retorno.chargeId) return null;
  const [row] = await ex
    .select()
    .from(retornos)
    .where(
      and(
        eq(retornos.integrationId, retorno.integrationId),
        eq(retornos.chargeId, retorno.chargeId),
        eq(retornos.occurrenceCode, retorno.occurrenceCode),
        eq(retornos.situation, 'processed'),
        ne(retornos.id, retorno.id),
      ),
    )
    .limit(1);
  return row ?? null;
}

/** Records of these companies among `ids` (others are simply absent). */
export async function retornosIn(
  ex: Executor,
  companyIds: readonly string[],
  ids: readonly string[],
): Promise<RetornoRow[]> {
  if (ids.length === 0) return [];
  return ex
    .select()
    .from(retornos)
    .where(and(inArray(retornos.companyId, [...companyIds]), inArray(retornos.id, [...ids])));
}

/** Failed records of these companies with an occurrence code (to reprocess once its command exists). */
export async function failedRetornosWithCode(
  ex: Executor,
  companyIds: readonly string[],
  code: string,
): Promise<RetornoRow[]> {
  return ex
    .select()
    .from(retornos)
    .where(
      and(
        inArray(retornos.companyId, [...companyIds]),
        eq(retornos.occurrenceCode, code),
        eq(retornos.situation, 'failed'),
      ),
    )
    .orderBy(asc(retornos.occurredAt));
}

/** Failed records per integration and occurrence code (what an admin may still map), with their integration. */
export async function failedCodeCounts(ex: Executor, companyIds: readonly string[]) {
  return ex
    .select({
      platform: integrations.platform,
      options: integrations.options,
      occurrenceCode: retornos.occurrenceCode,
      occurrenceDescription: sql<string>`min(${retornos.occurrenceDescription})`,
      count: count(),
    })
    .from(retornos)
    .innerJoin(integrations, eq(integrations.id, retornos.integrationId))
    .where(and(inArray(retornos.companyId, [...companyIds]), eq(retornos.situation, 'failed')))
    .groupBy(integrations.platform, integrations.options, retornos.occurrenceCode);
}
