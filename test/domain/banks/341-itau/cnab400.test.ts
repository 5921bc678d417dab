/**
 * Itaú 341 CNAB 400: remessa written and read back field by field, a retorno built column by column from the
 * manual's table, the samples. Positions: Itaú "Cobrança CNAB 400" (registro 1 remessa/retorno, registro 2 multa,
 * nota 17 ocorrências, nota 20 erros 378-385); registro 3 (PIX) as eduardokum/laravel-boleto reads it.
 */
import { describe, expect, it } from 'vitest';
import { writeRemessa } from '../../../../src/domain/cnab/writer.js';
import { sample } from '../../cnab/helpers.js';
import {
  at,
  columns,
  describeSamples,
  file,
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
} from '../../cnab/support-400.js';

const input = {
  ...remessa('341', { carteira: '109' }, [
    titulo({ nossoNumero: '00001234', fine: { type: 'percent', basisPoints: 200 }, protestDays: 5 }),
  ]),
  fileOfDay: 3,
};

describe('Itaú 341 CNAB 400 remessa', () => {
  const written = writeRemessa(input);
  const [header, detail, fine, trailer] = written.lines;

  it('writes header, detail, multa (tipo 2) and trailer of 400 columns, numbered 1..4, CRLF', () => {
    expect(written.lines.map((l) => l.length)).toEqual([400, 400, 400, 400]);
    expect(columns(written.lines, 395, 400)).toEqual(['000001', '000002', '000003', '000004']);
    expect(written.content.endsWith('\r\n')).toBe(true);
    expect(written.fileName).toBe('CB231103.REM');
  });

  it('puts every field at the manual position', () => {
    expect(at(header, 1, 26)).toBe('01REMESSA01COBRANCA       ');
    expect([at(header, 27, 30), at(header, 31, 32), at(header, 33, 37), at(header, 38, 38)]).toEqual([
      '1234',
      '00',
      '12345',
      '6',
    ]);
    expect([at(header, 77, 79), at(header, 80, 94), at(header, 95, 100)]).toEqual([
      '341',
      'BANCO ITAU SA  ',
      '231126',
    ]);
    expect(at(detail, 1, 17)).toBe('10212345678000195');
    expect(at(detail, 38, 62).trimEnd()).toBe('NF1001-1');
    expect(at(detail, 63, 70)).toBe('00001234');
    expect(at(detail, 84, 86)).toBe('109');
    expect(at(detail, 108, 110)).toBe('I01');
    expect(at(detail, 111, 120)).toBe('NF1001    ');
    expect(at(detail, 121, 139)).toBe('2012260000000150075');
    expect(at(detail, 140, 142)).toBe('341');
    expect(at(detail, 148, 160)).toBe('01N2011260900'); // espécie 01, aceite N, emissão, instrução 09 (protestar), 00
    expect(at(detail, 161, 173)).toBe('0000000000050');
    expect(at(detail, 174, 192)).toBe('1012260000000001000');
    expect(at(detail, 219, 234)).toBe('0100012345678909');
    expect(at(detail, 235, 264)).toBe('JOSE CONCEICAO COMERCIO       ');
    expect(at(detail, 327, 334)).toBe('01452000');
    expect(at(detail, 386, 393)).toBe('21122605');
    expect(at(fine, 1, 23)).toBe('22211220260000000000200');
    expect(at(trailer, 1, 1)).toBe('9');
  });

  it('reads back what it wrote', () => {
    const records = recordsOf(written);
    expect(records.map((r) => r.record)).toEqual(['fileHeader', 'detail', 'fine', 'fileTrailer']);
    expect(records[1]?.values).toMatchObject({
      nossoNumero: '00001234',
      carteira: '109',
      movementCode: '01',
      companyUse: 'NF1001-1',
      dueDate: '2026-12-20',
      amountCents: 150075,
      dailyInterestCents: 50,
      discountCents: 1000,
      payerName: 'JOSE CONCEICAO COMERCIO',
      payerZip: '01452000',
      payerCity: 'SAO PAULO',
    });
    expect(records[2]?.values).toMatchObject({ fineCode: '2', fineDate: '2026-12-21', fineValue: 200 });
  });

  it('refuses a movement Itaú 400 has no code for, in pt-BR', () => {
    expect(() =>
      writeRemessa({ ...input, titulos: [titulo({ nossoNumero: '1', movement: 'grantDiscount' })] }),
    ).toThrow(/não aceita o movimento grantDiscount/);
  });
});

