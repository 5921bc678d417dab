import { describe, expect, it } from 'vitest';
import { centsToDecimalString, formatBRL, parseReais } from '../../src/domain/money.js';

describe('money', () => {
  it.each([
    ['1234.56', 123456],
    ['1234,56', 123456],
    ['1.234,56', 123456],
    ['R$ 1.234,56', 123456],
    ['1,234.56', 123456],
    ['0.29', 29],
    ['10', 1000],
    ['10,5', 1050],
    ['-3,01', -301],
  ])('reads %s as %i centavos', (text, cents) => {
    expect(parseReais(text)).toBe(cents);
  });

  it.each(['', 'abc', '1.2.3', '12,345', '1,23,45', '1e3'])('rejects %j naming the field', (text) => {
    expect(() => parseReais(text, 'amount')).toThrow(/^amount: /);
  });

  it('formats pt-BR currency', () => {
    expect(formatBRL(123456789)).toBe('R$ 1.234.567,89');
    expect(formatBRL(5)).toBe('R$ 0,05');
    expect(formatBRL(-1050)).toBe('-R$ 10,50');
    expect(centsToDecimalString(123456)).toBe('1234.56');
    expect(centsToDecimalString(-5)).toBe('-0.05');
  });
});
