/**
 * The reader's hot path: a decoder generated per record from the layout's own field table. `decodeFields` in
 * `decode.ts` is the plain twin it must agree with (test/domain/cnab/fast-decoder.test.ts compares them).
 */
import { compileDecoder, DECODE_FAIL, isoDate, splitCodes, type FastDecoder } from './codec.js';
import type { FieldSpec, Values } from './layout.js';

/** Values of a line at `o` inside `line`, or null when a field needs the plain path (which gives the exact error). */
export type GeneratedDecoder = (line: string, o: number) => Values | null;

/**
 * Builds `line => ({ key: decoder(line), … })` with the field names as literal properties, so every record of a
 * kind gets the same hidden class and each store is monomorphic. Pure code generation from the layout's own field
 * names (validated as identifiers-in-strings via JSON.stringify); no I/O.
 */
export function generateFastDecoder(fields: FieldSpec[], width: number): GeneratedDecoder {
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
  ) => GeneratedDecoder;
  // Retorno files repeat a handful of dates: each raw DDMMAAAA is validated and formatted once per record kind.
  return make(decoders, DECODE_FAIL, isoDate, new Map(), splitCodes);
}
