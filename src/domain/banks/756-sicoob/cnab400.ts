/**
 * Sicoob (756) CNAB 400 cobrança ("CNAB400 Sicoob/Bancoob", the cooperative's layout sheet derived from Banco do
 * Brasil's CBR641/CBR643): prefixo da cooperativa + DV, código do cliente (8) + DV in the header, nosso número with
 * its DV (12) in 63-74, taxas de mora e multa as 4-decimal percentages in 161-172. Retorno: CBR643 amounts
 * (crédito 176-181, tarifa 182-188), motivo de baixa/recusa in 81-82. Cross-checked with kivanio/brcobranca
 * remessa/cnab400/sicoob.rb, eduardokum/laravel-boleto Retorno/Cnab400/Banco/Bancoob.php and @banco-br/cnab_yaml
 * cnab400/756.
 */
import { refuse } from '../../cnab/codec.js';
import { alpha, blank, cents, num, zeros, type Values } from '../../cnab/layout.js';
import { occurrenceTable } from '../../cnab/occurrences.js';
import {
  cbr643Amounts,
  cbr643Occurrences,
  cbrAgencyAccount,
  dailyFileName,
  drawerOrMessage,
  finePercentBasisPoints,
  header400,
  movementCodes400,
  noColumn400,
  percentDigits,
  remessaDetail400,
  remessaLayout400,
  retornoDetail400,
  retornoLayout400,
  speciesFrom,
  trailer400,
  writeOffInstruction,
} from '../../cnab/common-400.js';

/** Sicoob espécie: 01 DM, 02 NP, 05 RC, 12 DS, 21 mensalidade escolar, 99 outros. */
const sicoobSpecies = speciesFrom({ DM: '01', NP: '02', RC: '05', DS: '12', ME: '21', OU: '99' });

/** 27-46: prefixo da cooperativa + DV, código do cliente/beneficiário + DV (9), convênio líder (brancos). */
const company = [
  num('agency', 27, 30, { required: true }),
  alpha('agencyDigit', 31, 31),
  num('convenio', 32, 40, { required: true, ref: 'código do cliente com DV' }),
  blank(41, 46),
];

/** Header 101-394 (remessa and retorno): nº sequencial da remessa (7), brancos. */
const headerTail = [num('fileNumber', 101, 107), blank(108, 394)];

/**
 * 161-166: the monthly interest rate with 4 decimals (1% = 10000). A daily amount is converted against the título
 * amount when the bank, applying the rate (amount × rate / 30), charges the same centavos per day; else refused.
 */
function monthlyInterestRate(v: Values): number {
  if (v.interestCode === 2) return percentDigits(Number(v.interestValue), 4);
  if (v.interestCode !== 1) return 0;
  const daily = Number(v.interestValue);
  const amount = Number(v.amountCents);
  const rate = amount > 0 ? Math.round((daily * 30 * 1_000_000) / amount) : 0;
  if (rate === 0 || rate > 999_999 || Math.round((amount * rate) / 30 / 1_000_000) !== daily)
    refuse(
      'interest',
      `o CNAB 400 do Sicoob leva só a taxa mensal de juros (4 casas); ${daily} centavos ao dia não correspondem a uma taxa exata sobre ${amount} centavos — informe a taxa mensal (monthly_percent)`,
    );
  return rate;
}

const detailRemessa = remessaDetail400([
  ...cbrAgencyAccount(),
  zeros(32, 37),
  num('nossoNumero', 63, 74, { required: true, ref: 'nosso número com DV' }),
  num('installment', 75, 76, { default: 1 }),
  zeros(77, 78),
  blank(79, 81),
  alpha('drawerFlag', 82, 82, { ref: 'A = sacador/avalista em 352-391, branco = mensagem' }),
  blank(83, 85),
  num('variation', 86, 88, { default: 0 }),
  zeros(89, 101),
  blank(102, 105),
  num('issuer', 106, 106, { default: 2, ref: '1 cooperativa emite, 2 cliente emite' }),
  num('carteira', 107, 108, { required: true, ref: '01 simples com registro' }),
  num('agency', 143, 146),
  alpha('agencyDigit', 147, 147),
  num('interestRate', 161, 166, { ref: 'taxa de mora mensal, 4 decimais' }),
  num('fineRate', 167, 172, { ref: 'taxa de multa, 4 decimais' }),
  num('distribution', 173, 173, { default: 2, ref: '1 cooperativa distribui, 2 cliente distribui' }),
  num('currencyCode', 193, 193, { default: 9, ref: 'código da moeda: 9 = real' }),
  cents('iofCents', 194, 205, { ref: 'valor do IOF (moeda real)' }),
  alpha('payerAddress', 275, 311),
  alpha('payerNeighborhood', 312, 326),
  alpha('drawerName', 352, 391, { ref: 'sacador/avalista ou mensagem' }),
  num('protestDays', 392, 393),
  blank(394, 394),
]);

