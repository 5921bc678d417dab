/** fast-check generators of valid makeBankBoleto inputs for every bank (shared by property and differential tests). */
import fc from 'fast-check';
import { addDays } from '../../../src/domain/dates.js';
import type { MakeBankBoletoInput } from '../../../src/domain/boleto/index.js';

export const digits = (min: number, max = min) =>
  fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: min, maxLength: max });

export const TODAY = '2026-11-23';

/** A due date anywhere in the factor window around TODAY, or none. */
export const dueDate = fc.option(
  fc.integer({ min: -3000, max: 5500 }).map((days) => addDays(TODAY, days)),
  { nil: null, freq: 10 },
);

export const amountCents = fc.oneof(
  fc.integer({ min: 0, max: 9_999_999_999 }),
  fc.integer({ min: 1, max: 1_000_000 }),
);

const beneficiaryByBank = {
  '001': fc.oneof(
    fc.record({
      convenio: digits(4),
      carteira: digits(2),
      agency: digits(4),
      account: digits(1, 8),
      nn: digits(1, 7),
    }),
    fc.record({
      convenio: digits(6),
      carteira: digits(2),
      agency: digits(4),
      account: digits(1, 8),
      nn: digits(1, 5),
    }),
    fc.record({
      convenio: digits(6),
      carteira: fc.constantFrom('16', '18'),
      nn: digits(6, 17).filter((s) => /^[1-9]/.test(s)),
    }),
    fc.record({ convenio: digits(7), carteira: digits(2), nn: digits(1, 10) }),
    fc.record({ convenio: digits(8), carteira: digits(2), nn: digits(1, 9) }),
  ),
  '033': fc.record({
    convenio: digits(1, 7),
    carteira: fc.constantFrom('101', '102', '201'),
    nn: digits(1, 12),
  }),
  '041': fc.record({
    agency: digits(4),
    convenio: digits(1, 7),
    carteira: fc.constantFrom('1', '2'),
    nn: digits(1, 8),
  }),
  '104': fc.record({ convenio: digits(1, 6), carteira: fc.constantFrom('1', '2'), nn: digits(1, 15) }),
  '237': fc.record({ agency: digits(4), account: digits(1, 7), carteira: digits(2), nn: digits(1, 11) }),
  '341': fc.record({
    agency: digits(4),
    account: digits(5),
    carteira: fc.constantFrom('109', '110', '112', '126', '131', '146', '150', '157', '168', '175'),
    nn: digits(1, 8),
  }),
  '748': fc.record({
    agency: digits(4),
    posto: digits(2),
    convenio: digits(5),
    carteira: fc.constantFrom('1', '3'),
    byteIdt: fc.constantFrom('2', '3', '9'),
    nn: digits(1, 5),
  }),
  '756': fc.record({
    agency: digits(4),
    convenio: digits(1, 7),
    carteira: fc.constantFrom('1', '3'),
    modalidade: fc.constantFrom('01', '02', '05'),
    parcela: digits(3),
    nn: digits(1, 7),
  }),
} as const;

export type BankCode = keyof typeof beneficiaryByBank;
export const BANK_CODES = Object.keys(beneficiaryByBank) as BankCode[];

export function boletoInput(bankCode: BankCode): fc.Arbitrary<MakeBankBoletoInput> {
  return fc
    .tuple(beneficiaryByBank[bankCode] as fc.Arbitrary<Record<string, string>>, dueDate, amountCents)
    .map(([{ nn, ...beneficiary }, due, amount]) => ({
      bankCode,
      dueDate: due,
      amountCents: amount,
      nossoNumero: nn ?? '',
      beneficiary,
    }));
}
