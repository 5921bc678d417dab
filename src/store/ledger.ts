/**
 * The ledger: the only way money moves on a título. Movements are appended exactly once (a key per posting), and
 * the título's open amount and status are recomputed from all its movements in the same transaction.
 */
import { and, asc, eq } from 'drizzle-orm';
import { openAmountOf, statusOf, type MovementKind } from '../domain/receivable/postings.js';
import type { ReceivableStatus } from '../domain/receivable/statuses.js';
import type { Executor } from './connection.js';
import { appendCreatedHistory, appendHistory } from './history.js';
import { receivableMovements, receivables } from './schema.js';
import { inTransaction } from './util.js';

export type MovementRow = typeof receivableMovements.$inferSelect;

export interface PostingInput {
  kind: MovementKind;
  amountCents: number;
  /** 'YYYY-MM-DD' */
  occurredOn: string;
  description?: string | null;
  /** Who/what posted it: 'erp-api', 'console', 'seed', 'job:<name>', 'retorno:<id>'… */
  source: string;
  /** Unique per posting: a second post with the same key is ignored and returns the first row. */
  key: string;
}

export interface LedgerResult {
  receivable: typeof receivables.$inferSelect;
  /** The movements this call added (a repeated key adds none). */
  posted: MovementRow[];
  /** The movements whose key was already there. */
  repeated: MovementRow[];
}

/**
 * Appends the postings to the título's ledger and derives its open amount and status from the whole ledger.
 * `cancel` marks the título cancelled (after its postings close it). Locks the título row, so concurrent posts
 * to one título serialize; the unique key makes repeats harmless.
 */
export async function postToLedger(
  ex: Executor,
  args: { receivableId: string; postings: readonly PostingInput[]; actor: string; cancel?: boolean },
): Promise<LedgerResult> {
  return inTransaction(ex, async (tx) => {
    const [existing] = await tx
      .select()
      .from(receivables)
      .where(eq(receivables.id, args.receivableId))
      .for('update');
    if (!existing) throw new Error(`título ${args.receivableId} não existe`);
    const posted: MovementRow[] = [];
    const repeated: MovementRow[] = [];
    for (const posting of args.postings) {
      const [inserted] = await tx
        .insert(receivableMovements)
        .values({
          receivableId: args.receivableId,
          kind: posting.kind,
          amountCents: posting.amountCents,
          occurredOn: posting.occurredOn,
          description: posting.description ?? null,
          source: posting.source,
          idempotencyKey: posting.key,
        })
        .onConflictDoNothing({ target: receivableMovements.idempotencyKey })
        .returning();
      if (inserted) posted.push(inserted);
      else
        repeated.push(
          (
            await tx
              .select()
              .from(receivableMovements)
              .where(eq(receivableMovements.idempotencyKey, posting.key))
          )[0]!,
        );
    }
    if (posted.length === 0 && !args.cancel) return { receivable: existing, posted, repeated };
    const ledger = await listMovements(tx, args.receivableId);
    const openAmountCents = openAmountOf(ledger);
    if (openAmountCents < 0)
      throw new Error(`o razão do título ${existing.erpKey} ficaria negativo (${openAmountCents} centavos)`);
    const status: ReceivableStatus = args.cancel ? 'cancelled' : statusOf(ledger, existing.status);
    if (openAmountCents === existing.openAmountCents && status === existing.status)
      return { receivable: existing, posted, repeated };
    const [updated] = await tx
      .update(receivables)
      .set({ openAmountCents, status, updatedAt: new Date() })
      .where(eq(receivables.id, args.receivableId))
      .returning();
    await appendHistory(tx, {
      entity: 'receivable',
      entityId: existing.id,
      companyId: existing.companyId,
      action: 'ledger_posted',
      before: { status: existing.status, openAmountCents: existing.openAmountCents },
      after: {
        status,
        openAmountCents,
        movements: posted.map((m) => ({ kind: m.kind, amountCents: m.amountCents })),
      },
      actor: args.actor,
    });
    return { receivable: updated!, posted, repeated };
  });
}

/** The ledger of one título, oldest first. */
export async function listMovements(ex: Executor, receivableId: string): Promise<MovementRow[]> {
  return ex
    .select()
    .from(receivableMovements)
    .where(eq(receivableMovements.receivableId, receivableId))
    .orderBy(asc(receivableMovements.seq));
}

/**
 * Marks an open título as registered at its platform (entrada confirmada). Not a money movement: the open amount
 * is unchanged and a later posting keeps the mark while something is still owed.
 */
export async function markRegistered(
  ex: Executor,
  args: { receivableId: string; actor: string },
): Promise<void> {
  await inTransaction(ex, async (tx) => {
    const [updated] = await tx
      .update(receivables)
      .set({ status: 'registered', updatedAt: new Date() })
      .where(and(eq(receivables.id, args.receivableId), eq(receivables.status, 'open')))
      .returning();
    if (updated)
      await appendHistory(tx, {
        entity: 'receivable',
        entityId: updated.id,
        companyId: updated.companyId,
        action: 'registered',
        before: { status: 'open' },
        after: { status: 'registered' },
        actor: args.actor,
      });
  });
}

export interface OpeningLedger {
  /** The título as inserted; its open amount and status follow from `postings`. */
  receivable: Omit<typeof receivables.$inferInsert, 'openAmountCents' | 'status'>;
  /** Its movements, oldest first (the first is usually 'created'); keys are given here. */
  postings: readonly Omit<PostingInput, 'key'>[];
  /** Registered at its platform (kept while something is owed), or cancelled after the postings close it. */
  mark?: 'registered' | 'cancelled';
}

/**
 * Inserts many new títulos at once with their whole ledgers (a bulk load into empty companies, such as the demo
 * data). As with postToLedger, each open amount and status follow only from the postings, and every posting has a
 * key: `receivable:<id>:created` for the creation (the key the ERP path uses), `receivable:<id>:opening:<n>` after it.
 * Each título gets its 'created' history row.
 */
export async function insertReceivablesWithLedgers(
  ex: Executor,
  items: readonly OpeningLedger[],
  history: { actor: string; after: unknown },
): Promise<(typeof receivables.$inferSelect)[]> {
  return inTransaction(ex, async (tx) => {
    const inserted = await tx
      .insert(receivables)
      .values(
        items.map((item) => ({
          ...item.receivable,
          openAmountCents: openAmountOf(item.postings),
          status:
            item.mark === 'cancelled' ? ('cancelled' as const) : statusOf(item.postings, item.mark ?? 'open'),
        })),
      )
      .returning();
    const byKey = new Map(inserted.map((row) => [`${row.companyId}/${row.erpKey}`, row]));
    const movements = items.flatMap((item) => {
      const row = byKey.get(`${item.receivable.companyId}/${item.receivable.erpKey}`)!;
      return item.postings.map((posting, index) => ({
        receivableId: row.id,
        kind: posting.kind,
        amountCents: posting.amountCents,
        occurredOn: posting.occurredOn,
        description: posting.description ?? null,
        source: posting.source,
        idempotencyKey:
          index === 0 && posting.kind === 'created'
            ? `receivable:${row.id}:created`
            : `receivable:${row.id}:opening:${index}`,
      }));
    });
    if (movements.length > 0) await tx.insert(receivableMovements).values(movements);
    await appendCreatedHistory(tx, 'receivable', inserted, history);
    return inserted;
  });
}
