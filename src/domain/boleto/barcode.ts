/**
 * Ficha de compensação (bank boleto) numbers, FEBRABAN layout (Carta Circular BACEN 2.926/2000; FEBRABAN "Layout
 * padrão de arrecadação/recebimento com utilização do código de barras" and the banks' manuals that repeat it):
 *
 * barcode (44):  BBB M D FFFF VVVVVVVVVV LLLLLLLLLLLLLLLLLLLLLLLLL
 *                bank, currency (9 = real), general DV (mod 11), due-date factor, amount in centavos, campo livre
 * line (47):     field 1 = BBB M L[0..5) + DV10 · field 2 = L[5..15) + DV10 · field 3 = L[15..25) + DV10 ·
 *                field 4 = general DV · field 5 = FFFF VVVVVVVVVV
 */
import { isDigits, mod10, mod11Remainder } from './digits.js';

export const CURRENCY_REAL = '9';
export const MAX_AMOUNT_CENTS = 9_999_999_999;

/**
 * General DV of a bank barcode (position 5) over the other 43 digits: módulo 11 with weights 2..9 from the right,
 * DV = 11 − remainder, and a result of 0, 10 or 11 becomes 1.
 */
export function bankBarcodeDv(digits43: string): number {
  const dv = 11 - mod11Remainder(digits43);
  return dv === 0 || dv > 9 ? 1 : dv;
}

/** Assembles the 44-digit barcode. Inputs must already be validated and padded (see makeBankBoleto). */
export function assembleBankBarcode(
  bank: string,
  currency: string,
  factor: string,
  amount: string,
  campoLivre: string,
): string {
  const without = bank + currency + factor + amount + campoLivre;
  return without.slice(0, 4) + String(bankBarcodeDv(without)) + without.slice(4);
}

/** The 47-digit linha digitável of a 44-digit bank barcode (no punctuation). */
export function bankLineFromBarcode(barcode: string): string {
  const f1 = barcode.slice(0, 4) + barcode.slice(19, 24);
  const f2 = barcode.slice(24, 34);
  const f3 = barcode.slice(34, 44);
  return `${f1}${mod10(f1)}${f2}${mod10(f2)}${f3}${mod10(f3)}${barcode[4] ?? ''}${barcode.slice(5, 19)}`;
}

/** The barcode a 47-digit line stands for (the line's own field DVs are dropped, not checked). */
export function bankBarcodeFromLine(line: string): string {
  return line.slice(0, 4) + line.slice(32, 47) + line.slice(4, 9) + line.slice(10, 20) + line.slice(21, 31);
}

/** "AAABC.CCCCX DDDDD.DDDDDY EEEEE.EEEEEZ K UUUUVVVVVVVVVV" */
export function formatBankLine(line: string): string {
  return (
    `${line.slice(0, 5)}.${line.slice(5, 10)} ${line.slice(10, 15)}.${line.slice(15, 21)} ` +
    `${line.slice(21, 26)}.${line.slice(26, 32)} ${line.slice(32, 33)} ${line.slice(33)}`
  );
}

/** The three line fields and where each one's DV sits (0-based). */
export const BANK_LINE_FIELDS = [
  { name: 'campo 1', start: 0, dvAt: 9 },
  { name: 'campo 2', start: 10, dvAt: 20 },
  { name: 'campo 3', start: 21, dvAt: 31 },
] as const;

export function isBankBarcodeShape(text: string): boolean {
  return text.length === 44 && isDigits(text);
}
