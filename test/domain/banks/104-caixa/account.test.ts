/** Caixa: conta of operação (3) + número (8), DV over agência + conta. */
import { describeAccountVectors } from '../account-vectors.js';

describeAccountVectors('104', {
  source: 'heimdall CAIXA_ECONOMICA_FEDERAL',
  valid: [
    ['3009', null, '00100000448', '6'],
    ['3009', null, '00100022679', '9'],
    ['0081', null, '00100402345', '5'],
    ['0274', null, '00100002205', '4'],
  ],
  invalid: [['3009', null, '00100022679', '6', 'accountDigit']],
});
