/**
 * The shape most CNAB 400 cobrança layouts share, so each bank file states only how it differs.
 *
 * Every 400 file is header (tipo 0) + details + trailer (tipo 9), each line ending with its sequence number in
 * 395-400. The header's 1-26 (`0` + `1`/`2` + REMESSA/RETORNO + `01` + COBRANCA), 47-76 (company name), 77-79
 * (bank code), 80-94 (bank name) and 95-100 (date, DDMMAA) sit at the same columns for all seven banks here; only
 * 27-46 (how the bank identifies the company) and 101-394 differ.
 *
 * The remessa detail of Itaú, Bradesco, Santander, Caixa, Banrisul, Sicoob and Banco do Brasil keeps the same
 * columns from 109 (movement code) to 351 (payer UF): what differs is 2-108 (company and nosso número) and 352-394.
 * The retorno detail keeps 109-110 (occurrence), 111-116 (date), 117-126 (seu número), 147-165 (due date, amount) and
 * 215-292 (IOF, abatimento, desconto, valor pago, juros, outros créditos) at the same columns; banks move the rest.
 * References: FEBRABAN CNAB 400 as each bank's manual prints it (see the bank files), kivanio/brcobranca
 * lib/brcobranca/{remessa,retorno}/cnab400 and eduardokum/laravel-boleto src/Cnab/*\/Cnab400/Banco.
 */
import {
  alpha,
  blank,
  cents,
  constant,
  date6,
  documentField,
  num,
  patchRecord,
  type CnabLayout,
  type FieldSpec,
  type RecordSpec,
  type RemessaPlan,
  type RemessaStep,
  type Value,
  type Values,
} from './layout.js';
import { refuse } from './codec.js';
import type { OccurrenceRow, OccurrenceTable, ReasonTable } from './occurrences.js';

export type Direction = 'remessa' | 'retorno';

/** 395-400: sequence number of the line in the file (header = 1). */
export const seq400 = (): FieldSpec => num('lineSeq', 395, 400, { ref: 'número sequencial' });

/** A fixed text written at exactly its width (the checker requires a constant to fill its field). */
export const literal = (name: FieldSpec['name'], start: number, end: number, text: string): FieldSpec =>
  alpha(name, start, end, { constant: text.padEnd(end - start + 1, ' ').slice(0, end - start + 1) });

/**
 * A record of type `recordType` (column 1) with `fields` for 2-394 and the sequence number in 395-400. Detail role
 * unless `extra` says otherwise (`event` for retorno details and records read but not turned into events).
 */
export function record400(
  name: string,
  recordType: string,
  fields: FieldSpec[],
  extra: Pick<RecordSpec, 'role' | 'event'> = { role: 'detail' },
): RecordSpec {
  return {
    name,
    ...extra,
    match: [{ start: 1, value: recordType }],
    fields: [constant(1, 1, recordType, 'num'), ...fields, seq400()],
  };
}

export interface HeaderOptions {
  /** Bank name as the manual wants it in 80-94 (e.g. "BRADESCO", "BANCODOBRASIL"). */
  bankLiteral: string;
  /** 27-46: the company as the bank identifies it (agência/conta, código da empresa, código de transmissão…). */
  company: FieldSpec[];
  /** 101-394 (default: blanks). */
  tail?: FieldSpec[];
  /** 10-26 replacement (Banrisul leaves it blank; BB/Sicoob write COBRANCA in 8 columns then blanks: same text). */
  service?: FieldSpec[];
}

/** Header (tipo 0) of a remessa or retorno. */
export function header400(direction: Direction, options: HeaderOptions): RecordSpec {
  return record400(
    'fileHeader',
    '0',
    [
      num('fileDirection', 2, 2, { default: direction === 'remessa' ? 1 : 2 }),
      alpha('directionText', 3, 9, { default: direction === 'remessa' ? 'REMESSA' : 'RETORNO' }),
      ...(options.service ?? [
        num('serviceType', 10, 11, { default: 1 }),
        alpha('serviceText', 12, 26, { default: 'COBRANCA' }),
      ]),
      ...options.company,
      alpha('companyName', 47, 76),
      num('bankCode', 77, 79, { required: true }),
      literal('bankName', 80, 94, options.bankLiteral),
      date6('generatedOn', 95, 100),
      ...(options.tail ?? [blank(101, 394)]),
    ],
    { role: 'fileHeader' },
  );
}