export const sicoob756Remessa400 = remessaLayout400({
  bank: '756',
  bankName: 'SICOOB',
  source: 'Sicoob CNAB 400 (remessa, layout Sicoob/Bancoob), registros 0, 1 e 9',
  records: [
    header400('remessa', { bankLiteral: 'BANCOOBCED', company, tail: headerTail }),
    detailRemessa,
    trailer400(),
  ],
  movementCodes: movementCodes400({ cancelProtest: '10', changeOtherData: '31' }),
  values: (v) => ({
    speciesCode: sicoobSpecies(v.species),
    // Sicoob: aceite 0 = não, 1 = sim.
    acceptance: v.acceptance === 'A' ? '1' : '0',
    ...drawerOrMessage(v),
    interestRate: monthlyInterestRate(v),
    fineRate: percentDigits(finePercentBasisPoints(v), 4),
    // Sicoob instrução: 42 = devolver após 15 dias vencido, 43 = após 30 dias.
    instruction1: writeOffInstruction(v, { 15: '42', 30: '43' }) ?? '00',
  }),
  refuses: { interestFrom: noColumn400.interestFrom, fineFrom: noColumn400.fineFrom, pix: noColumn400.pix },
  // Sicoob prescribes no file name; same daily pattern, prefix SC.
  fileName: dailyFileName('SC'),
});

const detailRetorno = retornoDetail400([
  ...cbrAgencyAccount(),
  alpha('convenio', 32, 37),
  alpha('nossoNumero', 63, 74, { required: true }),
  alpha('installment', 75, 76),
  blank(77, 80),
  alpha('reasons', 81, 82, { format: 'codes2', ref: 'código de baixa/recusa' }),
  alpha('titlePrefix', 83, 85),
  alpha('variation', 86, 88),
  alpha('guarantee', 89, 89),
  alpha('responsibility', 90, 95),
  alpha('_bordero', 96, 105),
  blank(106, 106),
  alpha('carteira', 107, 108),
  ...cbr643Amounts(),
  blank(333, 342),
  alpha('payerDocument', 343, 357),
  blank(358, 394),
]);

/** Sicoob 400: comando/movimento do retorno (109-110). */
export const sicoob756Occurrences400 = occurrenceTable([
  cbr643Occurrences.registered,
  ['05', 'Liquidação sem registro'],
  cbr643Occurrences.paid,
  cbr643Occurrences.writtenOff,
  ['10', 'Baixa solicitada (pedido do beneficiário)'],
  cbr643Occurrences.pending,
  ['14', 'Alteração de vencimento'],
  cbr643Occurrences.paidAtNotary,
  ['23', 'Encaminhado a protesto'],
  ['27', 'Confirmação de alteração de dados'],
  ['48', 'Confirmação de instrução de transferência de carteira/modalidade de cobrança'],
]);

export const sicoob756Retorno400 = retornoLayout400({
  bank: '756',
  bankName: 'SICOOB',
  source: 'Sicoob CNAB 400 (retorno, layout Sicoob/Bancoob derivado do CBR643), registros 0, 1 e 9',
  records: [
    header400('retorno', {
      bankLiteral: 'BANCOOBCED',
      company: [
        num('agency', 27, 30),
        alpha('agencyDigit', 31, 31),
        alpha('convenio', 32, 40),
        blank(41, 46),
      ],
      tail: headerTail,
    }),
    detailRetorno,
    trailer400(),
  ],
  occurrences: sicoob756Occurrences400,
  reasons: {},
});
