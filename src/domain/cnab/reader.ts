/**
 * The one reader: any layout, 240 or 400. Streams lines, decodes each record by the layout's field table, joins
 * event records (240: T + U) and normalizes them into CnabDetailEvent. A line that cannot be read becomes a
 * CnabErrorEvent with line, column, field and a pt-BR message: never skipped, never half-imported.
 */
import {
  CnabFieldError,
  compileDecoder,
  decodeField,
  DECODE_FAIL,
  splitCodes,
  type FastDecoder,
} from './codec.js';
import type { CnabDetailEvent, CnabErrorEvent, CnabHeaderEvent, CnabReadEvent } from './events.js';
import type { CnabDirection, CnabLayout, CnabWidth, FieldSpec, RecordSpec, Values } from './layout.js';
import { splitLineRanges } from './lines.js';
import { describeReason } from './occurrences.js';
import { findLayout, layouts as allLayouts } from './registry.js';

interface CompiledRecord {
  spec: RecordSpec;
  match: { index: number; value: string }[];
  decoded: FieldSpec[];
  decoders: FastDecoder[];
  /** Generated decoder with literal property names (stable object shape); null when any field needs the slow path. */
  fast: (line: string, offset: number) => Values | null;
  strict: FieldSpec[];
  /** Fields whose loss (a line cut short) means data is missing: named numeric or required fields. */
  dataFields: FieldSpec[];
  /** A header/trailer read leniently: unreadable optional fields become undefined instead of errors. */
  control: boolean;
}

export interface CompiledLayout {
  layout: CnabLayout;
  records: CompiledRecord[];
  hasContinue: boolean;
}

/**
 * Header, batch and trailer records carry no título data: a retorno reads from them only what it reports
 * (bank, file number, date, company, record count), and leniently, because banks fill the rest in their own
 * ways (e.g. Santander's batch header, Sicoob portals trimming blanks). Detail records are read in full.
 */
/** What a retorno event is made of; a lenient (retorno) read decodes only these from detail records. */
const EVENT_KEYS = new Set([
  'occurrenceCode',
  'reasons',
  'nossoNumero',
  'documentNumber',
  'companyUse',
  'dueDate',
  'occurredOn',
  'creditedOn',
  'titleCents',
  'paidCents',
  'interestCents',
  'discountCents',
  'rebateCents',
  'feeCents',
  'otherCostsCents',
  'iofCents',
  'otherCreditsCents',
  'netCents',
]);

const CONTROL_KEYS = new Set([
  'bankCode',
  'fileDirection',
  'fileNumber',
  'generatedOn',
  'companyName',
  'fileRecordCount',
]);

const caches = {
  lenient: new WeakMap<CnabLayout, CompiledLayout>(),
  full: new WeakMap<CnabLayout, CompiledLayout>(),
};

/** `full`: decode every named field of every record (reading back a remessa); default: lenient control records. */
export function compileLayout(layout: CnabLayout, mode: 'lenient' | 'full' = 'lenient'): CompiledLayout {
  const cache = caches[mode];
  const hit = cache.get(layout);
  if (hit) return hit;
  const records = layout.records
    .map((spec) => {
      const control = mode === 'lenient' && spec.role !== 'detail';
      const keys = mode === 'full' ? undefined : control ? CONTROL_KEYS : EVENT_KEYS;
      const named = spec.fields.filter((f) => !f.name.startsWith('_') && (!keys || keys.has(f.name)));
      return {
        spec,
        control,
        match: spec.match.map((m) => ({ index: m.start - 1, value: m.value })),
        decoded: named,
        decoders: named.map(compileDecoder),
        fast: generateFastDecoder(named, layout.width),
        strict: spec.fields.filter((f) => f.strict && f.constant !== undefined),
        dataFields: control
          ? named.filter((f) => f.required)
          : named.filter((f) => f.type === 'num' || f.required),
      };
    })
    // Most specific matcher first (Y-03 before any other Y).
    .sort((a, b) => b.match.length - a.match.length);
  const compiled = { layout, records, hasContinue: layout.records.some((r) => r.event === 'continue') };
  cache.set(layout, compiled);
  return compiled;
}

