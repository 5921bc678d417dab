/**
 * Itaú Unibanco (341): agência 4 digits with no DV, conta 5 digits + DV = FEBRABAN módulo 10 over agência(4) +
 * conta(5). Confirmed against wirecardBrasil/bank-account-validator-js (itau_check_number_calculator) and
 * luizalabs/heimdall (calculate_account_itau).
 */
import { mod10 } from '../../boleto/digits.js';
import type { BankAccountRules } from '../../banking/types.js';

export const account: BankAccountRules = {
  code: '341',
  name: 'Itaú Unibanco',
  agencyLength: 4,
  agencyDigit: 'none',
  accountLength: 5,
  accountDigit: (agency, account) => String(mod10(agency + account)),
};
