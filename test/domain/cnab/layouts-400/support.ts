/** Helpers for the CNAB 400 bank tests: a base remessa input and a builder for lines placed by manual position. */
import { readRecords } from '../../../../src/domain/cnab/reader.js';
import type { Values } from '../../../../src/domain/cnab/layout.js';
import type { RemessaInput } from '../../../../src/domain/cnab/remessa-input.js';
import type { WrittenRemessa } from '../../../../src/domain/cnab/writer.js';

type Titulo = RemessaInput['titulos'][number];

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

export function remessa(
  bank: string,
  portador: Partial<RemessaInput['portador']>,
  titulos: Titulo[],
): RemessaInput {
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

/** Values of every record of a written remessa, by record name (in file order). */
export function recordsOf(written: WrittenRemessa): { record: string; values: Values }[] {
  return readRecords(written.layout, written.content).map((r) => {
    if ('type' in r) throw new Error(`linha ${r.line}: ${r.error}`);
    return { record: r.record, values: r.values };
  });
}

/** Text at 1-based inclusive positions, as the manuals print them. */
export const at = (line: string | undefined, start: number, end: number): string =>
  (line ?? '').slice(start - 1, end);

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