/** Trailer (tipo 9); `middle` covers 2-394 (default: blanks). */
export function trailer400(middle: FieldSpec[] = [blank(2, 394)]): RecordSpec {
  return record400('fileTrailer', '9', middle, { role: 'fileTrailer' });
}

/**
 * Retorno trailer of the "9201<banco>" family (Itaú, Bradesco, Santander, BB CBR643, Banrisul): 2 retorno, 3-4 serviço,
 * 5-7 banco, 18-25 quantidade and 26-39 valor dos títulos em cobrança simples; the rest (other carteiras, avisos) is
 * read as filler.
 */
export function retornoTrailer400(): RecordSpec {
  return trailer400([
    alpha('_returnId', 2, 4),
    num('_bank', 5, 7),
    blank(8, 17),
    num('titleCount', 18, 25),
    num('totalValue', 26, 39, { decimals: 2 }),
    blank(40, 394),
  ]);
}

/**
 * Remessa detail (tipo 1 unless `recordType` says otherwise): 109-351 as all seven banks print it; 2-17 the
 * company's inscrição (tipo + CNPJ/CPF) as Itaú, Santander, CAIXA, Sicoob and BB print it, 38-62 uso da empresa as
 * Itaú, Santander, Bradesco, Banrisul and Sicoob do; the rest of 18-108 and 352-394 blank until the bank patches it.
 */
export function remessaDetail400(patch: FieldSpec[], recordType = '1'): RecordSpec {
  const base = record400('detail', recordType, [
    num('companyDocumentType', 2, 3),
    num('companyDocument', 4, 17),
    blank(18, 37),
    alpha('companyUse', 38, 62),
    blank(63, 108),
    num('movementCode', 109, 110, { required: true, ref: 'código de ocorrência/comando' }),
    alpha('documentNumber', 111, 120, { ref: 'seu número / nº do documento' }),
    date6('dueDate', 121, 126, { required: true }),
    cents('amountCents', 127, 139, { required: true }),
    num('bankCode', 140, 142),
    num('_collectingAgency', 143, 147, { default: 0 }),
    num('speciesCode', 148, 149, { required: true }),
    alpha('acceptance', 150, 150),
    date6('issueDate', 151, 156, { required: true }),
    alpha('instruction1', 157, 158, { default: '00' }),
    alpha('instruction2', 159, 160, { default: '00' }),
    cents('dailyInterestCents', 161, 173),
    date6('discountDate', 174, 179),
    cents('discountCents', 180, 192),
    cents('iofCents', 193, 205),
    cents('rebateCents', 206, 218),
    num('payerDocumentType', 219, 220),
    documentField('payerDocument', 221, 234, { required: true }),
    alpha('payerName', 235, 274, { required: true }),
    alpha('payerAddress', 275, 314),
    alpha('payerNeighborhood', 315, 326),
    num('payerZip', 327, 334),
    alpha('payerCity', 335, 349),
    alpha('payerState', 350, 351),
    blank(352, 394),
  ]);
  return patchRecord(base, patch);
}

/**
 * Retorno detail (tipo 1 unless `recordType` says otherwise), event start. Base columns (Bradesco/Itaú/Santander
 * order): 38-62 uso da empresa, 109-110 ocorrência, 111-116 data, 117-126 seu número, 147-152 vencimento,
 * 153-165 valor, 166-173 banco/agência cobradora, 174-175 espécie, 176-188 tarifa, 189-201 outras despesas,
 * 215-227 IOF, 228-240 abatimento, 241-253 desconto, 254-266 valor pago, 267-279 juros/mora, 280-292 outros
 * créditos, 296-301 data de crédito.
 */
