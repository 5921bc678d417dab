/**
 * FEBRABAN CNAB 240 "Layout Padrão" v10.x, cobrança (serviço 01): file header/trailer, batch header/trailer,
 * segments P, Q, R (remessa), T, U (retorno) and Y-03 (PIX, as Banco do Brasil layout 040 notas 49-52 place it).
 * Field references (G001, C044…) are the FEBRABAN manual's. Every bank variant in this folder spreads these.
 */
import { refuse } from './codec.js';
import {
  alpha,
  blank,
  cents,
  constant,
  date8,
  documentField,
  num,
  patchRecords,
  type CnabLayout,
  type FieldSpec,
  type RecordSpec,
  type RemessaPlan,
  type Values,
} from './layout.js';
import {
  occurrenceCommands,
  occurrenceTable,
  type OccurrenceTable,
  type ReasonTable,
} from './occurrences.js';

/** Columns 1-13 common to every detail segment (G001, G002, G003, G038, G039). */
export const segmentControl = (segment: string): FieldSpec[] => [
  num('bankCode', 1, 3, { ref: 'G001' }),
  num('batchNumber', 4, 7, { ref: 'G002', default: 1 }),
  constant(8, 8, '3', 'num'),
  num('recordSeq', 9, 13, { ref: 'G038' }),
  constant(14, 14, segment),
];

const segment = (name: string, fields: FieldSpec[], extra: Partial<RecordSpec> = {}): RecordSpec => ({
  name,
  role: 'detail',
  match: [
    { start: 8, value: '3' },
    { start: 14, value: name },
  ],
  fields: [...segmentControl(name), ...fields],
  ...extra,
});

export const fileHeader: RecordSpec = {
  name: 'fileHeader',
  role: 'fileHeader',
  match: [{ start: 8, value: '0' }],
  fields: [
    num('bankCode', 1, 3, { ref: 'G001', required: true }),
    constant(4, 7, '0000', 'num'),
    constant(8, 8, '0', 'num'),
    blank(9, 17),
    num('companyDocumentType', 18, 18, { ref: 'G005' }),
    num('companyDocument', 19, 32, { ref: 'G006' }),
    alpha('convenio', 33, 52, { ref: 'G007' }),
    num('agency', 53, 57, { ref: 'G008' }),
    alpha('agencyDigit', 58, 58, { ref: 'G009' }),
    num('account', 59, 70, { ref: 'G010' }),
    alpha('accountDigit', 71, 71, { ref: 'G011' }),
    alpha('agencyAccountDigit', 72, 72, { ref: 'G012' }),
    alpha('companyName', 73, 102, { ref: 'G013' }),
    alpha('bankName', 103, 132, { ref: 'G014' }),
    blank(133, 142),
    num('fileDirection', 143, 143, { ref: 'G015' }),
    date8('generatedOn', 144, 151, { ref: 'G016' }),
    num('generatedAt', 152, 157, { ref: 'G017', format: 'HHMMSS' }),
    num('fileNumber', 158, 163, { ref: 'G018' }),
    num('fileLayoutVersion', 164, 166, { ref: 'G019', default: 103 }),
    num('density', 167, 171, { ref: 'G020', default: 0 }),
    alpha('_bankReserved', 172, 191),
    alpha('_companyReserved', 192, 211),
    blank(212, 240),
  ],
};

export const batchHeader: RecordSpec = {
  name: 'batchHeader',
  role: 'batchHeader',
  match: [{ start: 8, value: '1' }],
  fields: [
    num('bankCode', 1, 3),
    num('batchNumber', 4, 7, { default: 1 }),
    constant(8, 8, '1', 'num'),
    alpha('operation', 9, 9, { ref: 'G028' }),
    num('serviceType', 10, 11, { ref: 'G025', default: 1 }),
    blank(12, 13),
    num('batchLayoutVersion', 14, 16, { ref: 'G030', default: 60 }),
    blank(17, 17),
    num('companyDocumentType', 18, 18),
    num('companyDocument', 19, 33),
    alpha('convenio', 34, 53),
    num('agency', 54, 58),
    alpha('agencyDigit', 59, 59),
    num('account', 60, 71),
    alpha('accountDigit', 72, 72),
    alpha('agencyAccountDigit', 73, 73),
    alpha('companyName', 74, 103),
    alpha('message1', 104, 143, { ref: 'C073' }),
    alpha('message2', 144, 183, { ref: 'C073' }),
    num('fileNumber', 184, 191, { ref: 'G079' }),
    date8('generatedOn', 192, 199, { ref: 'G068' }),
    date8('_creditDate', 200, 207, { ref: 'C003' }),
    blank(208, 240),
  ],
};

