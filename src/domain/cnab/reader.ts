/**
 * The one reader: any layout, 240 or 400. Streams lines (lines.ts), detects the layout from the header
 * (detect.ts), decodes each record by its compiled field table (compile.ts, decode.ts), pairs event records
 * (pairing.ts: 240 T + U) and normalizes them (normalize.ts) into CnabDetailEvent. A line that cannot be read
 * becomes a CnabErrorEvent with line, column, field and a pt-BR message: never skipped, never half-imported.
 */
import { compileLayout, type CompiledLayout } from './compile.js';
import { decodeAt, decodeLine, errorEvent } from './decode.js';
import { openRetorno, type ReadOptions } from './detect.js';
import type { CnabErrorEvent, CnabReadEvent } from './events.js';
import type { CnabLayout, Values } from './layout.js';
import { splitLineRanges } from './lines.js';
import { EventPairing } from './pairing.js';

export type { ReadOptions } from './detect.js';

type Chunks = AsyncIterable<string | Uint8Array> | Iterable<string | Uint8Array>;

/** A file with more records than the trailer's count field can hold (G056 has 6 digits) states the count modulo. */
function trailerModulo(layout: CnabLayout): number {
  const field = layout.records
    .find((r) => r.role === 'fileTrailer')
    ?.fields.find((f) => f.name === 'fileRecordCount');
  return field ? 10 ** (field.end - field.start + 1) : Number.MAX_SAFE_INTEGER;
}

/** What the end of the file says: empty, cut before its trailer, or a trailer whose count does not match. */
function endOfFile(
  compiled: CompiledLayout | undefined,
  lineNo: number,
  recordLines: number,
  trailer: { line: number; count: number | undefined } | undefined,
): CnabErrorEvent | undefined {
  if (!compiled)
    return { type: 'error', line: 0, column: 0, field: 'arquivo', error: 'arquivo vazio', raw: '' };
  if (!trailer)
    return {
      type: 'error',
      line: lineNo + 1,
      column: 0,
      field: 'trailer',
      error: `arquivo sem trailer depois da linha ${lineNo}: arquivo incompleto (cortado?)`,
      raw: '',
    };
  if (trailer.count !== undefined && trailer.count !== recordLines % trailerModulo(compiled.layout))
    return {
      type: 'error',
      line: trailer.line,
      column: 24,
      field: 'fileRecordCount',
      error: `o trailer declara ${trailer.count} registros, o arquivo tem ${recordLines}`,
      raw: '',
    };
  return undefined;
}

/**
 * Reads a retorno: yields batches of events (one batch per input chunk). Use `readRetorno` for one event at a
 * time; this form exists for throughput.
 */
export async function* readRetornoBatches(
  chunks: Chunks,
  options: ReadOptions = {},
): AsyncGenerator<CnabReadEvent[]> {
  let compiled: CompiledLayout | undefined;
  let pairing: EventPairing | undefined;
  let lineNo = 0;
  let recordLines = 0;
  let trailer: { line: number; count: number | undefined } | undefined;
  let stopped = false;
  let out: CnabReadEvent[] = [];

  for await (const { text, starts, ends } of splitLineRanges(chunks)) {
    if (stopped) continue;
    for (let k = 0; k < starts.length; k++) {
      const start = starts[k]!;
      const end = ends[k]!;
      lineNo++;
      if (end === start || (text.charCodeAt(start) === 32 && text.slice(start, end).trim() === '')) continue;
      if (!compiled || !pairing) {
        const opened = openRetorno(text.slice(start, end), lineNo, options);
        out.push(...opened.events);
        if (opened.stop) {
          stopped = true;
          break;
        }
        compiled = opened.compiled!;
        pairing = new EventPairing(compiled);
        recordLines++;
        continue;
      }
      recordLines++;
      if (trailer) {
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
        out.push(errorEvent(lineNo, text.slice(start, end), decoded.error));
        pairing.drop();
        continue;
      }
      const { record, values } = decoded;
      if (record.event === 'start') pairing.start(out, lineNo, text, start, end, values);
      else if (record.event === 'continue') {
        if (!pairing.continue(out, values))
          out.push(
            errorEvent(lineNo, text.slice(start, end), {
              type: 'error',
              column: 14,
              field: 'segmento',
              error: `segmento ${record.name} sem o registro principal (segmento T) antes dele`,
            }),
          );
      } else if (record.role === 'fileTrailer') {
        pairing.close(out);
        const count = values.fileRecordCount === undefined ? undefined : Number(values.fileRecordCount);
        trailer = { line: lineNo, count };
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
        pairing.close(out);
      }
    }
    if (out.length > 0) {
      yield out;
      out = [];
    }
  }
  if (!stopped) {
    pairing?.close(out);
    const last = endOfFile(compiled, lineNo, recordLines, trailer);
    if (last) out.push(last);
  }
  if (out.length > 0) yield out;
}

/** Reads a retorno one event at a time (header, details, errors). */
export async function* readRetorno(chunks: Chunks, options: ReadOptions = {}): AsyncGenerator<CnabReadEvent> {
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
