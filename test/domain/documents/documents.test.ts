import { cnpj as oracleCnpj, cpf as oracleCpf } from 'cpf-cnpj-validator';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  cnpjCheckDigits,
  cpfCheckDigits,
  formatDocument,
  makeCnpj,
  parseDocument,
  validateCnpj,
  validateCpf,
} from '../../../src/domain/documents/index.js';

const ALNUM = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const alnumChar = fc.constantFrom(...ALNUM.split(''));
const digitChar = fc.constantFrom(...'0123456789'.split(''));
const base12 = fc.array(alnumChar, { minLength: 12, maxLength: 12 }).map((a) => a.join(''));
const base9 = fc.array(digitChar, { minLength: 9, maxLength: 9 }).map((a) => a.join(''));
const dv = fc.array(digitChar, { minLength: 2, maxLength: 2 }).map((a) => a.join(''));

describe('CNPJ alfanumérico — exemplo oficial', () => {
  // SERPRO / Receita Federal, "Cálculo dos dígitos verificadores de CNPJ alfanumérico" (Nota Técnica
  // COCAD/SUARA/RFB nº 49/2024): worked example 12.ABC.345/01DE-35 (DV1 = 3, DV2 = 5).
  it('computes DV 35 for 12ABC34501DE', () => {
    expect(cnpjCheckDigits('12ABC34501DE')).toBe('35');
    expect(validateCnpj('12.ABC.345/01DE-35')).toBe(true);
    expect(validateCnpj('12.abc.345/01de-35')).toBe(true);
    expect(validateCnpj('12.ABC.345/01DE-36')).toBe(false);
  });

  it('parses and formats it in upper case', () => {
    expect(parseDocument(' 12abc34501de35 ')).toEqual({
      valid: true,
      kind: 'cnpj',
      digits: '12ABC34501DE35',
      formatted: '12.ABC.345/01DE-35',
    });
  });

  it('keeps numeric CNPJs computing as before (Receita example 11.222.333/0001-81)', () => {
    expect(cnpjCheckDigits('112223330001')).toBe('81');
    expect(validateCnpj('11.222.333/0001-81')).toBe(true);
  });

  it('rejects letters in the check digits', () => {
    expect(validateCnpj('12ABC34501DE3A')).toBe(false);
    expect(parseDocument('12ABC34501DE3A').error).toMatch(/dígitos verificadores/);
  });
});

describe('CPF', () => {
  it('validates and formats', () => {
    // 111.444.777-35: example widely used in the Receita's CPF check-digit explanation.
    expect(cpfCheckDigits('111444777')).toBe('35');
    expect(parseDocument('11144477735')).toEqual({
      valid: true,
      kind: 'cpf',
      digits: '11144477735',
      formatted: '111.444.777-35',
    });
    expect(validateCpf('111.444.777-36')).toBe(false);
  });

  it('rejects all-same-digit documents even though their check digits match', () => {
    for (let d = 0; d <= 9; d++) {
      const cpf = String(d).repeat(11);
      // Every repeated-digit CPF passes the mod-11 check; only the explicit rule rejects it.
      expect(cpfCheckDigits(cpf.slice(0, 9))).toBe(cpf.slice(9));
      expect(validateCpf(cpf)).toBe(false);
      expect(validateCnpj(String(d).repeat(14))).toBe(false);
    }
    expect(parseDocument('000.000.000-00').error).toMatch(/iguais/);
  });

  it('rejects letters and wrong lengths with a pt-BR message', () => {
    expect(parseDocument('1114447773A').valid).toBe(false);
    expect(parseDocument('123').error).toMatch(/CPF tem 11 e CNPJ tem 14/);
    expect(parseDocument('').error).toBe('documento vazio');
    expect(parseDocument('111#444#777#35').error).toMatch(/caracteres inválidos/);
  });
});

describe('oracle: cpf-cnpj-validator (supports the alphanumeric CNPJ)', () => {
  it('agrees on random valid CNPJs', () => {
    fc.assert(
      fc.property(base12, (b) => {
        const doc = makeCnpj(b);
        expect(oracleCnpj.isValid(doc, true)).toBe(validateCnpj(doc));
        expect(validateCnpj(doc)).toBe(!/^(.)\1{13}$/.test(doc));
        expect(formatDocument(doc)).toBe(oracleCnpj.format(doc));
      }),
      { numRuns: 2000 },
    );
  });

  it('agrees on random CNPJs with arbitrary check digits (mostly invalid)', () => {
    fc.assert(
      fc.property(base12, dv, (b, d) => {
        const doc = b + d;
        expect(validateCnpj(doc)).toBe(oracleCnpj.isValid(doc, true));
      }),
      { numRuns: 5000 },
    );
  });

  it('agrees on random CPFs, valid and invalid', () => {
    fc.assert(
      fc.property(base9, dv, fc.boolean(), (b, d, useValid) => {
        const doc = useValid ? b + cpfCheckDigits(b) : b + d;
        // The oracle also blacklists 123.456.789-09 (a check-digit-valid number used as a placeholder);
        // we accept it since the Receita's rule does not exclude it.
        fc.pre(doc !== '12345678909');
        expect(validateCpf(doc)).toBe(oracleCpf.isValid(doc, true));
        if (validateCpf(doc)) expect(formatDocument(doc)).toBe(oracleCpf.format(doc));
      }),
      { numRuns: 5000 },
    );
  });
});
