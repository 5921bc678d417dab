/**
 * Occurrences (ocorrências) of a retorno: each layout carries its bank's codes with the manual's wording, and the
 * reader reports code and wording as they come. What a code does (settle, write off, reject…) is a return command
 * (src/domain/settlement/return-commands.ts), decided later from an editable table whose defaults each bank ships
 * (`occurrenceCommands` below); a code missing from both is still a normal event.
 */
import type { ReturnCommandAction, ReturnCommandTable } from '../settlement/return-commands.js';

/** Occurrence code (2 chars, as in the file) → pt-BR description, as the bank's manual words it. */
export type OccurrenceTable = Readonly<Record<string, string>>;

export type OccurrenceRow = readonly [code: string, description: string];

/**
 * Reason (motivo) code → pt-BR description. `byOccurrence` holds tables that apply only to some occurrence codes
 * (FEBRABAN C047 has one table for rejections, another for liquidação/baixa channels, another for tariffs).
 */
export interface ReasonTable {
  default?: Readonly<Record<string, string>>;
  byOccurrence?: Readonly<Record<string, Readonly<Record<string, string>>>>;
}

export function describeReason(
  table: ReasonTable | undefined,
  occurrence: string,
  code: string,
): string | undefined {
  return table?.byOccurrence?.[occurrence]?.[code] ?? table?.default?.[code];
}

/** Builds a table from `[code, description]` rows, keeping layout files close to the manuals' tables. */
export function occurrenceTable(rows: readonly OccurrenceRow[]): OccurrenceTable {
  return Object.fromEntries(rows);
}

/**
 * A bank's default return commands for one layout: every code of its occurrence table with the manual's wording,
 * the action given here or `informative`. A code given here that the table lacks is an error at load time.
 */
export function occurrenceCommands(
  occurrences: OccurrenceTable,
  actions: Partial<Record<Exclude<ReturnCommandAction, 'informative'>, readonly string[]>>,
): ReturnCommandTable {
  const byCode = new Map<string, ReturnCommandAction>();
  for (const [action, codes] of Object.entries(actions) as [ReturnCommandAction, readonly string[]][])
    for (const code of codes) {
      if (occurrences[code] === undefined || byCode.has(code))
        throw new Error(
          `comando de retorno ${code} (${action}): código ausente da tabela de ocorrências ou repetido`,
        );
      byCode.set(code, action);
    }
  return Object.entries(occurrences)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([code, description]) => ({ code, description, action: byCode.get(code) ?? 'informative' }));
}
