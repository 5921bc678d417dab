/**
 * Compilation of a layout for reading: per record, its matchers as indexes, the fields a read decodes, their
 * per-field decoders and the generated whole-record decoder. Compiled once per layout and mode (cached).
 */
import { compileDecoder, type FastDecoder } from './codec.js';
import { generateFastDecoder, type GeneratedDecoder } from './fast-decoder.js';
import { controlFields, eventFields } from './fields.js';
import type { CnabLayout, FieldSpec, RecordSpec } from './layout.js';

export interface CompiledRecord {
  spec: RecordSpec;
  match: { index: number; value: string }[];
  decoded: FieldSpec[];
  decoders: FastDecoder[];
  /** Generated decoder with literal property names (stable object shape); null when any field needs the slow path. */
  fast: GeneratedDecoder;
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
  /** More than one continuation record per event (the event closes at the next start, not at the first U). */
  multiContinue: boolean;
}

/**
 * Header, batch and trailer records carry no título data: a retorno reads from them only what it reports
 * (bank, file number, date, company, record count), and leniently, because banks fill the rest in their own
 * ways (e.g. Santander's batch header, Sicoob portals trimming blanks). Detail records are read for the event only.
 */
const EVENT_KEYS: ReadonlySet<string> = new Set(eventFields);
const CONTROL_KEYS: ReadonlySet<string> = new Set(controlFields);

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
  const continuations = layout.records.filter((r) => r.event === 'continue').length;
  const compiled = { layout, records, hasContinue: continuations > 0, multiContinue: continuations > 1 };
  cache.set(layout, compiled);
  return compiled;
}

/** The record whose matchers all sit at their positions of the line starting at `offset`. */
export function matchRecord(compiled: CompiledLayout, text: string, offset = 0): CompiledRecord | undefined {
  for (const r of compiled.records) {
    let ok = true;
    for (const m of r.match)
      if (!text.startsWith(m.value, offset + m.index)) {
        ok = false;
        break;
      }
    if (ok) return r;
  }
  return undefined;
}
