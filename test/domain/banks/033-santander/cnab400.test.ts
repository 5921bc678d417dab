/**
 * Santander 033 CNAB 400. Positions: Santander "Layout de Arquivos CNAB 400 – Cobrança" versão 058: header 27-46
 * código de transmissão, 392-394 versão; registro 1 18-37 código de transmissão, 63-70 nosso número, 78-82 multa,
 * 102-107 data da multa, 108 código da carteira, 383-385 "I" + complemento; registro 8 (PIX) 43 tipo de chave,
 * 44-120 chave, 121-155 txid; trailer 2-7 quantidade de linhas, 8-20 valor total. Retorno: 137-145 erros
 * (3 x 3 dígitos); registro 2 (PIX) as kivanio/brcobranca's Santander retorno spec reads it.
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
  portadores,
  readWithoutErrors,
  recordsOf,
  remessa,
  retornoHeader,
  retornoTitulo,
  titulo,
  trailer9201,
  valuesOf,
} from '../../cnab/support-400.js';

// A 9-digit account ("conta padrão novo") makes 383-385 "I" + 9º dígito + DV, as kivanio/brcobranca writes it.
const input = remessa('033', portadores['033'], [
  titulo({
    nossoNumero: '00001234',
    fine: { type: 'percent', basisPoints: 200 },
    protestDays: 5,
    pix: { keyType: 'cnpj', key: '12345678000195', txid: 'TX2026112300001' },
  }),
]);

describe('Santander 033 CNAB 400 remessa', () => {
  const written = writeRemessa(input);
  const [header, detail, pix, trailer] = written.lines;

  it('writes header, detail, PIX record (tipo 8) and trailer', () => {
    expect(written.lines.map((l) => l.length)).toEqual([400, 400, 400, 400]);
    expect(columns(written.lines, 1, 1)).toEqual(['0', '1', '8', '9']);
    expect(columns(written.lines, 395, 400)).toEqual(['000001', '000002', '000003', '000004']);
    expect(written.fileName).toBe('ST231101.REM');
  });

  it('puts every field at the manual position', () => {
    expect(at(header, 27, 46)).toBe('17777751042700080112');
    expect(at(header, 77, 116)).toBe('033SANTANDER      2311260000000000000000');
    expect(at(header, 392, 394)).toBe('058');
    expect(at(detail, 2, 37)).toBe('021234567800019517777751042700080112');
    expect(at(detail, 63, 70)).toBe('00001234');
    expect(at(detail, 71, 82)).toBe('000000 40200'); // sem 2º desconto, multa 4 (com multa), 02,00%
    expect(at(detail, 102, 110)).toBe('211226101'); // data da multa, carteira 1, ocorrência 01
    expect(at(detail, 121, 149)).toBe('20122600000001500750330000001');
    expect(at(detail, 157, 160)).toBe('0600');
    expect(at(detail, 383, 385)).toBe('I95');
    expect(at(detail, 392, 393)).toBe('05');
    expect(at(pix, 43, 43)).toBe('2');
    expect(at(pix, 44, 120).trimEnd()).toBe('12345678000195');
    expect(at(pix, 121, 155).trimEnd()).toBe('TX2026112300001');
    expect(at(trailer, 2, 20)).toBe('0000040000000150075');
    expect(at(trailer, 21, 394)).toBe('0'.repeat(374));
  });

  it('reads back what it wrote', () => {
    const [, d, p] = recordsOf(written);
    expect(d?.values).toMatchObject({
      convenio: '17777751042700080112',
      nossoNumero: '00001234',
      fineFlag: '4',
      finePercent: 200,
      fineDate: '2026-12-21',
      movementCode: '01',
      amountCents: 150075,
      speciesCode: '01',
      protestDays: '05',
    });
    expect(p?.values).toMatchObject({
      pixKeyType: '2',
      pixKey: '12345678000195',
      pixTxid: 'TX2026112300001',
    });
  });
});

describe('Santander 033 CNAB 400 retorno built from the manual table', () => {
  const header = retornoHeader({
    27: '1234',
    31: '13000078',
    39: '13000079',
    77: '033SANTANDER',
    101: '0000000000',
    392: '058',
  });
  const common = {
    ...retornoTitulo,
    1: '1',
    18: '1234',
    22: '13000078',
    30: '13000079',
    38: 'NF1001-1',
    63: '00001234',
    108: '5',
    127: '00001234',
  };
  const paid = line400({
    ...common,
    ...paymentColumns,
    109: '06',
    166: '033',
    169: '12345',
    174: '01',
    176: '0000000000250',
    189: '0000000000000',
    202: '0000000000000',
    215: '0000000000000',
    280: '0000000000000',
    296: '221226',
    302: 'JOSE CONCEICAO COMERCIO',
    392: '058',
    395: '000002',
  });
  const pix = line400({ 1: '2', 2: '2', 3: '12345678000195', 80: 'TX2026112300001', 395: '000003' });
  const rejected = line400({ ...common, 109: '03', 135: '01', 137: '092093000', 395: '000004' });
  const trailer = trailer9201('033', '00000002', '000005');
  const text = file(header, paid, pix, rejected, trailer);

  it('normalizes the payment and the rejection', async () => {
    const [p, r, ...rest] = (await readWithoutErrors(text)).details;
    expect(rest).toEqual([]);
    expect(p).toMatchObject({
      action: 'settle',
      nossoNumero: '00001234',
      seuNumero: 'NF1001-1',
      documentNumber: 'NF1001',
      occurredOn: '2026-12-21',
      creditedOn: '2026-12-22',
      amounts: { ...paymentAmounts, feeCents: 250 },
    });
    expect(r).toMatchObject({ action: 'reject_registration', occurrence: { code: '03' } });
  });

  it('keeps the three 3-digit error codes of 137-145 on the record', () => {
    const records = readRecords(layoutOf('033', 'retorno'), text);
    expect(valuesOf(records[3])).toMatchObject({
      error1: '092',
      error2: '093',
      error3: '000',
    });
  });
});

describeSamples('Santander 033 CNAB 400 retorno sample', () => {
  it('parses brcobranca-CNAB400SANTANDER.RET with no error events', async () => {
    // This fixture is Itaú-shaped (its trailer even says 341): where it disagrees with Santander's manual (e.g. the
    // seu número in 117-126 is blank, 127-146 hold Itaú's layout) the manual wins and those fields read empty.
    const { details: all } = await readWithoutErrors(sample('brcobranca-CNAB400SANTANDER.RET'));
    expect(all).toHaveLength(52);
    expect(all[0]).toMatchObject({
      action: 'settle',
      nossoNumero: '00000011',
      occurredOn: '2013-05-20',
      creditedOn: '2013-05-21',
    });
    expect(all[0]?.amounts).toMatchObject({ titleCents: 4000, paidCents: 3790, feeCents: 210 });
    expect(all[51]?.action).toBe('write_off');
  });
});