describe('Itaú 341 CNAB 400 retorno built from the manual table', () => {
  const header = retornoHeader({
    27: '1234',
    31: '00',
    33: '12345',
    38: '6',
    77: '341',
    80: 'BANCO ITAU S.A.',
    101: '01600BPI',
    109: '00042',
    114: '221226',
  });
  const common = {
    ...retornoTitulo,
    1: '1',
    18: '1234',
    24: '12345',
    29: '6',
    38: 'NF1001-1',
    63: '00001234',
    83: '109',
    86: '00001234',
    94: '5',
    108: 'I',
    127: '00001234',
  };
  const paid = line400({
    ...common,
    ...paymentColumns,
    109: '06',
    166: '341',
    169: '01234',
    174: '01',
    176: '0000000000250',
    215: '0000000000000',
    280: '0000000000000',
    296: '221226',
    393: 'BL',
    395: '000002',
  });
  const pix = line400({ 1: '3', 2: '00020101021226830014BR.GOV.BCB.PIX', 392: '000', 395: '000003' });
  const rejected = line400({ ...common, 109: '03', 378: '1415', 395: '000004' });
  const writtenOff = line400({ ...common, 109: '09', 395: '000005' });
  const trailer = trailer9201('341', '00000003', '000006');

  it('normalizes payment, rejection with reasons and write-off', async () => {
    const { events, details } = await readWithoutErrors(
      file(header, paid, pix, rejected, writtenOff, trailer),
    );
    const [p, r, w] = details;
    expect(p).toMatchObject({
      action: 'settle',
      occurrence: { code: '06', description: 'Liquidação normal' },
      nossoNumero: '00001234',
      seuNumero: 'NF1001-1',
      documentNumber: 'NF1001',
      dueDate: '2026-12-20',
      occurredOn: '2026-12-21',
      creditedOn: '2026-12-22',
      amounts: { ...paymentAmounts, feeCents: 250 },
    });
    expect(r).toMatchObject({ action: 'reject_registration', reasons: [{ code: '14' }, { code: '15' }] });
    expect(r?.reasons[0]?.description).toMatch(/Nosso número já registrado/);
    // A baixa is never a payment: written_off, nothing paid.
    expect(w).toMatchObject({ action: 'write_off', amounts: { paidCents: 0 } });
    expect(events.find((e) => e.type === 'header')).toMatchObject({
      fileNumber: 42,
      generatedOn: '2026-12-22',
    });
  });
});

describeSamples('Itaú 341 CNAB 400 retorno samples', () => {
  it('parses opencnabphp-retorno_cnab400_itau.ret with no error events', async () => {
    const { details: all } = await readWithoutErrors(sample('opencnabphp-retorno_cnab400_itau.ret'));
    expect(all.map((d) => d.occurrence.code)).toEqual(['06', '25', '06', '06']);
    expect(all[0]).toMatchObject({
      action: 'settle',
      nossoNumero: '00231327',
      occurredOn: '2013-06-20',
      creditedOn: '2013-06-21',
    });
    expect(all[0]?.amounts).toMatchObject({ titleCents: 38975, paidCents: 20997, feeCents: 333 });
    expect(all[1]).toMatchObject({ action: 'informative', nossoNumero: '00123442' });
  });

  it('parses brcobranca-CNAB400ITAU.RET with no error events', async () => {
    const { details: all } = await readWithoutErrors(sample('brcobranca-CNAB400ITAU.RET'));
    expect(all).toHaveLength(52);
    expect(all[0]).toMatchObject({
      action: 'settle',
      nossoNumero: '00000011',
      amounts: { titleCents: 4000, paidCents: 3790, feeCents: 210 },
    });
  });
});
