/**
 * Santander (033) CNAB 400 cobrança, from Santander's "Layout de Arquivos CNAB 400 – Cobrança" (versão 058 in
 * 392-394 of the header): registro 0, 1 (transação), 8 (PIX: tipo de pagamento, chave DICT e txid do QR Code, for
 * the boleto híbrido) and 9 (trailer with line count and total). Retorno: registro 1 with the rejection codes as
 * three 3-digit codes in 137-145, registro 2 with the PIX key and txid of a boleto híbrido. Cross-checked with kivanio/brcobranca remessa/cnab400/santander.rb and
 * santander_pix.rb, eduardokum/laravel-boleto Retorno/Cnab400/Banco/Santander.php and
 * @banco-br/cnab_yaml cnab400/033.
 */
import { alpha, blank, cents, date6, num, zeros } from '../../cnab/layout.js';
import { occurrenceTable } from '../../cnab/occurrences.js';
import {
  dailyFileName,
  finePercentBasisPoints,
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
  writeOffInstruction,
} from '../../cnab/common-400.js';

/** Santander espécie: 01 duplicata, 02 NP, 03 apólice/nota de seguro, 05 recibo, 06 duplicata de serviço. */
const santanderSpecies = speciesFrom({ DM: '01', NP: '02', RC: '05', DS: '06' });

const detailRemessa = remessaDetail400([
  alpha('convenio', 18, 37, { required: true, ref: 'código de transmissão (agência + conta)' }),
  num('nossoNumero', 63, 70, { required: true, ref: 'nosso número com dígito' }),
  date6('secondDiscountDate', 71, 76),
  blank(77, 77),
  num('fineFlag', 78, 78, { ref: '4 com multa, 0 sem multa' }),
  num('finePercent', 79, 82, { decimals: 2 }),
  zeros(83, 97),
  blank(98, 101),
  date6('fineDate', 102, 107),
  num('carteiraCode', 108, 108, { default: 1, ref: '1 eletrônica com registro, 5 rápida com registro' }),
  alpha('drawerName', 352, 381),
  blank(382, 382),
  alpha('complementId', 383, 383, { ref: '"I" when the account has 9 digits (conta padrão novo)' }),
  alpha('accountComplement', 384, 385, { ref: '9º dígito da conta + DV' }),
  blank(386, 391),
  num('protestDays', 392, 393),
  blank(394, 394),
]);

/** Registro tipo 8: dados do QR Code PIX do boleto híbrido (written when the título carries a PIX key). */
const pixRemessa = record400('pix', '8', [
  num('pixPaymentType', 2, 3, { default: 0, ref: '00 conforme perfil do beneficiário' }),
  num('pixPaymentCount', 4, 5, { default: 0 }),
  num('pixValueType', 6, 6, { default: 0 }),
  cents('pixMaxCents', 7, 19),
  num('pixMaxPercent', 20, 24, { decimals: 2 }),
  cents('pixMinCents', 25, 37),
  num('pixMinPercent', 38, 42, { decimals: 2 }),
  num('pixKeyType', 43, 43, { required: true, ref: '1 CPF, 2 CNPJ, 3 telefone, 4 e-mail, 5 aleatória' }),
  alpha('pixKey', 44, 120, { required: true, upper: false }),
  alpha('pixTxid', 121, 155, { upper: false }),
  blank(156, 394),
]);

export const santander033Remessa400 = remessaLayout400({
  bank: '033',
  bankName: 'SANTANDER',
  source: 'Santander Cobrança CNAB 400 versão 058, registros 0, 1, 8 (PIX) e 9',
  records: [
    header400('remessa', {
      bankLiteral: 'SANTANDER',
      company: [alpha('convenio', 27, 46, { required: true, ref: 'código de transmissão' })],
      tail: [zeros(101, 116), blank(117, 391), num('layoutVersion', 392, 394, { default: 58 })],
    }),
    detailRemessa,
    pixRemessa,
    trailer400([num('fileRecordCount', 2, 7), cents('totalCents', 8, 20), zeros(21, 394)]),
  ],
  perTitulo: [
    { record: 'detail' },
    { record: 'pix', when: (v) => typeof v.pixKey === 'string' && v.pixKey !== '' },
  ],
  movementCodes: movementCodes400({ cancelProtest: '18' }),
  values: (v) => {
    const finePercent = finePercentBasisPoints(v);
    const account = String(v.account ?? '');
    const newAccount = account.length > 8;
    return {
      speciesCode: santanderSpecies(v.species),
      fineFlag: finePercent > 0 ? 4 : 0,
      finePercent,
      fineDate: finePercent > 0 ? v.fineDate : undefined,
      carteiraCode: v.variation !== undefined && v.variation !== '' ? v.variation : 1,
      // Santander: accounts of 9 digits ("padrão novo") send "I" + 9º dígito + DV in 383-385; others leave blanks.
      complementId: newAccount ? 'I' : '',
      accountComplement: newAccount ? `${account.charAt(8)}${String(v.accountDigit ?? '')}` : '',
      // Santander instrução: 06 = protestar (dias em 392-393); 00 = sem instrução.
      instruction1: protests(v) ? '06' : '00',
      // Santander instrução: 02 = baixar após 15 dias do vencimento, 03 = após 30 dias.
      instruction2: writeOffInstruction(v, { 15: '02', 30: '03' }) ?? '00',
    };
  },
  refuses: { interestFrom: noColumn400.interestFrom, messages: noColumn400.messages },
  // Santander prescribes no file name; same daily pattern, prefix ST.
  fileName: dailyFileName('ST'),
});

