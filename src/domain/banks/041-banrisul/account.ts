/**
 * Banrisul (041): agência 4 digits + a two-digit "número de controle" (NC: módulo 10, then módulo 11 with weights
 * 2–7 — the same NC as its boleto fields), conta 9 digits + DV: weights 3,2,4,7,6,5,4,3,2 from the left, remainder
 * 0 → 0, remainder 1 → 6, otherwise 11 − remainder. Conta rule confirmed against wirecardBrasil/bank-account-validator-js
 * (banrisul_check_number_calculator) and luizalabs/heimdall; the agência NC against heimdall's agency table.
 */
import { weightedSum } from '../../boleto/digits.js';
import { banrisulNc } from './boleto.js';
import type { BankAccountRules } from '../../banking/types.js';

const ACCOUNT_WEIGHTS_FROM_RIGHT = [2, 3, 4, 5, 6, 7, 4, 2, 3] as const;

export const account: BankAccountRules = {
  code: '041',
  name: 'Banrisul',
  agencyLength: 4,
  agencyDigit: banrisulNc,
  accountLength: 9,
  accountDigit: (_agency, account) => {
    const remainder = weightedSum(account, ACCOUNT_WEIGHTS_FROM_RIGHT) % 11;
    return remainder === 0 ? '0' : remainder === 1 ? '6' : String(11 - remainder);
  },
};
