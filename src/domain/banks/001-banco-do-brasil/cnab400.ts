/**
 * Banco do Brasil (001) CNAB 400 cobrança with a 7-digit convênio: remessa CBR641 (Doc2627 "Leiaute de arquivo –
 * padrão CNAB400 – CBR641 posições 7") and retorno CBR643 (Doc2628 "CBR643 posições 7"). The detail record is
 * tipo 7 (not 1); the optional tipo 5 record carries the fine (multa). Rejection reasons of comando 03 come in 87-88.
 * Cross-checked with kivanio/brcobranca remessa/cnab400/banco_brasil.rb and retorno/cnab400/banco_brasil.rb,
 * eduardokum/laravel-boleto Remessa|Retorno/Cnab400/Banco/Bb.php and @banco-br/cnab_yaml cnab400/001.
 */
import { alpha, blank, constant, date6, num, zeros } from '../../cnab/layout.js';
import { occurrenceTable } from '../../cnab/occurrences.js';
import {
  cbr643Amounts,
  cbr643Occurrences,
  cbrAgencyAccount,
  dailyFileName,
  drawerOrMessage,
  header400,
  movementCodes400,
  noColumn400,
  protests,
  rebateOccurrences400,
  record400,
  remessaDetail400,
  remessaLayout400,
  retornoDetail400,
  retornoLayout400,
  retornoTrailer400,
  speciesFrom,
  trailer400,
} from '../../cnab/common-400.js';

/** CBR641 espécie: 01 DM, 02 NP, 03 NS, 05 RC, 12 DS (no mensalidade/“outros” code for convênio 7). */
const bbSpecies = speciesFrom({ DM: '01', NP: '02', RC: '05', DS: '12' });

/** 27-46: agência + DV, conta + DV, zeros. */
const company = [
  num('agency', 27, 30, { required: true }),
  alpha('agencyDigit', 31, 31),
  num('account', 32, 39, { required: true }),
  alpha('accountDigit', 40, 40),
  zeros(41, 46),
];

const detailRemessa = remessaDetail400(
  [
    ...cbrAgencyAccount(),
    num('convenio', 32, 38, { required: true }),
    alpha('companyUse', 39, 63, { ref: 'nº de controle do participante' }),
    num('nossoNumero', 64, 80, { required: true, ref: 'convênio (7) + sequencial (10)' }),
    zeros(81, 84),
    blank(85, 87),
    alpha('drawerFlag', 88, 88, { ref: 'A = sacador/avalista em 352-391, branco = mensagem' }),
    blank(89, 91),
    num('variation', 92, 94, { required: true, ref: 'variação da carteira' }),
    zeros(95, 101),
    alpha('collectionType', 102, 106, { ref: 'brancos = cobrança simples' }),
    num('carteira', 107, 108, { required: true }),
    num('_collectingAgency', 143, 146, { default: 0 }),
    blank(147, 147),
    alpha('payerName', 235, 271, { required: true }),
    blank(272, 274),
    alpha('drawerName', 352, 391, { ref: 'sacador/avalista ou mensagem' }),
    num('protestDays', 392, 393),
    blank(394, 394),
  ],
  '7',
);

/** Registro opcional tipo 5, serviço 99: multa (código 1 valor / 2 percentual, data de início, valor ou %). */
const fineRemessa = record400('fine', '5', [
  constant(2, 3, '99', 'num'),
  alpha('fineCode', 4, 4),
  date6('fineDate', 5, 10),
  num('fineValue', 11, 22, { decimals: 2 }),
  blank(23, 394),
]);