const detailRetorno = retornoDetail400([
  num('agency', 18, 21),
  num('account', 22, 29, { ref: 'conta movimento' }),
  num('collectionAccount', 30, 37, { ref: 'conta cobrança' }),
  alpha('nossoNumero', 63, 70, { required: true }),
  blank(71, 107),
  alpha('carteiraCode', 108, 108),
  alpha('_nossoNumero2', 127, 134),
  alpha('originalMovement', 135, 136, { ref: 'código original da remessa' }),
  alpha('error1', 137, 139),
  alpha('error2', 140, 142),
  alpha('error3', 143, 145),
  blank(146, 146),
  cents('lateInterestCents', 202, 214),
  blank(293, 293),
  alpha('acceptance', 294, 294),
  blank(295, 295),
  alpha('payerName', 302, 337),
  blank(338, 391),
  alpha('layoutVersion', 392, 394),
]);

/**
 * Registro tipo 2 of the retorno (boleto híbrido): tipo de chave DICT (2), chave (3-79), txid (80-114), after the
 * detail it belongs to, as kivanio/brcobranca's Santander retorno spec reads it. Read and checked, not an event.
 */
const pixRetorno = ignoredRecord('pix', '2', [
  alpha('pixKeyType', 2, 2),
  alpha('pixKey', 3, 79),
  alpha('pixTxid', 80, 114),
  blank(115, 394),
]);

/** Santander: código de ocorrência do retorno (109-110). */
export const santander033Occurrences400 = occurrenceTable([
  ['01', 'Título não existe'],
  ['02', 'Entrada de título confirmada'],
  ['03', 'Entrada de título rejeitada'],
  ['06', 'Liquidação'],
  ['07', 'Liquidação por conta'],
  ['08', 'Liquidação por saldo'],
  ['09', 'Baixa automática'],
  ['10', 'Título baixado conforme instrução ou por título protestado'],
  ['11', 'Em ser'],
  ...rebateOccurrences400,
  ['14', 'Prorrogação de vencimento'],
  ['15', 'Confirmação de protesto'],
  ['16', 'Título já baixado/liquidado'],
  ['17', 'Liquidado em cartório'],
  ['21', 'Título enviado a cartório'],
  ['22', 'Título retirado de cartório'],
  ['24', 'Custas de cartório'],
  ['25', 'Protestar título'],
  ['26', 'Sustar protesto'],
  ['35', 'Título DDA reconhecido pelo pagador'],
  ['36', 'Título DDA não reconhecido pelo pagador'],
  ['37', 'Título DDA recusado pela CIP'],
  ['38', 'Recebimento da instrução não protestar'],
]);

export const santander033Retorno400 = retornoLayout400({
  bank: '033',
  bankName: 'SANTANDER',
  source: 'Santander Cobrança CNAB 400 versão 058, retorno: registros 0, 1, 2 (PIX) e 9',
  records: [
    header400('retorno', {
      bankLiteral: 'SANTANDER',
      company: [
        num('agency', 27, 30),
        num('account', 31, 38, { ref: 'conta movimento' }),
        num('collectionAccount', 39, 46, { ref: 'conta cobrança' }),
      ],
      tail: [alpha('_zeros', 101, 110), blank(111, 391), alpha('layoutVersion', 392, 394)],
    }),
    detailRetorno,
    pixRetorno,
    retornoTrailer400(),
  ],
  occurrences: santander033Occurrences400,
  // Santander's rejection codes are 3 digits (001-261) in 137-145: kept as error1..error3 on the record; the
  // engine's reasons list reads 2-character codes only (see the CNAB400 report).
  reasons: {},
});
