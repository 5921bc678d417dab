/**
 * Sicoob (756) CNAB 400 cobrança ("CNAB400 Sicoob/Bancoob", the cooperative's layout sheet derived from Banco do
 * Brasil's CBR641/CBR643): prefixo da cooperativa + DV, código do cliente (8) + DV in the header, nosso número with
 * its DV (12) in 63-74, taxas de mora e multa as 4-decimal percentages in 161-172. Retorno: CBR643 amounts
 * (crédito 176-181, tarifa 182-188), motivo de baixa/recusa in 81-82. Cross-checked with kivanio/brcobranca
 * remessa/cnab400/sicoob.rb, eduardokum/laravel-boleto Retorno/Cnab400/Banco/Bancoob.php and @banco-br/cnab_yaml
 * cnab400/756.
 */
import { alpha, blank, num, zeros, type CnabLayout } from '../../layout.js';
import { occurrenceTable } from '../../occurrences.js';
import {
  cbr643Amounts,
  dailyFileName,
  finePercentBasisPoints,
  header400,
  percentDigits,
  remessaDetail400,
  retornoDetail400,
  speciesFrom,
  trailer400,
} from './common.js';

/** Sicoob espécie: 01 DM, 02 NP, 05 RC, 12 DS, 21 mensalidade escolar, 99 outros. */
const sicoobSpecies = speciesFrom({ DM: '01', NP: '02', RC: '05', DS: '12', ME: '21', OU: '99' });

/** 27-46: prefixo da cooperativa + DV, código do cliente/beneficiário + DV (9), convênio líder (brancos). */
const company = [
  num('agency', 27, 30, { required: true }),
  alpha('agencyDigit', 31, 31),
  num('convenio', 32, 40, { required: true, ref: 'código do cliente com DV' }),
  blank(41, 46),
];

const detailRemessa = remessaDetail400([
  num('companyDocumentType', 2, 3),
  num('companyDocument', 4, 17),
  num('agency', 18, 21),
  alpha('agencyDigit', 22, 22),
  num('account', 23, 30),
  alpha('accountDigit', 31, 31),
  zeros(32, 37),
  alpha('companyUse', 38, 62),
  num('nossoNumero', 63, 74, { required: true, ref: 'nosso número com DV' }),
  num('installment', 75, 76, { default: 1 }),
  zeros(77, 78),
  blank(79, 81),
  alpha('drawerFlag', 82, 82, { ref: 'A = sacador/avalista em 352-391' }),
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
  alpha('payerAddress', 275, 311),
  alpha('payerNeighborhood', 312, 326),
  alpha('drawerName', 352, 391),
  num('protestDays', 392, 393),
  blank(394, 394),
]);

export const sicoob756Remessa400: CnabLayout = {
  id: '756-400-remessa',
  bank: '756',
  bankName: 'SICOOB',
  width: 400,
  direction: 'remessa',
  source: 'Sicoob CNAB 400 (remessa, layout Sicoob/Bancoob), registros 0, 1 e 9',
  records: [
    header400('remessa', {
      bankLiteral: 'BANCOOBCED',
      company,
      tail: [num('fileNumber', 101, 107), blank(108, 394)],
    }),
    detailRemessa,
    trailer400(),
  ],
  remessa: {
    head: ['fileHeader'],
    perTitulo: [{ record: 'detail' }],
    tail: ['fileTrailer'],
    movementCodes: {
      register: '01',
      writeOff: '02',
      grantRebate: '04',
      cancelRebate: '05',
      changeDueDate: '06',
      protest: '09',
      cancelProtest: '10',
      changeOtherData: '31',
    },
    values: (v) => ({
      speciesCode: sicoobSpecies(v.species),
      // Sicoob: aceite 0 = não, 1 = sim.
      acceptance: v.acceptance === 'A' ? '1' : '0',
      drawerFlag: typeof v.drawerName === 'string' && v.drawerName !== '' ? 'A' : '',
      interestRate: v.interestCode === 2 ? percentDigits(Number(v.interestValue), 4) : 0,
      fineRate: percentDigits(finePercentBasisPoints(v), 4),
      discountCents: v.discountCode === 0 ? 0 : v.discountCents,
    }),
    // Sicoob prescribes no file name; same daily pattern, prefix SC.
    fileName: dailyFileName('SC'),
  },
};

const detailRetorno = retornoDetail400([
  num('agency', 18, 21),
  alpha('agencyDigit', 22, 22),
  num('account', 23, 30),
  alpha('accountDigit', 31, 31),
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
  ['02', 'registered', 'Confirmação de entrada de título'],
  ['05', 'paid', 'Liquidação sem registro'],
  ['06', 'paid', 'Liquidação normal'],
  ['09', 'written_off', 'Baixa de título'],
  ['10', 'written_off', 'Baixa solicitada (pedido do beneficiário)'],
  ['11', 'informative', 'Títulos em ser'],
  ['14', 'changed', 'Alteração de vencimento'],
  ['15', 'paid', 'Liquidação em cartório'],
  ['23', 'informative', 'Encaminhado a protesto'],
  ['27', 'changed', 'Confirmação de alteração de dados'],
  ['48', 'changed', 'Confirmação de instrução de transferência de carteira/modalidade de cobrança'],
]);

export const sicoob756Retorno400: CnabLayout = {
  id: '756-400-retorno',
  bank: '756',
  bankName: 'SICOOB',
  width: 400,
  direction: 'retorno',
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
      tail: [num('fileNumber', 101, 107), blank(108, 394)],
    }),
    detailRetorno,
    trailer400(),
  ],
  occurrences: sicoob756Occurrences400,
  reasons: {},
};
