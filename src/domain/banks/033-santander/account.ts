/**
 * Santander (033): agência 4 digits (its DV, used in some CNAB layouts, has no public rule), conta 8 digits + DV.
 * Conta DV: agência(4) + "00" + conta(8) weighted 9,7,3,1,0,0,9,7,1,3,1,9,7,3 from the left, DV = 10 − (sum mod 10),
 * 10 → 0. Confirmed against wirecardBrasil/bank-account-validator-js (santander_check_number_validator) and
 * luizalabs/heimdall (calculate_account_santander).
 */
import { weightedSum } from '../../boleto/digits.js';
import type { BankAccountRules } from '../../banking/types.js';

// The same weights read from the rightmost digit, as weightedSum walks them.
const WEIGHTS_FROM_RIGHT = [3, 7, 9, 1, 3, 1, 7, 9, 0, 0, 1, 3, 7, 9] as const;

export const account: BankAccountRules = {
  code: '033',
  name: 'Santander',
  agencyLength: 4,
  agencyDigit: 'unchecked',
  accountLength: 8,
  accountDigit: (agency, account) =>
    String((10 - (weightedSum(`${agency}00${account}`, WEIGHTS_FROM_RIGHT) % 10)) % 10),
};