/**
 * Builds `line => ({ key: decoder(line), … })` with the field names as literal properties, so every record of a
 * kind gets the same hidden class and each store is monomorphic: the reader's hot path. Pure code generation
 * from the layout's own field names (validated as identifiers-in-strings via JSON.stringify); no I/O.
 */
function generateFastDecoder(fields: FieldSpec[], width: number): (line: string, o: number) => Values | null {
  const decoders = fields.map(compileDecoder);
  // All positions are relative to `o`, the line's start inside a larger text (a whole chunk), so the hot path never
  // slices a line out of its chunk.
  const at = (n: number) => `o + ${n}`;
  const digits = (v: string, s: number, e: number) =>
    `let ${v} = 0; for (let i = o + ${s}; i < o + ${e}; i++) { const c = line.charCodeAt(i) - 48; if (c < 0 || c > 9) { ${v} = -1; break; } ${v} = ${v} * 10 + c; }`;
  const slice = (s: number, e: number) => `line.slice(${at(s)}, ${at(e)})`;
  const parts = fields.map((f, i) => {
    const s = f.start - 1;
    const e = f.end;
    const v = `v${i}`;
    // Amounts: inline digit loop; all blanks = 0 unless required; anything else → slow path for the error.
    if (f.decimals !== undefined && !f.format && e - s <= 15)
      return `${digits(v, s, e)} if (${v} < 0) { if (${f.required ? 'true' : `${slice(s, e)}.trim() !== ''`}) return null; ${v} = 0; }`;
    // Dates: digits checked inline, calendar checked once per distinct raw date; zeros/blank = no date.
    if ((f.format === 'DDMMAAAA' || f.format === 'DDMMAA') && !f.required) {
      const y = f.format === 'DDMMAAAA' ? slice(s + 4, s + 8) : slice(s + 4, s + 6);
      return `${digits(`n${i}`, s, e)} let ${v}; if (n${i} > 0) { const k = ${slice(s, e)}; ${v} = dates.get(k); if (${v} === undefined) { ${v} = isoDate(${slice(s, s + 2)}, ${slice(s + 2, s + 4)}, ${y}); if (${v} === null) return null; if (dates.size < 4096) dates.set(k, ${v}); } } else if (n${i} < 0 && ${slice(s, e)}.trim() !== '') return null;`;
    }
    // Motivo codes: blank → [], otherwise pairs without blanks/zeros.
    if (f.format === 'codes2')
      return `const r${i} = ${slice(s, e)}; const ${v} = r${i}.trim() === '' ? [] : splitCodes(r${i});`;
    // Required text (occurrence code): slice + trim, blank → slow path error.
    if (f.type === 'alpha' && !f.format && f.required)
      return `const ${v} = ${slice(s, e)}.trim(); if (${v} === '') return null;`;
    // Plain text: slice + trim.
    if (f.type === 'alpha' && !f.format) return `const ${v} = ${slice(s, e)}.trim();`;
    return `let ${v} = d[${i}](o === 0 ? line : line.slice(o, o + ${width})); if (${v} === FAIL) return null; if (${v} === null) ${v} = undefined;`;
  });
  const body = [
    ...parts,
    `return { ${fields.map((f, i) => `${JSON.stringify(f.name)}: v${i}`).join(', ')} };`,
  ].join('\n');
  const make = new Function(
    'd',
    'FAIL',
    'isoDate',
    'dates',
    'splitCodes',
    `return function decode(line, o) {\n${body}\n};`,
  ) as (
    d: FastDecoder[],
    fail: typeof DECODE_FAIL,
    iso: typeof isoDate,
    dates: Map<string, string>,
    split: typeof splitCodes,
  ) => (line: string, o: number) => Values | null;
  // Retorno files repeat a handful of dates: each raw DDMMAAAA is validated and formatted once per record kind.
  return make(decoders, DECODE_FAIL, isoDate, new Map(), splitCodes);
}

