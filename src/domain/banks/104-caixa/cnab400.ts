/**
 * Caixa Econômica Federal (104) CNAB 400 cobrança SIGCB, from CAIXA's "Leiaute de arquivo eletrônico padrão CNAB 400
 * – Cobrança bancária CAIXA – SIGCB": nosso número of 17 digits (modalidade + 15) in 57-73, código do beneficiário
 * (6) in 22-27, multa as date + amount in 352-367; retorno with the rejection code (ocorrência 99) in 80-82 and the
 * data de crédito in 294-299. Cross-checked with eduardokum/laravel-boleto Remessa|Retorno/Cnab400/Banco/Caixa.php
 * and @banco-br/cnab_yaml cnab400/104.
 */
import { alpha, blank, cents, date6, num, zeros } from '../../cnab/layout.js';
import { occurrenceTable } from '../../cnab/occurrences.js';
import {
  dailyFileName,
  header400,
  noColumn400,
  protestOrReturn,
  remessaDetail400,
  remessaLayout400,
  retornoDetail400,
  retornoLayout400,
  speciesFrom,
  trailer400,
} from '../../cnab/common-400.js';

/** SIGCB 400 espécie: 01 DM, 02 NP, 03 DS, 05 nota de seguro, 06 letra de câmbio, 09 outros. */
const caixaSpecies = speciesFrom({ DM: '01', NP: '02', DS: '03', OU: '09' });

const company = [
  num('agency', 27, 30, { required: true }),
  num('convenio', 31, 36, { required: true }),
  blank(37, 46),
];

/** Header 101-394 (remessa and retorno): brancos, nº sequencial do arquivo in 390-394. */
const headerTail = [blank(101, 389), num('fileNumber', 390, 394)];

const detailRemessa = remessaDetail400([
  num('agency', 18, 21),
  num('convenio', 22, 27, { required: true, ref: 'código do beneficiário' }),
  num('issuer', 28, 28, { default: 2, ref: '1 banco emite, 2 cliente emite' }),
  num('delivery', 29, 29, { default: 0, ref: '0 postagem pelo beneficiário' }),
  zeros(30, 31),
  alpha('companyUse', 32, 56),
  num('nossoNumero', 57, 73, { required: true, ref: 'modalidade (2) + nosso número (15)' }),
  blank(74, 76),
  alpha('message1', 77, 106),
  num('carteira', 107, 108, { default: 1 }),
  date6('fineDate', 352, 357),
  cents('fineCents', 358, 367),
  alpha('drawerName', 368, 389),
  alpha('instruction3', 390, 391, { default: '00' }),
  num('protestDays', 392, 393, { ref: 'prazo de protesto ou devolução' }),
  num('currency', 394, 394, { default: 1, ref: '1 = real' }),
]);

export const caixa104Remessa400 = remessaLayout400({
  bank: '104',
  bankName: 'CAIXA ECONOMICA FEDERAL',
  source: 'CAIXA SIGCB CNAB 400 (remessa), registros 0, 1 e 9',
  records: [
    header400('remessa', { bankLiteral: 'C ECON FEDERAL', company, tail: headerTail }),
    detailRemessa,
    trailer400(),
  ],
  // SIGCB numbers its movements apart from the other banks' 400 (03/04 abatimento, 05 vencimento, 09 alteração).
  movementCodes: {
    register: '01',
    writeOff: '02',
    grantRebate: '03',
    cancelRebate: '04',
    changeDueDate: '05',
    changeOtherData: '09',
  },
  values: (v) => ({
    speciesCode: caixaSpecies(v.species),
    // SIGCB instruções: 01 = protestar, 02 = devolver (prazo em 392-393).
    ...protestOrReturn(v, { protest: '01', return: '02' }),
    fineDate: v.fineCode !== '0' ? v.fineDate : undefined,
  }),
  refuses: { interestFrom: noColumn400.interestFrom, pix: noColumn400.pix },
  // CAIXA prescribes no file name; same daily pattern, prefix CX.
  fileName: dailyFileName('CX'),
});

