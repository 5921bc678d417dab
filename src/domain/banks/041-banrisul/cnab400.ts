/**
 * Banrisul (041) CNAB 400 cobrança, from Banrisul's "Cobrança – leiaute CNAB 400" manual: the header has no
 * "01COBRANCA" (10-26 blank) and identifies the company by the 13-digit código do beneficiário; the detail carries
 * the nosso número with its two check digits (63-72), the tipo de cobrança (148-149, 08 = credenciada) instead of an
 * espécie, juros as tipo (161) + value (162-173) and the multa as a 1-decimal percentage in 322-324; the trailer
 * carries the total of the títulos (28-40). Retorno: motivos in 383-392. Cross-checked with kivanio/brcobranca
 * remessa/cnab400/banrisul.rb and retorno/cnab400/banrisul.rb, eduardokum/laravel-boleto Remessa|Retorno/Cnab400/
 * Banco/Banrisul.php and @banco-br/cnab_yaml cnab400/041.
 */
import { alpha, blank, cents, num, zeros } from '../../cnab/layout.js';
import { occurrenceTable } from '../../cnab/occurrences.js';
import {
  dailyFileName,
  finePercentBasisPoints,
  header400,
  movementCodes400,
  noColumn400,
  percentDigits,
  protestOrReturn,
  rateioOccurrences400,
  remessaDetail400,
  remessaLayout400,
  retornoDetail400,
  retornoLayout400,
  retornoTrailer400,
  trailer400,
} from '../../cnab/common-400.js';

const detailRemessa = remessaDetail400([
  blank(2, 17),
  num('convenio', 18, 30, { required: true, ref: 'código do beneficiário' }),
  blank(31, 37),
  num('nossoNumero', 63, 72, { required: true, ref: 'nosso número (8) + 2 dígitos' }),
  alpha('message1', 73, 104),
  blank(105, 107),
  alpha('carteira', 108, 108, { required: true, ref: '1 cobrança simples' }),
  blank(143, 147),
  alpha('collectionType', 148, 149, { default: '08', ref: 'tipo de cobrança: 08 credenciada' }),
  alpha('interestType', 161, 161, { ref: '0 valor diário, 1 taxa mensal' }),
  num('interestAmount', 162, 173, { decimals: 2 }),
  alpha('payerName', 235, 269, { required: true }),
  blank(270, 274),
  blank(315, 321),
  num('finePercent', 322, 324, { ref: 'percentual de multa, 1 decimal' }),
  num('fineDays', 325, 326, { default: 0 }),
  zeros(352, 355),
  blank(356, 356),
  zeros(357, 369),
  num('protestDays', 370, 371),
  blank(372, 394),
]);

export const banrisul041Remessa400 = remessaLayout400({
  bank: '041',
  bankName: 'BANRISUL',
  source: 'Banrisul Cobrança CNAB 400 (remessa), registros 0, 1 e 9',
  records: [
    header400('remessa', {
      bankLiteral: 'BANRISUL',
      service: [blank(10, 26)],
      company: [num('convenio', 27, 39, { required: true }), blank(40, 46)],
    }),
    detailRemessa,
    trailer400([blank(2, 27), cents('totalCents', 28, 40), blank(41, 394)]),
  ],
  movementCodes: movementCodes400({ cancelProtest: '10' }),
  values: (v) => {
    const finePercent = finePercentBasisPoints(v);
    return {
      // Banrisul instruções: 09 protestar, 15 devolver (prazo em 370-371), 18 multa (percentual em 322-324).
      ...protestOrReturn(v, { protest: '09', return: '15' }),
      instruction2: finePercent > 0 ? '18' : '00',
      finePercent: percentDigits(finePercent, 1),
      interestType: v.interestCode === 1 ? '0' : v.interestCode === 2 ? '1' : ' ',
      interestAmount: v.interestCode === 1 || v.interestCode === 2 ? v.interestValue : 0,
    };
  },
  refuses: {
    interestFrom: noColumn400.interestFrom,
    fineFrom: noColumn400.fineFrom,
    drawer: noColumn400.drawer,
    pix: noColumn400.pix,
  },
  // Banrisul prescribes no file name; same daily pattern, prefix BR.
  fileName: dailyFileName('BR'),
});

const detailRetorno = retornoDetail400([
  alpha('convenio', 18, 30),
  blank(31, 37),
  alpha('nossoNumero', 63, 72, { required: true }),
  blank(73, 107),
  alpha('carteira', 108, 108),
  blank(302, 342),
  alpha('paymentForm', 343, 343),
  alpha('paymentChannel', 344, 344),
  blank(345, 382),
  alpha('reasons', 383, 392, { format: 'codes2', ref: 'motivos (5 x 2)' }),
  blank(393, 394),
]);

