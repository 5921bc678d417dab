/** Sicredi: no public DV rule for the conta, so its digit is accepted as typed. */
import { describeAccountVectors } from '../account-vectors.js';

describeAccountVectors('748', { source: 'length only', valid: [['0101', null, '12345', '6']] });
