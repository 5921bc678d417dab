/** Santander: conta DV over agência + "00" + conta. */
import { describeAccountVectors } from '../account-vectors.js';

describeAccountVectors('033', {
  // Moip's santander_validator spec example (1584 / 01789012-6) predates its check-digit code and fails it.
  source: 'heimdall SANTANDER',
  valid: [
    ['3488', null, '01000334', '6'],
    ['2006', null, '01008407', '4'],
    ['1318', null, '01007168', '0'],
  ],
  invalid: [
    ['3003', null, '01000491', '5', 'accountDigit'],
    ['3415', null, '01089302', '6', 'accountDigit'],
  ],
});