/** Segment P: the título (remessa). */
export const segmentP = segment('P', [
  blank(15, 15),
  num('movementCode', 16, 17, { ref: 'C004', required: true }),
  num('agency', 18, 22),
  alpha('agencyDigit', 23, 23),
  num('account', 24, 35),
  alpha('accountDigit', 36, 36),
  alpha('agencyAccountDigit', 37, 37),
  alpha('nossoNumero', 38, 57, { ref: 'G069', required: true }),
  num('carteiraCode', 58, 58, { ref: 'C006', default: 1 }),
  num('registrationForm', 59, 59, { ref: 'C007', default: 1 }),
  alpha('documentType', 60, 60, { ref: 'C008', default: '1' }),
  num('issuer', 61, 61, { ref: 'C009', default: 2 }),
  alpha('distribution', 62, 62, { ref: 'C010', default: '2' }),
  alpha('documentNumber', 63, 77, { ref: 'C011' }),
  date8('dueDate', 78, 85, { ref: 'C012', required: true }),
  cents('amountCents', 86, 100, { ref: 'G070', required: true }),
  num('collectingAgency', 101, 105, { ref: 'C014', default: 0 }),
  alpha('collectingAgencyDigit', 106, 106),
  num('speciesCode', 107, 108, { ref: 'C015', default: 2 }),
  alpha('acceptance', 109, 109, { ref: 'C016', default: 'N' }),
  date8('issueDate', 110, 117, { ref: 'G071' }),
  num('interestCode', 118, 118, { ref: 'C018', default: 3 }),
  date8('interestDate', 119, 126, { ref: 'C019' }),
  num('interestValue', 127, 141, { ref: 'C020', decimals: 2 }),
  num('discountCode', 142, 142, { ref: 'C021', default: 0 }),
  date8('discountDate', 143, 150, { ref: 'C022' }),
  num('discountValue', 151, 165, { ref: 'C023', decimals: 2 }),
  cents('iofCents', 166, 180, { ref: 'C024' }),
  cents('rebateCents', 181, 195, { ref: 'G045' }),
  alpha('companyUse', 196, 220, { ref: 'G072' }),
  num('protestCode', 221, 221, { ref: 'C026', default: 3 }),
  num('protestDays', 222, 223, { ref: 'C027' }),
  num('writeOffCode', 224, 224, { ref: 'C028', default: 0 }),
  alpha('writeOffDays', 225, 227, { ref: 'C029' }),
  num('currencyCode', 228, 229, { ref: 'G065', default: 9 }),
  num('contractNumber', 230, 239, { ref: 'C030' }),
  blank(240, 240),
]);

/** Segment Q: the payer (pagador) and drawer (sacador/avalista). */
export const segmentQ = segment('Q', [
  blank(15, 15),
  num('movementCode', 16, 17, { ref: 'C004' }),
  num('payerDocumentType', 18, 18, { ref: 'G005' }),
  documentField('payerDocument', 19, 33, { ref: 'G006' }),
  alpha('payerName', 34, 73, { ref: 'G013' }),
  alpha('payerAddress', 74, 113, { ref: 'G032' }),
  alpha('payerNeighborhood', 114, 128, { ref: 'G032' }),
  num('payerZip', 129, 136, { ref: 'G034/G035' }),
  alpha('payerCity', 137, 151, { ref: 'G033' }),
  alpha('payerState', 152, 153, { ref: 'G036' }),
  num('drawerDocumentType', 154, 154),
  documentField('drawerDocument', 155, 169, { ref: 'G006' }),
  alpha('drawerName', 170, 209),
  num('correspondentBank', 210, 212, { ref: 'C031' }),
  alpha('correspondentNossoNumero', 213, 232, { ref: 'C032' }),
  blank(233, 240),
]);

