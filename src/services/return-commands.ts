/**
 * The return-command table in force for a bank or platform (FCOB0102): the defaults shipped with the product,
 * overridden code by code by an admin's edits (action and the history code each amount posts with). Processing
 * looks a code up here; no command → "comando de retorno não cadastrado", kept until an admin maps the code and
 * reprocesses.
 */
import {
  findReturnCommand,
  postedAmountKinds,
  returnCommandActions,
  type HistoryCodes,
  type ReturnCommand,
  type ReturnCommandAction,
  type ReturnCommandTable,
} from '../domain/settlement/return-commands.js';
import { platformCodes } from '../platforms/adapter.js';
import { platformDefinition } from '../platforms/registry.js';
import { defaultReturnCommands as bankReturnCommands, listBanks } from '../domain/banks/registry.js';
import type { Executor } from '../store/connection.js';
import {
  getReturnCommandEdit,
  listReturnCommandEdits,
  saveReturnCommand,
  type ReturnCommandRow,
} from '../store/return-commands.js';
import { validationError } from './errors.js';

export type ResolvedReturnCommand = ReturnCommand & { historyCodes: HistoryCodes; edited: boolean };

/**
 * Defaults of a scope: a platform code ("efi"), or for banks by CNAB "<bank>-<layout>" ("237-400"), since a bank's
 * occurrence codes may differ between its 240 and 400 layouts.
 */
export function defaultReturnCommands(scope: string): ReturnCommandTable {
  if ((platformCodes as readonly string[]).includes(scope))
    return platformDefinition(scope).returnCommands ?? [];
  const [bank, layout] = scope.split('-');
  return layout === '240' || layout === '400' ? bankReturnCommands(bank!, layout === '240' ? 240 : 400) : [];
}

/** Every scope an admin may edit: the platforms with commands of their own, then each bank and layout. */
export function returnCommandScopes(): { scope: string; label: string }[] {
  const platforms = platformCodes
    .filter((code) => (platformDefinition(code).returnCommands ?? []).length > 0)
    .map((code) => ({ scope: code, label: platformDefinition(code).label }));
  const banks = listBanks().flatMap((bank) =>
    ([240, 400] as const)
      .filter((layout) => bankReturnCommands(bank.code, layout).length > 0)
      .map((layout) => ({
        scope: `${bank.code}-${layout}`,
        label: `${bank.code} ${bank.name} — CNAB ${layout}`,
      })),
  );
  return [...platforms, ...banks];
}

function fromEdit(edit: ReturnCommandRow): ResolvedReturnCommand {
  return {
    code: edit.code,
    description: edit.description,
    action: edit.action as ReturnCommandAction,
    historyCodes: (edit.historyCodes ?? {}) as HistoryCodes,
    edited: true,
  };
}

export async function resolveReturnCommand(
  ex: Executor,
  scope: string,
  code: string,
): Promise<ResolvedReturnCommand | undefined> {
  const edit = await getReturnCommandEdit(ex, scope, code);
  if (edit) return fromEdit(edit);
  const command = findReturnCommand(defaultReturnCommands(scope), code);
  return command && { ...command, historyCodes: {}, edited: false };
}

/** The table shown to an admin: every default, with edits applied and edited-only codes added. */
export async function returnCommandTable(ex: Executor, scope: string): Promise<ResolvedReturnCommand[]> {
  const edits = new Map((await listReturnCommandEdits(ex, scope)).map((row) => [row.code, row]));
  const table: ResolvedReturnCommand[] = defaultReturnCommands(scope).map((command) => {
    const edit = edits.get(command.code);
    edits.delete(command.code);
    return edit ? fromEdit(edit) : { ...command, historyCodes: {}, edited: false };
  });
  for (const edit of edits.values()) table.push(fromEdit(edit));
  return table.sort((a, b) => a.code.localeCompare(b.code));
}

export async function editReturnCommand(
  ex: Executor,
  command: { scope: string; code: string; description: string; action: string; historyCodes?: HistoryCodes },
): Promise<ResolvedReturnCommand> {
  const errors = [];
  if (!command.code.trim()) errors.push({ path: 'code', message: 'obrigatório' });
  if (!command.description.trim()) errors.push({ path: 'description', message: 'obrigatória' });
  if (!(returnCommandActions as readonly string[]).includes(command.action))
    errors.push({ path: 'action', message: `use um de: ${returnCommandActions.join(', ')}` });
  const historyCodes: Record<string, string> = {};
  for (const [kind, value] of Object.entries(command.historyCodes ?? {})) {
    if (!(postedAmountKinds as string[]).includes(kind))
      errors.push({ path: `historyCodes.${kind}`, message: `use um de: ${postedAmountKinds.join(', ')}` });
    else if (value?.trim()) historyCodes[kind] = value.trim();
  }
  if (errors.length > 0) throw validationError(errors);
  return fromEdit(await saveReturnCommand(ex, { ...command, code: command.code.trim(), historyCodes }));
}
