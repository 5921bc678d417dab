/**
 * Every bank × layout: a varied remessa (CPF, numeric and alphanumeric CNPJ payers; accents; daily and monthly
 * interest; fine as amount and percent; discount; abatimento; IOF; protest; several espécies) is written, then read
 * back line by line through the layout definitions by the reader (decode.ts, not the writer's encoder). Each
 * field the layout names is checked against what the input asked for, derived here from the input alone: text as
 * ASCII upper case cut at the field's width, numbers and dates as given, documents zero-filled.
 */
import { describe, expect, it } from 'vitest';
import type { FieldSpec, RecordSpec, Value } from '../../../src/domain/cnab/layout.js';
import { readRecords } from '../../../src/domain/cnab/reader.js';
import type { RemessaInput } from '../../../src/domain/cnab/remessa-input.js';
import { writeRemessa } from '../../../src/domain/cnab/writer.js';
import { bankLayoutCases, inputFor, plainTitulo, type BankLayoutCase } from './bank-cases.js';

type Titulo = RemessaInput['titulos'][number];

/** The varied títulos: the options every layout carries (features refused somewhere are probed in no-silent-drop). */
function titulos(c: BankLayoutCase): Titulo[] {
  return [
    plainTitulo(c, {
      seuNumero: 'NF2026-0001/Ç',
      documentNumber: 'NF2026-0001',
      amountCents: 300000,
      // 100 centavos/day on R$ 3.000,00 is exactly 1% a month (banks that take only a rate convert it).
      interest: { type: 'daily_amount', cents: 100 },
      fine: { type: 'percent', basisPoints: 200 },
      discount: { type: 'amount', cents: 1500, until: '2026-12-11' },
      protestDays: 10,
    }),
    plainTitulo(c, {
      seuNumero: 'NF2026-0002',
      issueDate: '2026-11-21',
      dueDate: '2027-01-05',
      amountCents: 98765,
      species: 'NP',
      accepted: true,
      interest: { type: 'monthly_percent', basisPoints: 150 },
      fine: { type: 'amount', cents: 1975 },
      rebateCents: 500,
      iofCents: 37,
      payer: {
        name: 'Indústria Alfanumérica S.A. — Filial Paraná',
        document: '12.ABC.345/01DE-35',
        address: 'Rua XV de Novembro, 700, sala 1203',
        neighborhood: 'Centro Cívico',
        zip: '80020-310',
        city: 'Curitiba',
        state: 'PR',
      },
    }),
    plainTitulo(c, {
      seuNumero: 'NF2026-0003',
      amountCents: 1,
      species: 'DS',
      payer: {
        name: 'Comércio Numérico Ltda',
        document: '11.222.333/0001-81',
        address: '',
        neighborhood: '',
        zip: '69005-010',
        city: 'Manaus',
        state: 'AM',
      },
    }),
  ];
}

/** Text as a CNAB field holds it: accents removed, upper case, cut at the field's width, trailing blanks trimmed. */
const text = (s: string, field: FieldSpec): string =>
  s
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[^\x20-\x7e]/g, ' ')
    .toUpperCase()
    .slice(0, field.end - field.start + 1)
    .trim();
const unpadded = (v: Value | null): string => String(v ?? '').replace(/^0+/, '');
const document = (s: string): string => s.replace(/[.\-/\s]/g, '').replace(/^0+/, '');

/** What each canonical field should read back as, for one título; undefined = not derived from the input here. */
function expectations(t: Titulo): Record<string, (field: FieldSpec) => unknown> {
  return {
    dueDate: () => t.dueDate,
    issueDate: () => t.issueDate,
    amountCents: () => t.amountCents,
    payerDocument: () => document(t.payer.document),
    payerDocumentType: () => (document(t.payer.document).length === 11 ? '1' : '2'),
    payerName: (f) => text(t.payer.name, f),
    payerAddress: (f) => text(t.payer.address ?? '', f),
    payerNeighborhood: (f) => text(t.payer.neighborhood ?? '', f),
    payerCity: (f) => text(t.payer.city ?? '', f),
    payerState: (f) => text(t.payer.state ?? '', f),
    payerZip: () => (t.payer.zip ?? '').replace(/\D/g, ''),
    nossoNumero: () => t.nossoNumero.replace(/^0+/, ''),
    documentNumber: (f) => text(t.documentNumber ?? t.seuNumero, f),
    companyUse: (f) => text(t.seuNumero, f),
    rebateCents: () => t.rebateCents ?? 0,
    iofCents: () => t.iofCents ?? 0,
    discountDate: () => t.discount?.until ?? null,
    protestDays: () => String(t.protestDays ?? 0),
  };
}

