/**
 * Banco do Brasil (001): agência 4 digits + DV, conta up to 8 digits + DV. Both DVs are módulo 11 with weights
 * 2, 3, … from the right (agência 2–5, conta 2–9), DV = 11 − remainder, 10 → "X", 11 → "0". Confirmed against two
 * independent implementations: wirecardBrasil/bank-account-validator-js (banco_do_brasil_check_number_calculator)
 * and luizalabs/heimdall (calculate_number_account / calculate_number_agency).
 */
import { weightedSum, weightsUpTo } from '../../boleto/digits.js';
import type { BankAccountRules } from '../../banking/types.js';

function bbDigit(digits: string, maxWeight: number): string {
  const dv = 11 - (weightedSum(digits, weightsUpTo(maxWeight)) % 11);
  return dv === 10 ? 'X' : dv === 11 ? '0' : String(dv);
}

export const account: BankAccountRules = {
  code: '001',
  name: 'Banco do Brasil',
  agencyLength: 4,
  agencyDigit: (agency) => bbDigit(agency, 5),
  accountLength: 8,
  accountDigit: (_agency, account) => bbDigit(account, 9),
};
