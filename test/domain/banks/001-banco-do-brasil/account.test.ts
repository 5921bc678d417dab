/** Banco do Brasil: the special results "X" (11 − r = 10) and "0" (11 − r = 11) in agência and conta. */
import { describeAccountVectors } from '../account-vectors.js';

describeAccountVectors('001', {
  source: 'Moip banco_do_brasil spec; heimdall BANCO_DO_BRASIL',
  valid: [
    ['1584', '9', '00210169', '6'],
    ['1852', 'X', '10089934', 'X'], // agência and conta with 11 − r = 10
    ['3494', '0', '10089939', '0'], // 11 − r = 11
    ['0229', '1', '12351', 'X'],
    ['4556', 'X', '5159', '4'],
  ],
  invalid: [
    ['1584', '9', '00210169', '5', 'accountDigit'],
    ['1584', '8', '00210169', '6', 'agencyDigit'],
  ],
});
