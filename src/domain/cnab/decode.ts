/**
 * Decoding one line with a compiled layout: the generated decoder when the line is clean, the plain per-field path
 * otherwise, which names the exact column and field of what is wrong.
 */
import { CnabFieldError, decodeField, DECODE_FAIL } from './codec.js';
import { matchRecord, type CompiledLayout, type CompiledRecord } from './compile.js';
import type { CnabErrorEvent } from './events.js';
import type { RecordSpec, Values } from './layout.js';

export type LineError = Omit<CnabErrorEvent, 'line' | 'raw'>;

export type RecordResult = { ok: true; record: RecordSpec; values: Values } | { ok: false; error: LineError };

export function errorEvent(line: number, raw: string, e: LineError): CnabErrorEvent {
  return { ...e, line, raw: raw.length > 400 ? raw.slice(0, 400) : raw };
}

/**
 * The plain twin of the generated decoder: every decoded field through its per-field decoder, falling back to
 * `decodeField` for the exact error. A control record's unreadable optional field reads as undefined.
 */
export function decodeFields(
  record: CompiledRecord,
  line: string,
): { values: Values } | { error: LineError } {
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
      if (!(error instanceof CnabFieldError)) throw error;
      if (record.control && !field.required) {
        values[field.name] = undefined;
        continue;
      }
      return { error: { type: 'error', column: error.column, field: error.field, error: error.message } };
    }
  }
  return { values };
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
  const record = matchRecord(compiled, line);
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
  const plain = decodeFields(record, line);
  if ('error' in plain) return { ok: false, error: plain.error };
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
  return { ok: true, record: record.spec, values: plain.values };
}

/**
 * Hot path: decodes the line at text[start, end) in place (no slice) when it has exactly the layout's width and its
 * record decodes cleanly; anything else goes through `decodeLine` on a sliced copy, which gives the exact error.
 */
export function decodeAt(compiled: CompiledLayout, text: string, start: number, end: number): RecordResult {
  if (end - start === compiled.layout.width) {
    const r = matchRecord(compiled, text, start);
    if (r && r.strict.length === 0) {
      const values = r.fast(text, start);
      if (values) return { ok: true, record: r.spec, values };
    }
  }
  return decodeLine(compiled, text.slice(start, end));
}
