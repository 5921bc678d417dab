import { asc, eq } from 'drizzle-orm';
import type { Executor } from './connection.js';
import { receivableMovements } from './schema.js';

export type MovementRow = typeof receivableMovements.$inferSelect;
export type MovementKind = MovementRow['kind'];

export interface MovementInput {
  receivableId: string;
  kind: MovementKind;
  amountCents: number;
  /** 'YYYY-MM-DD' */
  occurredOn: string;
  description?: string | null;
  source: string;
  /** When given, a second append with the same key is ignored and returns the first row. */
  idempotencyKey?: string | null;
}

/**
 * Appends a movement to the ledger (append-only: the table rejects UPDATE/DELETE). With an idempotency key the
 * posting happens once: a repeated key returns the stored row with `created: false`.
 */
export async function appendMovement(
  ex: Executor,
  input: MovementInput,
): Promise<{ row: MovementRow; created: boolean }> {
  const [inserted] = await ex
    .insert(receivableMovements)
    .values({
      ...input,
      description: input.description ?? null,
      idempotencyKey: input.idempotencyKey ?? null,
    })
    .onConflictDoNothing({ target: receivableMovements.idempotencyKey })
    .returning();
  if (inserted) return { row: inserted, created: true };
  const [existing] = await ex
    .select()
    .from(receivableMovements)
    .where(eq(receivableMovements.idempotencyKey, input.idempotencyKey!));
  return { row: existing!, created: false };
}

/** The ledger of one título, oldest first. */
export async function listMovements(ex: Executor, receivableId: string): Promise<MovementRow[]> {
  return ex
    .select()
    .from(receivableMovements)
    .where(eq(receivableMovements.receivableId, receivableId))
    .orderBy(asc(receivableMovements.seq));
}
