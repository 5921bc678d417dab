/**
 * Occurrences (ocorrências) of a retorno and the normalized kinds every bank's codes map to.
 * Liquidação is not baixa: only `paid` means money came in; `written_off` is a write-off without payment.
 */
export const OCCURRENCE_KINDS = [
  'registered',
  'rejected',
  'paid',
  'written_off',
  'changed',
  'fee',
  'informative',
] as const;
export type OccurrenceKind = (typeof OCCURRENCE_KINDS)[number];

export interface OccurrenceInfo {
  kind: OccurrenceKind;
  /** pt-BR, as the bank's manual words it. */
  description: string;
}

/** Occurrence code (2 chars, as in the file) → kind + description. */
export type OccurrenceTable = Readonly<Record<string, OccurrenceInfo>>;

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

/** Builds a table from `[code, kind, description]` rows, keeping layout files close to the manuals' tables. */
export function occurrenceTable(
  rows: readonly (readonly [string, OccurrenceKind, string])[],
): OccurrenceTable {
  const table: Record<string, OccurrenceInfo> = {};
  for (const [code, kind, description] of rows) table[code] = { kind, description };
  return table;
}
