/** Admins' edits of return commands; codes without a row keep the defaults shipped per bank or platform. */
import { and, eq } from 'drizzle-orm';
import type { Executor } from './connection.js';
import { returnCommands } from './schema.js';

export type ReturnCommandRow = typeof returnCommands.$inferSelect;

export async function listReturnCommandEdits(ex: Executor, scope: string): Promise<ReturnCommandRow[]> {
  return ex.select().from(returnCommands).where(eq(returnCommands.scope, scope));
}

export async function getReturnCommandEdit(
  ex: Executor,
  scope: string,
  code: string,
): Promise<ReturnCommandRow | null> {
  const [row] = await ex
    .select()
    .from(returnCommands)
    .where(and(eq(returnCommands.scope, scope), eq(returnCommands.code, code)));
  return row ?? null;
}

export async function saveReturnCommand(
  ex: Executor,
  command: {
    scope: string;
    code: string;
    description: string;
    action: string;
    historyCodes: Record<string, string>;
  },
): Promise<ReturnCommandRow> {
  const [row] = await ex
    .insert(returnCommands)
    .values(command)
    .onConflictDoUpdate({
      target: [returnCommands.scope, returnCommands.code],
      set: {
        description: command.description,
        action: command.action,
        historyCodes: command.historyCodes,
        updatedAt: new Date(),
      },
    })
    .returning();
  return row!;
}
