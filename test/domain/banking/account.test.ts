/**
 * Bank account check digits per bank. Every vector comes from an independent implementation's own test data, never
 * from this code: wirecardBrasil/bank-account-validator-js (Moip; spec/*_check_number_calculator.spec.js) and
 * luizalabs/heimdall (heimdall_valid_bank/tests/data.py). Each bank's cases include the special results (BB "X",
 * Bradesco "P", Banrisul remainder 1 → 6, remainders 0) and a wrong digit that must be refused.
 */
import { describe, expect, it } from 'vitest';
import { checkBankAccount, type BankAccountNumbers } from '../../../src/domain/banking/account.js';

type Vector = [agency: string, agencyDigit: string | null, account: string, accountDigit: string];

const valid: Record<string, { source: string; vectors: Vector[] }> = {
  '001': {
    source: 'Moip banco_do_brasil spec; heimdall BANCO_DO_BRASIL',
    vectors: [
      ['1584', '9', '00210169', '6'],
      ['1852', 'X', '10089934', 'X'], // agência and conta with 11 − r = 10
      ['3494', '0', '10089939', '0'], // 11 − r = 11
      ['0229', '1', '12351', 'X'],
      ['4556', 'X', '5159', '4'],
    ],
  },
  '237': {
    source: 'Moip bradesco spec; heimdall BRADESCO',
    vectors: [
      ['1425', '7', '0238069', '2'],
      ['8221', 'P', '0301357', 'P'], // agência 11 − r = 10; conta remainder 1
      ['8212', '0', '0325620', '0'], // agência 11 − r = 11; conta remainder 0
      ['1842', '2', '42582', '6'],
    ],
  },
  '341': {
    source: 'Moip itau spec; heimdall ITAU',
    vectors: [
      ['2545', null, '02366', '1'],
      ['1874', null, '10009', '0'], // sum mod 10 = 0
      ['4122', null, '08781', '2'],
      ['8613', null, '30393', '5'],
    ],
  },
  '033': {
    // Moip's santander_validator spec example (1584 / 01789012-6) predates its check-digit code and fails it.
    source: 'heimdall SANTANDER',
    vectors: [
      ['3488', null, '01000334', '6'],
      ['2006', null, '01008407', '4'],
      ['1318', null, '01007168', '0'],
    ],
  },
  '104': {
    source: 'heimdall CAIXA_ECONOMICA_FEDERAL',
    vectors: [
      ['3009', null, '00100000448', '6'],
      ['3009', null, '00100022679', '9'],
      ['0081', null, '00100402345', '5'],
      ['0274', null, '00100002205', '4'],
    ],
  },
  '041': {
    source: 'Moip banrisul spec (conta); heimdall BANRISUL correct_agency (agência NC)',
    vectors: [
      ['2664', '18', '358507671', '8'],
      ['0196', '66', '358507670', '6'], // conta remainder 1 → 6
      ['1009', '00', '358507675', '0'], // conta remainder 0
      ['0043', '08', '358507671', '8'],
    ],
  },
};

const invalid: [bankCode: string, ...Vector, field: 'agencyDigit' | 'accountDigit'][] = [
  // heimdall invalid_combinations and Moip "does NOT accept" cases
  ['001', '1584', '9', '00210169', '5', 'accountDigit'],
  ['237', '2377', '9', '0002158', '1', 'accountDigit'],
  ['341', '4122', null, '08781', '5', 'accountDigit'],
  ['033', '3003', null, '01000491', '5', 'accountDigit'],
  ['033', '3415', null, '01089302', '6', 'accountDigit'],
  ['104', '3009', null, '00100022679', '6', 'accountDigit'],
  ['041', '1234', null, '358507671', '0', 'accountDigit'],
  ['001', '1584', '8', '00210169', '6', 'agencyDigit'],
  ['237', '8221', '0', '0301357', 'P', 'agencyDigit'],
];

