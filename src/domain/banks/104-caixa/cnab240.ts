/**
 * Caixa Econômica Federal (104) CNAB 240 cobrança SIGCB ("Leiaute de arquivo eletrônico padrão CNAB 240 –
 * Cobrança bancária CAIXA", versão 050): código do beneficiário (6) instead of conta corrente, modalidade (2) +
 * nosso número (15) in P 41-57; T nosso número 40-56 (17 = modalidade + 15); literal REMESSA-PRODUCAO at
 * 192-211 of the file header. Own occurrence codes (01, 35-47, 46 liquidação on-line…) and motivo tables.
 * Cross-checked with kivanio/brcobranca remessa/cnab240/caixa.rb and laravel-boleto Retorno/Cnab240/Banco/Caixa.php.
 */
import { alpha, blank, num, zeros } from '../../cnab/layout.js';
import { occurrenceTable } from '../../cnab/occurrences.js';
import { febrabanOccurrences, remessa240, retorno240 } from '../../cnab/febraban-240.js';

const bank = '104';
const bankName = 'CAIXA ECONOMICA FEDERAL';
const source = 'CAIXA SIGCB CNAB 240 cobrança (leiaute 050)';

export const caixa104Remessa240 = remessa240({
  bank,
  bankName,
  source,
  patches: {
    fileHeader: [
      zeros(33, 52),
      num('agency', 53, 57),
      alpha('agencyDigit', 58, 58),
      num('convenio', 59, 64, { required: true, ref: 'código do beneficiário' }),
      zeros(65, 72),
      num('fileLayoutVersion', 164, 166, { default: 50 }),
      alpha('environment', 192, 211, { default: 'REMESSA-PRODUCAO' }),
      alpha('appVersion', 212, 215),
      blank(216, 240),
    ],
    batchHeader: [
      num('convenio', 34, 39),
      zeros(40, 53),
      num('agency', 54, 58),
      alpha('agencyDigit', 59, 59),
      num('convenio', 60, 65),
      zeros(66, 73),
      num('batchLayoutVersion', 14, 16, { default: 30 }),
    ],
    P: [
      num('convenio', 24, 29),
      zeros(30, 40),
      num('modality', 41, 42, { default: 14 }),
      num('nossoNumero', 43, 57, { required: true }),
      alpha('documentNumber', 63, 73),
      blank(74, 77),
    ],
    // Trailer de lote: simples (24-46), caucionada (47-69), descontada (70-92), then blanks (uso FEBRABAN).
    batchTrailer: [blank(93, 123)],
  },
  values: (v) => ({ modality: v.variation ? v.variation : 14, agencyAccountDigit: '' }),
});

/** CAIXA: códigos de movimento retorno (C044 da CAIXA). */
export const caixa104Occurrences240 = occurrenceTable([
  ['01', 'Solicitação de impressão de títulos confirmada'],
  ...Object.entries(febrabanOccurrences).filter(([code]) =>
    [
      '02',
      '03',
      '04',
      '05',
      '06',
      '07',
      '08',
      '09',
      '12',
      '13',
      '14',
      '19',
      '20',
      '23',
      '24',
      '25',
      '26',
      '27',
      '28',
      '30',
      '51',
      '52',
      '53',
    ].includes(code),
  ),
  ['35', 'Confirmação de inclusão banco de pagador'],
  ['36', 'Confirmação de alteração banco de pagador'],
  ['37', 'Confirmação de exclusão banco de pagador'],
  ['38', 'Emissão de boletos de banco de pagador'],
  ['39', 'Manutenção de pagador rejeitada'],
  ['40', 'Entrada de título via banco de pagador rejeitada'],
  ['41', 'Manutenção de banco de pagador rejeitada'],
  ['44', 'Estorno de baixa/liquidação'],
  ['45', 'Alteração de dados'],
  ['46', 'Liquidação on-line'],
  ['47', 'Estorno de liquidação on-line'],
  ['61', 'Confirmação de alteração do valor nominal do título'],
  ['62', 'Confirmação de alteração do valor/percentual mínimo/máximo'],
]);

const caixaChannels: Record<string, string> = {
  '02': 'Casa lotérica',
  '03': 'Agências CAIXA',
  '04': 'Compensação eletrônica',
  '05': 'Compensação convencional',
  '06': 'Internet banking',
  '07': 'Correspondente bancário',
  '08': 'Em cartório',
  '09': 'Comandada banco',
  '10': 'Comandada cliente via arquivo',
  '11': 'Comandada cliente on-line',
  '12': 'Decurso prazo - cliente',
  '13': 'Decurso prazo - banco',
  '14': 'Protestado',
};

export const caixa104Retorno240 = retorno240({
  bank,
  bankName,
  source,
  occurrences: caixa104Occurrences240,
  reasons: { byOccurrence: { '06': caixaChannels, '09': caixaChannels, '46': caixaChannels } },
  patches: {
    fileHeader: [num('convenio', 59, 64), zeros(65, 72), alpha('environment', 192, 211)],
    T: [
      num('convenio', 24, 29),
      blank(30, 39),
      alpha('nossoNumero', 40, 56),
      blank(57, 57),
      alpha('documentNumber', 59, 69),
      blank(70, 73),
    ],
  },
});
