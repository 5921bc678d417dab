/**
 * Checks and normalizes a bank account (banco, agência, conta and their check digits) by its bank's rules (the
 * `account` of its profile in src/domain/banks; a bank without a profile gets the generic rules below). Every problem comes back as an issue naming the field, in pt-BR; nothing here throws.
 *
 * - Numbers are digits only; the DV goes in its own field. Agência and, where the DV is computed, conta are
 *   zero-padded to the bank's length, so one account has one stored form.
 * - The conta DV is required for the banks with a profile (it is what catches a mistyped conta) and
 *   optional for the others. The agência DV is optional: when the bank's rule is known and none is given, the
 *   computed one is stored.
 */
import { bankProfile, listBanks } from '../banks/registry.js';
import type { BankAccountRules } from './types.js';

/** Any other bank: agência up to 5 digits, conta up to 12, their DVs accepted as typed. */
function genericRules(code: string): BankAccountRules {
  return {
    code,
    name: `Banco ${code}`,
    agencyLength: 5,
    agencyDigit: 'unchecked',
    accountLength: 12,
    accountDigit: 'unchecked',
  };
}

/** The account rules of every bank with a profile, in code order. */
export function accountRulesOfBanks(): BankAccountRules[] {
  return listBanks().map((bank) => bank.account);
}

function knownRules(code: string): BankAccountRules | undefined {
  return /^\d{3}$/.test(code) ? bankProfile(code)?.account : undefined;
}

export interface BankAccountNumbers {
  bankCode: string;
  agency: string;
  agencyDigit?: string | null;
  account: string;
  accountDigit?: string | null;
}

export interface NormalizedBankAccount {
  bankCode: string;
  agency: string;
  agencyDigit: string | null;
  account: string;
  accountDigit: string | null;
}

export interface AccountIssue {
  path: keyof BankAccountNumbers;
  message: string;
}

export type AccountCheck = { ok: true; value: NormalizedBankAccount } | { ok: false; issues: AccountIssue[] };

/** How a portador without a bank account shows its bank: the pseudo-bank of carteiras and platform convênios (Efí). */
export const CARTEIRA_LABEL = '0-Carteira';

/** "341-Itaú Unibanco"; a bank without rules here shows its code only ("077"). */
export function bankLabel(code: string): string {
  const rules = knownRules(code);
  return rules ? `${code}-${rules.name}` : code;
}

const DIGIT_CHAR = /^[0-9A-Z]$/;

type Numbers = { value: string } | { issue: string };

/** Digits only, at most `max` significant ones; zero-padded to `max` when `pad`. */
function readNumber(raw: string, label: string, max: number, pad: boolean, hint: string): Numbers {
  const text = raw.trim();
  if (text === '') return { issue: `informe ${label}` };
  if (!/^\d+$/.test(text)) return { issue: `${label} "${raw}" deve ter só dígitos; ${hint}` };
  const significant = text.replace(/^0+(?=\d)/, '');
  if (significant.length > max)
    return { issue: `${label} "${raw}" tem ${significant.length} dígitos; o máximo é ${max}` };
  return { value: pad ? significant.padStart(max, '0') : text };
}

function readDigit(raw: string | null | undefined): string | null {
  const text = raw?.trim().toUpperCase() ?? '';
  return text === '' ? null : text;
}

function checkAgencyDigit(
  rules: BankAccountRules,
  agency: string,
  typed: string | null,
): AccountIssue | string | null {
  const rule = rules.agencyDigit;
  if (rule === 'none')
    return typed === null
      ? null
      : {
          path: 'agencyDigit',
          message: `o ${rules.name} não usa dígito na agência; deixe o dígito da agência vazio`,
        };
  if (rule === 'unchecked') {
    if (typed === null || DIGIT_CHAR.test(typed)) return typed;
    return { path: 'agencyDigit', message: `dígito da agência "${typed}" deve ser um único dígito ou letra` };
  }
  const expected = rule(agency);
  if (typed === null || typed === expected) return expected;
  return {
    path: 'agencyDigit',
    message: `dígito da agência não confere: para a agência ${agency} do ${rules.name} o dígito é ${expected} (recebido ${typed})`,
  };
}

function checkAccountDigit(
  rules: BankAccountRules,
  agency: string,
  account: string,
  typed: string | null,
): AccountIssue | string | null {
  const known = knownRules(rules.code) !== undefined;
  if (typed === null)
    return known
      ? { path: 'accountDigit', message: `informe o dígito da conta (o ${rules.name} sempre tem um)` }
      : null;
  const rule = rules.accountDigit;
  if (rule === 'unchecked') {
    if (known ? DIGIT_CHAR.test(typed) : /^[0-9A-Z]{1,2}$/.test(typed)) return typed;
    return {
      path: 'accountDigit',
      message: `dígito da conta "${typed}" deve ser ${known ? 'um único dígito ou letra' : '1 ou 2 dígitos ou letras'}`,
    };
  }
  const expected = rule(agency, account);
  if (typed === expected) return typed;
  return {
    path: 'accountDigit',
    message: `dígito da conta não confere: para a agência ${agency} e a conta ${account} do ${rules.name} o dígito é ${expected} (recebido ${typed})`,
  };
}

export function checkBankAccount(input: BankAccountNumbers): AccountCheck {
  const bankCode = input.bankCode.trim();
  if (!/^\d{3}$/.test(bankCode) || bankCode === '000')
    return {
      ok: false,
      issues: [
        {
          path: 'bankCode',
          message:
            bankCode === '000'
              ? '000 não é um banco: um portador sem conta bancária (carteira, convênio de plataforma) não precisa de conta'
              : `código do banco "${input.bankCode}" deve ter 3 dígitos (ex.: 001, 341)`,
        },
      ],
    };
  const rules = knownRules(bankCode) ?? genericRules(bankCode);
  const issues: AccountIssue[] = [];
  const agency = readNumber(
    input.agency,
    'a agência',
    rules.agencyLength,
    true,
    'informe o dígito em agencyDigit',
  );
  const computedAccount = typeof rules.accountDigit === 'function';
  const account = readNumber(
    input.account,
    'a conta',
    rules.accountLength,
    computedAccount,
    rules.accountHint
      ? `${rules.accountHint}; o dígito vai em accountDigit`
      : 'informe o dígito em accountDigit',
  );
  if ('issue' in agency) issues.push({ path: 'agency', message: agency.issue });
  if ('issue' in account) issues.push({ path: 'account', message: account.issue });
  if ('issue' in agency || 'issue' in account) return { ok: false, issues };

  const agencyDigit = checkAgencyDigit(rules, agency.value, readDigit(input.agencyDigit));
  const accountDigit = checkAccountDigit(rules, agency.value, account.value, readDigit(input.accountDigit));
  for (const result of [agencyDigit, accountDigit])
    if (result !== null && typeof result === 'object') issues.push(result);
  if (issues.length > 0) return { ok: false, issues };
  return {
    ok: true,
    value: {
      bankCode,
      agency: agency.value,
      agencyDigit: agencyDigit as string | null,
      account: account.value,
      accountDigit: accountDigit as string | null,
    },
  };
}
