/** Every bank with boleto rules. Adding a bank: its file in this folder and one line here. */
import { bancoDoBrasil } from './001-banco-do-brasil.js';
import { santander } from './033-santander.js';
import { banrisul } from './041-banrisul.js';
import { caixa } from './104-caixa.js';
import { bradesco } from './237-bradesco.js';
import { itau } from './341-itau.js';
import { sicredi } from './748-sicredi.js';
import { sicoob } from './756-sicoob.js';
import type { BankBoletoRules } from './types.js';

export const BANKS: readonly BankBoletoRules[] = [
  bancoDoBrasil,
  santander,
  banrisul,
  caixa,
  bradesco,
  itau,
  sicredi,
  sicoob,
];

const BY_CODE = new Map(BANKS.map((bank) => [bank.code, bank]));

export function findBank(code: string): BankBoletoRules | undefined {
  return BY_CODE.get(code.padStart(3, '0'));
}
