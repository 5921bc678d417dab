/**
 * Shared pieces of the property-based fuzz tests (issue 14, "Hostile input"): how many cases to run, and
 * generators of hostile text and JSON. CI runs a few thousand cases in all; `node scripts/fuzz.mjs` runs many more
 * (FUZZ_RUNS multiplies every test's count, FUZZ_SEED replays a failure fast-check reported).
 */
import fc from 'fast-check';

const scale = Number(process.env['FUZZ_RUNS'] ?? '1');
const seed = process.env['FUZZ_SEED'] ? Number(process.env['FUZZ_SEED']) : undefined;

/** fast-check parameters for `base` runs in CI, scaled by FUZZ_RUNS. */
export function fuzzParameters(base: number): fc.Parameters<unknown> {
  return {
    numRuns: Math.max(1, Math.round(base * scale)),
    ...(seed === undefined ? {} : { seed }),
    endOnFailure: true,
  };
}

/** Text an attacker or a broken client sends: control characters, NUL, quotes, SQL, huge and odd Unicode. */
export const hostileText: fc.Arbitrary<string> = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom(
    '',
    ' ',
    '\u0000',
    'a\u0000b',
    '\uFFFF',
    '\uD800',
    "'; drop table receivables; --",
    '%00',
    '../../etc/passwd',
    '__proto__',
    'constructor',
    '2026-02-30',
    '9999-12-31',
    '-1',
    '1e309',
    'NaN',
    '<script>alert(1)</script>',
    '𝔣𝔦𝔫𝔠𝔬𝔫𝔰𝔬𝔩𝔢',
  ),
  fc.string({ minLength: 200, maxLength: 2000 }),
);

/** Any JSON value, with hostile strings and keys, numbers at the edges of what JSON and JavaScript represent. */
export const hostileJson: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    hostileText,
    fc.integer(),
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    fc.constantFrom(0, -1, 2 ** 53, -(2 ** 53), 1.5, 1e308, Number.MIN_VALUE),
    fc.boolean(),
    fc.constant(null),
    tie('array'),
    tie('object'),
  ),
  array: fc.array(tie('value'), { maxLength: 5 }),
  object: fc.dictionary(fc.oneof(fc.string({ maxLength: 12 }), hostileText), tie('value'), { maxKeys: 6 }),
})).value;

/** A valid example with one field replaced, removed or added: reaches the rules behind the schema. */
export function mutatedExample(example: Record<string, unknown>): fc.Arbitrary<unknown> {
  const keys = Object.keys(example);
  if (keys.length === 0) return hostileJson;
  return fc.oneof(
    fc.tuple(fc.constantFrom(...keys), hostileJson).map(([key, value]) => ({ ...example, [key]: value })),
    fc.constantFrom(...keys).map((key) => {
      const copy = { ...example };
      delete copy[key];
      return copy;
    }),
    fc.tuple(fc.string({ maxLength: 12 }), hostileJson).map(([key, value]) => ({ ...example, [key]: value })),
    hostileJson,
  );
}
