/**
 * Bradesco (237): agência 4 digits + DV, conta 7 digits + DV, both módulo 11. Agência: weights 2–5 from the right,
 * DV = 11 − remainder, 10 → "P", 11 → "0". Conta: weights 2–7 from the right, remainder 0 → "0", 1 → "P", otherwise
 * 11 − remainder. Confirmed against wirecardBrasil/bank-account-validator-js (bradesco_check_number_calculator) and
 * luizalabs/heimdall.
 */
import { weightedSum, weightsUpTo } from '../../boleto/digits.js';
import type { BankAccountRules } from '../../banking/types.js';

const WEIGHTS_2_TO_5 = weightsUpTo(5);
const WEIGHTS_2_TO_7 = weightsUpTo(7);

export const account: BankAccountRules = {
  code: '237',
  name: 'Bradesco',
  agencyLength: 4,
  agencyDigit: (agency) => {
    const dv = 11 - (weightedSum(agency, WEIGHTS_2_TO_5) % 11);
    return dv === 10 ? 'P' : dv === 11 ? '0' : String(dv);
  },
  accountLength: 7,
  accountDigit: (_agency, account) => {
    const remainder = weightedSum(account, WEIGHTS_2_TO_7) % 11;
    return remainder === 0 ? '0' : remainder === 1 ? 'P' : String(11 - remainder);
  },
};
