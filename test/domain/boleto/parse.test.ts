/**
 * parseBoleto. Published real slips used here:
 * - collection slips from the READMEs of @mrmgomes/boleto-utils and boleto-brasileiro-validator (npm):
 *   "85890000460-9 52460179160-5 60759305086-5 83148300001-0" (value id 8 → módulo 11),
 *   "836200000005 667800481000 180975657313 001589636081" (value id 6 → módulo 10),
 *   barcode "84890000000404201622018060519042958603411122" (value id 8 → módulo 11);
 * - bank line "23793381286000782713695000063305975520000370000" (boleto-brasileiro-validator README, Bradesco).
 */
import { describe, expect, it } from 'vitest';
import { parseBoleto } from '../../../src/domain/boleto/index.js';
import { assembleBankBarcode } from '../../../src/domain/boleto/barcode.js';

const makeBarcode = (bank: string, campoLivre: string) =>
  assembleBankBarcode(bank, '9', '1656', '0000001000', campoLivre);

const today = '2026-11-23';

describe('collection slips (arrecadação)', () => {
  it('reads a módulo 11 line with punctuation: segment, amount, company', () => {
    const parsed = parseBoleto('85890000460-9 52460179160-5 60759305086-5 83148300001-0', { today });
    expect(parsed).toMatchObject({
      valid: true,
      kind: 'collection',
      input: 'line',
      segment: '5',
      valueId: '8',
      amountCents: 4605246,
      companyId: '0179',
      barcode: '85890000460524601791606075930508683148300001',
      errors: [],
    });
  });

  it('reads a módulo 10 line (value id 6) and a módulo 11 barcode', () => {
    const line = parseBoleto('836200000005 667800481000 180975657313 001589636081', { today });
    expect(line).toMatchObject({
      valid: true,
      kind: 'collection',
      segment: '3',
      valueId: '6',
      amountCents: 6678,
    });
    const barcode = parseBoleto('84890000000404201622018060519042958603411122', { today });
    expect(barcode).toMatchObject({
      valid: true,
      kind: 'collection',
      input: 'barcode',
      segment: '4',
      amountCents: 4042,
    });
    expect(barcode.line).toHaveLength(48);
    expect(parseBoleto(barcode.line, { today }).barcode).toBe(barcode.barcode);
  });

  it('names the block whose DV fails and the general DV', () => {
    // Block 2 DV changed 5 → 6.
    const block = parseBoleto('85890000460-9 52460179160-6 60759305086-5 83148300001-0', { today });
    expect(block.valid).toBe(false);
    expect(block.errors.map((e) => e.code)).toEqual(['block2-dv']);
    // Barcode general DV (position 4) changed 9 → 1.
    const general = parseBoleto('84810000000404201622018060519042958603411122', { today });
    expect(general.errors.map((e) => e.code)).toEqual(['barcode-dv']);
    expect(general.errors[0]?.message).toMatch(
      /dígito verificador geral 1 não confere \(calculado 9, módulo 11/,
    );
  });

  it('rejects an unknown value identifier', () => {
    const parsed = parseBoleto('84590000000404201622018060519042958603411122', { today });
    expect(parsed.errors.map((e) => e.code)).toEqual(['value-id']);
  });
});

describe('bank boletos', () => {
  it('reads a published Bradesco line', () => {
    const parsed = parseBoleto('23793381286000782713695000063305975520000370000', { today: '2018-01-01' });
    expect(parsed).toMatchObject({
      valid: true,
      kind: 'bank',
      bank: '237',
      bankName: 'Bradesco',
      amountCents: 370000,
    });
    expect(parsed.barcode).toBe('23799755200003700003381260007827139500006330');
    // Factor 7552 = 1997-10-07 + 7552 days.
    expect(parsed.dueDate).toBe('2018-06-11');
  });

  it('tells which field DV of the line failed', () => {
    const good = '23793381286000782713695000063305975520000370000';
    const flip = (text: string, at: number) =>
      text.slice(0, at) + String((Number(text[at]) + 1) % 10) + text.slice(at + 1);
    expect(parseBoleto(flip(good, 9), { today }).errors.map((e) => e.code)).toEqual(['field1-dv']);
    expect(parseBoleto(flip(good, 20), { today }).errors.map((e) => e.code)).toEqual(['field2-dv']);
    expect(parseBoleto(flip(good, 31), { today }).errors.map((e) => e.code)).toEqual(['field3-dv']);
    expect(parseBoleto(flip(good, 32), { today }).errors.map((e) => e.code)).toEqual(['barcode-dv']);
  });

  it('Itaú carteira 196 (seu número layout) is read with its own DAC (itau_spec barcode)', () => {
    const parsed = parseBoleto('34191252500000135001960025828112345671234550', { today: '2004-09-01' });
    expect(parsed).toMatchObject({
      valid: true,
      bank: '341',
      dueDate: '2004-09-05',
      amountCents: 13500,
      warnings: [],
    });
    expect(parsed.campoLivreFields).toEqual({
      carteira: '196',
      nossoNumero: '00258281',
      seuNumero: '1234567',
      codigoCliente: '12345',
    });
  });

  it('a wrong DV inside the campo livre is a warning, not an error (Caixa campo livre DV)', () => {
    // caixa_spec campo livre 2452740000100040000000017 with its last digit (the campo livre DV) changed to 8,
    // and the general DV recomputed so the barcode itself is right.
    const parsed = parseBoleto(makeBarcode('104', '2452740000100040000000018'), { today });
    expect(parsed.valid).toBe(true);
    expect(parsed.warnings.map((w) => w.code)).toEqual(['campo-livre-dv']);
  });

  it('factor 0000: no due date', () => {
    const parsed = parseBoleto('00190000090123879890977700168188300000000013500', { today });
    expect(parsed.dueDate).toBeNull();
    expect(parsed.dueDateFactor).toBe(0);
  });

  it('the same factor reads on both sides of the 2025 restart (banrisul_spec barcode, factor 1001)', () => {
    const barcode = '04198100100000550002111029000150228325634059';
    expect(parseBoleto(barcode, { today: '2000-07-01' }).dueDate).toBe('2000-07-04');
    expect(parseBoleto(barcode, { today: '2025-02-20' }).dueDate).toBe('2025-02-23');
  });
});

describe('malformed input', () => {
  it.each([
    ['1234', 'invalid-length', /tem 4 dígitos/],
    ['2379338128600078271369500006330597552000037000a', 'invalid-characters', /apenas dígitos/],
    ['', 'invalid-length', /tem 0 dígitos/],
  ])('%s', (text, code, message) => {
    const parsed = parseBoleto(text, { today });
    expect(parsed.valid).toBe(false);
    expect(parsed.errors[0]?.code).toBe(code);
    expect(parsed.errors[0]?.message).toMatch(message);
  });
});
