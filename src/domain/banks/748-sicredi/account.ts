/**
 * Sicredi (748): agência (cooperativa) 4 digits; the conta's DV has no published rule (none of the bank's public
 * documents nor the independent validators consulted state one), so it is required but not computed.
 */
import type { BankAccountRules } from '../../banking/types.js';

export const account: BankAccountRules = {
  code: '748',
  name: 'Sicredi',
  agencyLength: 4,
  agencyDigit: 'unchecked',
  accountLength: 12,
  accountDigit: 'unchecked',
};
