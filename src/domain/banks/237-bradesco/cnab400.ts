/**
 * Bradesco (237) CNAB 400 cobrança, from Bradesco's "Layout do Arquivo Cobrança Bradesco – CNAB 400" manual
 * (4008-524-0121: registro 0 header, 1 transação, 9 trailer; tabela de ocorrências do retorno e motivos 319-328;
 * nome do arquivo CBDDMMNN.REM). Retorno registro tipo 4 (boleto híbrido: location/URL do QR Code PIX 29-105,
 * txid 106-140) as eduardokum/laravel-boleto Retorno/Cnab400/Banco/Bradesco.php and EduardoJM/enhanced-cnab
 * bradesco/CNAB400/retorno/registro4.py read it. Cross-checked with kivanio/brcobranca remessa/cnab400/bradesco.rb.
 */
import { alpha, blank, cents, constant, num, zeros } from '../../cnab/layout.js';
import { occurrenceTable } from '../../cnab/occurrences.js';
import {
  dailyFileName,
  finePercentBasisPoints,
  header400,
  ignoredRecord,
  literal,
  movementCodes400,
  noColumn400,
  protests,
  rateioOccurrences400,
  rebateOccurrences400,
  remessaDetail400,
  remessaLayout400,
  retornoDetail400,
  retornoLayout400,
  retornoTrailer400,
  speciesFrom,
  trailer400,
} from '../../cnab/common-400.js';

/** Bradesco espécie de título: 01 DM, 02 NP, 05 RC, 12 DS, 99 outros (no mensalidade escolar code). */
const bradescoSpecies = speciesFrom({ DM: '01', NP: '02', RC: '05', DS: '12', OU: '99' });

const detailRemessa = remessaDetail400([
  // 2-20: agência/razão/conta de débito automático (optional): zeros when not used.
  zeros(2, 20),
  // 21-37: identificação da empresa no banco = 0 + carteira (3) + agência (5) + conta (7) + dígito (1).
  constant(21, 21, '0', 'num'),
  num('carteira', 22, 24, { required: true }),
  num('agency', 25, 29, { required: true }),
  num('account', 30, 36, { required: true }),
  alpha('accountDigit', 37, 37, { required: true }),
  alpha('companyUse', 38, 62, { ref: 'nº de controle do participante' }),
  zeros(63, 65),
  num('fineFlag', 66, 66, { ref: '0 sem multa, 2 com multa (percentual)' }),
  num('finePercent', 67, 70, { decimals: 2 }),
  // 71-81 + 82: nosso número with its check digit (the input carries the 12 characters).
  alpha('nossoNumero', 71, 82, { required: true }),
  zeros(83, 92),
  num('issuer', 93, 93, { default: 2, ref: '1 banco emite, 2 cliente emite' }),
  constant(94, 94, 'N'),
  blank(95, 105),
  num('debitNotice', 106, 106, { default: 2 }),
  blank(107, 108),
  zeros(140, 147),
  constant(150, 150, 'N'),
  alpha('message1', 315, 326),
  alpha('drawerName', 335, 394, { ref: 'sacador/avalista ou 2ª mensagem' }),
]);

export const bradesco237Remessa400 = remessaLayout400({
  bank: '237',
  bankName: 'BRADESCO',
  source: 'Bradesco Cobrança CNAB 400 (4008-524-0121), registros 0, 1 e 9',
  records: [
    header400('remessa', {
      bankLiteral: 'BRADESCO',
      company: [num('convenio', 27, 46, { required: true, ref: 'código da empresa' })],
      tail: [
        blank(101, 108),
        literal('_system', 109, 110, 'MX'),
        num('fileNumber', 111, 117),
        blank(118, 394),
      ],
    }),
    detailRemessa,
    trailer400(),
  ],
  movementCodes: movementCodes400({ cancelProtest: '19', changeOtherData: '31' }),
  values: (v) => {
    const finePercent = finePercentBasisPoints(v);
    const protest = protests(v);
    return {
      speciesCode: bradescoSpecies(v.species),
      fineFlag: finePercent > 0 ? 2 : 0,
      finePercent,
      // Bradesco instruções: 06 = protestar após N dias (N em 159-160); 00 = sem instrução.
      instruction1: protest ? '06' : '00',
      instruction2: protest ? String(v.protestDays).padStart(2, '0') : '00',
    };
  },
  refuses: {
    interestFrom: noColumn400.interestFrom,
    fineFrom: noColumn400.fineFrom,
    writeOff: noColumn400.writeOff,
    pix: noColumn400.pix,
  },
  fileName: dailyFileName('CB'),
});

