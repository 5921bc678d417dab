/** Every bank with account rules, and the fallback for the others. Adding a bank: its file in banks/ and one line. */
import { bancoDoBrasil } from './banks/001-banco-do-brasil.js';
import { santander } from './banks/033-santander.js';
import { banrisul } from './banks/041-banrisul.js';
import { caixa } from './banks/104-caixa.js';
import { bradesco } from './banks/237-bradesco.js';
import { itau } from './banks/341-itau.js';
import { sicredi } from './banks/748-sicredi.js';
import { sicoob } from './banks/756-sicoob.js';
import type { BankAccountRules } from './types.js';

export const ACCOUNT_RULES: readonly BankAccountRules[] = [
  bancoDoBrasil,
  santander,
  banrisul,
  caixa,
  bradesco,
  itau,
  sicredi,
  sicoob,
];

const BY_CODE = new Map(ACCOUNT_RULES.map((bank) => [bank.code, bank]));

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

export function accountRulesFor(code: string): BankAccountRules {
  return BY_CODE.get(code) ?? genericRules(code);
}

/** Whether the bank has its own rules here (its name is known and its digits are checked where public). */
export function isKnownBank(code: string): boolean {
  return BY_CODE.has(code);
}
