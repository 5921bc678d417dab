/** Banrisul: the agência's two-digit NC (as in its boleto) and the conta remainders 1 → 6 and 0 → 0. */
import { describeAccountVectors } from '../account-vectors.js';

describeAccountVectors('041', {
  source: 'Moip banrisul spec (conta); heimdall BANRISUL correct_agency (agência NC)',
  valid: [
    ['2664', '18', '358507671', '8'],
    ['0196', '66', '358507670', '6'], // conta remainder 1 → 6
    ['1009', '00', '358507675', '0'], // conta remainder 0
    ['0043', '08', '358507671', '8'],
  ],
  invalid: [['1234', null, '358507671', '0', 'accountDigit']],
});