/** Segment R: discounts 2 and 3, fine (multa), messages. */
export const segmentR = segment('R', [
  blank(15, 15),
  num('movementCode', 16, 17),
  num('discount2Code', 18, 18, { default: 0 }),
  date8('discount2Date', 19, 26),
  num('discount2Value', 27, 41, { decimals: 2 }),
  num('discount3Code', 42, 42, { default: 0 }),
  date8('discount3Date', 43, 50),
  num('discount3Value', 51, 65, { decimals: 2 }),
  alpha('fineCode', 66, 66, { ref: 'G073', default: '0' }),
  date8('fineDate', 67, 74, { ref: 'G074' }),
  num('fineValue', 75, 89, { ref: 'G075', decimals: 2 }),
  alpha('payerInfo', 90, 99, { ref: 'C036' }),
  alpha('message3', 100, 139, { ref: 'C037' }),
  alpha('message4', 140, 179, { ref: 'C037' }),
  blank(180, 199),
  num('_payerOccurrence', 200, 207),
  num('_debitBank', 208, 210),
  num('_debitAgency', 211, 215),
  alpha('_debitAgencyDigit', 216, 216),
  num('_debitAccount', 217, 228),
  alpha('_debitAccountDigit', 229, 229),
  alpha('_debitAgencyAccountDigit', 230, 230),
  num('_debitNotice', 231, 231),
  blank(232, 240),
]);

/** Segment Y-03: PIX key and TXID of a boleto híbrido. */
export const segmentY03: RecordSpec = {
  ...segment('Y', [
    blank(15, 15),
    num('movementCode', 16, 17),
    constant(18, 19, '03', 'num'),
    blank(20, 80),
    num('pixKeyType', 81, 81),
    alpha('pixKey', 82, 158, { upper: false }),
    alpha('pixTxid', 159, 193, { upper: false }),
    blank(194, 240),
  ]),
  name: 'Y03',
  match: [
    { start: 8, value: '3' },
    { start: 14, value: 'Y' },
    { start: 18, value: '03' },
  ],
};

/** Segment T: the título as the bank returns it (tarifa lives here). */
export const segmentT = segment(
  'T',
  [
    blank(15, 15),
    alpha('occurrenceCode', 16, 17, { ref: 'C044', required: true }),
    num('agency', 18, 22),
    alpha('agencyDigit', 23, 23),
    num('account', 24, 35),
    alpha('accountDigit', 36, 36),
    alpha('agencyAccountDigit', 37, 37),
    alpha('nossoNumero', 38, 57, { ref: 'G069' }),
    alpha('carteira', 58, 58, { ref: 'C006' }),
    alpha('documentNumber', 59, 73, { ref: 'C011' }),
    date8('dueDate', 74, 81, { ref: 'C012' }),
    cents('titleCents', 82, 96, { ref: 'G070' }),
    num('collectingBank', 97, 99, { ref: 'C045' }),
    num('collectingAgency', 100, 104),
    alpha('collectingAgencyDigit', 105, 105),
    alpha('companyUse', 106, 130, { ref: 'G072' }),
    num('currencyCode', 131, 132),
    num('payerDocumentType', 133, 133),
    documentField('payerDocument', 134, 148, { ref: 'G006' }),
    alpha('payerName', 149, 188),
    alpha('contractNumber', 189, 198),
    cents('feeCents', 199, 213, { ref: 'G076' }),
    alpha('reasons', 214, 223, { ref: 'C047', format: 'codes2' }),
    blank(224, 240),
  ],
  { event: 'start' },
);