export const bancoBrasil001Remessa400 = remessaLayout400({
  bank: '001',
  bankName: 'BANCO DO BRASIL',
  source: 'Banco do Brasil CBR641 posições 7 (Doc2627), registros 0, 7, 5 (multa) e 9',
  records: [
    header400('remessa', {
      bankLiteral: 'BANCODOBRASIL',
      company,
      tail: [num('fileNumber', 101, 107), blank(108, 129), num('leaderConvenio', 130, 136), blank(137, 394)],
    }),
    detailRemessa,
    fineRemessa,
    trailer400(),
  ],
  perTitulo: [{ record: 'detail' }, { record: 'fine', when: (v) => v.fineCode !== '0' }],
  movementCodes: movementCodes400({ cancelProtest: '10', grantDiscount: '31', cancelDiscount: '32' }),
  values: (v) => ({
    speciesCode: bbSpecies(v.species),
    ...drawerOrMessage(v),
    // CBR641 instruções: 06 = protestar em N dias (N em 392-393); 07 = não protestar.
    instruction1: protests(v) ? '06' : '07',
  }),
  refuses: { interestFrom: noColumn400.interestFrom, pix: noColumn400.pix, writeOff: noColumn400.writeOff },
  // Banco do Brasil prescribes no file name; same daily pattern, prefix BB.
  fileName: dailyFileName('BB'),
});

const detailRetorno = retornoDetail400(
  [
    ...cbrAgencyAccount(),
    alpha('convenio', 32, 38),
    alpha('companyUse', 39, 63),
    alpha('nossoNumero', 64, 80, { required: true }),
    alpha('collectionType', 81, 81),
    alpha('specificCollectionType', 82, 82),
    alpha('days', 83, 86),
    alpha('reasons', 87, 88, {
      format: 'codes2',
      ref: 'natureza do recebimento / motivo da recusa (comando 03)',
    }),
    alpha('titlePrefix', 89, 91),
    alpha('variation', 92, 94),
    alpha('guarantee', 95, 95),
    alpha('discountRate', 96, 100),
    alpha('iofRate', 101, 105),
    blank(106, 106),
    alpha('carteira', 107, 108),
    ...cbr643Amounts(),
    alpha('partialPayment', 391, 391),
    blank(392, 392),
    alpha('channel', 393, 394, { ref: 'canal de pagamento' }),
  ],
  '7',
);

/** CBR643: comandos do retorno (109-110). */
export const bancoBrasil001Occurrences400 = occurrenceTable([
  cbr643Occurrences.registered,
  ['03', 'Comando recusado (motivo nas posições 87-88)'],
  ['05', 'Liquidado sem registro'],
  cbr643Occurrences.paid,
  ['07', 'Liquidação por conta'],
  ['08', 'Liquidação por saldo'],
  cbr643Occurrences.writtenOff,
  ['10', 'Baixa solicitada'],
  cbr643Occurrences.pending,
  ...rebateOccurrences400,
  ['14', 'Alteração de vencimento do título'],
  cbr643Occurrences.paidAtNotary,
  ['16', 'Confirmação de alteração de juros de mora'],
  ['19', 'Confirmação de recebimento de instruções para protesto'],
  ['20', 'Débito em conta'],
  ['21', 'Alteração do nome do pagador'],
  ['22', 'Alteração do endereço do pagador'],
  ['23', 'Indicação de encaminhamento a cartório'],
  ['24', 'Sustar protesto'],
  ['25', 'Dispensar juros de mora'],
  ['26', 'Alteração do número do título dado pelo beneficiário (seu número)'],
  ['28', 'Manutenção de título vencido'],
  ['31', 'Conceder desconto'],
  ['32', 'Não conceder desconto'],
  ['33', 'Retificar desconto'],
  ['34', 'Alterar data para desconto'],
  ['35', 'Cobrar multa'],
  ['36', 'Dispensar multa'],
  ['37', 'Dispensar indexador'],
  ['38', 'Dispensar prazo limite para recebimento'],
  ['39', 'Alterar prazo limite para recebimento'],
  ['41', 'Alteração do número do controle do participante'],
  ['42', 'Alteração do número do documento do pagador (CNPJ/CPF)'],
  ['44', 'Título pago com cheque devolvido'],
  ['46', 'Título pago com cheque, aguardando compensação'],
  ['72', 'Alteração de tipo de cobrança'],
  ['73', 'Confirmação de instrução de parâmetro de pagamento parcial'],
  ['96', 'Despesas de protesto'],
  ['97', 'Despesas de sustação de protesto'],
  ['98', 'Débito de custas antecipadas'],
]);

