import { MoneyError, parseReais } from '../../../domain/money.js';

/** Centavos from what was typed ("1.500,00"); null when it is not a positive amount of reais. */
export function positiveCentsOf(text: string): number | null {
  try {
    const cents = parseReais(text, 'limite');
    return cents > 0 ? cents : null;
  } catch (error) {
    if (error instanceof MoneyError) return null;
    throw error;
  }
}