const MONTH_DAYS = [0, 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** dd, mm, yy|yyyy (digit strings) → ISO date, or null when not a calendar date. Two-digit years pivot at 70. */
function isoDate(dd: string, mm: string, year: string): string | null {
  const d = Number(dd);
  const m = Number(mm);
  let y = Number(year);
  if (year.length === 2) y += y < 70 ? 2000 : 1900;
  if (m < 1 || m > 12 || d < 1 || d > MONTH_DAYS[m]!) return null;
  if (m === 2 && d === 29 && !(y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0))) return null;
  return `${y}-${mm}-${dd}`;
}

export type RecordResult =
  | { ok: true; record: RecordSpec; values: Values }
  | { ok: false; error: Omit<CnabErrorEvent, 'line' | 'raw'> };

function clip(raw: string): string {
  return raw.length > 400 ? raw.slice(0, 400) : raw;
}

/** Decodes one line with a layout: tolerates trimmed trailing blanks, reports a line cut inside data. */
export function decodeLine(compiled: CompiledLayout, rawLine: string): RecordResult {
  const width = compiled.layout.width;
  let line = rawLine;
  if (line.length > width) {
    if (line.slice(width).trim() !== '')
      return {
        ok: false,
        error: {
          type: 'error',
          column: width + 1,
          field: 'linha',
          error: `linha com ${line.length} posições; o layout ${compiled.layout.id} tem ${width}`,
        },
      };
    line = line.slice(0, width);
  }
  let record: CompiledRecord | undefined;
  for (const r of compiled.records) {
    let ok = true;
    for (const m of r.match)
      if (!line.startsWith(m.value, m.index)) {
        ok = false;
        break;
      }
    if (ok) {
      record = r;
      break;
    }
  }
  if (!record) {
    return {
      ok: false,
      error: {
        type: 'error',
        column: width === 240 ? 8 : 1,
        field: 'tipoRegistro',
        error:
          width === 240
            ? `registro não reconhecido no layout ${compiled.layout.id}: tipo "${line.charAt(7)}", segmento "${line.charAt(13)}"`
            : `registro não reconhecido no layout ${compiled.layout.id}: tipo "${line.charAt(0)}"`,
      },
    };
  }
  if (line.length < width) {
    const have = line.length;
    const lost = record.dataFields.find((f) => f.end > have);
    if (lost)
      return {
        ok: false,
        error: {
          type: 'error',
          column: Math.max(have + 1, lost.start),
          field: lost.name,
          error: `linha com ${have} posições (esperado ${width}): o campo ${lost.name} (posições ${lost.start}-${lost.end}) ficou de fora; linha cortada?`,
        },
      };
    line = line.padEnd(width, ' ');
  }
  const quick = record.fast(line, 0);
  if (quick && record.strict.length === 0) return { ok: true, record: record.spec, values: quick };
  const values: Values = {};
  const { decoded, decoders } = record;
  for (let i = 0; i < decoded.length; i++) {
    const field = decoded[i]!;
    const fast = decoders[i]!(line);
    if (fast !== DECODE_FAIL) {
      values[field.name] = fast === null ? undefined : fast;
      continue;
    }
    try {
      const value = decodeField(line, field);
      values[field.name] = value === null ? undefined : value;
    } catch (error) {
      if (error instanceof CnabFieldError && record.control && !field.required) {
        values[field.name] = undefined;
        continue;
      }
      if (error instanceof CnabFieldError)
        return {
          ok: false,
          error: { type: 'error', column: error.column, field: error.field, error: error.message },
        };
      throw error;
    }
  }
  for (const field of record.strict) {
    if (line.slice(field.start - 1, field.end) !== field.constant)
      return {
        ok: false,
        error: {
          type: 'error',
          column: field.start,
          field: field.name,
          error: `posições ${field.start}-${field.end} deveriam conter "${field.constant}"`,
        },
      };
  }
  return { ok: true, record: record.spec, values };
}