/** Banrisul: código de ocorrência do retorno (109-110). */
export const banrisul041Occurrences400 = occurrenceTable([
  ['02', 'Confirmação de entrada'],
  ['03', 'Entrada rejeitada'],
  ['04', 'Baixa de título liquidado por edital'],
  ['06', 'Liquidação normal'],
  ['07', 'Liquidação parcial'],
  ['08', 'Baixa por pagamento, liquidação pelo saldo'],
  ['09', 'Devolução automática'],
  ['10', 'Baixado conforme instruções'],
  ['11', 'Arquivo levantamento'],
  ['12', 'Concessão de abatimento'],
  ['13', 'Cancelamento de abatimento'],
  ['14', 'Vencimento alterado'],
  ['15', 'Pagamento em cartório'],
  ['16', 'Alteração de dados'],
  ['18', 'Alteração de instruções'],
  ['19', 'Confirmação de instrução de protesto'],
  ['20', 'Confirmação de instrução para sustar protesto'],
  ['21', 'Aguardando autorização para protesto por edital'],
  ['22', 'Protesto sustado por alteração de vencimento e prazo de cartório'],
  ['23', 'Confirmação da entrada em cartório'],
  ['24', 'Alteração de dados do sacador'],
  ['25', 'Devolução, liquidado anteriormente'],
  ['26', 'Devolvido pelo cartório - erro de informação'],
  ['30', 'Cobrança a creditar (liquidação em trânsito)'],
  ['31', 'Título em trânsito pago em cartório'],
  ['32', 'Reembolso e transferência desconto e vendor ou carteira em garantia'],
  ['33', 'Reembolso e devolução desconto e vendor'],
  ['34', 'Reembolso não efetuado por falta de saldo'],
  ['40', 'Baixa de títulos protestados'],
  ['41', 'Despesa de aponte'],
  ['42', 'Alteração de título'],
  ['43', 'Relação de títulos'],
  ['44', 'Manutenção mensal'],
  ['45', 'Sustação de cartório e envio de título a cartório'],
  ['46', 'Fornecimento de formulário pré-impresso'],
  ['47', 'Confirmação de entrada - pagador DDA'],
  ...rateioOccurrences400,
]);

/** Banrisul: motivos de rejeição (383-392) da ocorrência 03. */
const banrisulRejections: Record<string, string> = {
  '01': 'Código do banco inválido',
  '02': 'Agência/conta/número de controle inválido (cobrança partilhada)',
  '04': 'Código do movimento não permitido para a carteira',
  '05': 'Código do movimento inválido',
  '07': 'Título rejeitado na cobrança: CEP irregular',
  '08': 'Nosso número inválido',
  '09': 'Nosso número duplicado',
  '10': 'Carteira inválida',
  '15': 'Características da cobrança incompatíveis',
  '16': 'Data de vencimento inválida',
  '17': 'Data de vencimento anterior à data de emissão',
  '18': 'Vencimento fora do prazo de operação',
  '20': 'Valor do título inválido (não numérico)',
  '21': 'Espécie do título inválida',
  '23': 'Aceite inválido',
  '24': 'Data de emissão inválida',
  '25': 'Data de emissão posterior à data de processamento',
  '26': 'Código de juros de mora inválido',
  '27': 'Valor/taxa de juros de mora inválido',
  '28': 'Código do desconto inválido',
  '29': 'Valor do desconto maior ou igual ao valor do título',
  '32': 'Valor de IOF inválido',
  '33': 'Valor do abatimento inválido',
  '34': 'Valor do abatimento maior ou igual ao valor do título',
  '37': 'Código para protesto inválido',
  '38': 'Prazo para protesto inválido',
  '39': 'Pedido de protesto não permitido para o título',
  '42': 'Código para baixa/devolução ou instrução inválido',
  '43': 'Prazo para baixa/devolução inválido',
  '44': 'Código da moeda inválido',
  '45': 'Nome do pagador inválido ou alteração do pagador não permitida',
  '46': 'Tipo/número de inscrição do pagador inválido',
  '47': 'Endereço não informado ou alteração de endereço não permitida',
  '48': 'CEP inválido ou alteração de CEP não permitida',
  '49': 'CEP sem praça de cobrança ou alteração de cidade não permitida',
  '52': 'Unidade da federação inválida ou alteração de UF não permitida',
  '57': 'Código da multa inválido',
  '58': 'Data da multa inválida',
  '59': 'Valor/percentual da multa inválido',
  '60': 'Movimento para título não cadastrado',
  '63': 'Entrada para título já cadastrado',
  '79': 'Data de juros de mora inválida',
  '80': 'Data do desconto inválida',
  '86': 'Seu número inválido',
};

export const banrisul041Retorno400 = retornoLayout400({
  bank: '041',
  bankName: 'BANRISUL',
  source: 'Banrisul Cobrança CNAB 400 (retorno), registros 0, 1 e 9',
  records: [
    header400('retorno', {
      bankLiteral: 'BANRISUL',
      company: [alpha('convenio', 27, 46)],
      tail: [blank(101, 394)],
    }),
    detailRetorno,
    retornoTrailer400(),
  ],
  occurrences: banrisul041Occurrences400,
  reasons: { byOccurrence: { '03': banrisulRejections } },
});
