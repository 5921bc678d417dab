/**
 * Sicoob (756): agência (cooperativa) 4 digits; the DVs of agência and conta have no published rule (none of the
 * bank's public documents nor the independent validators consulted state one), so they are accepted as typed.
 */
import type { BankAccountRules } from '../../banking/types.js';

export const account: BankAccountRules = {
  code: '756',
  name: 'Sicoob',
  agencyLength: 4,
  agencyDigit: 'unchecked',
  accountLength: 12,
  accountDigit: 'unchecked',
};
