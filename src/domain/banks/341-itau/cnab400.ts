/**
 * Itaú (341) CNAB 400 cobrança, remessa and retorno, from Itaú's "Cobrança Itaú – CNAB 400" manual
 * (layout de arquivos: registro header/detalhe/multa (tipo 2)/trailer; nota 5 ocorrências da remessa, nota 17
 * ocorrências do retorno, nota 20 erros/mensagens 378-385). Retorno registro tipo 3 (boleto com QR Code PIX:
 * EMV 2-391, código de erro 392-394) as eduardokum/laravel-boleto Retorno/Cnab400/Banco/Itau.php reads it.
 * Cross-checked against kivanio/brcobranca lib/brcobranca/remessa/cnab400/itau.rb and retorno/cnab400/itau.rb.
 */
import { alpha, blank, constant, date8, num } from '../../cnab/layout.js';
import { occurrenceTable } from '../../cnab/occurrences.js';
import {
  dailyFileName,
  header400,
  ignoredRecord,
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

/** 27-46: agência, zeros, conta, DAC, brancos. */
const company = [
  num('agency', 27, 30),
  constant(31, 32, '00', 'num'),
  num('account', 33, 37),
  alpha('accountDigit', 38, 38),
  blank(39, 46),
];

/** Itaú nota 5: instruction/occurrence codes of the remessa (código de ocorrência, 109-110). */
const movementCodes = movementCodes400({ cancelProtest: '18', changeOtherData: '31' });

/** Itaú espécie (nota 5): DM 01, NP 02, ME 04, RC 05, DS 08, diversos 99. */
const itauSpecies = speciesFrom({ DM: '01', NP: '02', ME: '04', RC: '05', DS: '08', OU: '99' });

const detailRemessa = remessaDetail400([
  num('agency', 18, 21),
  constant(22, 23, '00', 'num'),
  num('account', 24, 28),
  alpha('accountDigit', 29, 29),
  blank(30, 33),
  num('cancelledInstruction', 34, 37),
  num('nossoNumero', 63, 70, { required: true }),
  num('_currencyQuantity', 71, 83, { default: 0 }),
  num('carteira', 84, 86, { required: true }),
  blank(87, 107),
  alpha('carteiraCode', 108, 108, { default: 'I' }),
  // Itaú keeps 30 columns for the payer name (235-264) and blanks 265-274.
  alpha('payerName', 235, 264, { required: true }),
  blank(265, 274),
  alpha('drawerName', 352, 381),
  blank(382, 385),
  num('interestDate', 386, 391, { format: 'DDMMAA' }),
  num('protestDays', 392, 393),
  blank(394, 394),
]);

/** Registro tipo 2 (multa), optional, right after the detail it refers to. */
const fineRemessa = record400('fine', '2', [
  alpha('fineCode', 2, 2),
  date8('fineDate', 3, 10),
  num('fineValue', 11, 23, { decimals: 2 }),
  blank(24, 394),
]);

export const itau341Remessa400 = remessaLayout400({
  bank: '341',
  bankName: 'BANCO ITAU SA',
  source: 'Itaú Cobrança CNAB 400 (remessa), registro tipo 2 de multa',
  records: [
    header400('remessa', { bankLiteral: 'BANCO ITAU SA', company }),
    detailRemessa,
    fineRemessa,
    trailer400(),
  ],
  perTitulo: [{ record: 'detail' }, { record: 'fine', when: (v) => v.fineCode !== '0' }],
  movementCodes,
  values: (v) => ({
    speciesCode: itauSpecies(v.species),
    // Itaú nota 11: 09 = protestar após N dias corridos; 10 = não protestar.
    instruction1: protests(v) ? '09' : '10',
  }),
  refuses: { writeOff: noColumn400.writeOff, pix: noColumn400.pix, messages: noColumn400.messages },
  // Itaú prescribes no file name; same daily pattern as Bradesco's.
  fileName: dailyFileName('CB'),
});

const detailRetorno = retornoDetail400([
  num('agency', 18, 21),
  blank(22, 23),
  num('account', 24, 28),
  alpha('accountDigit', 29, 29),
  blank(30, 37),
  alpha('_nossoNumero1', 63, 70),
  blank(71, 82),
  alpha('carteira', 83, 85),
  alpha('nossoNumero', 86, 93, { required: true }),
  alpha('nossoNumeroDigit', 94, 94),
  blank(95, 107),
  alpha('carteiraCode', 108, 108),
  alpha('_nossoNumero2', 127, 134),
  blank(189, 214),
  alpha('dda', 293, 293),
  blank(294, 295),
  alpha('cancelledInstruction', 302, 305),
  blank(306, 324),
  alpha('payerName', 325, 354),
  blank(355, 377),
  alpha('reasons', 378, 385, { format: 'codes2', ref: 'nota 20' }),
  blank(386, 392),
  alpha('liquidationCode', 393, 394, { ref: 'nota 23: meio de liquidação' }),
]);

/** Registro tipo 3 (boleto com QR Code PIX): EMV 2-391, erro 392-394. Read and checked, not an event. */
const pixRetorno = ignoredRecord('pix', '3', [alpha('pixEmv', 2, 391), alpha('pixError', 392, 394)]);

/** Itaú nota 17: códigos de ocorrência do retorno. */
export const itau341Occurrences400 = occurrenceTable([
  ['02', 'Entrada confirmada'],
  ['03', 'Entrada rejeitada'],
  ['04', 'Alteração de dados - nova entrada ou alteração/exclusão de dados acatada'],
  ['05', 'Alteração de dados - baixa'],
  ['06', 'Liquidação normal'],
  ['07', 'Liquidação parcial - cobrança inteligente (B2B)'],
  ['08', 'Liquidação em cartório'],
  ['09', 'Baixa simples'],
  ['10', 'Baixa por ter sido liquidado'],
  ['11', 'Em ser (só no retorno mensal)'],
  ...rebateOccurrences400,
  ['14', 'Vencimento alterado'],
  ['15', 'Baixas rejeitadas'],
  ['16', 'Instruções rejeitadas'],
  ['17', 'Alteração/exclusão de dados rejeitados'],
  ['18', 'Cobrança contratual - instruções/alterações rejeitadas/pendentes'],
  ['19', 'Confirma recebimento de instrução de protesto'],
  ['20', 'Confirma recebimento de instrução de sustação de protesto/tarifa'],
  ['21', 'Confirma recebimento de instrução de não protestar'],
  ['23', 'Título enviado a cartório/tarifa'],
  ['24', 'Instrução de protesto rejeitada/sustada/pendente'],
  ['25', 'Alegações do pagador'],
  ['26', 'Tarifa de aviso de cobrança'],
  ['27', 'Tarifa de extrato posição (B40X)'],
  ['28', 'Tarifa de relação das liquidações'],
  ['29', 'Tarifa de manutenção de títulos vencidos'],
  ['30', 'Débito mensal de tarifas (para entradas e baixas)'],
  ['32', 'Baixa por ter sido protestado'],
  ['33', 'Custas de protesto'],
  ['34', 'Custas de sustação'],
  ['35', 'Custas de cartório distribuidor'],
  ['36', 'Custas de edital'],
  ['37', 'Tarifa de emissão de boleto/tarifa de envio de duplicata'],
  ['38', 'Tarifa de instrução'],
  ['39', 'Tarifa de ocorrências'],
  ['40', 'Tarifa mensal de emissão de boleto/tarifa mensal de envio de duplicata'],
  ['41', 'Débito mensal de tarifas - extrato de posição (B4EP/B4OX)'],
  ['42', 'Débito mensal de tarifas - outras instruções'],
  ['43', 'Débito mensal de tarifas - manutenção de títulos vencidos'],
  ['44', 'Débito mensal de tarifas - outras ocorrências'],
  ['45', 'Débito mensal de tarifas - protesto'],
  ['46', 'Débito mensal de tarifas - sustação de protesto'],
  ['47', 'Baixa com transferência para desconto'],
  ['48', 'Custas de sustação judicial'],
  ['51', 'Tarifa mensal ref. a entradas bancos correspondentes na carteira'],
  ['52', 'Tarifa mensal baixas na carteira'],
  ['53', 'Tarifa mensal baixas em bancos correspondentes na carteira'],
  ['54', 'Tarifa mensal de liquidações na carteira'],
  ['55', 'Tarifa mensal de liquidações em bancos correspondentes na carteira'],
  ['56', 'Custas de irregularidade'],
  ['57', 'Instrução cancelada'],
  ['59', 'Baixa por crédito em C/C através do SISPAG'],
  ['60', 'Entrada rejeitada carnê'],
  ['61', 'Tarifa emissão aviso de movimentação de títulos'],
  ['62', 'Débito mensal de tarifa - aviso de movimentação de títulos'],
  ['63', 'Título sustado judicialmente'],
  ['64', 'Entrada confirmada com rateio de crédito'],
  ['65', 'Pagamento com cheque - aguardando compensação'],
  ['69', 'Cheque devolvido'],
  ['71', 'Entrada registrada, aguardando avaliação'],
  ['72', 'Baixa por crédito em C/C através do SISPAG sem título correspondente'],
  ['73', 'Confirmação de entrada na cobrança simples - entrada não aceita na cobrança contratual'],
  ['74', 'Instrução de negativação expressa rejeitada'],
  ['75', 'Confirmação de recebimento de instrução de entrada em negativação expressa'],
  ['76', 'Cheque compensado'],
  ['77', 'Confirmação de recebimento de instrução de exclusão de entrada em negativação expressa'],
  ['78', 'Confirmação de recebimento de instrução de cancelamento de negativação expressa'],
  ['79', 'Negativação expressa informacional'],
  ['80', 'Confirmação de entrada em negativação expressa - tarifa'],
  ['82', 'Confirmação do cancelamento de negativação expressa - tarifa'],
  ['83', 'Confirmação da exclusão de entrada em negativação expressa por liquidação - tarifa'],
  ['85', 'Tarifa por boleto (até 03 envios) cobrança ativa eletrônica'],
  ['86', 'Tarifa e-mail cobrança ativa eletrônica'],
  ['87', 'Tarifa SMS cobrança ativa eletrônica'],
  ['88', 'Tarifa mensal por boleto (até 03 envios) cobrança ativa eletrônica'],
  ['89', 'Tarifa mensal e-mail cobrança ativa eletrônica'],
  ['90', 'Tarifa mensal SMS cobrança ativa eletrônica'],
  ['91', 'Tarifa mensal de exclusão de entrada de negativação expressa'],
  ['92', 'Tarifa mensal de cancelamento de negativação expressa'],
  ['93', 'Tarifa mensal de exclusão de negativação expressa por liquidação'],
]);

/** Itaú nota 20: erros das ocorrências de rejeição (03, 15, 16, 17, 18, 60), posições 378-385. */
const itauRejections: Record<string, string> = {
  '03': 'AG. COBRADORA - CEP sem atendimento de protesto no momento',
  '04': 'Sigla do estado inválida',
  '05': 'Data de vencimento - prazo da operação menor que o mínimo ou maior que o máximo',
  '07': 'Valor do título maior que 10.000.000,00',
  '08': 'Nome do pagador não informado ou deslocado',
  '09': 'Agência/conta - agência encerrada',
  '10': 'Logradouro não informado ou deslocado',
  '11': 'CEP não numérico ou CEP inválido',
  '12': 'Sacador/avalista - nome não informado ou deslocado (bancos correspondentes)',
  '13': 'Estado/CEP - CEP incompatível com a sigla do estado',
  '14': 'Nosso número já registrado no cadastro do banco ou fora da faixa',
  '15': 'Nosso número em duplicidade no mesmo movimento',
  '18': 'Data de entrada inválida para operar com esta carteira',
  '19': 'Ocorrência inválida',
  '21': 'Agência cobradora - carteira não aceita depositária correspondente',
  '22': 'Carteira não permitida (necessário cadastrar faixa livre)',
  '26': 'Agência/conta não liberada para operar com cobrança',
  '27': 'CNPJ do beneficiário inapto - devolução de título em garantia',
  '29': 'Código empresa - categoria da conta inválida',
  '30': 'Entradas bloqueadas, conta suspensa em cobrança',
  '31': 'Agência/conta - conta não tem permissão para protestar',
  '35': 'IOF maior que 5%',
  '36': 'Quantidade de moeda incompatível com valor do título',
  '37': 'CNPJ/CPF do pagador não numérico ou igual a zeros',
  '42': 'Nosso número fora de faixa',
  '52': 'Agência cobradora - empresa não aceita banco correspondente',
  '53': 'Agência cobradora - empresa não aceita banco correspondente (cobrança mensagem)',
  '54': 'Data de vencimento - banco correspondente: título com vencimento inferior a 15 dias',
  '55': 'CEP não pertence à depositária informada',
  '56': 'Data de vencimento superior a 180 dias da data de entrada',
  '57': 'CEP só depositária BB com vencimento inferior a 8 dias',
  '60': 'Valor do abatimento inválido',
  '61': 'Juros de mora maior que o permitido',
  '62': 'Valor do desconto maior que o valor do título',
  '63': 'Valor da importância por dia de desconto (IDD) não permitido',
  '64': 'Data de emissão do título inválida',
  '65': 'Taxa de financiamento inválida (vendor)',
  '66': 'Data de vencimento inválida/fora do prazo de operação',
  '67': 'Valor do título/quantidade de moeda inválido',
  '68': 'Carteira inválida ou não cadastrada no intercâmbio da cobrança',
  '90': 'Número da linha da mensagem inválido ou quantidade de linhas excedida',
  '97': 'Sem mensagem (só campos fixos), porém com registro do tipo 7 ou 8',
  '98': 'Registro mensagem sem flash cadastrado ou flash diferente do cadastrado',
  '99': 'Conta de cobrança com flash cadastrado e sem registro de mensagem correspondente',
};

export const itau341Retorno400 = retornoLayout400({
  bank: '341',
  bankName: 'BANCO ITAU SA',
  source: 'Itaú Cobrança CNAB 400 (retorno), nota 17 (ocorrências), nota 20 (erros), registro tipo 3 (PIX)',
  records: [
    header400('retorno', {
      bankLiteral: 'BANCO ITAU S.A.',
      company,
      tail: [
        num('_density', 101, 105),
        alpha('_densityUnit', 106, 108),
        num('fileNumber', 109, 113),
        num('headerCreditedOn', 114, 119, { format: 'DDMMAA' }),
        blank(120, 394),
      ],
    }),
    detailRetorno,
    pixRetorno,
    retornoTrailer400(),
  ],
  occurrences: itau341Occurrences400,
  reasons: {
    byOccurrence: Object.fromEntries(['03', '15', '16', '17', '18', '60'].map((c) => [c, itauRejections])),
  },
});
