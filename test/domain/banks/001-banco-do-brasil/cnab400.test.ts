/**
 * Banco do Brasil 001 CNAB 400 (convênio de 7 posições). Positions: CBR641 (Doc2627) for the remessa — header 27-46
 * agência/DV/conta/DV, 101-107 sequencial, 130-136 convênio líder; registro 7: 32-38 convênio, 39-63 controle,
 * 64-80 nosso número, 92-94 variação, 107-108 carteira; registro 5 (multa) — and CBR643 (Doc2628) for the retorno:
 * 87-88 motivo, 176-181 data de crédito, 182-188 tarifa, 306-318 valor do lançamento, 393-394 canal.
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

const input = remessa('001', portadores['001'], [
  titulo({ nossoNumero: '12345670000000123', fine: { type: 'amount', cents: 3000 }, protestDays: 10 }),
]);

describe('Banco do Brasil 001 CNAB 400 remessa (CBR641)', () => {
  const written = writeRemessa(input);
  const [header, detail, fine, trailer] = written.lines;

  it('writes header, registro 7, registro 5 (multa) and trailer', () => {
    expect(columns(written.lines, 1, 1)).toEqual(['0', '7', '5', '9']);
    expect(columns(written.lines, 395, 400)).toEqual(['000001', '000002', '000003', '000004']);
    expect(written.fileName).toBe('BB231101.REM');
  });

  it('puts every field at the manual position', () => {
    expect(at(header, 1, 46)).toBe('01REMESSA01COBRANCA       1234312345678X000000');
    expect(at(header, 77, 107)).toBe('001BANCODOBRASIL  2311260000007');
    expect(at(detail, 18, 38)).toBe('1234312345678X1234567');
    expect(at(detail, 39, 63).trimEnd()).toBe('NF1001-1');
    expect(at(detail, 64, 80)).toBe('12345670000000123');
    expect(at(detail, 92, 94)).toBe('019');
    expect(at(detail, 107, 110)).toBe('1701');
    expect(at(detail, 121, 150)).toBe('20122600000001500750010000 01N');
    expect(at(detail, 157, 158)).toBe('06');
    expect(at(detail, 235, 271).trimEnd()).toBe('JOSE CONCEICAO COMERCIO');
    expect(at(detail, 392, 393)).toBe('10');
    expect(at(fine, 1, 22)).toBe('5991211226000000003000');
    expect(at(trailer, 2, 394).trim()).toBe('');
  });

  it('reads back what it wrote', () => {
    const [, d, f] = recordsOf(written);
    expect(d?.values).toMatchObject({
      convenio: '1234567',
      nossoNumero: '12345670000000123',
      variation: '019',
      carteira: '17',
      movementCode: '01',
      amountCents: 150075,
      dueDate: '2026-12-20',
    });
    expect(f?.values).toMatchObject({ fineCode: '1', fineDate: '2026-12-21', fineValue: 3000 });
  });
});

describe('Banco do Brasil 001 CNAB 400 retorno (CBR643) built from the manual table', () => {
  const header = retornoHeader({
    27: '1234',
    31: '3',
    32: '12345678',
    40: 'X',
    41: '000000',
    77: '001BANCO DO BRASIL',
    101: '0000042',
    150: '1234567',
  });
  const common = {
    ...retornoTitulo,
    1: '7',
    18: '1234',
    22: '3',
    23: '12345678',
    31: 'X',
    32: '1234567',
    39: 'NF1001-1',
    64: '12345670000000123',
    92: '019',
    107: '17',
  };
  const paid = line400({
    ...common,
    ...paymentColumns,
    87: '01',
    109: '06',
    166: '001',
    169: '12345',
    174: '01',
    176: '221226',
    182: '0000250',
    189: '0000000000000',
    306: '0000000148925',
    393: '04',
    395: '000002',
  });
  const rejected = line400({ ...common, 87: '33', 109: '03', 395: '000003' });
  const writtenOff = line400({ ...common, 109: '09', 395: '000004' });
  const trailer = trailer9201('001', '00000003', '000005');

  it('normalizes payment (crédito 176-181, tarifa 182-188, lançamento 306-318), recusa and baixa', async () => {
    const { events, details } = await readWithoutErrors(file(header, paid, rejected, writtenOff, trailer));
    expect(events.find((e) => e.type === 'header')).toMatchObject({
      fileNumber: 42,
      generatedOn: '2026-12-22',
    });
    const [p, r, w] = details;
    expect(p).toMatchObject({
      action: 'settle',
      nossoNumero: '12345670000000123',
      seuNumero: 'NF1001-1',
      dueDate: '2026-12-20',
      occurredOn: '2026-12-21',
      creditedOn: '2026-12-22',
      amounts: { ...paymentAmounts, feeCents: 250, netCents: 148925 },
    });
    expect(r).toMatchObject({
      action: 'reject_registration',
      reasons: [{ code: '33', description: 'Nosso número já existente' }],
    });
    expect(w).toMatchObject({ action: 'write_off', amounts: { paidCents: 0 } });
  });
});

describeSamples('Banco do Brasil 001 CBR643 sample', () => {
  it('parses brcobranca-CBR64310.RET with no error events', async () => {
    const { events, details: all } = await readWithoutErrors(sample('brcobranca-CBR64310.RET'));
    expect(events.find((e) => e.type === 'header')).toMatchObject({
      fileNumber: 7,
      generatedOn: '2009-01-20',
    });
    expect(all).toHaveLength(26);
    expect(all.every((d) => d.action === 'settle')).toBe(true);
    expect(all[0]).toMatchObject({
      nossoNumero: '16224200000000003',
      occurredOn: '2009-01-20',
      creditedOn: '2009-01-22',
      amounts: { titleCents: 9064, paidCents: 9064, feeCents: 500, netCents: 8564 },
    });
  });
});
