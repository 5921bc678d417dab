/**
 * The account check engine: normalization, messages and the generic rules of a bank without a profile. Each bank's
 * check-digit vectors sit beside its folder, in test/domain/banks/<code>-<slug>/account.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { bankLabel, checkBankAccount } from '../../../src/domain/banking/account.js';

describe('checkBankAccount: normalization and messages', () => {
  it('zero-pads agência and conta, upper-cases the DV, and fills a missing agência DV from the rule', () => {
    expect(checkBankAccount({ bankCode: '001', agency: '229', account: '12351', accountDigit: 'x' })).toEqual(
      {
        ok: true,
        value: { bankCode: '001', agency: '0229', agencyDigit: '1', account: '00012351', accountDigit: 'X' },
      },
    );
  });

  it('names the expected digit in pt-BR', () => {
    const result = checkBankAccount({ bankCode: '341', agency: '2545', account: '02366', accountDigit: '7' });
    expect(result).toEqual({
      ok: false,
      issues: [
        {
          path: 'accountDigit',
          message:
            'dígito da conta não confere: para a agência 2545 e a conta 02366 do Itaú Unibanco o dígito é 1 (recebido 7)',
        },
      ],
    });
  });

  it('refuses an agência DV where the bank has none, and requires the conta DV for listed banks', () => {
    const itau = checkBankAccount({ bankCode: '341', agency: '2545', agencyDigit: '1', account: '02366' });
    expect(!itau.ok && itau.issues.map((i) => i.path)).toEqual(['agencyDigit', 'accountDigit']);
  });

  it('refuses numbers with punctuation or too many digits, naming the field', () => {
    const result = checkBankAccount({
      bankCode: '237',
      agency: '1425-7',
      account: '12345678',
      accountDigit: '1',
    });
    expect(!result.ok && result.issues).toEqual([
      { path: 'agency', message: 'a agência "1425-7" deve ter só dígitos; informe o dígito em agencyDigit' },
      { path: 'account', message: 'a conta "12345678" tem 8 dígitos; o máximo é 7' },
    ]);
  });

  it('refuses a bank code that is not 3 digits and the pseudo-bank 000', () => {
    expect(checkBankAccount({ bankCode: '41', agency: '1', account: '1' })).toMatchObject({
      ok: false,
      issues: [{ path: 'bankCode' }],
    });
    expect(checkBankAccount({ bankCode: '000', agency: '1', account: '1' })).toMatchObject({
      ok: false,
      issues: [{ path: 'bankCode' }],
    });
  });

  it('labels a bank with a profile by its name and any other by its code', () => {
    expect([bankLabel('341'), bankLabel('077')]).toEqual(['341-Itaú Unibanco', '077']);
  });

  it('accepts a bank without a profile by length only, its DVs optional', () => {
    expect(checkBankAccount({ bankCode: '077', agency: '0001', account: '123456789012' })).toMatchObject({
      ok: true,
      value: { agencyDigit: null, accountDigit: null },
    });
  });
});
