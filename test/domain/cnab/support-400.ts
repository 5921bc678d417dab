/**
 * Harness for the CNAB 400 bank tests: a base remessa input and the portador each bank's tests use, reading back
 * (written remessas, sample files, retorno texts), lines placed by manual position, the retorno título every bank test
 * describes, and the sample-file describe that skips with a message when ../shared/cnab-samples is absent.
 */
import { describe, expect } from 'vitest';
import type { CnabReadEvent } from '../../../src/domain/cnab/events.js';
import type { CnabLayout, Values } from '../../../src/domain/cnab/layout.js';
import { readRecords, readRetornoText } from '../../../src/domain/cnab/reader.js';
import { findLayout } from '../../../src/domain/cnab/registry.js';
import type { RemessaInput } from '../../../src/domain/cnab/remessa-input.js';
import type { WrittenRemessa } from '../../../src/domain/cnab/writer.js';
import { details, errors, samplesPresent, SAMPLES_ABSENT, type ClassifiedDetail } from './helpers.js';

type Titulo = RemessaInput['titulos'][number];
type Portador = Partial<RemessaInput['portador']>;

/** A título with every field a 400 remessa writes; banks override what their manual needs. */
export function titulo(overrides: Partial<Titulo> = {}): Titulo {
  return {
    nossoNumero: '1',
    seuNumero: 'NF1001-1',
    documentNumber: 'NF1001',
    issueDate: '2026-11-20',
    dueDate: '2026-12-20',
    amountCents: 150075,
    species: 'DM',
    interest: { type: 'daily_amount', cents: 50 },
    discount: { type: 'amount', cents: 1000, until: '2026-12-10' },
    payer: {
      name: 'José Conceição Comércio',
      document: '12345678909',
      address: 'Rua das Acácias, 100',
      neighborhood: 'Centro',
      zip: '01452-000',
      city: 'São Paulo',
      state: 'SP',
    },
    ...overrides,
  };
}

export function remessa(bank: string, portador: Portador, titulos: Titulo[]): RemessaInput {
  return {
    bank,
    layout: 400,
    fileNumber: 7,
    generatedOn: '2026-11-23',
    portador: {
      companyName: 'Peças São João Ltda',
      companyDocument: '12345678000195',
      agency: '1234',
      account: '12345',
      accountDigit: '6',
      ...portador,
    },
    titulos,
  };
}

/** The portador a bank's own test and the oracle test both write with (over the defaults of `remessa`). */
export const portadores = {
  /** Banco do Brasil: convênio de 7 posições, carteira 17 variação 019. */
  '001': {
    convenio: '1234567',
    carteira: '17',
    variation: '019',
    agencyDigit: '3',
    account: '12345678',
    accountDigit: 'X',
  },
  /** Santander: código de transmissão; a 9-digit account ("conta padrão novo"). */
  '033': { convenio: '17777751042700080112', account: '013000789', accountDigit: '5' },
  /** Bradesco: the manual's example company (carteira 09, agência 01467, conta 0019669-P). */
  '237': { carteira: '09', agency: '01467', account: '0019669', accountDigit: 'P', convenio: '4540691' },
  /** Sicoob: cooperativa 4327-3, código do cliente 12345678-9, modalidade 01. */
  '756': {
    convenio: '123456789',
    carteira: '01',
    agency: '4327',
    agencyDigit: '3',
    account: '12345678',
    accountDigit: '1',
  },
} satisfies Record<string, Portador>;

/** The bank's 400 layout of `direction`, or an error naming it. */
export function layoutOf(bank: string, direction: 'remessa' | 'retorno'): CnabLayout {
  const layout = findLayout(bank, 400, direction);
  if (!layout) throw new Error(`layout ${bank}-400-${direction} ausente`);
  return layout;
}

/** Values of every record of `text`, by record name (in file order); a line that fails throws, naming `label`. */
export function valuesByRecord(
  layout: CnabLayout,
  text: string,
  label = '',
): { record: string; values: Values }[] {
  return readRecords(layout, text).map((r) => {
    if ('type' in r) throw new Error(`${label}linha ${r.line}: ${r.error}`);
    return { record: r.record, values: r.values };
  });
}

