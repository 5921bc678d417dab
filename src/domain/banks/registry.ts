/**
 * Every bank, one folder each (`<code>-<slug>/`, see profile.ts). Adding a bank: its folder and one line here.
 */
import { profile as bancoDoBrasil } from './001-banco-do-brasil/index.js';
import { profile as santander } from './033-santander/index.js';
import { profile as banrisul } from './041-banrisul/index.js';
import { profile as caixa } from './104-caixa/index.js';
import { profile as bradesco } from './237-bradesco/index.js';
import { profile as itau } from './341-itau/index.js';
import { profile as sicredi } from './748-sicredi/index.js';
import { profile as sicoob } from './756-sicoob/index.js';
import type { CnabWidth } from '../cnab/layout.js';
import type { ReturnCommandTable } from '../settlement/return-commands.js';
import type { BankProfile } from './profile.js';

const BANKS: readonly BankProfile[] = [
  bancoDoBrasil,
  santander,
  banrisul,
  caixa,
  bradesco,
  itau,
  sicredi,
  sicoob,
];

const BY_CODE = new Map<string, BankProfile>();
for (const bank of BANKS) {
  if (!/^\d{3}$/.test(bank.code) || BY_CODE.has(bank.code))
    throw new Error(`banco repetido ou inválido: ${bank.code}`);
  if (bank.account.code !== bank.code || (bank.boleto && bank.boleto.code !== bank.code))
    throw new Error(`as regras do banco ${bank.code} estão em outra pasta`);
  BY_CODE.set(bank.code, bank);
}

/** The bank with this code ("237", or "23" padded to 3 digits), if it has a profile. */
export function bankProfile(code: string): BankProfile | undefined {
  return BY_CODE.get(code.padStart(3, '0'));
}

/** Every bank, in code order. */
export function listBanks(): readonly BankProfile[] {
  return BANKS;
}

/** The return commands a bank ships for its CNAB retorno of this width (empty when it has no such layout). */
export function defaultReturnCommands(code: string, width: CnabWidth): ReturnCommandTable {
  const bank = bankProfile(code);
  return (width === 240 ? bank?.cnab240 : bank?.cnab400)?.returnCommands ?? [];
}