/**
 * Hot path: decodes the line at text[start, end) in place (no slice) when it has exactly the layout's width and its
 * record decodes cleanly; anything else goes through `decodeLine` on a sliced copy, which gives the exact error.
 */
export function decodeAt(compiled: CompiledLayout, text: string, start: number, end: number): RecordResult {
  if (end - start === compiled.layout.width) {
    for (const r of compiled.records) {
      let ok = true;
      for (const m of r.match)
        if (!text.startsWith(m.value, start + m.index)) {
          ok = false;
          break;
        }
      if (!ok) continue;
      if (r.strict.length === 0) {
        const values = r.fast(text, start);
        if (values) return { ok: true, record: r.spec, values };
      }
      break;
    }
  }
  return decodeLine(compiled, text.slice(start, end));
}

export interface ReadOptions {
  /** Force the bank (3 digits); otherwise read from the header. */
  bank?: string;
  /** Force the layout width; otherwise detected from the header. */
  width?: CnabWidth;
  /** Layouts to choose from (default: the registry). */
  layouts?: CnabLayout[];
}

/** Detects width, bank and direction from the first line. */
export function detectHeader(
  line: string,
  options: ReadOptions = {},
):
  | { width: CnabWidth; bank: string; direction: CnabDirection }
  | { error: string; column: number; field: string } {
  const looks240 = /^\d{3}0000 ?0/.test(line.slice(0, 8)) && line.charAt(7) === '0';
  const looks400 = line.charAt(0) === '0' && (line.charAt(1) === '1' || line.charAt(1) === '2');
  const width: CnabWidth | undefined =
    options.width ?? (looks240 && line.length <= 240 ? 240 : looks400 ? 400 : looks240 ? 240 : undefined);
  if (!width)
    return {
      error: 'cabeçalho não reconhecido: não é um header de arquivo CNAB 240 nem CNAB 400',
      column: 1,
      field: 'header',
    };
  const bank = options.bank ?? (width === 240 ? line.slice(0, 3) : line.slice(76, 79));
  if (!/^\d{3}$/.test(bank))
    return {
      error: `código do banco "${bank}" inválido no header (posições ${width === 240 ? '1-3' : '77-79'})`,
      column: width === 240 ? 1 : 77,
      field: 'bankCode',
    };
  const directionChar = width === 240 ? line.charAt(142) : line.charAt(1);
  const direction: CnabDirection = directionChar === '1' ? 'remessa' : 'retorno';
  return { width, bank, direction };
}

function errorEvent(line: number, raw: string, e: Omit<CnabErrorEvent, 'line' | 'raw'>): CnabErrorEvent {
  return { ...e, line, raw: clip(raw) };
}

const str = (v: unknown): string => (typeof v === 'string' ? v : v === undefined ? '' : String(v));
const centsOf = (v: unknown): number => (typeof v === 'number' ? v : 0);
const dateOf = (v: unknown): string | null => (typeof v === 'string' && v.length === 10 ? v : null);

/** A file with more records than the trailer's count field can hold (G056 has 6 digits) states the count modulo. */
function trailerModulo(layout: CnabLayout): number {
  const field = layout.records
    .find((r) => r.role === 'fileTrailer')
    ?.fields.find((f) => f.name === 'fileRecordCount');
  return field ? 10 ** (field.end - field.start + 1) : Number.MAX_SAFE_INTEGER;
}

function allZeros(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) !== 48) return false;
  return true;
}

/** Column of the occurrence code in the record that opens an event (for error events). */
function occurrenceColumn(layout: CnabLayout): number {
  for (const r of layout.records)
    if (r.event === 'start') for (const f of r.fields) if (f.name === 'occurrenceCode') return f.start;
  return 0;
}