/** Segment U: amounts of the payment (pago, juros, desconto, abatimento, IOF, outros) and dates. */
export const segmentU = segment(
  'U',
  [
    blank(15, 15),
    alpha('occurrenceCodeU', 16, 17, { ref: 'C044' }),
    cents('interestCents', 18, 32, { ref: 'C048' }),
    cents('discountCents', 33, 47, { ref: 'C049' }),
    cents('rebateCents', 48, 62, { ref: 'C050' }),
    cents('iofCents', 63, 77, { ref: 'C051' }),
    cents('paidCents', 78, 92, { ref: 'C052' }),
    cents('netCents', 93, 107, { ref: 'C053' }),
    cents('otherCostsCents', 108, 122, { ref: 'C054' }),
    cents('otherCreditsCents', 123, 137, { ref: 'C055' }),
    date8('occurredOn', 138, 145, { ref: 'C056' }),
    date8('creditedOn', 146, 153, { ref: 'C057' }),
    alpha('payerOccurrenceCode', 154, 157, { ref: 'J043' }),
    alpha('payerOccurrenceDate', 158, 165, { ref: 'J044' }),
    alpha('payerOccurrenceValue', 166, 180, { ref: 'J045' }),
    alpha('payerOccurrenceText', 181, 210, { ref: 'J046' }),
    alpha('correspondentBank', 211, 213, { ref: 'C031' }),
    alpha('correspondentNossoNumero', 214, 233, { ref: 'C032' }),
    blank(234, 240),
  ],
  { event: 'continue' },
);

export const batchTrailer: RecordSpec = {
  name: 'batchTrailer',
  role: 'batchTrailer',
  match: [{ start: 8, value: '5' }],
  fields: [
    num('bankCode', 1, 3),
    num('batchNumber', 4, 7, { default: 1 }),
    constant(8, 8, '5', 'num'),
    blank(9, 17),
    num('batchRecordCount', 18, 23, { ref: 'G057' }),
    num('simpleCount', 24, 29, { ref: 'C070' }),
    num('simpleTotal', 30, 46, { ref: 'C071', decimals: 2 }),
    num('_boundCount', 47, 52),
    num('_boundTotal', 53, 69, { decimals: 2 }),
    num('_pledgedCount', 70, 75),
    num('_pledgedTotal', 76, 92, { decimals: 2 }),
    num('_discountedCount', 93, 98),
    num('_discountedTotal', 99, 115, { decimals: 2 }),
    alpha('_notice', 116, 123, { ref: 'C072' }),
    blank(124, 240),
  ],
};

export const fileTrailer: RecordSpec = {
  name: 'fileTrailer',
  role: 'fileTrailer',
  match: [{ start: 8, value: '9' }],
  fields: [
    num('bankCode', 1, 3),
    constant(4, 7, '9999', 'num'),
    constant(8, 8, '9', 'num'),
    blank(9, 17),
    num('batchCount', 18, 23, { ref: 'G049' }),
    num('fileRecordCount', 24, 29, { ref: 'G056' }),
    num('_accountsCount', 30, 35, { ref: 'G037' }),
    blank(36, 240),
  ],
};

export const remessaRecords240 = [
  fileHeader,
  batchHeader,
  segmentP,
  segmentQ,
  segmentR,
  segmentY03,
  batchTrailer,
  fileTrailer,
];
/** Any other optional Y segment of a retorno (Y-01 cheque data, Y-04 e-mail, Y-50/53…): read, not part of the event. */
export const segmentYOther: RecordSpec = {
  ...segment('Y', [blank(15, 240)]),
  name: 'Yother',
  event: 'ignore',
};

export const retornoRecords240 = [
  fileHeader,
  batchHeader,
  segmentT,
  segmentU,
  { ...segmentY03, event: 'ignore' as const },
  segmentYOther,
  batchTrailer,
  fileTrailer,
];

/** FEBRABAN C004, códigos de movimento remessa. */
export const febrabanMovementCodes = {
  register: '01',
  writeOff: '02',
  grantRebate: '04',
  cancelRebate: '05',
  changeDueDate: '06',
  grantDiscount: '07',
  cancelDiscount: '08',
  protest: '09',
  cancelProtest: '11',
  changeOtherData: '31',
} as const;

