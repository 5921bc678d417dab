/**
 * Bradesco 237 CNAB 400. Positions: Bradesco "Layout do Arquivo Cobrança – CNAB 400" (4008-524-0121): header
 * 27-46 código da empresa, 109-110 "MX", 111-117 nº da remessa; registro 1 21-37 identificação da empresa, 66-70
 * multa, 71-82 nosso número + DV, 319-328 motivos; retorno registro 4 (PIX) 29-105 / 106-140; file CBDDMMNN.REM.
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
  portadores,
  readWithoutErrors,
  recordsOf,
  remessa,
  retornoHeader,
  retornoTitulo,
  titulo,
  trailer9201,
} from '../../cnab/support-400.js';

// Nosso número 00000001234, carteira 09: DV módulo 11 base 7 of "09" + "00000001234" = 6 (manual, anexo 6).
const input = remessa('237', portadores['237'], [
  titulo({ nossoNumero: '000000012346', fine: { type: 'percent', basisPoints: 200 }, protestDays: 5 }),
]);

describe('Bradesco 237 CNAB 400 remessa', () => {
  const written = writeRemessa(input);
  const [header, detail, trailer] = written.lines;

  it('writes header, detail and trailer, numbered, named CBDDMMNN.REM', () => {
    expect(written.lines.map((l) => l.length)).toEqual([400, 400, 400]);
    expect(columns(written.lines, 395, 400)).toEqual(['000001', '000002', '000003']);
    expect(written.fileName).toBe('CB231101.REM');
    expect(writeRemessa({ ...input, fileOfDay: 2 }).fileName).toBe('CB231102.REM');
  });

  it('puts every field at the manual position', () => {
    expect(at(header, 1, 46)).toBe('01REMESSA01COBRANCA       00000000000004540691');
    expect(at(header, 77, 100)).toBe('237BRADESCO       231126');
    expect(at(header, 109, 117)).toBe('MX0000007');
    expect(at(detail, 1, 20)).toBe('10000000000000000000');
    expect(at(detail, 21, 37)).toBe('0009014670019669P');
    expect(at(detail, 38, 62).trimEnd()).toBe('NF1001-1');
    expect(at(detail, 63, 70)).toBe('00020200'); // banco débito 000, multa 2 (percentual), 02,00%
    expect(at(detail, 71, 82)).toBe('000000012346');
    expect(at(detail, 93, 94)).toBe('2N');
    expect(at(detail, 106, 106)).toBe('2');
    expect(at(detail, 109, 139)).toBe('01NF1001    2012260000000150075');
    expect(at(detail, 140, 150)).toBe('0000000001N');
    expect(at(detail, 157, 160)).toBe('0605'); // protestar após 05 dias
    expect(at(detail, 180, 192)).toBe('0000000001000');
    expect(at(detail, 235, 274).trimEnd()).toBe('JOSE CONCEICAO COMERCIO');
    expect(at(detail, 327, 334)).toBe('01452000');
    expect(at(trailer, 1, 394).trim()).toBe('9');
  });

  it('reads back what it wrote', () => {
    const [, d] = recordsOf(written);
    expect(d?.values).toMatchObject({
      carteira: '009',
      agency: '01467',
      account: '0019669',
      accountDigit: 'P',
      nossoNumero: '000000012346',
      fineFlag: '2',
      finePercent: 200,
      movementCode: '01',
      dueDate: '2026-12-20',
      amountCents: 150075,
      speciesCode: '01',
      issueDate: '2026-11-20',
      payerDocument: '00012345678909',
    });
  });

  it('refuses a species Bradesco has no code for, naming the field', () => {
    expect(() =>
      writeRemessa({ ...input, titulos: [titulo({ nossoNumero: '000000012346', species: 'ME' })] }),
    ).toThrow(/speciesCode/);
  });
});

describe('Bradesco 237 CNAB 400 retorno built from the manual table', () => {
  const header = retornoHeader({
    27: '00000000000004540691',
    77: '237BRADESCO',
    101: '01600000',
    109: '00405',
    380: '221226',
  });
  const common = {
    ...retornoTitulo,
    1: '1',
    21: '0009014670019669P',
    38: 'NF1001-1',
    71: '000000012346',
    108: '9',
    127: '000000012346',
  };
  const paid = line400({
    ...common,
    ...paymentColumns,
    109: '06',
    166: '237',
    169: '01467',
    176: '0000000000160',
    189: '0000000000030',
    215: '0000000000000',
    280: '0000000000000',
    296: '221226',
    395: '000002',
  });
  const pix = line400({
    1: '4',
    2: '009',
    5: '01467',
    10: '0019669',
    17: '00000001234',
    28: '6',
    29: 'qrpix.bradesco.com.br/qr/v2/cobv/0001',
    106: 'TXID0001',
    395: '000003',
  });
  const rejected = line400({ ...common, 109: '03', 319: '0809', 395: '000004' });
  const writtenOff = line400({ ...common, 109: '10', 319: '10', 395: '000005' });
  const trailer = trailer9201('237', '00000003', '000006');

  it('normalizes payment (PIX record read, not an event), rejection and baixa with their motivos', async () => {
    const { events, details } = await readWithoutErrors(
      file(header, paid, pix, rejected, writtenOff, trailer),
    );
    expect(events.find((e) => e.type === 'header')).toMatchObject({
      fileNumber: 405,
      generatedOn: '2026-12-22',
    });
    const [p, r, w, ...rest] = details;
    expect(rest).toEqual([]);
    expect(p).toMatchObject({
      action: 'settle',
      nossoNumero: '000000012346',
      seuNumero: 'NF1001-1',
      dueDate: '2026-12-20',
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
    expect(w).toMatchObject({
      action: 'write_off',
      reasons: [{ code: '10', description: 'Baixa comandada pelo cliente' }],
    });
  });
  it('reads 17 (liquidação após baixa ou título não registrado) as a payment with its amounts [manual]', async () => {
    // The money came in although the título had been written off: settlement must post it like an 06.
    const lateSettlement = line400({ ...common, ...paymentColumns, 109: '17', 296: '221226', 395: '000002' });
    const { details } = await readWithoutErrors(file(header, lateSettlement, trailer));
    expect(details).toHaveLength(1);
    expect(details[0]).toMatchObject({
      action: 'settle',
      occurrence: { code: '17' },
      nossoNumero: '000000012346',
      amounts: paymentAmounts,
    });
  });

  it('tells the two baixas apart: 09 automatic via arquivo, 10 by the agência’s instructions [manual]', async () => {
    const automatic = line400({ ...common, 109: '09', 395: '000002' });
    const byAgency = line400({ ...common, 109: '10', 395: '000003' });
    const { details } = await readWithoutErrors(file(header, automatic, byAgency, trailer));
    expect(details.map((d) => [d.occurrence.code, d.action])).toEqual([
      ['09', 'write_off'],
      ['10', 'write_off'],
    ]);
    expect(details[0]?.occurrence.description).toMatch(/autom[aá]tic.*arquivo/i);
    expect(details[1]?.occurrence.description).toMatch(/instru[cç][oõ]es da ag[eê]ncia/i);
  });
});

describeSamples('Bradesco 237 CNAB 400 retorno sample', () => {
  it('parses brcobranca-CNAB400BRADESCO.RET with no error events', async () => {
    const { details: all } = await readWithoutErrors(sample('brcobranca-CNAB400BRADESCO.RET'));
    expect(all.map((d) => d.occurrence.code)).toEqual(['02', '02', '02', '02', '02', '10']);
    expect(all[1]).toMatchObject({
      action: 'confirm_registration',
      nossoNumero: '51350000004P',
      seuNumero: '1146',
      dueDate: '2015-05-25',
    });
    expect(all[1]?.amounts).toMatchObject({ titleCents: 18000, feeCents: 160 });
    // Baixa conforme instruções: written off, never paid.
    expect(all[5]?.action).toBe('write_off');
  });
});