export function retornoDetail400(patch: FieldSpec[], recordType = '1'): RecordSpec {
  const base = record400(
    'detail',
    recordType,
    [
      num('companyDocumentType', 2, 3),
      num('companyDocument', 4, 17),
      blank(18, 37),
      alpha('companyUse', 38, 62),
      blank(63, 108),
      alpha('occurrenceCode', 109, 110, { required: true }),
      date6('occurredOn', 111, 116),
      alpha('documentNumber', 117, 126),
      blank(127, 146),
      date6('dueDate', 147, 152),
      cents('titleCents', 153, 165),
      alpha('collectingBank', 166, 168),
      alpha('collectingAgency', 169, 173),
      alpha('species', 174, 175),
      cents('feeCents', 176, 188),
      cents('otherCostsCents', 189, 201),
      blank(202, 214),
      cents('iofCents', 215, 227),
      cents('rebateCents', 228, 240),
      cents('discountCents', 241, 253),
      cents('paidCents', 254, 266),
      cents('interestCents', 267, 279),
      cents('otherCreditsCents', 280, 292),
      blank(293, 295),
      date6('creditedOn', 296, 301),
      blank(302, 394),
    ],
    { role: 'detail', event: 'start' },
  );
  return patchRecord(base, patch);
}

/** An extra record the reader accepts and validates but that is not an event of its own (e.g. PIX data). */
export function ignoredRecord(name: string, recordType: string, fields: FieldSpec[]): RecordSpec {
  return record400(name, recordType, fields, { role: 'detail', event: 'ignore' });
}

/**
 * `<prefix><DD><MM><NN>.REM`: the 8.3 name Bradesco's manual prescribes (prefix CB, NN = file of the day); banks
 * that prescribe none use the same pattern with their own prefix so operators recognise files at a glance.
 */
export function dailyFileName(prefix: string): RemessaPlan['fileName'] {
  return ({ fileOfDay, generatedOn }) => {
    const [, month = '', day = ''] = generatedOn.split('-');
    return `${prefix}${day}${month}${String(fileOfDay).padStart(2, '0')}.REM`;
  };
}

/** Basis points (1% = 100) at the precision a layout writes a percentage with (`decimals` implied digits). */
export function percentDigits(basisPoints: number, decimals: number): number {
  return decimals >= 2 ? basisPoints * 10 ** (decimals - 2) : Math.round(basisPoints / 10 ** (2 - decimals));
}

/**
 * The fine as a percentage in basis points, for layouts that only take a percentage (Bradesco, Santander):
 * an amount is converted against the title amount, rounded to 0.01%.
 */
export function finePercentBasisPoints(values: Record<string, unknown>): number {
  if (values.fineCode === '2') return Number(values.fineValue) || 0;
  if (values.fineCode === '1') {
    const amount = Number(values.amountCents) || 0;
    return amount > 0 ? Math.round(((Number(values.fineCents) || 0) * 10000) / amount) : 0;
  }
  return 0;
}

/** Maps our species to a bank's code; a species the bank lacks stays undefined and the required field says so. */
export function speciesFrom(table: Partial<Record<string, string>>) {
  return (species: unknown): string | undefined => table[String(species)];
}

/**
 * Columns 166-332 of the Banco do Brasil CBR643 retorno detail, which Sicoob's 400 retorno copies: data de crédito
 * at 176-181 and a 7-digit tarifa at 182-188 (not 296-301 / 176-188 as in the other banks), then the amounts up to
 * the valor do lançamento (306-318) and the ajuste (321-332).
 */
export function cbr643Amounts(): FieldSpec[] {
  return [
    alpha('collectingBank', 166, 168),
    alpha('collectingAgency', 169, 173),
    alpha('species', 174, 175),
    date6('creditedOn', 176, 181),
    cents('feeCents', 182, 188),
    cents('otherCostsCents', 189, 201),
    cents('discountInterestCents', 202, 214),
    cents('iofCents', 215, 227),
    cents('rebateCents', 228, 240),
    cents('discountCents', 241, 253),
    cents('paidCents', 254, 266),
    cents('interestCents', 267, 279),
    cents('otherCreditsCents', 280, 292),
    cents('unusedRebateCents', 293, 305),
    cents('netCents', 306, 318, { ref: 'valor do lançamento' }),
    alpha('debitCredit', 319, 319),
    alpha('valueIndicator', 320, 320),
    cents('adjustmentCents', 321, 332),
  ];
}