const detailRetorno = retornoDetail400([
  alpha('beneficiary', 18, 31, { ref: 'agência/código do beneficiário' }),
  alpha('companyUse', 32, 56),
  alpha('nossoNumero', 57, 73, { required: true }),
  blank(74, 80),
  // 80-82 hold a 3-digit code (001-099): the reason is its last two digits.
  alpha('reasons', 81, 82, { format: 'codes2', ref: 'código de rejeição (ocorrência 99)' }),
  blank(83, 106),
  alpha('carteira', 107, 108),
  alpha('liquidationType', 189, 191, { ref: 'canal de liquidação' }),
  alpha('paymentForm', 192, 192),
  alpha('float', 193, 194),
  date6('feeDebitedOn', 195, 200),
  blank(201, 214),
  cents('fineCents', 280, 292, { ref: 'valor da multa' }),
  alpha('currency', 293, 293),
  date6('creditedOn', 294, 299),
  blank(300, 394),
]);

/** SIGCB 400: código de ocorrência do retorno (109-110). */
export const caixa104Occurrences400 = occurrenceTable([
  ['01', 'Entrada confirmada'],
  ['02', 'Baixa confirmada'],
  ['03', 'Abatimento concedido'],
  ['04', 'Abatimento cancelado'],
  ['05', 'Vencimento alterado'],
  ['06', 'Uso da empresa alterado'],
  ['07', 'Prazo de protesto alterado'],
  ['08', 'Prazo de devolução alterado'],
  ['09', 'Alteração confirmada'],
  ['10', 'Alteração com reemissão de boleto confirmada'],
  ['11', 'Alteração da opção de protesto para devolução'],
  ['12', 'Alteração da opção de devolução para protesto'],
  ['20', 'Em ser'],
  ['21', 'Liquidação'],
  ['22', 'Liquidação em cartório'],
  ['23', 'Baixa por devolução'],
  // Franco pagamento: the beneficiary declares the título paid outside the bank; no money comes in here.
  ['24', 'Baixa por franco pagamento'],
  ['25', 'Baixa por protesto'],
  ['26', 'Título enviado para cartório'],
  ['27', 'Sustação de protesto'],
  ['28', 'Estorno de protesto'],
  ['29', 'Estorno de sustação de protesto'],
  ['30', 'Alteração de título'],
  ['31', 'Tarifa sobre título vencido'],
  ['32', 'Outras tarifas de alteração'],
  ['33', 'Estorno de baixa/liquidação'],
  ['34', 'Transferência de carteira/entrada'],
  ['35', 'Transferência de carteira/baixa'],
  ['99', 'Rejeição do título (código de rejeição nas posições 80-82)'],
]);

/** SIGCB 400: códigos de rejeição (80-82, ocorrência 99). */
const caixaRejections: Record<string, string> = {
  '01': 'Movimento sem beneficiário correspondente',
  '02': 'Movimento sem título correspondente',
  '08': 'Movimento para título já com movimentação no dia',
  '09': 'Nosso número não pertence ao beneficiário',
  '10': 'Inclusão de título já existente',
  '12': 'Movimento duplicado',
  '13': 'Entrada inválida para cobrança caucionada (beneficiário não possui conta caução)',
  '20': 'CEP do pagador não encontrado (não foi possível determinar a agência cobradora)',
  '21': 'Agência cobradora não encontrada',
  '22': 'Agência do beneficiário não encontrada',
  '45': 'Data de vencimento com prazo de mais de 1 ano',
  '49': 'Movimento inválido para título baixado/liquidado',
  '50': 'Movimento inválido para título enviado a cartório',
  '54': 'Faixa de CEP da agência cobradora não abrange o CEP do pagador',
  '55': 'Título já com opção de devolução',
  '56': 'Processo de protesto em andamento',
  '57': 'Título já com opção de protesto',
  '58': 'Processo de devolução em andamento',
  '59': 'Novo prazo para protesto/devolução inválido',
  '76': 'Alteração de prazo de protesto inválida',
  '77': 'Alteração de prazo de devolução inválida',
  '81': 'CEP do pagador inválido',
  '82': 'CNPJ/CPF do pagador inválido (dígito não confere)',
  '83': 'Número do documento (seu número) inválido',
  '84': 'Protesto inválido para título sem número do documento (seu número)',
};

export const caixa104Retorno400 = retornoLayout400({
  bank: '104',
  bankName: 'CAIXA ECONOMICA FEDERAL',
  source: 'CAIXA SIGCB CNAB 400 (retorno), registros 0, 1 e 9',
  records: [
    header400('retorno', { bankLiteral: 'C ECON FEDERAL', company, tail: headerTail }),
    detailRetorno,
    trailer400([alpha('_returnId', 2, 4), num('_bank', 5, 7), blank(8, 394)]),
  ],
  occurrences: caixa104Occurrences400,
  reasons: { byOccurrence: { '99': caixaRejections } },
});