/** CBR643: motivos de recusa do comando 03 (posições 87-88). */
const bbRejections: Record<string, string> = {
  '01': 'Identificação inválida',
  '02': 'Variação da carteira inválida',
  '03': 'Valor dos juros por um dia inválido',
  '04': 'Valor do desconto inválido',
  '05': 'Espécie de título inválida para carteira/variação',
  '07': 'Prefixo da agência usuária inválido',
  '08': 'Valor do título/apólice inválido',
  '09': 'Data de vencimento inválida',
  '10': 'Fora do prazo/só admissível na carteira',
  '12': 'O banco não tem agência na praça do pagador',
  '13': 'Razões cadastrais',
  '16': 'Título preenchido de forma irregular',
  '18': 'Endereço do pagador não localizado ou incompleto',
  '19': 'Código do beneficiário inválido',
  '20': 'Nome/endereço do cliente não informado (ECT)',
  '21': 'Carteira inválida',
  '23': 'Faixa nosso número excedida',
  '24': 'Valor do abatimento inválido',
  '25': 'Novo número do título dado pelo beneficiário inválido (seu número)',
  '27': 'Nome do pagador/beneficiário inválido',
  '28': 'Data do novo vencimento inválida',
  '29': 'Endereço não informado',
  '33': 'Nosso número já existente',
  '37': 'Data de emissão do título inválida',
  '38': 'Data do vencimento anterior à data da emissão do título',
  '39': 'Comando de alteração indevido para a carteira',
  '41': 'Abatimento não permitido',
  '42': 'CEP/UF inválido/não compatíveis (ECT)',
  '45': 'Carteira/variação encerrada',
  '46': 'Convênio encerrado',
  '47': 'Título tem valor diverso do informado',
  '48': 'Motivo de baixa inválido para a carteira',
  '49': 'Abatimento a cancelar não consta do título',
  '50': 'Comando incompatível com a carteira',
  '51': 'Código do convenente inválido',
  '52': 'Abatimento igual ou maior que o valor do título',
  '53': 'Título já se encontra na situação pretendida',
  '56': 'Título não pertence ao convenente',
  '61': 'Título já foi fichado para protesto',
  '63': 'DV do nosso número inválido',
  '64': 'Título não passível de débito/baixa - situação anormal',
  '65': 'Título com ordem de não protestar - não pode ser encaminhado a cartório',
  '66': 'Número do documento do pagador (CNPJ/CPF) inválido',
  '67': 'Título/carnê rejeitado',
  '68': 'Código/data/percentual de multa inválido',
  '69': 'Valor/percentual de juros inválido',
  '71': 'Código de juros inválido',
  '73': 'Número do controle do participante inválido',
  '80': 'Nosso número inválido',
  '81': 'Data para concessão do desconto inválida',
  '82': 'CEP do pagador inválido',
  '83': 'Carteira/variação não localizada no beneficiário',
  '84': 'Título não localizado na existência',
  '99': 'Outros motivos',
};

export const bancoBrasil001Retorno400 = retornoLayout400({
  bank: '001',
  bankName: 'BANCO DO BRASIL',
  source: 'Banco do Brasil CBR643 posições 7 (Doc2628), registros 0, 7 e 9',
  records: [
    header400('retorno', {
      bankLiteral: 'BANCO DO BRASIL',
      company,
      tail: [num('fileNumber', 101, 107), blank(108, 149), alpha('convenio', 150, 156), blank(157, 394)],
    }),
    detailRetorno,
    retornoTrailer400(),
  ],
  occurrences: bancoBrasil001Occurrences400,
  reasons: { byOccurrence: { '03': bbRejections } },
});