/** Values of every record of a written remessa, by record name (in file order). */
export const recordsOf = (written: WrittenRemessa): { record: string; values: Values }[] =>
  valuesByRecord(written.layout, written.content);

/** The values of one result of `readRecords` (undefined for an error or a missing line). */
export const valuesOf = (record: ReturnType<typeof readRecords>[number] | undefined): Values | undefined =>
  record && 'values' in record ? record.values : undefined;

/** Reads a retorno, expecting no error event; gives all events and the detail events. */
export async function readWithoutErrors(
  text: string,
): Promise<{ events: CnabReadEvent[]; details: ClassifiedDetail[] }> {
  const events = await readRetornoText(text);
  expect(errors(events)).toEqual([]);
  return { events, details: details(events) };
}

/** `describe` for tests over the real files of ../shared/cnab-samples, skipped with a message when absent. */
export function describeSamples(title: string, body: () => void): void {
  describe.skipIf(!samplesPresent)(`${title} (${samplesPresent ? 'presentes' : SAMPLES_ABSENT})`, body);
}

/** Text at 1-based inclusive positions, as the manuals print them. */
export const at = (line: string | undefined, start: number, end: number): string =>
  (line ?? '').slice(start - 1, end);

/** The same columns of every line (e.g. 1-1 record types, 395-400 sequence numbers). */
export const columns = (lines: string[], start: number, end: number): string[] =>
  lines.map((l) => at(l, start, end));

/** A 400-column line of blanks with `parts` placed at 1-based positions: `{ 109: '06', 395: '000002' }`. */
export function line400(parts: Record<number, string>): string {
  let line = ' '.repeat(400);
  for (const [pos, text] of Object.entries(parts)) {
    const start = Number(pos);
    line = line.slice(0, start - 1) + text + line.slice(start - 1 + text.length);
  }
  if (line.length !== 400) throw new Error(`linha montada com ${line.length} posições`);
  return line;
}

/** Joins lines as a bank sends them (CRLF). */
export const file = (...lines: string[]): string => lines.map((l) => `${l}\r\n`).join('');

/**
 * Retorno header (tipo 0) as every bank's table starts it: 1-19 `02RETORNO01COBRANCA`, 47 company name, 95-100
 * generated on 22/12/2026, sequence 1; `parts` adds (or overrides) the bank's columns.
 */
export const retornoHeader = (parts: Record<number, string>): string =>
  line400({ 1: '02RETORNO01COBRANCA', 47: 'PECAS SAO JOAO', 95: '221226', 395: '000001', ...parts });

/**
 * The título the retorno tests describe, at the columns all seven banks share: 2-17 CNPJ of the company, 111-116
 * occurrence on 21/12/2026, 117-126 documento NF1001, 147-152 due on 20/12/2026, 153-165 R$ 1.500,75.
 */
export const retornoTitulo = {
  2: '02',
  4: '12345678000195',
  111: '211226',
  117: 'NF1001',
  147: '201226',
  153: '0000000150075',
};

/** A payment of that título at 228-279: abatimento 1,00, desconto 10,00, pago 1.491,75, juros 2,00 … */
export const paymentColumns = {
  228: '0000000000100',
  241: '0000000001000',
  254: '0000000149175',
  267: '0000000000200',
};
/** … and the amounts it normalizes to (with the título's value). */
export const paymentAmounts = {
  titleCents: 150075,
  rebateCents: 100,
  discountCents: 1000,
  paidCents: 149175,
  interestCents: 200,
};

/** Retorno trailer of the 9201<banco> family: quantidade (18-25), valor R$ 1.500,75 (26-39), sequence. */
export const trailer9201 = (bank: string, titleCount: string, sequence: string): string =>
  line400({ 1: `9201${bank}`, 18: titleCount, 26: '00000000150075', 395: sequence });
