/**
 * Itaú 341 CNAB 400: remessa written and read back field by field, retorno samples parsed.
 * Positions: Itaú "Cobrança CNAB 400" manual; occurrence codes: its nota 17.
 */
import { describe, expect, it } from 'vitest';
import { readRecords, readRetornoText } from '../../../../src/domain/cnab/reader.js';
import type { RemessaInput } from '../../../../src/domain/cnab/remessa-input.js';
import { writeRemessa } from '../../../../src/domain/cnab/writer.js';
import { details, errors, sample, samplesPresent, SAMPLES_ABSENT } from '../helpers.js';

const input: RemessaInput = {
  bank: '341',
  layout: 400,
  fileNumber: 7,
  generatedOn: '2026-11-23',
  portador: {
    companyName: 'Peças São João Ltda',
    companyDocument: '12345678000195',
    agency: '1234',
    account: '12345',
    accountDigit: '6',
    carteira: '109',
  },
  titulos: [
    {
      nossoNumero: '00001234',
      seuNumero: 'NF1001-1',
      issueDate: '2026-11-20',
      dueDate: '2026-12-20',
      amountCents: 150075,
      fine: { type: 'percent', basisPoints: 200 },
      payer: {
        name: 'José Conceição',
        document: '12345678909',
        address: 'Rua Ã',
        zip: '01452000',
        city: 'São Paulo',
        state: 'SP',
      },
    },
  ],
};

describe('Itaú 341 CNAB 400 remessa', () => {
  const written = writeRemessa(input);
  it('writes 400-column ASCII lines with CRLF and sequence numbers', () => {
    expect(written.lines.map((l) => l.length)).toEqual([400, 400, 400, 400]);
    expect(written.content.split('\r\n')).toHaveLength(5);
    expect(/^[\x20-\x7e\r\n]*$/.test(written.content)).toBe(true);
    expect(written.lines.map((l) => l.slice(394))).toEqual(['000001', '000002', '000003', '000004']);
    expect(written.fileName).toBe('CB231107.REM');
  });
  it('reads back what it wrote', () => {
    const records = readRecords(written.layout, written.content);
    const detail = records.find((r) => 'record' in r && r.record === 'detail');
    expect(detail && 'values' in detail ? detail.values : undefined).toMatchObject({
      nossoNumero: '00001234',
      carteira: '109',
      movementCode: '01',
      companyUse: 'NF1001-1',
      dueDate: '2026-12-20',
      amountCents: 150075,
      payerName: 'JOSE CONCEICAO',
      payerZip: '01452000',
      payerCity: 'SAO PAULO',
    });
    const fine = records.find((r) => 'record' in r && r.record === 'fine');
    expect(fine && 'values' in fine ? fine.values : undefined).toMatchObject({
      fineCode: '2',
      fineDate: '2026-12-21',
      fineValue: 200,
    });
  });
});

describe.skipIf(!samplesPresent)(
  `Itaú 341 CNAB 400 retorno samples (${samplesPresent ? 'presentes' : SAMPLES_ABSENT})`,
  () => {
    it('parses opencnabphp-retorno_cnab400_itau.ret with no error events', async () => {
      const events = await readRetornoText(sample('opencnabphp-retorno_cnab400_itau.ret'));
      expect(errors(events)).toEqual([]);
      const [first] = details(events);
      expect(first).toMatchObject({
        kind: 'paid',
        nossoNumero: '00231327',
        occurredOn: '2013-06-20',
        creditedOn: '2013-06-21',
      });
      expect(first?.amounts).toMatchObject({ titleCents: 38975, paidCents: 20997, feeCents: 333 });
    });
  },
);
