/** CNAB retorno files as received, one row per distinct file and integration. */
import { and, eq } from 'drizzle-orm';
import type { Tx } from './connection.js';
import { retornoFiles } from './schema.js';

export type RetornoFileRow = typeof retornoFiles.$inferSelect;
export type RetornoFileInput = Omit<typeof retornoFiles.$inferInsert, 'id' | 'createdAt'>;

/** Stores the file; when the same bytes were already imported for this integration, returns that import instead. */
export async function insertRetornoFile(
  tx: Tx,
  input: RetornoFileInput,
): Promise<{ row: RetornoFileRow; duplicate: boolean }> {
  const [inserted] = await tx
    .insert(retornoFiles)
    .values(input)
    .onConflictDoNothing({ target: [retornoFiles.integrationId, retornoFiles.sha256] })
    .returning();
  if (inserted) return { row: inserted, duplicate: false };
  const [existing] = await tx
    .select()
    .from(retornoFiles)
    .where(and(eq(retornoFiles.integrationId, input.integrationId), eq(retornoFiles.sha256, input.sha256)));
  return { row: existing!, duplicate: true };
}
