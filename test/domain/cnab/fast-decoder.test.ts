/**
 * The generated decoder (the reader's hot path) against the plain one (`decodeField`, one field at a time) on the
 * same lines, for every record of every layout: where the generated one answers, both give the same values; where
 * it declines (null), the plain one finds an error. Lines are random per field: digits, blanks, zeros, calendar
 * and non-calendar dates, stray letters.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CnabFieldError, decodeField } from '../../../src/domain/cnab/codec.js';
import { compileLayout, type CompiledRecord } from '../../../src/domain/cnab/compile.js';
import type { FieldSpec, Values } from '../../../src/domain/cnab/layout.js';
import { layouts } from '../../../src/domain/cnab/registry.js';

const chars = (alphabet: string, length: number) =>
  fc.string({ unit: fc.constantFrom(...alphabet), minLength: length, maxLength: length });

function fieldText(field: FieldSpec): fc.Arbitrary<string> {
  const width = field.end - field.start + 1;
  const text = [
    chars('0123456789', width),
    fc.constant(' '.repeat(width)),
    fc.constant('0'.repeat(width)),
    chars('0123456789 AZ-', width),
  ];
  if (field.format === 'DDMMAAAA' || field.format === 'DDMMAA') {
    const yearDigits = field.format === 'DDMMAAAA' ? 4 : 2;
    const date = fc
      .tuple(
        fc.integer({ min: 0, max: 32 }),
        fc.integer({ min: 0, max: 13 }),
        fc.integer({ min: 0, max: 10 ** yearDigits - 1 }),
      )
      .map(
        ([d, m, y]) =>
          String(d).padStart(2, '0') + String(m).padStart(2, '0') + String(y).padStart(yearDigits, '0'),
      );
    return fc.oneof(date, date, ...text);
  }
  return fc.oneof(...text);
}

function lineOf(record: CompiledRecord, width: number): fc.Arbitrary<string> {
  const parts = record.spec.fields.map((f) => fieldText(f));
  return fc.tuple(...parts).map((texts) => {
    let line = texts.join('');
    for (const m of record.spec.match)
      line = line.slice(0, m.start - 1) + m.value + line.slice(m.start - 1 + m.value.length);
    return line.slice(0, width);
  });
}

/** The plain decoder: `decodeField` per field; undefined for a blank optional value, as the reader stores it. */
function plain(record: CompiledRecord, line: string): Values | 'error' {
  const values: Values = {};
  for (const field of record.decoded) {
    try {
      const value = decodeField(line, field);
      values[field.name] = value === null ? undefined : value;
    } catch (error) {
      if (error instanceof CnabFieldError) return 'error';
      throw error;
    }
  }
  return values;
}

describe('generated decoder = plain decoder', () => {
  for (const layout of layouts)
    for (const mode of ['lenient', 'full'] as const)
      for (const record of compileLayout(layout, mode).records)
        it(`${layout.id} ${mode} ${record.spec.name}`, () => {
          fc.assert(
            fc.property(lineOf(record, layout.width), fc.string({ maxLength: 5 }), (line, before) => {
              const expected = plain(record, line);
              const at0 = record.fast(line, 0);
              const inside = record.fast(before + line + 'TAIL', before.length);
              expect(inside).toEqual(at0);
              if (at0 === null) expect(expected).toBe('error');
              else expect(at0).toEqual(expected);
            }),
            { numRuns: 60 },
          );
        });
});