const NO_REASONS: { code: string; description?: string }[] = Object.freeze([]) as never;
const occurrenceCache = new WeakMap<CnabLayout, Map<string, { code: string; description: string }>>();

/** One frozen `{code, description}` per layout and code, shared by every event that carries it. */
function occurrenceOf(
  layout: CnabLayout,
  code: string,
  description: string,
): { code: string; description: string } {
  let byCode = occurrenceCache.get(layout);
  if (!byCode) occurrenceCache.set(layout, (byCode = new Map()));
  let o = byCode.get(code);
  if (!o) byCode.set(code, (o = Object.freeze({ code, description })));
  return o;
}

/**
 * Turns the start record's values (240: T) plus the continuation's (240: U) into the normalized event. The start
 * record's value wins; the continuation fills what it lacks (each amount comes from the segment that has it).
 */
function normalize(
  layout: CnabLayout,
  line: number,
  t: Values,
  u: Values | undefined,
): CnabDetailEvent | Omit<CnabErrorEvent, 'line' | 'raw'> {
  const x = u ?? t;
  const code = str(t.occurrenceCode ?? x.occurrenceCode);
  const info = layout.occurrences?.[code];
  if (!info)
    return {
      type: 'error',
      column: occurrenceColumn(layout),
      field: 'occurrenceCode',
      error: `código de ocorrência "${code}" não consta da tabela do banco ${layout.bank} (${layout.id})`,
    };
  const rawReasons = t.reasons ?? x.reasons;
  const reasons =
    Array.isArray(rawReasons) && rawReasons.length > 0
      ? rawReasons.map((r) => {
          const description = describeReason(layout.reasons, code, r);
          return description ? { code: r, description } : { code: r };
        })
      : NO_REASONS;
  // All-zero identifiers are "not informed" (banks zero-fill alphanumeric fields).
  const companyUseRaw = str(t.companyUse ?? x.companyUse);
  const companyUse = allZeros(companyUseRaw) ? '' : companyUseRaw;
  const documentNumber = str(t.documentNumber ?? x.documentNumber);
  return {
    type: 'detail',
    line,
    bank: layout.bank,
    layout: layout.width,
    layoutId: layout.id,
    kind: info.kind,
    occurrence: occurrenceOf(layout, code, info.description),
    reasons,
    nossoNumero: str(t.nossoNumero ?? x.nossoNumero),
    seuNumero: companyUse !== '' ? companyUse : allZeros(documentNumber) ? '' : documentNumber,
    documentNumber,
    dueDate: dateOf(t.dueDate ?? x.dueDate),
    occurredOn: dateOf(t.occurredOn ?? x.occurredOn),
    creditedOn: dateOf(t.creditedOn ?? x.creditedOn),
    amounts: {
      titleCents: centsOf(t.titleCents ?? x.titleCents),
      paidCents: centsOf(t.paidCents ?? x.paidCents),
      interestCents: centsOf(t.interestCents ?? x.interestCents),
      discountCents: centsOf(t.discountCents ?? x.discountCents),
      rebateCents: centsOf(t.rebateCents ?? x.rebateCents),
      feeCents: centsOf(t.feeCents ?? x.feeCents),
      otherCostsCents: centsOf(t.otherCostsCents ?? x.otherCostsCents),
      iofCents: centsOf(t.iofCents ?? x.iofCents),
      otherCreditsCents: centsOf(t.otherCreditsCents ?? x.otherCreditsCents),
      netCents: centsOf(t.netCents ?? x.netCents),
    },
  };
}

/**
 * Reads a retorno: yields batches of events (one batch per input chunk). Use `readRetorno` for one event at a
 * time; this form exists for throughput.
 */