const detailRetorno = retornoDetail400([
  blank(18, 20),
  alpha('companyId', 21, 37, { ref: '0 + carteira + agência + conta + dígito' }),
  blank(63, 70),
  alpha('nossoNumero', 71, 82, { required: true }),
  blank(83, 104),
  alpha('sharing', 105, 105, { ref: 'indicador de rateio' }),
  blank(106, 107),
  alpha('carteira', 108, 108),
  alpha('_nossoNumero2', 127, 146),
  cents('lateOperationInterestCents', 202, 214),
  blank(293, 294),
  alpha('reasonFlag', 295, 295),
  alpha('paymentOrigin', 302, 304),
  blank(305, 314),
  alpha('chequeBank', 315, 318),
  alpha('reasons', 319, 328, { format: 'codes2', ref: 'motivos das rejeições/ocorrências' }),
  blank(329, 368),
  alpha('notary', 369, 370),
  alpha('protocol', 371, 380),
  blank(381, 394),
]);

/** Registro tipo 4 (boleto híbrido): location/URL do QR Code 29-105, txid 106-140. Read and checked, not an event. */
const pixRetorno = ignoredRecord('pix', '4', [
  alpha('pixCarteira', 2, 4),
  alpha('pixAgency', 5, 9),
  alpha('pixAccount', 10, 16),
  alpha('pixNossoNumero', 17, 28),
  alpha('pixLocation', 29, 105),
  alpha('pixTxid', 106, 140),
  blank(141, 394),
]);

/** Bradesco: identificação das ocorrências do retorno (109-110). */
export const bradesco237Occurrences400 = occurrenceTable([
  ['02', 'Entrada confirmada'],
  ['03', 'Entrada rejeitada'],
  ['06', 'Liquidação normal'],
  ['09', 'Baixado automaticamente via arquivo'],
  ['10', 'Baixado conforme instruções da agência'],
  ['11', 'Em ser - arquivo de títulos pendentes'],
  ...rebateOccurrences400,
  ['14', 'Vencimento alterado'],
  ['15', 'Liquidação em cartório'],
  ['16', 'Título pago em cheque - vinculado'],
  ['17', 'Liquidação após baixa ou título não registrado'],
  ['18', 'Acerto de depositária'],
  ['19', 'Confirmação de recebimento de instrução de protesto'],
  ['20', 'Confirmação de recebimento de instrução de sustação de protesto'],
  ['21', 'Acerto do controle do participante'],
  ['22', 'Título com pagamento cancelado'],
  ['23', 'Entrada do título em cartório'],
  ['24', 'Entrada rejeitada por CEP irregular'],
  ['25', 'Confirmação de recebimento de instrução de protesto falimentar'],
  ['27', 'Baixa rejeitada'],
  ['28', 'Débito de tarifas/custas'],
  ['29', 'Ocorrências do pagador'],
  ['30', 'Alteração de outros dados rejeitada'],
  ['32', 'Instrução rejeitada'],
  ['33', 'Confirmação de pedido de alteração de outros dados'],
  ['34', 'Retirado de cartório e manutenção em carteira'],
  ['35', 'Desagendamento do débito automático'],
  ['40', 'Estorno de pagamento'],
  ['55', 'Sustado judicial'],
  ...rateioOccurrences400,
]);

