/**
 * Banrisul 041 CNAB 400. Positions: Banrisul "Cobrança – leiaute CNAB 400": header 10-26 brancos, 27-39 código do
 * beneficiário; registro 1 18-30 código do beneficiário, 63-72 nosso número com 2 dígitos, 108 carteira, 148-149
 * tipo de cobrança, 157-160 instruções (09 protestar, 18 multa), 161 tipo de juros, 162-173 juros, 235-269 nome,
 * 322-324 % multa (1 decimal), 370-371 dias; trailer 28-40 total; retorno 383-392 motivos.
 */
import { describe, expect, it } from 'vitest';
import { readRecords } from '../../../../src/domain/cnab/reader.js';
import { writeRemessa } from '../../../../src/domain/cnab/writer.js';
import { sample } from '../../cnab/helpers.js';
import {
  at,
  columns,
  describeSamples,
  file,
  layoutOf,
  line400,
  paymentAmounts,
  paymentColumns,
  readWithoutErrors,
  recordsOf,
  remessa,
  retornoHeader,
  retornoTitulo,
  titulo,
  trailer9201,
  valuesOf,
} from '../../cnab/support-400.js';

const input = remessa('041', { convenio: '1102900015046', carteira: '1' }, [
  titulo({ nossoNumero: '2283256351', fine: { type: 'percent', basisPoints: 200 }, protestDays: 5 }),
  titulo({ nossoNumero: '2283256440', seuNumero: 'NF1002-1', documentNumber: 'NF1002', amountCents: 20000 }),
]);

describe('Banrisul 041 CNAB 400 remessa', () => {
  const written = writeRemessa(input);
  const [header, detail, , trailer] = written.lines;

  it('writes header, two details and a trailer carrying the total', () => {
    expect(columns(written.lines, 1, 1)).toEqual(['0', '1', '1', '9']);
    expect(at(trailer, 28, 40)).toBe('0000000170075');
    expect(written.fileName).toBe('BR231101.REM');
  });

  it('puts every field at the manual position', () => {
    expect(at(header, 1, 26)).toBe('01REMESSA                 ');
    expect(at(header, 27, 46)).toBe('1102900015046       ');
    expect(at(header, 77, 100)).toBe('041BANRISUL       231126');
    expect(at(detail, 1, 37)).toBe(`1${' '.repeat(16)}1102900015046${' '.repeat(7)}`);
    expect(at(detail, 63, 72)).toBe('2283256351');
    expect(at(detail, 108, 110)).toBe('101');
    expect(at(detail, 140, 160)).toBe('041     08N2011260918');
    expect(at(detail, 161, 173)).toBe('0000000000050'); // 0 = valor diário, R$ 0,50
    expect(at(detail, 235, 274).trimEnd()).toBe('JOSE CONCEICAO COMERCIO');
    expect(at(detail, 322, 326)).toBe('02000'); // 2,0% de multa
    expect(at(detail, 370, 371)).toBe('05');
  });

  it('reads back what it wrote', () => {
    const records = recordsOf(written);
    expect(records[1]?.values).toMatchObject({
      convenio: '1102900015046',
      nossoNumero: '2283256351',
      carteira: '1',
      movementCode: '01',
      amountCents: 150075,
      instruction1: '09',
      instruction2: '18',
      finePercent: '020',
    });
    expect(records[3]?.values).toMatchObject({ totalCents: 170075 });
  });
});

describe('Banrisul 041 CNAB 400 retorno built from the manual table', () => {
  const header = retornoHeader({ 27: '1102900015046', 77: '041BANRISUL' });
  const common = {
    ...retornoTitulo,
    1: '1',
    18: '1102900015046',
    38: 'NF1001-1',
    63: '2283256351',
    108: '1',
  };
  const paid = line400({
    ...common,
    ...paymentColumns,
    109: '06',
    166: '041',
    169: '01234',
    176: '0000000000160',
    189: '0000000000030',
    296: '221226',
    395: '000002',
  });
  const rejected = line400({ ...common, 109: '03', 383: '0809', 395: '000003' });
  const trailer = trailer9201('041', '00000002', '000004');

  it('normalizes payment and rejection with motivos', async () => {
    const [p, r] = (await readWithoutErrors(file(header, paid, rejected, trailer))).details;
    expect(p).toMatchObject({
      action: 'settle',
      nossoNumero: '2283256351',
      seuNumero: 'NF1001-1',
      occurredOn: '2026-12-21',
      creditedOn: '2026-12-22',
      amounts: { ...paymentAmounts, feeCents: 160, otherCostsCents: 30 },
    });
    expect(r).toMatchObject({
      action: 'reject_registration',
      reasons: [
        { code: '08', description: 'Nosso número inválido' },
        { code: '09', description: 'Nosso número duplicado' },
      ],
    });
  });
});

describeSamples('Banrisul 041 samples', () => {
  it('parses brcobranca-CNAB400BANRISUL.RET with no error events', async () => {
    const [only, ...rest] = (await readWithoutErrors(sample('brcobranca-CNAB400BANRISUL.RET'))).details;
    expect(rest).toEqual([]);
    expect(only).toMatchObject({
      action: 'settle',
      nossoNumero: '2283256350',
      dueDate: '2015-05-25',
      occurredOn: '2015-05-15',
      creditedOn: '2015-05-15',
      amounts: { titleCents: 145000, paidCents: 145000, feeCents: 160 },
    });
  });

  it('reads brcobranca-remessa-banrisul-cnab400.rem record by record', () => {
    const records = readRecords(
      layoutOf('041', 'remessa'),
      sample('brcobranca-remessa-banrisul-cnab400.rem'),
    );
    expect(records.filter((r) => 'type' in r)).toEqual([]);
    const [, d, t] = records;
    expect(valuesOf(d)).toMatchObject({
      convenio: '1102900015046',
      nossoNumero: '2283256351',
      amountCents: 19990,
      finePercent: '020',
    });
    expect(valuesOf(t)).toMatchObject({ totalCents: 19990 });
  });
});