export async function* readRetornoBatches(
  chunks: AsyncIterable<string | Uint8Array> | Iterable<string | Uint8Array>,
  options: ReadOptions = {},
): AsyncGenerator<CnabReadEvent[]> {
  let compiled: CompiledLayout | undefined;
  let lineNo = 0;
  let recordLines = 0;
  let pending:
    | {
        line: number;
        text: string;
        start: number;
        end: number;
        values: Values;
        extra?: Values;
        continued: boolean;
      }
    | undefined;
  let sawTrailer = false;
  let trailerCount: number | undefined;
  let trailerLine = 0;
  let stopped = false;
  let multiContinue = false;
  let out: CnabReadEvent[] = [];

  const flush = (): void => {
    if (!pending || !compiled) return;
    const p = pending;
    pending = undefined;
    if (compiled.hasContinue && !p.continued) {
      out.push(
        errorEvent(p.line, p.text.slice(p.start, p.end), {
          type: 'error',
          column: 14,
          field: 'segmento',
          error: `registro da linha ${p.line} sem o registro complementar (segmento U) que deveria segui-lo`,
        }),
      );
      return;
    }
    const event = normalize(compiled.layout, p.line, p.values, p.extra);
    out.push(event.type === 'detail' ? event : errorEvent(p.line, p.text.slice(p.start, p.end), event));
  };

  for await (const { text, starts, ends } of splitLineRanges(chunks)) {
    if (stopped) continue;
    for (let k = 0; k < starts.length; k++) {
      const start = starts[k]!;
      const end = ends[k]!;
      lineNo++;
      if (stopped) break;
      if (end === start || (text.charCodeAt(start) === 32 && text.slice(start, end).trim() === '')) continue;
      if (!compiled) {
        const raw = text.slice(start, end);
        const detected = detectHeader(raw, options);
        if ('error' in detected) {
          out.push(
            errorEvent(lineNo, raw, {
              type: 'error',
              column: detected.column,
              field: detected.field,
              error: detected.error,
            }),
          );
          stopped = true;
          break;
        }
        const layout = findLayout(detected.bank, detected.width, 'retorno', options.layouts ?? allLayouts);
        if (!layout) {
          out.push(
            errorEvent(lineNo, raw, {
              type: 'error',
              column: detected.width === 240 ? 1 : 77,
              field: 'bankCode',
              error: `banco ${detected.bank} não tem layout de retorno CNAB ${detected.width} cadastrado`,
            }),
          );
          stopped = true;
          break;
        }
        compiled = compileLayout(layout);
        multiContinue = layout.records.filter((r) => r.event === 'continue').length > 1;
        const decoded = decodeLine(compiled, raw);
        recordLines++;
        if (!decoded.ok) {
          out.push(errorEvent(lineNo, raw, decoded.error));
          continue;
        }
        if (decoded.record.role !== 'fileHeader') {
          out.push(
            errorEvent(lineNo, raw, {
              type: 'error',
              column: 1,
              field: 'header',
              error: 'a primeira linha não é o header do arquivo',
            }),
          );
          stopped = true;
          break;
        }
        if (detected.direction === 'remessa')
          out.push(
            errorEvent(lineNo, raw, {
              type: 'error',
              column: layout.width === 240 ? 143 : 2,
              field: 'fileDirection',
              error: 'o header indica arquivo de REMESSA, não de retorno',
            }),
          );
        const header: CnabHeaderEvent = {
          type: 'header',
          line: lineNo,
          bank: layout.bank,
          layout: layout.width,
          layoutId: layout.id,
          direction: detected.direction,
          fileNumber: decoded.values.fileNumber === undefined ? null : Number(decoded.values.fileNumber),
          generatedOn: dateOf(decoded.values.generatedOn),
          companyName: str(decoded.values.companyName),
        };
        out.push(header);
        continue;
      }
      recordLines++;
      if (sawTrailer) {
        out.push(
          errorEvent(lineNo, text.slice(start, end), {
            type: 'error',
            column: 1,
            field: 'linha',
            error: 'linha depois do trailer do arquivo',
          }),
        );
        continue;
      }
      const decoded = decodeAt(compiled, text, start, end);
      if (!decoded.ok) {
        // The half of an event we could not read poisons the pair: report it, drop the open event as an error too.
        out.push(errorEvent(lineNo, text.slice(start, end), decoded.error));
        if (pending && compiled.hasContinue) {
          pending = undefined;
        }
        continue;
      }
      const { record, values } = decoded;
      if (record.event === 'start') {
        flush();
        pending = { line: lineNo, text, start, end, values, continued: false };
      } else if (record.event === 'continue') {
        if (!pending) {
          out.push(
            errorEvent(lineNo, text.slice(start, end), {
              type: 'error',
              column: 14,
              field: 'segmento',
              error: `segmento ${record.name} sem o registro principal (segmento T) antes dele`,
            }),
          );
          continue;
        }
        pending.extra = pending.extra ? { ...pending.extra, ...values } : values;
        pending.continued = true;
        if (!multiContinue) flush();
      } else if (record.role === 'fileTrailer') {
        flush();
        sawTrailer = true;
        trailerLine = lineNo;
        trailerCount = values.fileRecordCount === undefined ? undefined : Number(values.fileRecordCount);
      } else if (record.role === 'fileHeader') {
        out.push(
          errorEvent(lineNo, text.slice(start, end), {
            type: 'error',
            column: 1,
            field: 'header',
            error: 'segundo header de arquivo no meio do arquivo',
          }),
        );
      } else if (record.event !== 'ignore') {
        // Batch header/trailer close any open event; optional segments (event 'ignore') do not.
        flush();
      }
    }
    if (out.length > 0) {
      yield out;
      out = [];
    }
  }
  if (stopped) {
    if (out.length > 0) yield out;
    return;
  }
  flush();
  if (!compiled)
    out.push({ type: 'error', line: 0, column: 0, field: 'arquivo', error: 'arquivo vazio', raw: '' });
  else if (!sawTrailer)
    out.push({
      type: 'error',
      line: lineNo + 1,
      column: 0,
      field: 'trailer',
      error: `arquivo sem trailer depois da linha ${lineNo}: arquivo incompleto (cortado?)`,
      raw: '',
    });
  else if (trailerCount !== undefined && trailerCount !== recordLines % trailerModulo(compiled.layout))
    out.push({
      type: 'error',
      line: trailerLine,
      column: 24,
      field: 'fileRecordCount',
      error: `o trailer declara ${trailerCount} registros, o arquivo tem ${recordLines}`,
      raw: '',
    });
  if (out.length > 0) yield out;
}

