/**
 * Itaú (341) CNAB 240 cobrança ("Cobrança Itaú – CNAB 240", layout 040, lote 030): agência/conta as
 * 0 + agência (4) + branco + zeros (7) + conta (5) + branco + DAC; P with carteira (3) 38-40, nosso número (8)
 * 41-48 + DAC 49, número do documento (10) 63-72, prazo de baixa 225-226; Q payer/drawer names of 30 columns;
 * T nosso número 41-48, documento 59-68, motivos 214-221. Occurrence codes are Itaú's own (nota 17, same table
 * as its CNAB 400). Cross-checked with kivanio/brcobranca remessa+retorno/cnab240/itau.rb.
 */
import { alpha, blank, constant, num, zeros } from '../../cnab/layout.js';
import { itau341Occurrences400 } from './cnab400.js';
import { remessa240, retorno240 } from '../../cnab/febraban-240.js';

const bank = '341';
const bankName = 'BANCO ITAU SA';
const source = 'Itaú Cobrança CNAB 240 (layout 040, lote 030)';

const account = (start: number) => [
  constant(start, start, '0', 'num'),
  num('agency', start + 1, start + 4),
  blank(start + 5, start + 5),
  zeros(start + 6, start + 12),
  num('account', start + 13, start + 17),
  blank(start + 18, start + 18),
  alpha('accountDigit', start + 19, start + 19),
];

export const itau341Remessa240 = remessa240({
  bank,
  bankName,
  source,
  movementCodes: {
    register: '01',
    writeOff: '02',
    grantRebate: '04',
    cancelRebate: '05',
    changeDueDate: '06',
    protest: '09',
    cancelProtest: '18',
    changeOtherData: '31',
  },
  patches: {
    fileHeader: [blank(33, 52), ...account(53), num('fileLayoutVersion', 164, 166, { default: 40 })],
    batchHeader: [blank(34, 53), ...account(54), num('batchLayoutVersion', 14, 16, { default: 30 })],
    P: [
      ...account(18),
      num('carteira', 38, 40, { required: true }),
      num('nossoNumero', 41, 49, { required: true, ref: 'nosso número (8) + DAC' }),
      blank(50, 57),
      zeros(58, 62),
      alpha('documentNumber', 63, 72),
      blank(73, 77),
      // Itaú: 118 and 142 are zeros (no juros/desconto code; the amounts and dates say it all).
      zeros(118, 118),
      zeros(142, 142),
      num('writeOffDays', 225, 226),
      zeros(227, 239),
    ],
    Q: [
      alpha('payerName', 34, 63),
      blank(64, 73),
      alpha('drawerName', 170, 199),
      blank(200, 209),
      zeros(210, 212),
      blank(213, 240),
    ],
  },
  values: (v) => ({
    writeOffDays: v.writeOffDays ? Number(v.writeOffDays) : 0,
    // Itaú uses only the day's interest amount (P 127-141) and a fixed discount amount.
    interestValue: v.dailyInterestCents,
    discountValue: v.discountCents,
    speciesCode: ({ DM: 1, NP: 2, ME: 4, RC: 5, DS: 8 } as Record<string, number>)[String(v.species)] ?? 99,
  }),
});

export const itau341Retorno240 = retorno240({
  bank,
  bankName,
  source,
  occurrences: itau341Occurrences400,
  reasons: {},
  patches: {
    T: [
      ...account(18),
      alpha('carteira', 38, 40),
      alpha('nossoNumero', 41, 48),
      alpha('nossoNumeroDigit', 49, 49),
      blank(50, 58),
      alpha('documentNumber', 59, 68),
      blank(69, 73),
      alpha('reasons', 214, 221, { format: 'codes2' }),
      blank(222, 240),
    ],
  },
});