/** FEBRABAN C044, códigos de movimento retorno. */
export const febrabanOccurrences = occurrenceTable([
  ['02', 'Entrada confirmada'],
  ['03', 'Entrada rejeitada'],
  ['04', 'Transferência de carteira/entrada'],
  ['05', 'Transferência de carteira/baixa'],
  ['06', 'Liquidação'],
  ['07', 'Confirmação do recebimento da instrução de desconto'],
  ['08', 'Confirmação do recebimento do cancelamento do desconto'],
  ['09', 'Baixa'],
  ['11', 'Títulos em carteira (em ser)'],
  ['12', 'Confirmação recebimento instrução de abatimento'],
  ['13', 'Confirmação recebimento instrução de cancelamento abatimento'],
  ['14', 'Confirmação recebimento instrução alteração de vencimento'],
  ['15', 'Franco de pagamento'],
  ['17', 'Liquidação após baixa ou liquidação título não registrado'],
  ['19', 'Confirmação recebimento instrução de protesto'],
  ['20', 'Confirmação recebimento instrução de sustação/cancelamento de protesto'],
  ['23', 'Remessa a cartório (aponte em cartório)'],
  ['24', 'Retirada de cartório e manutenção em carteira'],
  ['25', 'Protestado e baixado (baixa por ter sido protestado)'],
  ['26', 'Instrução rejeitada'],
  ['27', 'Confirmação do pedido de alteração de outros dados'],
  ['28', 'Débito de tarifas/custas'],
  ['29', 'Ocorrências do pagador'],
  ['30', 'Alteração de dados rejeitada'],
  ['33', 'Confirmação da alteração dos dados do rateio de crédito'],
  ['34', 'Confirmação do cancelamento dos dados do rateio de crédito'],
  ['35', 'Confirmação do desagendamento do débito automático'],
  ['36', 'Confirmação de envio de e-mail/SMS'],
  ['37', 'Envio de e-mail/SMS rejeitado'],
  ['38', 'Confirmação de alteração do prazo limite de recebimento'],
  ['39', 'Confirmação de dispensa de prazo limite de recebimento'],
  ['40', 'Confirmação da alteração do número do título dado pelo beneficiário'],
  ['41', 'Confirmação da alteração do número controle do participante'],
  ['42', 'Confirmação da alteração dos dados do pagador'],
  ['43', 'Confirmação da alteração dos dados do sacador/avalista'],
  ['44', 'Título pago com cheque devolvido'],
  ['45', 'Título pago com cheque compensado'],
  ['46', 'Instrução para cancelar protesto confirmada'],
  ['47', 'Instrução para protesto para fins falimentares confirmada'],
  ['48', 'Confirmação de instrução de transferência de carteira/modalidade de cobrança'],
  ['49', 'Alteração de contrato de cobrança'],
  ['50', 'Título pendente de pagamento'],
  ['51', 'Título DDA reconhecido pelo pagador'],
  ['52', 'Título DDA não reconhecido pelo pagador'],
  ['53', 'Título DDA recusado pela CIP'],
  ['54', 'Confirmação da instrução de baixa de título negativado sem protesto'],
]);

/**
 * What the FEBRABAN C044 codes do by default (the rest are informative): 25 "protestado e baixado" closes the título
 * without payment; 19/23/47 put it in protest; 20/24/46 (sustação, retirada, cancelamento) are notices.
 */
export const febrabanCommandActions = {
  confirm_registration: ['02'],
  reject_registration: ['03', '26', '30', '37'],
  settle: ['06', '15', '17'],
  write_off: ['05', '09', '25'],
  due_date_changed: ['14'],
  protest: ['19', '23', '47'],
  fee_only: ['28'],
} as const;

export const febrabanReturnCommands = occurrenceCommands(febrabanOccurrences, febrabanCommandActions);

