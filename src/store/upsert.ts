import { and, eq } from 'drizzle-orm';
import type { AnyPgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Executor, Tx } from './connection.js';
import { appendHistory } from './history.js';
import { changedKeys, defined, inTransaction, pick } from './util.js';

export interface UpsertOptions<F extends string> {
  /** Fields that may not change once the record exists; a difference returns `conflicts` and changes nothing. */
  immutable?: readonly F[];
  /** Written to the history rows: 'api-token:<id>', 'user:<id>', 'seed'… */
  actor: string;
  /** Hash of the request body that produced this state (kept on the row; null when no ERP request did). */
  requestHash?: string | null;
}

export interface UpsertResult<Row, F extends string> {
  row: Row;
  /** True when this call inserted the row. */
  created: boolean;
  /** True when this call inserted or updated the row. */
  changed: boolean;
  /** Fields this call changed (empty on creation). */
  changedFields: F[];
  /** Immutable fields whose value differs from the stored one; when not empty nothing was written. */
  conflicts: F[];
}

/** A table keyed per company by the ERP's key (unique index on company_id, erp_key), with request_hash and updated_at. */
export type ErpKeyedTable = PgTable & {
  id: AnyPgColumn;
  companyId: AnyPgColumn;
  erpKey: AnyPgColumn;
  requestHash: AnyPgColumn;
  updatedAt: AnyPgColumn;
};

type ErpKeyedRow = { id: string; requestHash: string | null };

/** The row with this ERP key in this company, optionally locked (SELECT … FOR UPDATE); null when absent. */
export async function findByErpKey<T extends ErpKeyedTable>(
  ex: Executor,
  table: T,
  companyId: string,
  erpKey: string,
  options: { forUpdate?: boolean } = {},
): Promise<T['$inferSelect'] | null> {
  const query = ex
    .select()
    .from(table as PgTable)
    .where(and(eq(table.companyId, companyId), eq(table.erpKey, erpKey)));
  const [row] = options.forUpdate ? await query.for('update') : await query;
  return (row as T['$inferSelect'] | undefined) ?? null;
}

export interface ErpKeyedUpsertSpec<Row, Input, F extends string> {
  table: ErpKeyedTable;
  /** `record_history.entity` ('customer', 'receivable'). */
  entity: string;
  /** pt-BR noun for the (should-not-happen) error when the row vanishes between insert and select. */
  noun: string;
  /** Compared, written and recorded in the history, in this order. */
  fields: readonly F[];
  /** Extra insert values derived from the input (defaults for columns the input may omit). */
  insertDefaults?: (data: Input) => object;
  /** Runs inside the transaction after the insert, before the 'created' history row. */
  afterInsert?: (tx: Tx, row: Row) => Promise<void>;
  /** Runs inside the transaction after an update, before the 'updated' history row. */
  afterUpdate?: (tx: Tx, before: Row, after: Row) => Promise<void>;
}

/**
 * Inserts or updates the row with this ERP key in this company, atomically and safely under concurrent calls
 * (INSERT … ON CONFLICT DO NOTHING, then SELECT … FOR UPDATE). Fields left undefined keep their stored value;
 * null clears them. Immutable fields that differ return `conflicts` and nothing is written. Creation and each
 * change append a history row. Runs in its own transaction, or as a savepoint inside `ex` when it is a transaction.
 */
export async function upsertByErpKey<
  Row extends ErpKeyedRow,
  Input extends object,
  F extends keyof Input & string,
>(
  ex: Executor,
  spec: ErpKeyedUpsertSpec<Row, Input, F>,
  args: { companyId: string; erpKey: string; data: Input } & UpsertOptions<F>,
): Promise<UpsertResult<Row, F>> {
  const { table } = spec;
  const { companyId, erpKey, data } = args;
  return inTransaction(ex, async (tx) => {
    const [inserted] = (await tx
      .insert(table)
      .values({
        ...data,
        ...spec.insertDefaults?.(data),
        companyId,
        erpKey,
        requestHash: args.requestHash ?? null,
      } as PgTable['$inferInsert'])
      .onConflictDoNothing({ target: [table.companyId, table.erpKey] })
      .returning()) as Row[];
    if (inserted) {
      await spec.afterInsert?.(tx, inserted);
      await appendHistory(tx, {
        entity: spec.entity,
        entityId: inserted.id,
        companyId,
        action: 'created',
        after: pick(inserted as Row & Input, spec.fields),
        actor: args.actor,
      });
      return { row: inserted, created: true, changed: true, changedFields: [], conflicts: [] };
    }
    const existing = (await findByErpKey(tx, table, companyId, erpKey, { forUpdate: true })) as Row | null;
    if (!existing) throw new Error(`${spec.noun} ${erpKey} desapareceu durante a gravação`);
    const changedFields = changedKeys<Input>(existing as Row & Input, data, spec.fields) as F[];
    const conflicts = changedFields.filter((field) => args.immutable?.includes(field));
    if (conflicts.length > 0 || changedFields.length === 0)
      return {
        row: existing,
        created: false,
        changed: false,
        changedFields: conflicts.length ? changedFields : [],
        conflicts,
      };
    const [updated] = (await tx
      .update(table)
      .set({
        ...defined(pick(data, changedFields)),
        // A change that no ERP request made (console edit) clears the hash: the next identical ERP request is then
        // compared field by field again instead of being taken as unchanged.
        requestHash: args.requestHash ?? null,
        updatedAt: new Date(),
      } as PgTable['$inferInsert'])
      .where(eq(table.id, existing.id))
      .returning()) as Row[];
    await spec.afterUpdate?.(tx, existing, updated!);
    await appendHistory(tx, {
      entity: spec.entity,
      entityId: existing.id,
      companyId,
      action: 'updated',
      before: pick(existing as Row & Input, changedFields),
      after: pick(updated! as Row & Input, changedFields),
      actor: args.actor,
    });
    return { row: updated!, created: false, changed: true, changedFields, conflicts: [] };
  });
}
