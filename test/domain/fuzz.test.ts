/**
 * Property-based fuzzing of the parsers that read what outsiders send (issue 14): the CNAB retorno reader, the
 * BR Code (PIX copia e cola) parser and the boleto barcode / linha digitável parser. Inputs are valid documents
 * with characters replaced, lines cut, doubled or swapped, and plain noise. Properties: no exception, the reader
 * ends, and every error names where it is (line, column and field; or a message) in pt-BR.
 * `node scripts/fuzz.mjs` runs the same properties with many more cases.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { makeBankBoleto, parseBoleto } from '../../src/domain/boleto/index.js';
import { readRetornoText } from '../../src/domain/cnab/reader.js';
import { makeStaticPix, parsePix } from '../../src/domain/pix/index.js';
import { fuzzParameters, hostileText } from '../support/fuzz.js';
import { retorno240Lines } from './cnab/helpers.js';

/** `text` with up to `count` characters replaced by characters of `alphabet`. */
function mutated(text: string, alphabet: fc.Arbitrary<string>, count = 4): fc.Arbitrary<string> {
  return fc
    .array(fc.tuple(fc.nat({ max: Math.max(0, text.length - 1) }), alphabet), {
      minLength: 1,
      maxLength: count,
    })
    .map((changes) => {
      const chars = [...text];
      for (const [index, char] of changes) chars[index] = char;
      return chars.join('');
    });
}

const anyChar = fc.oneof(
  fc.constantFrom('0', '9', ' ', 'A', 'x', '\u0000', '\r', '\n', '\t', 'É', '\uFFFD'),
  fc.string({ minLength: 1, maxLength: 1, unit: 'binary' }),
);

describe('CNAB retorno reader', () => {
  const good = retorno240Lines(3);

  const files = fc.oneof(
    // One line changed in a few places.
    fc
      .tuple(fc.nat({ max: good.length - 1 }), fc.constant(0))
      .chain(([index]) =>
        mutated(good[index]!, anyChar).map((line) => good.map((l, i) => (i === index ? line : l))),
      ),
    // Lines cut, dropped, doubled or swapped.
    fc
      .array(fc.nat({ max: good.length - 1 }), { minLength: 0, maxLength: good.length + 2 })
      .map((picks) => picks.map((i) => good[i]!)),
    fc
      .tuple(fc.nat({ max: good.length - 1 }), fc.nat({ max: 240 }))
      .map(([index, cut]) => good.map((line, i) => (i === index ? line.slice(0, cut) : line))),
    // Noise.
    fc.array(hostileText, { maxLength: 6 }),
  );

  it('reads any file to the end without throwing; every error has its line, column and field', async () => {
    await fc.assert(
      fc.asyncProperty(files, fc.constantFrom('\r\n', '\n', '\r'), async (lines, eol) => {
        const events = await readRetornoText(lines.join(eol));
        for (const event of events) {
          if (event.type !== 'error') continue;
          expect(event.field).toBeTruthy();
          // Column 0 is a record as a whole (a missing trailer, after the last line); line 0 the whole file.
          expect(event.line).toBeGreaterThanOrEqual(0);
          expect(event.column).toBeGreaterThanOrEqual(0);
          if (event.line === 0) expect(event.field).toBe('arquivo');
          expect(event.error).toBeTruthy();
        }
        if (lines.length > 0 && lines.some((line) => line.trim() !== ''))
          expect(events.length).toBeGreaterThan(0);
      }),
      fuzzParameters(1500),
    );
  });
});

describe('BR Code parser', () => {
  const payloads = fc
    .record({
      key: fc.constantFrom('12345678909', 'fulano@example.com', '+5511987654321'),
      amountCents: fc.option(fc.integer({ min: 1, max: 9_999_999 }), { nil: undefined }),
      txid: fc.option(fc.stringMatching(/^[A-Za-z0-9]{1,25}$/), { nil: undefined }),
    })
    .map((input) => makeStaticPix({ ...input, merchantName: 'FULANO DE TAL', merchantCity: 'SAO PAULO' }));

  it('never throws; an invalid payload lists why', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          payloads.chain((payload) => mutated(payload, anyChar, 3)),
          payloads.map((payload) => payload.slice(0, payload.length >> 1)),
          hostileText,
        ),
        (payload) => {
          const parsed = parsePix(payload);
          if (!parsed.valid) {
            expect(parsed.errors.length).toBeGreaterThan(0);
            for (const error of parsed.errors) expect(error).toBeTruthy();
          }
        },
      ),
      fuzzParameters(2000),
    );
  });
});

describe('boleto barcode and linha digitável parser', () => {
  const { line, barcode } = makeBankBoleto(
    {
      bankCode: '341',
      dueDate: '2026-12-10',
      amountCents: 123_456,
      nossoNumero: '12345678',
      beneficiary: { agency: '1234', account: '12345-1', carteira: '109' },
    },
    { today: '2026-11-23' },
  );
  const digit = fc.constantFrom(...'0123456789'.split(''));

  it('never throws; an invalid code says which check failed', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          mutated(line, digit, 2),
          mutated(barcode, digit, 2),
          mutated(line, anyChar, 2),
          fc.stringMatching(/^[0-9 .]{0,60}$/),
          hostileText,
        ),
        (text) => {
          const parsed = parseBoleto(text, { today: '2026-11-23' });
          if (!parsed.valid) {
            expect(parsed.errors.length).toBeGreaterThan(0);
            for (const error of parsed.errors) expect(error.message).toBeTruthy();
          }
        },
      ),
      fuzzParameters(2000),
    );
  });
});
