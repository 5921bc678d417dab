/**
 * The return-command table in force for a bank or platform: the defaults shipped with the product, overridden
 * code by code by an admin's edits. Processing looks a code up here; no command → "comando de retorno não
 * cadastrado".
 */
import {
  findReturnCommand,
  returnCommandActions,
  type ReturnCommand,
  type ReturnCommandAction,
  type ReturnCommandTable,
} from '../domain/settlement/return-commands.js';
import { platformCodes } from '../platforms/adapter.js';
import { platformDefinition } from '../platforms/registry.js';
import type { Executor } from '../store/connection.js';
import { getReturnCommandEdit, listReturnCommandEdits, saveReturnCommand } from '../store/return-commands.js';
import { validationError } from './errors.js';

/** Defaults of a scope: a platform code ("efi") or, for banks by CNAB, the bank code ("237"). */
export function defaultReturnCommands(scope: string): ReturnCommandTable {
  if ((platformCodes as readonly string[]).includes(scope))
    return platformDefinition(scope).returnCommands ?? [];
  return bankReturnCommands(scope);
}

let bankTables: ((bankCode: string) => ReturnCommandTable) | undefined;
/** Wired by the bank profiles (CNAB return commands per bank). */
export function useBankReturnCommands(lookup: (bankCode: string) => ReturnCommandTable): void {
  bankTables = lookup;
}
function bankReturnCommands(bankCode: string): ReturnCommandTable {
  return bankTables?.(bankCode) ?? [];
}

export async function resolveReturnCommand(
  ex: Executor,
  scope: string,
  code: string,
): Promise<ReturnCommand | undefined> {
  const edit = await getReturnCommandEdit(ex, scope, code);
  if (edit)
    return { code: edit.code, description: edit.description, action: edit.action as ReturnCommandAction };
  return findReturnCommand(defaultReturnCommands(scope), code);
}

/** The table shown to an admin: every default, with edits applied and edited-only codes added. */
export async function returnCommandTable(
  ex: Executor,
  scope: string,
): Promise<(ReturnCommand & { edited: boolean })[]> {
  const edits = new Map((await listReturnCommandEdits(ex, scope)).map((row) => [row.code, row]));
  const table = defaultReturnCommands(scope).map((command) => {
    const edit = edits.get(command.code);
    edits.delete(command.code);
    return edit
      ? {
          code: edit.code,
          description: edit.description,
          action: edit.action as ReturnCommandAction,
          edited: true,
        }
      : { ...command, edited: false };
  });
  for (const edit of edits.values())
    table.push({
      code: edit.code,
      description: edit.description,
      action: edit.action as ReturnCommandAction,
      edited: true,
    });
  return table.sort((a, b) => a.code.localeCompare(b.code));
}

export async function editReturnCommand(
  ex: Executor,
  command: { scope: string; code: string; description: string; action: string },
): Promise<void> {
  if (!(returnCommandActions as readonly string[]).includes(command.action))
    throw validationError([{ path: 'action', message: `use um de: ${returnCommandActions.join(', ')}` }]);
  if (!command.code.trim()) throw validationError([{ path: 'code', message: 'obrigatório' }]);
  await saveReturnCommand(ex, command);
}
