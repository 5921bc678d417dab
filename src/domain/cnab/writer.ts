/**
 * The one writer: any layout, 240 or 400. Turns a remessa input into canonical values, lets the bank's
 * `remessa.values` hook add what is specific to it, and encodes each record of the layout's remessa plan.
 * Output is ASCII (accents removed) with CRLF line ends; every line has exactly the layout's width.
 */
import { addDays } from '../dates.js';
import { CnabFieldError, encodeField } from './codec.js';
import { featureField, featuresOf } from './features.js';
import type { CnabLayout, RecordSpec, Values } from './layout.js';
import { findLayout, layouts as allLayouts } from './registry.js';
import {
  febrabanSpecies,
  pixKeyTypeCode,
  remessaInputSchema,
  type RemessaData,
  type RemessaInput,
  type TituloData,
} from './remessa-input.js';

export class CnabWriteError extends Error {
  override name = 'CnabWriteError';
}

/** Encodes one record; throws CnabFieldError naming the field. */
export function encodeRecord(record: RecordSpec, values: Values, width: number): string {
  let line = '';
  for (const field of record.fields)
    line += encodeField(field, field.name === '_' ? undefined : values[field.name]);
  if (line.length !== width)
    throw new CnabWriteError(`registro ${record.name} saiu com ${line.length} posições em vez de ${width}`);
  return line;
}

export function portadorValues(data: RemessaData, layout: CnabLayout): Values {
  const p = data.portador;
  return {
    bankCode: layout.bank,
    bankName: p.bankName ?? layout.bankName,
    companyDocumentType: p.companyDocument.length === 11 ? 1 : 2,
    companyDocument: p.companyDocument,
    companyName: p.companyName,
    agency: p.agency,
    agencyDigit: p.agencyDigit,
    account: p.account,
    accountDigit: p.accountDigit,
    agencyAccountDigit: p.agencyAccountDigit,
    convenio: p.convenio,
    carteira: p.carteira,
    variation: p.variation,
    fileNumber: data.fileNumber,
    generatedOn: data.generatedOn,
    generatedAt: data.generatedAt,
    fileDirection: 1,
    operation: 'R',
    serviceType: 1,
    batchNumber: 1,
  };
}

export function tituloValues(t: TituloData, movementCode: string): Values {
  const interestFrom = t.interest.type === 'exempt' ? undefined : (t.interest.from ?? addDays(t.dueDate, 1));
  const dailyInterestCents =
    t.interest.type === 'daily_amount'
      ? t.interest.cents
      : t.interest.type === 'monthly_percent'
        ? Math.round((t.amountCents * t.interest.basisPoints) / 10000 / 30)
        : 0;
  return {
    movement: t.movement,
    movementCode,
    nossoNumero: t.nossoNumero,
    documentNumber: t.documentNumber ?? t.seuNumero.slice(0, 15),
    companyUse: t.seuNumero,
    seuNumero: t.seuNumero,
    dueDate: t.dueDate,
    amountCents: t.amountCents,
    species: t.species,
    speciesCode: febrabanSpecies[t.species],
    acceptance: t.accepted ? 'A' : 'N',
    issueDate: t.issueDate,
    interestCode: t.interest.type === 'daily_amount' ? 1 : t.interest.type === 'monthly_percent' ? 2 : 3,
    interestDate: interestFrom,
    interestValue:
      t.interest.type === 'daily_amount'
        ? t.interest.cents
        : t.interest.type === 'monthly_percent'
          ? t.interest.basisPoints
          : 0,
    dailyInterestCents,
    discountCode: t.discount ? (t.discount.type === 'amount' ? 1 : 2) : 0,
    discountDate: t.discount?.until,
    discountValue: t.discount
      ? t.discount.type === 'amount'
        ? t.discount.cents
        : t.discount.basisPoints
      : 0,
    discountCents: t.discount
      ? t.discount.type === 'amount'
        ? t.discount.cents
        : Math.round((t.amountCents * t.discount.basisPoints) / 10000)
      : 0,
    iofCents: t.iofCents,
    rebateCents: t.rebateCents,
    protestCode: t.protestDays ? 1 : 3,
    protestDays: t.protestDays ?? 0,
    writeOffCode: t.writeOffDays ? 1 : 0,
    writeOffDays: t.writeOffDays ? String(t.writeOffDays).padStart(3, '0') : '',
    currencyCode: 9,
    payerDocumentType: t.payer.document.length === 11 ? 1 : 2,
    payerDocument: t.payer.document,
    payerName: t.payer.name,
    payerAddress: t.payer.address,
    payerNeighborhood: t.payer.neighborhood,
    payerZip: t.payer.zip,
    payerCity: t.payer.city,
    payerState: t.payer.state,
    drawerDocumentType: t.drawer ? (t.drawer.document.length === 11 ? 1 : 2) : 0,
    drawerDocument: t.drawer?.document,
    drawerName: t.drawer?.name,
    fineCode: t.fine ? (t.fine.type === 'amount' ? '1' : '2') : '0',
    fineDate: t.fine ? (t.fine.from ?? addDays(t.dueDate, 1)) : undefined,
    fineValue: t.fine ? (t.fine.type === 'amount' ? t.fine.cents : t.fine.basisPoints) : 0,
    fineCents: t.fine
      ? t.fine.type === 'amount'
        ? t.fine.cents
        : Math.round((t.amountCents * t.fine.basisPoints) / 10000)
      : 0,
    pixKeyType: t.pix ? pixKeyTypeCode[t.pix.keyType] : undefined,
    pixKey: t.pix?.key,
    pixTxid: t.pix?.txid,
    message1: t.messages[0],
    message2: t.messages[1],
    message3: t.messages[2],
    message4: t.messages[3],
  };
}