/** How a read value is compared with its expectation (documents, counts and codes come back zero-filled). */
function comparable(name: string, value: Value | null): unknown {
  if (name === 'payerDocument' || name === 'nossoNumero') return unpadded(value);
  if (name === 'protestDays' || name === 'payerDocumentType') return String(Number(value ?? 0));
  if (name === 'payerZip') return String(value ?? '');
  return value;
}

describe.each(bankLayoutCases)('read-back $bank CNAB $layout', (c) => {
  const input = inputFor(c, titulos(c));
  const written = writeRemessa(input);
  const records = readRecords(written.layout, written.content);
  const specOf = (name: string): RecordSpec => written.layout.records.find((r) => r.name === name)!;

  it('reads every line through the layout without an error, each line as wide as the layout', () => {
    for (const r of records) expect('values' in r ? '' : JSON.stringify(r)).toBe('');
    expect(written.lines.every((l) => l.length === written.layout.width)).toBe(true);
    expect(written.content.split('\r\n').slice(0, -1)).toEqual(written.lines);
  });

  it('reads back every field the input gave, título by título', () => {
    let titulo = -1;
    let checked = 0;
    for (const r of records) {
      if (!('values' in r)) continue;
      const spec = specOf(r.record);
      if (spec.role !== 'detail') continue;
      if (r.record === written.layout.remessa!.perTitulo[0]!.record) titulo++;
      const t = input.titulos[titulo]!;
      const expected = expectations(t);
      for (const field of spec.fields) {
        const derive = expected[field.name];
        if (!derive || field.constant !== undefined) continue;
        checked++;
        expect(
          {
            record: r.record,
            field: field.name,
            value: comparable(field.name, r.values[field.name] ?? null),
          },
          `título ${titulo + 1}, registro ${r.record}, ${field.name} (${field.start}-${field.end})`,
        ).toEqual({ record: r.record, field: field.name, value: derive(field) });
      }
    }
    expect(titulo).toBe(input.titulos.length - 1);
    // Each título has at least amount, due date, payer name, document and nosso número somewhere.
    expect(checked).toBeGreaterThanOrEqual(input.titulos.length * 5);
  });

  it('reads back the header and trailers: company, file number, date and counts', () => {
    const values = records.flatMap((r) =>
      'values' in r ? [{ role: specOf(r.record).role, v: r.values }] : [],
    );
    const header = values.find((x) => x.role === 'fileHeader')!.v;
    expect(header.bankCode).toBe(c.bank);
    expect(header.generatedOn).toBe('2026-11-23');
    expect(header.companyName).toBe(
      text(c.portador.companyName, { name: '_', start: 1, end: 30, type: 'alpha' }),
    );
    if (header.fileNumber !== undefined) expect(Number(header.fileNumber)).toBe(42);
    const fileTrailer = values.find((x) => x.role === 'fileTrailer')!.v;
    if (fileTrailer.fileRecordCount !== undefined)
      expect(Number(fileTrailer.fileRecordCount)).toBe(written.lines.length);
    const batchTrailer = values.find((x) => x.role === 'batchTrailer')?.v;
    if (batchTrailer) expect(Number(batchTrailer.batchRecordCount)).toBe(written.lines.length - 2);
    const total = input.titulos.reduce((sum, t) => sum + t.amountCents, 0);
    if (fileTrailer.totalCents !== undefined) expect(fileTrailer.totalCents).toBe(total);
    if (batchTrailer?.simpleTotal && batchTrailer.simpleTotal !== 0)
      expect(batchTrailer.simpleTotal).toBe(total);
  });
});