/** FEBRABAN C047: motivos. Table A (rejections: 02, 03, 26, 30), B (tariffs: 28), C (liquidação/baixa: 06, 09, 17). */
const rejectionReasons: Record<string, string> = {
  '01': 'Código do banco inválido',
  '02': 'Código do registro detalhe inválido',
  '03': 'Código do segmento inválido',
  '04': 'Código de movimento não permitido para carteira',
  '05': 'Código de movimento inválido',
  '06': 'Tipo/número de inscrição do beneficiário inválidos',
  '07': 'Agência/conta/DV inválido',
  '08': 'Nosso número inválido',
  '09': 'Nosso número duplicado',
  '10': 'Carteira inválida',
  '11': 'Forma de cadastramento do título inválido',
  '12': 'Tipo de documento inválido',
  '13': 'Identificação da emissão do boleto inválida',
  '14': 'Identificação da distribuição do boleto inválida',
  '15': 'Características da cobrança incompatíveis',
  '16': 'Data de vencimento inválida',
  '17': 'Data de vencimento anterior à data de emissão',
  '18': 'Vencimento fora do prazo de operação',
  '19': 'Título a cargo de bancos correspondentes com vencimento inferior a XX dias',
  '20': 'Valor do título inválido',
  '21': 'Espécie do título inválida',
  '22': 'Espécie do título não permitida para a carteira',
  '23': 'Aceite inválido',
  '24': 'Data da emissão inválida',
  '25': 'Data da emissão posterior à data de entrada',
  '26': 'Código de juros de mora inválido',
  '27': 'Valor/taxa de juros de mora inválido',
  '28': 'Código do desconto inválido',
  '29': 'Valor do desconto maior ou igual ao valor do título',
  '30': 'Desconto a conceder não confere',
  '31': 'Concessão de desconto - já existe desconto anterior',
  '32': 'Valor do IOF inválido',
  '33': 'Valor do abatimento inválido',
  '34': 'Valor do abatimento maior ou igual ao valor do título',
  '35': 'Valor a conceder não confere',
  '36': 'Concessão de abatimento - já existe abatimento anterior',
  '37': 'Código para protesto inválido',
  '38': 'Prazo para protesto inválido',
  '39': 'Pedido de protesto não permitido para o título',
  '40': 'Título com ordem de protesto emitida',
  '41': 'Pedido de cancelamento/sustação para títulos sem instrução de protesto',
  '42': 'Código para baixa/devolução inválido',
  '43': 'Prazo para baixa/devolução inválido',
  '44': 'Código da moeda inválido',
  '45': 'Nome do pagador não informado',
  '46': 'Tipo/número de inscrição do pagador inválidos',
  '47': 'Endereço do pagador não informado',
  '48': 'CEP inválido',
  '49': 'CEP sem praça de cobrança (não localizado)',
  '50': 'CEP referente a um banco correspondente',
  '51': 'CEP incompatível com a unidade da federação',
  '52': 'Unidade da federação inválida',
  '53': 'Tipo/número de inscrição do sacador/avalista inválidos',
  '54': 'Sacador/avalista não informado',
  '55': 'Nosso número no banco correspondente não informado',
  '56': 'Código do banco correspondente não informado',
  '57': 'Código da multa inválido',
  '58': 'Data da multa inválida',
  '59': 'Valor/percentual da multa inválido',
  '60': 'Movimento para título não cadastrado',
  '61': 'Alteração da agência cobradora/DV inválida',
  '62': 'Tipo de impressão inválido',
  '63': 'Entrada para título já cadastrado',
  '64': 'Número da linha inválido',
  '86': 'Seu número inválido',
};
const liquidationReasons: Record<string, string> = {
  '01': 'Por saldo',
  '02': 'Por conta',
  '03': 'Liquidação no guichê de caixa em dinheiro',
  '04': 'Compensação eletrônica',
  '05': 'Compensação convencional',
  '06': 'Por meio eletrônico',
  '07': 'Após feriado local',
  '08': 'Em cartório',
  '30': 'Liquidação no guichê de caixa em cheque',
  '31': 'Liquidação em banco correspondente',
  '32': 'Liquidação terminal de autoatendimento',
  '33': 'Liquidação na internet (home banking)',
  '34': 'Liquidado office banking',
  '35': 'Liquidado correspondente em dinheiro',
  '36': 'Liquidado correspondente em cheque',
  '37': 'Liquidado por meio de central de atendimento (telefone)',
  '61': 'Liquidação via PIX',
};
const writeOffReasons: Record<string, string> = {
  '09': 'Comandada banco',
  '10': 'Comandada cliente arquivo',
  '11': 'Comandada cliente on-line',
  '12': 'Decurso prazo - cliente',
  '13': 'Decurso prazo - banco',
  '14': 'Protestado',
  '15': 'Título excluído',
};
const tariffReasons: Record<string, string> = {
  '01': 'Tarifa de extrato de posição',
  '02': 'Tarifa de manutenção de título vencido',
  '03': 'Tarifa de sustação',
  '04': 'Tarifa de protesto',
  '05': 'Tarifa de outras instruções',
  '06': 'Tarifa de outras ocorrências',
  '07': 'Tarifa de envio de duplicata ao pagador',
  '08': 'Custas de protesto',
  '09': 'Custas de sustação de protesto',
  '10': 'Custas de cartório distribuidor',
  '11': 'Custas de edital',
};

