/**
 * Caixa Econômica Federal (104): agência 4 digits (no public DV rule), conta of 11 digits = operação (3, e.g. 001
 * conta corrente PF, 003 PJ, 013 poupança) + número (8), + DV: agência(4) + conta(11) weighted 2–9 from the right,
 * DV = (sum × 10) mod 11, 10 → 0. Confirmed against luizalabs/heimdall (calculate_account_caixa and its table of
 * valid and invalid combinations). Caixa's newer 12-digit account numbers are not covered by this rule.
 */
import { weightedSum, weightsUpTo } from '../../boleto/digits.js';
import type { BankAccountRules } from '../../banking/types.js';

const WEIGHTS_2_TO_9 = weightsUpTo(9);

export const account: BankAccountRules = {
  code: '104',
  name: 'Caixa Econômica Federal',
  agencyLength: 4,
  agencyDigit: 'unchecked',
  accountLength: 11,
  accountHint: 'operação (3 dígitos, ex.: 001) seguida do número (8 dígitos)',
  accountDigit: (agency, account) => String(((weightedSum(agency + account, WEIGHTS_2_TO_9) * 10) % 11) % 10),
};
