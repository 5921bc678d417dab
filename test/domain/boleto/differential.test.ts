/**
 * Differential tests against independent open-source implementations (npm devDependencies):
 * - boleto-brasileiro-validator 1.0.5: validates bank and collection barcodes/lines (general DV and field DVs);
 * - @mrmgomes/boleto-utils 1.3.3: validates and converts barcode ↔ line; its bank-barcode DV uses the collection
 *   módulo 11 (remainder 0 or 1 → 0 instead of FEBRABAN's 1), so it rejects correct barcodes whose general DV
 *   comes from remainder 0 or 1 — that known divergence is asserted explicitly below — and it misreads amounts
 *   of R$ 10 million and more whose second digit is 0;
 * - node-boleto 2.3.0: builds Bradesco and Santander barcodes; their campo livre and full barcodes are compared.
 */
import { createRequire } from 'node:module';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { makeBankBoleto, parseBoleto } from '../../../src/domain/boleto/index.js';
import { mod11Remainder } from '../../../src/domain/boleto/digits.js';
import { BANK_CODES, boletoInput, digits, TODAY } from './arbitraries.js';

const require = createRequire(import.meta.url);
const validator = require('boleto-brasileiro-validator') as {
  boleto(code: string): boolean;
  boletoBancario(code: string): boolean;
  boletoArrecadacao(code: string): boolean;
};
const utils = require('@mrmgomes/boleto-utils') as {
  validarBoleto(code: string): {
    sucesso: boolean;
    codigoBarras?: string;
    linhaDigitavel?: string;
    valor?: number;
  };
  codBarras2LinhaDigitavel(code: string, formatted: boolean): string;
  linhaDigitavel2CodBarras(code: string): string;
};
type NodeBoletoBank = { barcodeData(boleto: Record<string, unknown>): string };
const nodeBoletoBanks = {
  bradesco: require('node-boleto/banks/bradesco') as NodeBoletoBank,
  santander: require('node-boleto/banks/santander') as NodeBoletoBank,
};

const options = { today: TODAY };

describe.each(BANK_CODES)('our bank %s boletos, read by the other libraries', (bankCode) => {
  it('boleto-brasileiro-validator accepts our barcode and line', () => {
    fc.assert(
      fc.property(boletoInput(bankCode), (input) => {
        const boleto = makeBankBoleto(input, options);
        expect(validator.boletoBancario(boleto.barcode)).toBe(true);
        expect(validator.boletoBancario(boleto.formattedLine)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it('@mrmgomes/boleto-utils converts our barcode into our line and back, and reads the amount', () => {
    fc.assert(
      fc.property(boletoInput(bankCode), (input) => {
        const boleto = makeBankBoleto(input, options);
        expect(utils.codBarras2LinhaDigitavel(boleto.barcode, false)).toBe(boleto.line);
        expect(utils.linhaDigitavel2CodBarras(boleto.line)).toBe(boleto.barcode);
        const fromLine = utils.validarBoleto(boleto.line);
        expect(fromLine.sucesso).toBe(true);
        // Their amount reader drops the first digit of amounts ≥ R$ 10.000.000,00 whose second digit is 0
        // ("1000000000" reads as 0), so amounts are compared below that.
        if (input.amountCents < 1_000_000_000)
          expect(Math.round((fromLine.valor ?? NaN) * 100)).toBe(input.amountCents);
        // Their barcode check uses remainder 0/1 → 0; FEBRABAN's bank DV maps them to 1.
        const r = mod11Remainder(boleto.barcode.slice(0, 4) + boleto.barcode.slice(5));
        expect(utils.validarBoleto(boleto.barcode).sucesso).toBe(r !== 0 && r !== 1);
      }),
      { numRuns: 200 },
    );
  });
});

describe('their valid boletos, read by us', () => {
  // Random 44-digit bodies: whatever the other libraries call valid, we call valid too, and vice versa.
  const anyBankBarcode = fc
    .tuple(
      digits(3).filter((b) => !b.startsWith('8')),
      digits(1),
      digits(39),
    )
    .map(([bank, dv, rest]) => `${bank}9${dv}${rest}`);

  it('boleto-brasileiro-validator and we agree on random bank barcodes and lines', () => {
    fc.assert(
      fc.property(anyBankBarcode, (barcode) => {
        const ours = parseBoleto(barcode, options).valid;
        expect(ours).toBe(validator.boletoBancario(barcode));
        const line = parseBoleto(barcode, options).line;
        expect(parseBoleto(line, options).valid).toBe(validator.boletoBancario(line));
      }),
      { numRuns: 2000 },
    );
  });

  it('boleto-brasileiro-validator and we agree on random collection barcodes', () => {
    const collection = fc
      .tuple(digits(1), fc.constantFrom('6', '7', '8', '9'), digits(41))
      .map(([segment, valueId, rest]) => `8${segment}${valueId}${rest}`);
    fc.assert(
      fc.property(collection, (barcode) => {
        const ours = parseBoleto(barcode, options);
        expect(ours.valid).toBe(validator.boletoArrecadacao(barcode));
        expect(parseBoleto(ours.line, options).valid).toBe(validator.boletoArrecadacao(ours.line));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('campo livre built by node-boleto', () => {
  const ymd = fc
    .integer({ min: 0, max: 5000 })
    .map((d) => new Date(Date.UTC(2026, 10, 23 + d)).toISOString().slice(0, 10));

  it('Bradesco: same barcode for the same agency, carteira, nosso número and account', () => {
    fc.assert(
      fc.property(
        digits(4),
        digits(2),
        digits(1, 11),
        digits(7),
        fc.integer({ min: 1, max: 99_999_999 }),
        ymd,
        (agency, carteira, nn, account, cents, due) => {
          const theirs = nodeBoletoBanks.bradesco.barcodeData({
            data_vencimento: `${due}T12:00:00Z`,
            agencia: agency,
            valor: cents,
            carteira,
            codigo_cedente: account,
            nosso_numero: nn,
          });
          const ours = makeBankBoleto(
            {
              bankCode: '237',
              dueDate: due,
              amountCents: cents,
              nossoNumero: nn,
              beneficiary: { agency, account, carteira },
            },
            options,
          );
          expect(ours.barcode).toBe(theirs);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('Santander: same campo livre (their nosso número DV included) and barcode', () => {
    fc.assert(
      fc.property(
        digits(7),
        digits(1, 12),
        fc.constantFrom('101', '102', '201'),
        fc.integer({ min: 1, max: 99_999_999 }),
        ymd,
        (convenio, nn, carteira, cents, due) => {
          const theirs = nodeBoletoBanks.santander.barcodeData({
            data_vencimento: `${due}T12:00:00Z`,
            valor: cents,
            carteira,
            codigo_cedente: convenio,
            nosso_numero: nn,
          });
          const ours = makeBankBoleto(
            {
              bankCode: '033',
              dueDate: due,
              amountCents: cents,
              nossoNumero: nn,
              beneficiary: { convenio, carteira },
            },
            options,
          );
          expect(ours.campoLivre).toBe(theirs.slice(19));
          expect(ours.barcode).toBe(theirs);
        },
      ),
      { numRuns: 300 },
    );
  });
});
