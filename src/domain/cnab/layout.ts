/**
 * The layout contract: a CNAB file layout is data. One reader (`reader.ts`) and one writer (`writer.ts`) serve
 * every layout; a bank variant states only how it differs from its base (see `patchRecord`).
 *
 * Positions are 1-based and inclusive, exactly as the banks' manuals print them.
 */
import type { TituloFeature } from './features.js';
import type { FieldName, FillerName } from './fields.js';
import type { OccurrenceTable, ReasonTable } from './occurrences.js';

export type CnabWidth = 240 | 400;
export type CnabDirection = 'remessa' | 'retorno';

/**
 * - `DDMMAA` / `DDMMAAAA`: dates, read to ISO `YYYY-MM-DD` (all zeros or blanks = no date); written from ISO.
 * - `HHMMSS`: a time, read as `HH:MM:SS`.
 * - `codes2`: a run of 2-character codes (e.g. FEBRABAN C047 motivos); read as a string[] without blanks/zeros.
 */
export type FieldFormat = 'DDMMAA' | 'DDMMAAAA' | 'HHMMSS' | 'codes2';

export interface FieldSpec {
  /**
   * The canonical key the field reads into / writes from (fields.ts lists them all: a misspelled name does not
   * type-check, and the layout checker refuses it at load). A name starting with `_` is filler: written blank (or
   * its `constant`/`default`), never decoded on read.
   */
  name: FieldName | FillerName;
  start: number;
  end: number;
  /** `num`: digits, left-padded with zeros; `alpha`: text, right-padded with spaces. */
  type: 'num' | 'alpha';
  format?: FieldFormat;
  /** Implied decimals: the value is an integer in 10^-decimals units (2 = centavos). */
  decimals?: number;
  /** Written as-is; on read, a mismatch is an error only when `strict` is set. */
  constant?: string;
  /** Written when the value is absent. */
  default?: string | number;
  /** Read: must not be blank. Write: must have a value (or default/constant). */
  required?: boolean;
  /** Read: a `constant` mismatch is an error. */
  strict?: boolean;
  /** Alpha fields are upper-cased on write unless `upper: false`. */
  upper?: boolean;
  /** Override the default padding (num: left zeros; alpha: right spaces). */
  pad?: 'left-zero' | 'right-space' | 'left-space';
  /** Manual reference (e.g. "G069", "nota 12") for humans. */
  ref?: string;
}

export type RecordRole = 'fileHeader' | 'batchHeader' | 'detail' | 'batchTrailer' | 'fileTrailer';

export interface RecordSpec {
  /** Unique in the layout, e.g. `fileHeader`, `P`, `Q`, `T`, `U`, `detail`, `fine`. */
  name: string;
  role: RecordRole;
  /** A line is this record when every matcher's text sits at its position. */
  match: { start: number; value: string }[];
  fields: FieldSpec[];
  /**
   * Retorno only: `start` opens a new event, `continue` adds fields to the open one (240: T starts, U continues);
   * `ignore` is read and validated but not part of an event.
   */
  event?: 'start' | 'continue' | 'ignore';
}

/** What a title asks the bank to do; each layout maps these to its own movement/instruction codes. */
export type Movement =
  | 'register'
  | 'writeOff'
  | 'grantRebate'
  | 'cancelRebate'
  | 'changeDueDate'
  | 'grantDiscount'
  | 'cancelDiscount'
  | 'protest'
  | 'cancelProtest'
  | 'changeOtherData';

export type Value = string | number | string[] | undefined;
export type Values = Record<string, Value>;

/** One step of a remessa: which record to write, and when (per título). */
export interface RemessaStep {
  record: string;
  /** Write this record for a título only when this returns true (e.g. R only with fine/discount 2). */
  when?: (values: Values) => boolean;
}

export interface RemessaPlan {
  /** Records written once at the top (e.g. fileHeader, batchHeader). */
  head: string[];
  /** Records written per título, in order. */
  perTitulo: RemessaStep[];
  /** Records written once at the end (e.g. batchTrailer, fileTrailer). */
  tail: string[];
  /** FEBRABAN/bank movement code per movement; a movement absent here is rejected with a pt-BR message. */
  movementCodes: Partial<Record<Movement, string>>;
  /**
   * What the layout has no column for, with the pt-BR reason: a título asking for it is refused naming the input
   * field (features.ts), never written without it. A hook that can carry a value only in some forms refuses the
   * others itself (`refuse` in codec.ts).
   */
  refuses?: Partial<Record<TituloFeature, string>>;
  /**
   * Bank-specific values computed from the canonical ones (e.g. a carteira code, a 400 instruction pair).
   * Runs per record set (head/tail: once; título: per título) and its result is merged over the canonical values.
   */
  values?: (values: Values) => Values;
  /** The bank's file-name convention. */
  fileName: (info: {
    fileNumber: number;
    fileOfDay: number;
    generatedOn: string;
    convenio: string;
  }) => string;
}

