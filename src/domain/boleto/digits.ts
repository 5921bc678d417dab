/**
 * Check-digit arithmetic shared by every boleto rule (FEBRABAN and the banks' own manuals). Each bank module calls
 * these helpers with its own weights and its own mapping of the result; nothing here knows about a bank.
 */

/** Thrown for input that cannot become a boleto; the message is pt-BR and names the field. */
export class BoletoError extends Error {
  override name = 'BoletoError';
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(`${field}: ${message}`);
  }
}

export function isDigits(text: string): boolean {
  return /^\d+$/.test(text);
}

/**
 * Reads a numeric field given by a person ("1234", "01234", "12.345-6" is not accepted here) and left-pads it with
 * zeros to `length`. Raises a pt-BR error naming the field when it has non-digits or is too long.
 */
export function digitsField(value: string | undefined, field: string, length: number): string {
  const text = (value ?? '').trim();
  if (text === '') throw new BoletoError(field, 'é obrigatório');
  if (!isDigits(text)) throw new BoletoError(field, `"${text}" deve conter apenas dígitos`);
  if (text.length > length) {
    const stripped = text.replace(/^0+/, '');
    if (stripped.length > length)
      throw new BoletoError(field, `"${text}" tem ${text.length} dígitos; o máximo é ${length}`);
    return stripped.padStart(length, '0');
  }
  return text.padStart(length, '0');
}

/**
 * Sum of digit × weight, walking the digits from the rightmost one and the weights from the first one, cycling the
 * weights. `weightedSum("1234", [2, 3])` is 4·2 + 3·3 + 2·2 + 1·3.
 */
export function weightedSum(digits: string, weights: readonly number[]): number {
  let total = 0;
  let w = 0;
  for (let i = digits.length - 1; i >= 0; i--) {
    total += (digits.charCodeAt(i) - 48) * (weights[w] as number);
    w = w + 1 === weights.length ? 0 : w + 1;
  }
  return total;
}

/** Weights 2, 3, …, max, repeated (the "módulo 11, pesos 2 a 9" of FEBRABAN and most banks). */
export function weightsUpTo(max: number): readonly number[] {
  return Array.from({ length: max - 1 }, (_, i) => i + 2);
}

const WEIGHTS_2_TO_9 = weightsUpTo(9);

/** Remainder of the módulo 11 sum with weights 2..max (9 unless told) from the right. */
export function mod11Remainder(digits: string, maxWeight = 9): number {
  return weightedSum(digits, maxWeight === 9 ? WEIGHTS_2_TO_9 : weightsUpTo(maxWeight)) % 11;
}

/**
 * FEBRABAN módulo 10: weights 2, 1, 2, 1… from the right, the digits of each product summed, DV = 10 − (sum mod 10),
 * and 10 becomes 0. Used for the linha digitável fields, collection slips and several nosso números.
 */
export function mod10(digits: string): number {
  let total = 0;
  let double = true;
  for (let i = digits.length - 1; i >= 0; i--) {
    let product = (digits.charCodeAt(i) - 48) * (double ? 2 : 1);
    if (product > 9) product -= 9;
    total += product;
    double = !double;
  }
  return (10 - (total % 10)) % 10;
}

/**
 * Módulo 11 with DV = 11 − remainder, where a result of 10 or 11 (remainder 1 or 0) becomes 0. The most common
 * bank variant (Santander, Caixa, Sicredi, Sicoob…).
 */
export function mod11ZeroWhenOver9(digits: string, maxWeight = 9): number {
  const dv = 11 - mod11Remainder(digits, maxWeight);
  return dv > 9 ? 0 : dv;
}
