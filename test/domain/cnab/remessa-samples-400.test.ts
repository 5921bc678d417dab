/**
 * Real remessa files (kivanio/brcobranca spec fixtures) read record by record with our 400 layouts: every line is
 * recognized, no field errors, and the values land where the banks' manuals put them. The fixtures were produced by
 * another program; where one disagrees with a manual the manual wins (noted per case).
 */
import { expect, it } from 'vitest';
import type { Values } from '../../../src/domain/cnab/layout.js';
import { sample } from './helpers.js';
import { describeSamples, layoutOf, valuesByRecord } from './support-400.js';

const read = (bank: string, name: string): { record: string; values: Values }[] =>
  valuesByRecord(layoutOf(bank, 'remessa'), sample(name), `${name} `);

describeSamples('CNAB 400 remessa samples', () => {
  it('Banco do Brasil: registro 7 with convênio, nosso número, variação and tipo de cobrança', () => {
    const records = read('001', 'brcobranca-remessa-banco-brasil-cnab400.rem');
    expect(records.map((r) => r.record)).toEqual(['fileHeader', 'detail', 'fileTrailer']);
    expect(records[0]?.values).toMatchObject({
      agency: '1234',
      fileNumber: '0000001',
      leaderConvenio: '7654321',
    });
    expect(records[1]?.values).toMatchObject({
      convenio: '1234567',
      nossoNumero: '12345670000000123',
      variation: '123',
      collectionType: '04DSC',
      carteira: '12',
      movementCode: '01',
      dueDate: '2015-07-14',
      amountCents: 19990,
    });
  });

  it('Bradesco: identificação da empresa, multa, nosso número with DV', () => {
    const records = read('237', 'brcobranca-remessa-bradesco-cnab400.rem');
    expect(records[0]?.values).toMatchObject({ convenio: '00000000000000000123', fileNumber: '0000001' });
    expect(records[1]?.values).toMatchObject({
      agency: '12345',
      account: '1234567',
      fineFlag: '2',
      finePercent: 200,
      nossoNumero: '00000000123P',
      amountCents: 19990,
      payerDocument: '00012345678901',
    });
  });

  it('Itaú: detail followed by the multa record (tipo 2)', () => {
    const records = read('341', 'brcobranca-remessa-itau-cnab400.rem');
    expect(records.map((r) => r.record)).toEqual(['fileHeader', 'detail', 'fine', 'fileTrailer']);
    expect(records[1]?.values).toMatchObject({
      nossoNumero: '00000123',
      carteira: '123',
      amountCents: 19990,
      protestDays: '03',
    });
    expect(records[2]?.values).toMatchObject({ fineCode: '1', fineDate: '2015-07-14', fineValue: 200 });
  });

  it('Santander with PIX: registro 8 carries the DICT key; trailer counts lines and sums the títulos', () => {
    const records = read('033', 'brcobranca-remessa-santander-cnab400-pix.rem');
    expect(records.map((r) => r.record)).toEqual(['fileHeader', 'detail', 'pix', 'fileTrailer']);
    expect(records[1]?.values).toMatchObject({
      nossoNumero: '00000123',
      fineFlag: '4',
      finePercent: 200,
      amountCents: 19990,
    });
    expect(records[2]?.values).toMatchObject({
      pixKeyType: '1',
      pixKey: '12345678910',
      pixMaxCents: 19990,
    });
    expect(records[3]?.values).toMatchObject({ fileRecordCount: '000004', totalCents: 19990 });
    const plain = read('033', 'brcobranca-remessa-santander-cnab400.rem');
    expect(plain.map((r) => r.record)).toEqual(['fileHeader', 'detail', 'fileTrailer']);
  });
});
