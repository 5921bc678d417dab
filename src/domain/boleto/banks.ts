/** The banks the boleto engine can make and read: those whose profile (src/domain/banks) has boleto rules. */
import { bankProfile, listBanks } from '../banks/registry.js';
import type { BankBoletoRules } from './bank-rules.js';

export const BANKS: readonly BankBoletoRules[] = listBanks().flatMap((bank) =>
  bank.boleto ? [bank.boleto] : [],
);

export function findBank(code: string): BankBoletoRules | undefined {
  return bankProfile(code)?.boleto;
}
