/**
 * A bank by CNAB file, emulated: it reads a remessa we wrote (with the bank's remessa layout) and answers the
 * retorno the bank would send for it (with the bank's retorno layout), one occurrence per título. The occurrence
 * code comes from the bank's default return commands, so "settle" is whatever code that bank uses for liquidação.
 * Never imported by the product: tests, benchmarks and the demo use it.
 */
import { defaultReturnCommands } from '../../../domain/banks/registry.js';
import { findLayout } from '../../../domain/cnab/registry.js';
import { readRecords } from '../../../domain/cnab/reader.js';
import { encodeRecord } from '../../../domain/cnab/writer.js';
import type { CnabLayout, CnabWidth, RecordSpec, Values } from '../../../domain/cnab/layout.js';
import type { ReturnCommandAction } from '../../../domain/settlement/return-commands.js';

/** What the bank reports for one título of the remessa. */
export interface EmulatedOccurrence {
  action: ReturnCommandAction;
  /** Paid amount (settle); default the título's amount. */
  paidCents?: number;
  interestCents?: number;
  discountCents?: number;
  feeCents?: number;
}

export interface RemessaTituloRead {
  nossoNumero: string;
  seuNumero: string;
  amountCents: number;
  dueDate: string;
}

function layoutOf(bank: string, width: CnabWidth, direction: 'remessa' | 'retorno'): CnabLayout {
  const layout = findLayout(bank, width, direction);
  if (!layout) throw new Error(`banco ${bank} sem layout CNAB ${width} de ${direction}`);
  return layout;
}

const text = (v: unknown): string => (typeof v === 'string' ? v.trim() : v === undefined ? '' : String(v));

export interface RemessaRead {
  /** The file header's values: the portador as the bank knows it (agency, account, convênio…). */
  header: Values;
  titulos: RemessaTituloRead[];
}

/** A remessa read back with the bank's remessa layout: its header, and each título's first record. */
export function readRemessa(bank: string, width: CnabWidth, content: string): RemessaRead {
  const layout = layoutOf(bank, width, 'remessa');
  // A título opens with the first record of the remessa plan (P in 240, the detail in 400).
  const first = layout.remessa!.perTitulo[0]!.record;
  const read: RemessaRead = { header: {}, titulos: [] };
  for (const r of readRecords(layout, content)) {
    if ('type' in r) throw new Error(`remessa ilegível, linha ${r.line}: ${r.error}`);
    const v = r.values;
    // Numbers as numbers: a field may be wider in the remessa than in the retorno (Santander 240 inscrição).
    if (r.record === 'fileHeader')
      read.header = Object.fromEntries(
        Object.entries(v).map(([k, x]) => [k, typeof x === 'string' && /^\d+$/.test(x) ? Number(x) : x]),
      );
    if (r.record !== first) continue;
    read.titulos.push({
      nossoNumero: text(v.nossoNumero),
      seuNumero: text(v.companyUse) || text(v.seuNumero) || text(v.documentNumber),
      amountCents: Number(v.amountCents ?? 0),
      dueDate: text(v.dueDate),
    });
  }
  return read;
}

function occurrenceCode(bank: string, width: CnabWidth, action: ReturnCommandAction): string {
  const row = defaultReturnCommands(bank, width).find((c) => c.action === action);
  if (!row) throw new Error(`banco ${bank} (CNAB ${width}) sem ocorrência padrão para ${action}`);
  return row.code;
}

/**
 * The retorno for these títulos (each with what happened to it), dated `occurredOn` and credited `creditedOn`.
 * Lines end in CRLF like the banks' files.
 */
export function bankRetorno(args: {
  bank: string;
  layout: CnabWidth;
  /** The remessa's header values (readRemessa): the portador the retorno is for. */
  portador: Values;
  fileNumber: number;
  occurredOn: string;
  creditedOn: string;
  titulos: readonly (RemessaTituloRead & EmulatedOccurrence)[];
}): string {
  const { bank, layout: width } = args;
  const layout = layoutOf(bank, width, 'retorno');
  const byRole = (role: RecordSpec['role'], event?: RecordSpec['event']) =>
    layout.records.filter((r) => r.role === role && (event === undefined || r.event === event));
  const head: Values = {
    ...args.portador,
    bankCode: bank,
    fileDirection: '2',
    directionText: 'RETORNO',
    serviceType: '01',
    serviceText: 'COBRANCA',
    fileNumber: args.fileNumber,
    generatedOn: args.occurredOn,
    batchNumber: 1,
    operation: 'T',
  };
  const lines: string[] = [];
  const push = (record: RecordSpec, values: Values) =>
    lines.push(encodeRecord(record, { ...values, lineSeq: lines.length + 1 }, width));
  for (const record of [...byRole('fileHeader'), ...byRole('batchHeader')]) push(record, head);
  const details = [...byRole('detail', 'start'), ...byRole('detail', 'continue')];
  let recordSeq = 0;
  let totalCents = 0;
  for (const titulo of args.titulos) {
    const code = occurrenceCode(bank, width, titulo.action);
    const paid = titulo.action === 'settle' ? (titulo.paidCents ?? titulo.amountCents) : 0;
    totalCents += titulo.amountCents;
    const values: Values = {
      ...head,
      occurrenceCode: code,
      occurrenceCodeU: code,
      nossoNumero: titulo.nossoNumero,
      companyUse: titulo.seuNumero,
      documentNumber: titulo.seuNumero.slice(0, 10),
      dueDate: titulo.dueDate,
      titleCents: titulo.amountCents,
      paidCents: paid,
      interestCents: titulo.interestCents ?? 0,
      discountCents: titulo.discountCents ?? 0,
      feeCents: titulo.feeCents ?? 0,
      netCents: paid - (titulo.feeCents ?? 0),
      occurredOn: args.occurredOn,
      creditedOn: paid > 0 ? args.creditedOn : undefined,
    };
    for (const record of details) push(record, { ...values, recordSeq: ++recordSeq });
  }
  const counts: Values = {
    ...head,
    titleCount: args.titulos.length,
    simpleCount: args.titulos.length,
    totalValue: totalCents,
    simpleTotal: totalCents,
    batchCount: 1,
    batchRecordCount: recordSeq + 2,
    fileRecordCount: lines.length + 2,
  };
  for (const record of [...byRole('batchTrailer'), ...byRole('fileTrailer')]) push(record, counts);
  return lines.map((l) => `${l}\r\n`).join('');
}