/**
 * 109-110 of the remessa: the movement codes Itaú, Bradesco, Santander, Banrisul, Sicoob and Banco do Brasil share
 * (01 entrada, 02 baixa, 04/05 abatimento, 06 vencimento, 09 protesto); `extra` adds the bank's own (sustar protesto,
 * alterar outros dados, desconto…). CAIXA's SIGCB numbers differ and are stated whole in its file.
 */
export function movementCodes400(extra: RemessaPlan['movementCodes'] = {}): RemessaPlan['movementCodes'] {
  return {
    register: '01',
    writeOff: '02',
    grantRebate: '04',
    cancelRebate: '05',
    changeDueDate: '06',
    protest: '09',
    ...extra,
  };
}

/** Whether the título asks for protest (a positive `protestDays`). */
export const protests = (v: Values): boolean => Number(v.protestDays) > 0;

/**
 * The pair of instruction + prazo of banks that either protest or return (devolver/baixar) a título after N days
 * in one field (Banrisul 370-371, CAIXA 392-393): protest wins, then return, else `00` and 0 days.
 */
export function protestOrReturn(
  v: Values,
  codes: { protest: string; return: string },
): { instruction1: string; protestDays: Value } {
  const writeOff = Number(v.writeOffDays) > 0;
  if (protests(v) && writeOff)
    refuse('writeOffDays', 'o banco leva protesto ou devolução numa só instrução; informe só um dos dois');
  if (protests(v)) return { instruction1: codes.protest, protestDays: v.protestDays };
  return writeOff
    ? { instruction1: codes.return, protestDays: Number(v.writeOffDays) }
    : { instruction1: '00', protestDays: 0 };
}

/**
 * 352-391 of Banco do Brasil CBR641 and Sicoob: the sacador/avalista with `A` in the indicativo (BB 88, Sicoob 82),
 * or, with the indicativo blank, one message printed as "texto de responsabilidade da empresa". A título asking
 * for both, or for more than one message, is refused.
 */
export function drawerOrMessage(v: Values): { drawerFlag: string; drawerName: Value } {
  const drawer = typeof v.drawerName === 'string' && v.drawerName !== '' ? v.drawerName : undefined;
  const messages = [v.message1, v.message2, v.message3, v.message4].filter(
    (m): m is string => typeof m === 'string' && m.trim() !== '',
  );
  if (messages.length > 1 || (drawer && messages.length > 0))
    refuse(
      'messages',
      'as posições 352-391 levam o sacador/avalista ou uma única mensagem (indicativo em branco), não ambos',
    );
  return drawer ? { drawerFlag: 'A', drawerName: drawer } : { drawerFlag: '', drawerName: messages[0] };
}

/**
 * A return (baixa/devolução) after N days that a bank can only ask for through fixed instruction codes (e.g. 15 and
 * 30 days): the code for the título's `writeOffDays`, none when absent, refused for any other number of days.
 */
export function writeOffInstruction(v: Values, codes: Record<number, string>): string | undefined {
  if (!(Number(v.writeOffDays) > 0)) return undefined;
  const code = codes[Number(v.writeOffDays)];
  if (!code)
    refuse(
      'writeOffDays',
      `o banco só aceita baixa/devolução após ${Object.keys(codes).join(' ou ')} dias do vencimento`,
    );
  return code;
}

export interface RemessaLayout400Options {
  bank: string;
  bankName: string;
  source: string;
  records: RecordSpec[];
  /** Records per título (default: the detail only). */
  perTitulo?: RemessaStep[];
  movementCodes: RemessaPlan['movementCodes'];
  /** The bank's own values; the common 400 rule is added after them (no discount amount under discount code 0). */
  values: (values: Values) => Values;
  fileName: RemessaPlan['fileName'];
  /** What the bank's 400 has no column for (see RemessaPlan.refuses; `noColumn400` words the usual ones). */
  refuses?: RemessaPlan['refuses'];
}

