/** Property-based tests: build → parse round trip for every bank; every single-digit change is caught. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { makeBankBoleto, parseBoleto } from '../../../src/domain/boleto/index.js';
import {
  collectionBarcodeDv,
  collectionLineFromBarcode,
  collectionModulo,
} from '../../../src/domain/boleto/collection.js';
import { BANK_CODES, boletoInput, digits, TODAY } from './arbitraries.js';

const options = { today: TODAY };

/** Replaces the digit at `index` by another digit (never the same). */
function mutate(text: string, index: number, shift: number): string {
  const digit = (Number(text[index]) + shift) % 10;
  return text.slice(0, index) + String(digit) + text.slice(index + 1);
}
const mutation = (length: number) =>
  fc.tuple(fc.integer({ min: 0, max: length - 1 }), fc.integer({ min: 1, max: 9 }));

describe.each(BANK_CODES)('bank %s', (bankCode) => {
  it('build → parse round trip (barcode and line, plain and formatted)', () => {
    fc.assert(
      fc.property(boletoInput(bankCode), (input) => {
        const boleto = makeBankBoleto(input, options);
        expect(boleto.barcode).toMatch(/^\d{44}$/);
        expect(boleto.line).toMatch(/^\d{47}$/);
        for (const text of [boleto.barcode, boleto.line, boleto.formattedLine]) {
          const parsed = parseBoleto(text, options);
          expect(parsed).toMatchObject({
            valid: true,
            kind: 'bank',
            bank: bankCode,
            amountCents: input.amountCents,
            dueDate: input.dueDate,
            campoLivre: boleto.campoLivre,
            barcode: boleto.barcode,
            line: boleto.line,
            errors: [],
            warnings: [],
          });
          // The bank's reader finds the same nosso número (and DV) in the campo livre; BB's 17-digit variant of
          // convênio 6 cannot be told from a convênio 4/6 layout and is left out.
          const bb17 =
            bankCode === '001' &&
            input.beneficiary.convenio?.length === 6 &&
            boleto.nossoNumero.value.length === 17;
          if (!bb17) {
            expect(parsed.campoLivreFields?.nossoNumero).toBe(boleto.nossoNumero.value);
            if (parsed.campoLivreFields?.nossoNumeroDv !== undefined)
              expect(parsed.campoLivreFields.nossoNumeroDv).toBe(boleto.nossoNumero.dv);
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it('any single-digit change in the line is caught, naming the DV that failed', () => {
    fc.assert(
      fc.property(boletoInput(bankCode), mutation(47), (input, [index, shift]) => {
        const { line, barcode } = makeBankBoleto(input, options);
        const parsed = parseBoleto(mutate(line, index, shift), options);
        const codes = parsed.errors.map((e) => e.code);
        if (index < 10) expect(codes).toContain('field1-dv');
        else if (index < 21) expect(codes).toContain('field2-dv');
        else if (index < 32) expect(codes).toContain('field3-dv');
        else if (index === 32) expect(codes).toEqual(['barcode-dv']);
        else {
          // Field 5 (factor + amount) is covered only by the general DV, where remainders 0, 1 and 10 all give DV 1:
          // a change is missed only between two of those, so only when the DV is 1.
          if (barcode[4] !== '1') expect(codes).toEqual(['barcode-dv']);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('any single-digit change in the barcode is caught by the general DV (unless DV 1 collides)', () => {
    fc.assert(
      fc.property(boletoInput(bankCode), mutation(44), (input, [index, shift]) => {
        const { barcode } = makeBankBoleto(input, options);
        const changed = mutate(barcode, index, shift);
        // A 44-digit code starting with 8 is a collection slip by definition (FEBRABAN reserves product 8 for
        // arrecadação), so a bank code changed to 8xx is read, and checked, as one.
        if (changed.startsWith('8')) return;
        const parsed = parseBoleto(changed, options);
        if (index === 4 || barcode[4] !== '1') {
          expect(parsed.valid).toBe(false);
          expect(parsed.errors.map((e) => e.code)).toContain('barcode-dv');
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('collection slips', () => {
  const collectionBarcode = fc
    .tuple(
      fc.constantFrom('1', '2', '3', '4', '5', '6', '7', '9'),
      fc.constantFrom('6', '7', '8', '9'),
      digits(40),
    )
    .map(([segment, valueId, rest]) => {
      const body = `8${segment}${valueId}0${rest}`;
      const dv = collectionBarcodeDv(body, collectionModulo(valueId) ?? 10);
      return body.slice(0, 3) + String(dv) + body.slice(4);
    });

  it('barcode ↔ line round trip', () => {
    fc.assert(
      fc.property(collectionBarcode, (barcode) => {
        const fromBarcode = parseBoleto(barcode, options);
        expect(fromBarcode).toMatchObject({ valid: true, kind: 'collection', barcode });
        const fromLine = parseBoleto(fromBarcode.formattedLine, options);
        expect(fromLine).toMatchObject({ valid: true, kind: 'collection', barcode, line: fromBarcode.line });
      }),
      { numRuns: 300 },
    );
  });

  it('a single-digit change in a line block is caught by that block (módulo 10 always; módulo 11 unless its DV is 0)', () => {
    fc.assert(
      fc.property(collectionBarcode, mutation(48), (barcode, [index, shift]) => {
        const modulo = collectionModulo(barcode[2] ?? '');
        const line = collectionLineFromBarcode(barcode, modulo ?? 10);
        if (index === 2) return; // changing the value identifier changes the módulo itself
        const block = Math.floor(index / 12);
        const blockDv = line[block * 12 + 11];
        const parsed = parseBoleto(mutate(line, index, shift), options);
        if (modulo === 10 || index % 12 === 11 || blockDv !== '0')
          expect(parsed.errors.map((e) => e.code)).toContain(`block${block + 1}-dv`);
      }),
      { numRuns: 500 },
    );
  });
});