/** Bradesco motivos (319-328) das rejeições 03, 24, 27, 30 e 32. */
const bradescoRejections: Record<string, string> = {
  '02': 'Código do registro detalhe inválido',
  '03': 'Código da ocorrência inválida',
  '04': 'Código de ocorrência não permitida para a carteira',
  '05': 'Código de ocorrência não numérico',
  '07': 'Agência/conta/dígito inválido',
  '08': 'Nosso número inválido',
  '09': 'Nosso número duplicado',
  '10': 'Carteira inválida',
  '13': 'Identificação da emissão do boleto inválida',
  '16': 'Data de vencimento inválida',
  '18': 'Vencimento fora do prazo de operação',
  '20': 'Valor do título inválido',
  '21': 'Espécie do título inválida',
  '22': 'Espécie não permitida para a carteira',
  '24': 'Data de emissão inválida',
  '28': 'Código do desconto inválido',
  '38': 'Prazo para protesto/negativação inválido',
  '44': 'Agência do beneficiário não prevista',
  '45': 'Nome do pagador não informado',
  '46': 'Tipo/número de inscrição do pagador inválidos',
  '47': 'Endereço do pagador não informado',
  '48': 'CEP inválido',
  '50': 'CEP irregular - banco correspondente',
  '63': 'Entrada para título já cadastrado',
  '65': 'Limite excedido',
  '66': 'Número de autorização inexistente',
  '68': 'Débito não agendado - erro nos dados da remessa',
  '69': 'Débito não agendado - pagador não consta do cadastro de autorizante',
  '70': 'Débito não agendado - beneficiário não autorizado pelo pagador',
  '71': 'Débito não agendado - beneficiário não participa do débito automático',
  '72': 'Débito não agendado - código de moeda diferente de R$',
  '73': 'Débito não agendado - data de vencimento inválida',
  '74': 'Débito não agendado - conforme seu pedido, título não registrado',
  '75': 'Débito não agendado - tipo de número de inscrição do debitado inválido',
};

/** Bradesco motivos de liquidação (06, 15, 17) e de baixa (09, 10). */
const bradescoPaymentReasons: Record<string, string> = {
  '15': 'Título pago com cheque',
  '42': 'Rateio não efetuado, conta de débito do beneficiário principal bloqueada',
};
const bradescoWriteOffReasons: Record<string, string> = {
  '10': 'Baixa comandada pelo cliente',
  '14': 'Título protestado',
  '15': 'Título excluído',
  '16': 'Título baixado pelo banco por decurso de prazo',
  '17': 'Título baixado transferido de carteira',
  '20': 'Título baixado e transferido para desconto',
};

export const bradesco237Retorno400 = retornoLayout400({
  bank: '237',
  bankName: 'BRADESCO',
  source: 'Bradesco Cobrança CNAB 400 (4008-524-0121), retorno: registros 0, 1, 4 (PIX) e 9',
  records: [
    header400('retorno', {
      bankLiteral: 'BRADESCO',
      company: [alpha('convenio', 27, 46, { ref: 'código da empresa' })],
      tail: [
        alpha('_density', 101, 108),
        num('fileNumber', 109, 113, { ref: 'nº do aviso bancário' }),
        blank(114, 379),
        num('headerCreditedOn', 380, 385, { format: 'DDMMAA' }),
        blank(386, 394),
      ],
    }),
    detailRetorno,
    pixRetorno,
    retornoTrailer400(),
  ],
  occurrences: bradesco237Occurrences400,
  reasons: {
    byOccurrence: {
      ...Object.fromEntries(['03', '24', '27', '30', '32'].map((c) => [c, bradescoRejections])),
      ...Object.fromEntries(['06', '15', '17'].map((c) => [c, bradescoPaymentReasons])),
      ...Object.fromEntries(['09', '10'].map((c) => [c, bradescoWriteOffReasons])),
    },
  },
});
