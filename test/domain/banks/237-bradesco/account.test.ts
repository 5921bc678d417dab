/** Bradesco: "P" for an agência 11 − r = 10 and for a conta remainder 1; remainder 0 gives "0". */
import { describeAccountVectors } from '../account-vectors.js';

describeAccountVectors('237', {
  source: 'Moip bradesco spec; heimdall BRADESCO',
  valid: [
    ['1425', '7', '0238069', '2'],
    ['8221', 'P', '0301357', 'P'], // agência 11 − r = 10; conta remainder 1
    ['8212', '0', '0325620', '0'], // agência 11 − r = 11; conta remainder 0
    ['1842', '2', '42582', '6'],
  ],
  invalid: [
    ['2377', '9', '0002158', '1', 'accountDigit'],
    ['8221', '0', '0301357', 'P', 'agencyDigit'],
  ],
});