/** The reasons most 400 layouts share for what they cannot carry. */
export const noColumn400 = {
  interestFrom: 'o CNAB 400 do banco não tem data de início dos juros (contam do dia seguinte ao vencimento)',
  fineFrom: 'o CNAB 400 do banco não tem data de início da multa (conta do dia seguinte ao vencimento)',
  pix: 'o CNAB 400 do banco não tem registro PIX; use o CNAB 240 (segmento Y-03)',
  messages: 'o CNAB 400 do banco não tem campo de mensagem por título',
  drawer: 'o CNAB 400 do banco não tem campo de sacador/avalista',
  writeOff: 'o CNAB 400 do banco não tem prazo de baixa/devolução (vale o cadastrado no convênio)',
} as const;

/**
 * A 400 remessa layout (`<bank>-400-remessa`): header, the bank's `perTitulo` records, trailer. Every bank here
 * writes a zero discount amount when the título has no discount (discount code 0).
 */
export function remessaLayout400(options: RemessaLayout400Options): CnabLayout {
  const { bank, bankName, source, records, perTitulo, movementCodes, values, fileName, refuses } = options;
  return {
    id: `${bank}-400-remessa`,
    bank,
    bankName,
    width: 400,
    direction: 'remessa',
    source,
    records,
    remessa: {
      head: ['fileHeader'],
      perTitulo: perTitulo ?? [{ record: 'detail' }],
      tail: ['fileTrailer'],
      movementCodes,
      refuses,
      values: (v) => ({ ...values(v), discountCents: v.discountCode === 0 ? 0 : v.discountCents }),
      fileName,
    },
  };
}

export interface RetornoLayout400Options {
  bank: string;
  bankName: string;
  source: string;
  records: RecordSpec[];
  occurrences: OccurrenceTable;
  reasons: ReasonTable;
}

/** A 400 retorno layout (`<bank>-400-retorno`). */
export function retornoLayout400(options: RetornoLayout400Options): CnabLayout {
  const { bank, bankName, source, records, occurrences, reasons } = options;
  return {
    id: `${bank}-400-retorno`,
    bank,
    bankName,
    width: 400,
    direction: 'retorno',
    source,
    records,
    occurrences,
    reasons,
  };
}

/**
 * 18-31 of the CBR641 remessa and CBR643 retorno detail, which Sicoob's 400 copies: agência (4) + DV, conta (8) + DV.
 */
export function cbrAgencyAccount(): FieldSpec[] {
  return [
    num('agency', 18, 21),
    alpha('agencyDigit', 22, 22),
    num('account', 23, 30),
    alpha('accountDigit', 31, 31),
  ];
}

/**
 * CBR643 comandos of the retorno that Sicoob's 400 (derived from it) keeps with the same code and wording:
 * 02 entrada, 06 liquidação, 09 baixa, 11 em ser, 15 cartório (05 is worded apart: BB "Liquidado", Sicoob
 * "Liquidação" sem registro). Each table places the rows in code order.
 */
export const cbr643Occurrences = {
  registered: ['02', 'Confirmação de entrada de título'],
  paid: ['06', 'Liquidação normal'],
  writtenOff: ['09', 'Baixa de título'],
  pending: ['11', 'Títulos em ser'],
  paidAtNotary: ['15', 'Liquidação em cartório'],
} as const satisfies Record<string, OccurrenceRow>;

/** FEBRABAN 400 abatimento notices with the same code and wording at Itaú, Bradesco, Santander and Banco do Brasil. */
export const rebateOccurrences400: readonly OccurrenceRow[] = [
  ['12', 'Abatimento concedido'],
  ['13', 'Abatimento cancelado'],
];

/** Rateio de crédito notices with the same code and wording at Bradesco and Banrisul. */
export const rateioOccurrences400: readonly OccurrenceRow[] = [
  ['68', 'Acerto dos dados do rateio de crédito'],
  ['69', 'Cancelamento dos dados do rateio'],
];
