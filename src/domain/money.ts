/** Money is always an integer number of centavos; these helpers are the only way in from text and out to text. */
export type Cents = number;

export class MoneyError extends Error {
  override name = 'MoneyError';
}

export function assertCents(value: number, field = 'valor'): Cents {
  if (!Number.isSafeInteger(value))
    throw new MoneyError(`${field}: ${value} não é um valor inteiro em centavos`);
  return value;
}

/**
 * Reads an amount in reais as written by people or programs: "1234.56", "1234,56", "1.234,56", "R$ 1.234,56",
 * "10". Never goes through a float, so "0.29" is 29 centavos exactly.
 */
export function parseReais(text: string, field = 'valor'): Cents {
  const cleaned = text.trim().replace(/^R\$\s*/i, '');
  const match =
    /^(-)?(\d{1,3}(?:\.\d{3})+|\d+)(?:[.,](\d{1,2}))?$/.exec(cleaned) ??
    /^(-)?(\d{1,3}(?:,\d{3})+)\.(\d{1,2})$/.exec(cleaned);
  if (!match) throw new MoneyError(`${field}: "${text}" não é um valor em reais (ex.: 1234,56)`);
  const [, sign, integerPart = '0', fraction = ''] = match;
  const reais = integerPart.replace(/[.,]/g, '');
  const cents = Number(reais) * 100 + Number(fraction.padEnd(2, '0'));
  return assertCents(sign ? -cents : cents, field);
}

/** "R$ 1.234,56" (pt-BR), with a minus sign before the symbol for negative amounts. */
export function formatBRL(cents: Cents): string {
  assertCents(cents);
  const sign = cents < 0 ? '-' : '';
  const absolute = Math.abs(cents);
  const reais = Math.trunc(absolute / 100)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  const centavos = (absolute % 100).toString().padStart(2, '0');
  return `${sign}R$ ${reais},${centavos}`;
}

/** "1234.56": the decimal form that JSON consumers and bank APIs expect. */
export function centsToDecimalString(cents: Cents): string {
  assertCents(cents);
  const sign = cents < 0 ? '-' : '';
  const absolute = Math.abs(cents);
  return `${sign}${Math.trunc(absolute / 100)}.${(absolute % 100).toString().padStart(2, '0')}`;
}