const account = (bankCode: string, [agency, agencyDigit, acc, accountDigit]: Vector): BankAccountNumbers => ({
  bankCode,
  agency,
  agencyDigit,
  account: acc,
  accountDigit,
});

describe('checkBankAccount: independent vectors', () => {
  for (const [bankCode, { source, vectors }] of Object.entries(valid))
    it(`${bankCode} accepts the valid combinations of ${source}`, () => {
      for (const vector of vectors) {
        const result = checkBankAccount(account(bankCode, vector));
        expect(result, vector.join(' ')).toMatchObject({ ok: true });
      }
    });

  it.each(invalid)(
    '%s %s-%s / %s-%s is refused on %s',
    (bankCode, agency, agencyDigit, acc, accountDigit, field) => {
      const result = checkBankAccount({ bankCode, agency, agencyDigit, account: acc, accountDigit });
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.issues.map((issue) => issue.path)).toEqual([field]);
    },
  );
});

describe('checkBankAccount: normalization and messages', () => {
  it('zero-pads agência and conta, upper-cases the DV, and fills a missing agência DV from the rule', () => {
    expect(checkBankAccount({ bankCode: '001', agency: '229', account: '12351', accountDigit: 'x' })).toEqual(
      {
        ok: true,
        value: { bankCode: '001', agency: '0229', agencyDigit: '1', account: '00012351', accountDigit: 'X' },
      },
    );
  });

  it('names the expected digit in pt-BR', () => {
    const result = checkBankAccount({ bankCode: '341', agency: '2545', account: '02366', accountDigit: '7' });
    expect(result).toEqual({
      ok: false,
      issues: [
        {
          path: 'accountDigit',
          message:
            'dígito da conta não confere: para a agência 2545 e a conta 02366 do Itaú Unibanco o dígito é 1 (recebido 7)',
        },
      ],
    });
  });

  it('refuses an agência DV where the bank has none, and requires the conta DV for listed banks', () => {
    const itau = checkBankAccount({ bankCode: '341', agency: '2545', agencyDigit: '1', account: '02366' });
    expect(!itau.ok && itau.issues.map((i) => i.path)).toEqual(['agencyDigit', 'accountDigit']);
  });

  it('refuses numbers with punctuation or too many digits, naming the field', () => {
    const result = checkBankAccount({
      bankCode: '237',
      agency: '1425-7',
      account: '12345678',
      accountDigit: '1',
    });
    expect(!result.ok && result.issues).toEqual([
      { path: 'agency', message: 'a agência "1425-7" deve ter só dígitos; informe o dígito em agencyDigit' },
      { path: 'account', message: 'a conta "12345678" tem 8 dígitos; o máximo é 7' },
    ]);
  });

  it('refuses a bank code that is not 3 digits and the pseudo-bank 000', () => {
    expect(checkBankAccount({ bankCode: '41', agency: '1', account: '1' })).toMatchObject({
      ok: false,
      issues: [{ path: 'bankCode' }],
    });
    expect(checkBankAccount({ bankCode: '000', agency: '1', account: '1' })).toMatchObject({
      ok: false,
      issues: [{ path: 'bankCode' }],
    });
  });

  it('accepts Sicoob, Sicredi and unlisted banks by length only (no public DV rule)', () => {
    expect(
      checkBankAccount({ bankCode: '756', agency: '3069', account: '84725', accountDigit: '3' }).ok,
    ).toBe(true);
    expect(
      checkBankAccount({ bankCode: '748', agency: '0101', account: '12345', accountDigit: '6' }).ok,
    ).toBe(true);
    expect(checkBankAccount({ bankCode: '756', agency: '3069', account: '84725' })).toMatchObject({
      ok: false,
      issues: [{ path: 'accountDigit' }],
    });
    expect(checkBankAccount({ bankCode: '077', agency: '0001', account: '123456789012' })).toMatchObject({
      ok: true,
      value: { agencyDigit: null, accountDigit: null },
    });
  });
});
