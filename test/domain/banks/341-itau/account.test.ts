/** Itaú: conta DV módulo 10 over agência + conta; no agência DV. */
import { describeAccountVectors } from '../account-vectors.js';

describeAccountVectors('341', {
  source: 'Moip itau spec; heimdall ITAU',
  valid: [
    ['2545', null, '02366', '1'],
    ['1874', null, '10009', '0'], // sum mod 10 = 0
    ['4122', null, '08781', '2'],
    ['8613', null, '30393', '5'],
  ],
  invalid: [['4122', null, '08781', '5', 'accountDigit']],
});