export const febrabanReasons: ReasonTable = {
  byOccurrence: {
    '02': rejectionReasons,
    '03': rejectionReasons,
    '26': rejectionReasons,
    '30': rejectionReasons,
    '06': liquidationReasons,
    '17': liquidationReasons,
    '09': writeOffReasons,
    '28': tariffReasons,
  },
};

export interface Layout240Options {
  bank: string;
  bankName: string;
  source: string;
  /** Per-record field overrides (see patchRecord), e.g. { P: [num('nossoNumero', 38, 47)] }. */
  patches?: Record<string, FieldSpec[]>;
  occurrences?: OccurrenceTable;
  reasons?: ReasonTable;
  movementCodes?: RemessaPlan['movementCodes'];
  values?: RemessaPlan['values'];
  fileName?: RemessaPlan['fileName'];
}

/** Segment R is written when the título has a fine, a second/third discount or messages 3-4. */
export const needsSegmentR = (v: Values): boolean =>
  (v.fineCode !== undefined && v.fineCode !== '0') ||
  Boolean(v.message3) ||
  Boolean(v.message4) ||
  Boolean(v.discount2Code);

/**
 * A título's messages go to segment R 100-179 (C037 "mensagem 3" and "mensagem 4", printed on the boleto; 1 and 2
 * are the batch header's, C073, one text for every título of the batch): two per título, a third is refused.
 */
export function messages240(v: Values): Values {
  if (v.message3 || v.message4)
    refuse('messages', 'o CNAB 240 leva duas mensagens por título (segmento R, C037)');
  return { message1: undefined, message2: undefined, message3: v.message1, message4: v.message2 };
}

/** A bank's CNAB 240 remessa: the FEBRABAN records with the bank's patches, P + Q (+ R, + Y-03 for PIX). */
export function remessa240(o: Layout240Options): CnabLayout {
  return {
    id: `${o.bank}-240-remessa`,
    bank: o.bank,
    bankName: o.bankName,
    width: 240,
    direction: 'remessa',
    source: o.source,
    records: patchRecords(remessaRecords240, o.patches ?? {}),
    remessa: {
      head: ['fileHeader', 'batchHeader'],
      perTitulo: [
        { record: 'P' },
        { record: 'Q' },
        { record: 'R', when: needsSegmentR },
        { record: 'Y03', when: (v) => Boolean(v.pixKey) },
      ],
      tail: ['batchTrailer', 'fileTrailer'],
      movementCodes: o.movementCodes ?? febrabanMovementCodes,
      values: (v) => ({ ...messages240(v), ...o.values?.(v) }),
      fileName: o.fileName ?? genericRemessaFileName,
    },
  };
}

/** A bank's CNAB 240 retorno: the FEBRABAN records with the bank's patches, one event per T + U. */
export function retorno240(o: Layout240Options): CnabLayout {
  return {
    id: `${o.bank}-240-retorno`,
    bank: o.bank,
    bankName: o.bankName,
    width: 240,
    direction: 'retorno',
    source: o.source,
    records: patchRecords(retornoRecords240, o.patches ?? {}),
    occurrences: o.occurrences ?? febrabanOccurrences,
    reasons: o.reasons ?? febrabanReasons,
  };
}

/** Generic name when a bank sets no convention: CB + DDMM + 2-digit daily sequence + .REM. */
export function genericRemessaFileName(info: { fileNumber: number; generatedOn: string }): string {
  const [, m = '', d = ''] = info.generatedOn.split('-');
  return `CB${d}${m}${String(info.fileNumber % 100).padStart(2, '0')}.REM`;
}
