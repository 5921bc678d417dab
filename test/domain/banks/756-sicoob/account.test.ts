/** Sicoob: no public DV rule, so the digits are accepted as typed (the conta DV is still required). */
import { expect, it } from 'vitest';
import { checkBankAccount } from '../../../../src/domain/banking/account.js';
import { describeAccountVectors } from '../account-vectors.js';

describeAccountVectors('756', { source: 'length only', valid: [['3069', null, '84725', '3']] });

it('756 still requires the conta DV', () => {
  expect(checkBankAccount({ bankCode: '756', agency: '3069', account: '84725' })).toMatchObject({
    ok: false,
    issues: [{ path: 'accountDigit' }],
  });
});
