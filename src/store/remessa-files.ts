/**
 * Banks by CNAB file: the portador's numbering (remessa files and nossos números) and the remessa files kept as
 * written. A number is taken in the transaction that stores what carries it, under the sequence row's lock.
 */
import { and, count, desc, eq, gte, inArray, lt, sql } from 'drizzle-orm';
import type { Executor, Tx } from './connection.js';
import {
  integrations,
  outbox,
  portadores,
  portadorSequences,
  remessaFileItems,
  remessaFiles,
  remessas,
} from './schema.js';
import { normalizePage } from './util.js';

export type SequenceName = (typeof portadorSequences.$inferSelect)['name'];
export type RemessaFileRow = typeof remessaFiles.$inferSelect;
export type RemessaFileItemInput = Omit<typeof remessaFileItems.$inferInsert, 'remessaFileId'>;

/**
 * Locks the portador's counter (created at 0 when absent) until the transaction ends; answers its last value.
 * Taken before any título of a file, so that two writers of one portador's files run one after the other.
 */
export async function lockSequence(tx: Tx, portadorId: string, name: SequenceName): Promise<number> {
  await tx.insert(portadorSequences).values({ portadorId, name }).onConflictDoNothing();
  const [row] = await tx
    .select({ lastValue: portadorSequences.lastValue })
    .from(portadorSequences)
    .where(and(eq(portadorSequences.portadorId, portadorId), eq(portadorSequences.name, name)))
    .for('update');
  return row!.lastValue;
}

/** Takes the next `amount` numbers of a counter the transaction has locked; answers the first of them. */
export async function takeNumbers(
  tx: Tx,
  portadorId: string,
  name: SequenceName,
  amount = 1,
): Promise<number> {
  const [row] = await tx
    .update(portadorSequences)
    .set({ lastValue: sql`${portadorSequences.lastValue} + ${amount}` })
    .where(and(eq(portadorSequences.portadorId, portadorId), eq(portadorSequences.name, name)))
    .returning({ lastValue: portadorSequences.lastValue });
  return row!.lastValue - amount + 1;
}

/**
 * Remessa records of the integration with a registration queued and not concluded: their outbox job still holds
 * the dedupe key `<keyPrefix><remessa id>` (released when an attempt concludes). Ordered by título, the lock order.
 */
export async function queuedRemessaIds(
  ex: Executor,
  integrationId: string,
  keyPrefix: string,
): Promise<{ remessaId: string; receivableId: string }[]> {
  return ex
    .select({ remessaId: remessas.id, receivableId: remessas.receivableId })
    .from(remessas)
    .innerJoin(
      outbox,
      and(eq(outbox.kind, 'job'), eq(outbox.dedupeKey, sql`${keyPrefix} || ${remessas.id}::text`)),
    )
    .where(
      and(
        eq(remessas.integrationId, integrationId),
        inArray(remessas.status, ['not_sent', 'failed', 'erp_failed']),
      ),
    )
    .orderBy(remessas.receivableId);
}

/** Files of the portador generated on this day so far (some banks name a file by its order in the day). */
export async function filesOfDay(ex: Executor, portadorId: string, generatedOn: string): Promise<number> {
  const [row] = await ex
    .select({ n: count() })
    .from(remessaFiles)
    .where(and(eq(remessaFiles.portadorId, portadorId), eq(remessaFiles.generatedOn, generatedOn)));
  return row?.n ?? 0;
}

export async function insertRemessaFile(
  tx: Tx,
  file: Omit<typeof remessaFiles.$inferInsert, 'id' | 'createdAt'>,
  items: readonly RemessaFileItemInput[],
): Promise<RemessaFileRow> {
  const [row] = await tx.insert(remessaFiles).values(file).returning();
  if (items.length > 0)
    await tx.insert(remessaFileItems).values(items.map((item) => ({ ...item, remessaFileId: row!.id })));
  return row!;
}

const summary = {
  id: remessaFiles.id,
  companyId: remessaFiles.companyId,
  integrationId: remessaFiles.integrationId,
  portadorId: remessaFiles.portadorId,
  portadorErpKey: portadores.erpKey,
  portadorName: portadores.name,
  bank: sql<string>`${integrations.options} ->> 'bank'`,
  layout: sql<number>`(${integrations.options} ->> 'layout')::int`,
  sequence: remessaFiles.sequence,
  fileName: remessaFiles.fileName,
  lineCount: remessaFiles.lineCount,
  tituloCount: remessaFiles.tituloCount,
  amountCents: remessaFiles.amountCents,
  generatedOn: remessaFiles.generatedOn,
  createdBy: remessaFiles.createdBy,
  createdAt: remessaFiles.createdAt,
};

export type RemessaFileSummary = Awaited<ReturnType<typeof listRemessaFiles>>['items'][number];

export interface RemessaFileFilters {
  companyIds: readonly string[];
  portadorId?: string;
  portadorErpKey?: string;
  from?: string;
  to?: string;
  page?: number;
  pageSize?: number;
}

/** Remessa files of the companies, newest first. */
export async function listRemessaFiles(ex: Executor, filters: RemessaFileFilters) {
  const { page, pageSize } = normalizePage(filters.page, filters.pageSize);
  if (filters.companyIds.length === 0) return { items: [], total: 0, page, pageSize };
  const where = and(
    inArray(remessaFiles.companyId, [...filters.companyIds]),
    filters.portadorId ? eq(remessaFiles.portadorId, filters.portadorId) : undefined,
    filters.portadorErpKey ? eq(portadores.erpKey, filters.portadorErpKey) : undefined,
    filters.from ? gte(remessaFiles.generatedOn, filters.from) : undefined,
    filters.to ? lt(remessaFiles.generatedOn, sql`${filters.to}::date + 1`) : undefined,
  );
  const [items, [total]] = await Promise.all([
    ex
      .select(summary)
      .from(remessaFiles)
      .innerJoin(portadores, eq(portadores.id, remessaFiles.portadorId))
      .innerJoin(integrations, eq(integrations.id, remessaFiles.integrationId))
      .where(where)
      .orderBy(desc(remessaFiles.createdAt), desc(remessaFiles.sequence))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    ex
      .select({ n: count() })
      .from(remessaFiles)
      .innerJoin(portadores, eq(portadores.id, remessaFiles.portadorId))
      .where(where),
  ]);
  return { items, total: total?.n ?? 0, page, pageSize };
}

/** One file with its content, within the companies. */
export async function getRemessaFile(
  ex: Executor,
  id: string,
  companyIds: readonly string[],
): Promise<(RemessaFileSummary & { content: string }) | null> {
  if (companyIds.length === 0) return null;
  const [row] = await ex
    .select({ ...summary, content: remessaFiles.content })
    .from(remessaFiles)
    .innerJoin(portadores, eq(portadores.id, remessaFiles.portadorId))
    .innerJoin(integrations, eq(integrations.id, remessaFiles.integrationId))
    .where(and(eq(remessaFiles.id, id), inArray(remessaFiles.companyId, [...companyIds])));
  return row ?? null;
}

/** The títulos a file carries, in file order. */
export async function remessaFileItemsOf(ex: Executor, remessaFileId: string) {
  return ex
    .select()
    .from(remessaFileItems)
    .where(eq(remessaFileItems.remessaFileId, remessaFileId))
    .orderBy(remessaFileItems.position);
}