export interface CnabLayout {
  /** e.g. `341-400-retorno`; unique in the registry. */
  id: string;
  bank: string;
  bankName: string;
  width: CnabWidth;
  direction: CnabDirection;
  /** Manual (name/version) the positions follow. */
  source: string;
  records: RecordSpec[];
  /** Retorno: occurrence code → pt-BR description (what a code does is a return command, not the layout's). */
  occurrences?: OccurrenceTable;
  /** Retorno: reason (motivo) code → pt-BR description, optionally per occurrence code. */
  reasons?: ReasonTable;
  /** Remessa: how a remessa is put together. */
  remessa?: RemessaPlan;
}

/**
 * A variant's override of one record: replaces the fields it names by position, turning any leftover part of a
 * replaced field into blank filler, so the variant states only what differs and the checker still proves cover.
 */
export function patchRecord(
  record: RecordSpec,
  fields: FieldSpec[],
  extra?: Partial<RecordSpec>,
): RecordSpec {
  const kept: FieldSpec[] = [];
  for (const old of record.fields) {
    const overlapping = fields.filter((f) => f.start <= old.end && f.end >= old.start);
    if (overlapping.length === 0) {
      kept.push(old);
      continue;
    }
    // Leftover columns of the replaced field become filler.
    let cursor = old.start;
    for (const f of [...overlapping].sort((a, b) => a.start - b.start)) {
      if (f.start > cursor) kept.push({ name: '_', start: cursor, end: f.start - 1, type: 'alpha' });
      cursor = Math.max(cursor, f.end + 1);
    }
    if (cursor <= old.end) kept.push({ name: '_', start: cursor, end: old.end, type: 'alpha' });
  }
  const all = [...kept, ...fields].sort((a, b) => a.start - b.start);
  return { ...record, ...extra, fields: all };
}

/** Replaces records of a layout by name (a variant's `records: patchRecords(base.records, { P: [...] })`). */
export function patchRecords(records: RecordSpec[], patches: Record<string, FieldSpec[]>): RecordSpec[] {
  return records.map((r) => (patches[r.name] ? patchRecord(r, patches[r.name]!) : r));
}

/** Shorthand constructors keep layout files close to the manuals' tables. */
export const num = (
  name: FieldSpec['name'],
  start: number,
  end: number,
  extra: Partial<FieldSpec> = {},
): FieldSpec => ({
  name,
  start,
  end,
  type: 'num',
  ...extra,
});
export const alpha = (
  name: FieldSpec['name'],
  start: number,
  end: number,
  extra: Partial<FieldSpec> = {},
): FieldSpec => ({ name, start, end, type: 'alpha', ...extra });
/**
 * A CPF/CNPJ (G006): alphanumeric, because from July 2026 a CNPJ may carry letters in its first 12 characters
 * (IN RFB 2.229/2024), in the numeric form's place: right-aligned, zero-filled, as FEBRABAN's note on the
 * alphanumeric CNPJ keeps the "número de inscrição" fields. A purely numeric document is written exactly as before.
 */
export const documentField = (
  name: FieldSpec['name'],
  start: number,
  end: number,
  extra: Partial<FieldSpec> = {},
): FieldSpec => alpha(name, start, end, { pad: 'left-zero', ...extra });
export const blank = (start: number, end: number): FieldSpec => ({ name: '_', start, end, type: 'alpha' });
export const zeros = (start: number, end: number): FieldSpec => ({
  name: '_',
  start,
  end,
  type: 'num',
  default: 0,
});
export const cents = (
  name: FieldSpec['name'],
  start: number,
  end: number,
  extra: Partial<FieldSpec> = {},
): FieldSpec => num(name, start, end, { decimals: 2, ...extra });
export const date8 = (
  name: FieldSpec['name'],
  start: number,
  end: number,
  extra: Partial<FieldSpec> = {},
): FieldSpec => num(name, start, end, { format: 'DDMMAAAA', ...extra });
export const date6 = (
  name: FieldSpec['name'],
  start: number,
  end: number,
  extra: Partial<FieldSpec> = {},
): FieldSpec => num(name, start, end, { format: 'DDMMAA', ...extra });
export const constant = (
  start: number,
  end: number,
  value: string,
  type: 'num' | 'alpha' = 'alpha',
): FieldSpec => ({
  name: '_',
  start,
  end,
  type,
  constant: value,
});