/** Reads a retorno one event at a time (header, details, errors). */
export async function* readRetorno(
  chunks: AsyncIterable<string | Uint8Array> | Iterable<string | Uint8Array>,
  options: ReadOptions = {},
): AsyncGenerator<CnabReadEvent> {
  for await (const batch of readRetornoBatches(chunks, options)) yield* batch;
}

/** Collects all events of an in-memory file (tests, small files). */
export async function readRetornoText(text: string, options: ReadOptions = {}): Promise<CnabReadEvent[]> {
  const events: CnabReadEvent[] = [];
  for await (const batch of readRetornoBatches([text], options)) events.push(...batch);
  return events;
}

/** Decodes every line of a file with one layout (e.g. to read back a remessa we wrote). */
export function readRecords(
  layout: CnabLayout,
  text: string,
): ({ line: number; record: string; values: Values } | CnabErrorEvent)[] {
  const compiled = compileLayout(layout, 'full');
  const out: ({ line: number; record: string; values: Values } | CnabErrorEvent)[] = [];
  const lines = text.replace(/^\ufeff/, '').split(/\r\n|\n|\r/);
  lines.forEach((raw, i) => {
    if (raw.trim() === '') return;
    const decoded = decodeLine(compiled, raw);
    out.push(
      decoded.ok
        ? { line: i + 1, record: decoded.record.name, values: decoded.values }
        : errorEvent(i + 1, raw, decoded.error),
    );
  });
  return out;
}
