/**
 * Runs one bank's account check-digit vectors through checkBankAccount (the engine in src/domain/banking), reaching
 * the bank's rules through its profile as the product does. Every vector comes from an independent implementation's
 * own test data, never from this code: wirecardBrasil/bank-account-validator-js (Moip;
 * spec/*_check_number_calculator.spec.js) and luizalabs/heimdall (heimdall_valid_bank/tests/data.py).
 */
import { describe, expect, it } from 'vitest';
import { checkBankAccount } from '../../../src/domain/banking/account.js';
import { bankProfile } from '../../../src/domain/banks/registry.js';

export type AccountVector = [
  agency: string,
  agencyDigit: string | null,
  account: string,
  accountDigit: string,
];

export function describeAccountVectors(
  bankCode: string,
  cases: {
    source: string;
    valid: AccountVector[];
    /** Combinations with one wrong digit, and the field that must be refused. */
    invalid?: [...AccountVector, field: 'agencyDigit' | 'accountDigit'][];
  },
): void {
  describe(`${bankCode} account check digits (${cases.source})`, () => {
    it('the bank profile carries its account rules', () => {
      expect(bankProfile(bankCode)?.account.code).toBe(bankCode);
    });

    it.each(cases.valid)('accepts %s-%s / %s-%s', (agency, agencyDigit, account, accountDigit) => {
      expect(checkBankAccount({ bankCode, agency, agencyDigit, account, accountDigit })).toMatchObject({
        ok: true,
      });
    });

    if (cases.invalid)
      it.each(cases.invalid)(
        'refuses %s-%s / %s-%s on %s',
        (agency, agencyDigit, account, accountDigit, field) => {
          const result = checkBankAccount({ bankCode, agency, agencyDigit, account, accountDigit });
          expect(!result.ok && result.issues.map((issue) => issue.path)).toEqual([field]);
        },
      );
  });
}