export interface WrittenRemessa {
  layout: CnabLayout;
  fileName: string;
  lines: string[];
  /** The file: lines joined and ended with CRLF. */
  content: string;
}

/** Validates the input (zod) and writes the remessa; errors are pt-BR and name the título and field. */
export function writeRemessa(
  input: RemessaInput | RemessaData,
  from: CnabLayout[] = allLayouts,
): WrittenRemessa {
  const parsed = remessaInputSchema.safeParse(input);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.') || '(raiz)'}: ${i.message}`);
    throw new CnabWriteError(`remessa inválida:\n${issues.join('\n')}`);
  }
  const data = parsed.data;
  const layout = findLayout(data.bank, data.layout, 'remessa', from);
  if (!layout?.remessa)
    throw new CnabWriteError(`banco ${data.bank} não tem layout de remessa CNAB ${data.layout}`);
  const plan = layout.remessa;
  const record = (name: string): RecordSpec => {
    const r = layout.records.find((x) => x.name === name);
    if (!r) throw new CnabWriteError(`layout ${layout.id} sem registro ${name}`);
    return r;
  };
  const withHook = (v: Values): Values => (plan.values ? { ...v, ...plan.values(v) } : v);
  const head = portadorValues(data, layout);

  const body: string[] = [];
  let totalCents = 0;
  data.titulos.forEach((t, index) => {
    const movementCode = plan.movementCodes[t.movement];
    const where = `títulos[${index}] (seu número ${t.seuNumero})`;
    if (!movementCode)
      throw new CnabWriteError(
        `${where}: o banco ${layout.bank} (CNAB ${layout.width}) não aceita o movimento ${t.movement}`,
      );
    for (const feature of featuresOf(t)) {
      const reason = plan.refuses?.[feature];
      if (reason)
        throw new CnabWriteError(
          `${where}: o banco ${layout.bank} (CNAB ${layout.width}) não tem campo para ${featureField[feature]}: ${reason}`,
        );
    }
    totalCents += t.amountCents;
    let values: Values;
    try {
      values = withHook({ ...head, ...tituloValues(t, movementCode) });
    } catch (error) {
      if (error instanceof CnabFieldError) throw new CnabWriteError(`${where}: ${error.message}`);
      throw error;
    }
    for (const step of plan.perTitulo) {
      if (step.when && !step.when(values)) continue;
      const seq = body.length + 1;
      try {
        body.push(
          encodeRecord(
            record(step.record),
            { ...values, recordSeq: seq, lineSeq: plan.head.length + seq },
            layout.width,
          ),
        );
      } catch (error) {
        if (error instanceof CnabFieldError)
          throw new CnabWriteError(`${where}, registro ${step.record}: ${error.message}`);
        throw error;
      }
    }
  });

  const total = plan.head.length + body.length + plan.tail.length;
  const batchRecords = (names: string[]) => names.filter((n) => /batch/i.test(record(n).role)).length;
  const counts: Values = {
    titleCount: data.titulos.length,
    totalCents,
    // FEBRABAN C070/C071 (240 batch trailer): every título of the one batch is cobrança simples.
    simpleCount: data.titulos.length,
    simpleTotal: totalCents,
    fileRecordCount: total,
    batchCount: layout.width === 240 ? 1 : 0,
    batchRecordCount: body.length + batchRecords(plan.head) + batchRecords(plan.tail),
  };
  const encodeFixed = (names: string[], firstSeq: number): string[] =>
    names.map((name, i) => {
      try {
        return encodeRecord(
          record(name),
          withHook({ ...head, ...counts, lineSeq: firstSeq + i }),
          layout.width,
        );
      } catch (error) {
        if (error instanceof CnabFieldError) throw new CnabWriteError(`registro ${name}: ${error.message}`);
        throw error;
      }
    });
  const lines = [
    ...encodeFixed(plan.head, 1),
    ...body,
    ...encodeFixed(plan.tail, plan.head.length + body.length + 1),
  ];
  return {
    layout,
    fileName: plan.fileName({
      fileNumber: data.fileNumber,
      fileOfDay: data.fileOfDay,
      generatedOn: data.generatedOn,
      convenio: data.portador.convenio,
    }),
    lines,
    content: lines.map((l) => `${l}\r\n`).join(''),
  };
}
