/**
 * Fator de vencimento (barcode positions 6–9): days from the base date 1997-10-07 to the due date.
 *
 * Sources:
 * - FEBRABAN, "Manual Operacional do Fator de Vencimento da Cobrança Bancária", versão 01, 01.06.2012: base date
 *   07.10.1997 (Carta Circular BACEN 2.926/2000); factor 1000 = 03/07/2000, 9999 = 21/02/2025 (the limit); on
 *   22/02/2025 the factor restarts at 1000 and keeps counting one per day (a 9000-day cycle).
 * - Decoding window: the factor stands for the one date from 3000 days before to 5500 days after the current
 *   date. Section III of the same manual ("Fator de Vencimento – data limite – 21.02.2025") introduces the
 *   restart; the excerpt we could read was cut before its table, so the 3000/5500 figures were checked against
 *   an independent implementation: Caelum Stella (br.com.caelum.stella.boleto.Datas, RANGE_MINIMO = 3000,
 *   RANGE_MAXIMO = 5500, "utilizar o range de 3000 dias antes … 5500 dias a partir da data").
 * - A factor of 0000 means the boleto carries no due date.
 */
import { addDays, daysBetween, todayInSaoPaulo, type CalendarDate } from '../dates.js';
import { BoletoError } from './digits.js';

export const FACTOR_BASE_DATE = '1997-10-07';
/** Days before "today" that a factor may still point to. */
export const FACTOR_WINDOW_PAST_DAYS = 3000;
/** Days after "today" that a factor may point to. */
export const FACTOR_WINDOW_FUTURE_DAYS = 5500;
const CYCLE = 9000;

/** The 4-digit factor of a due date (1000..9999), after the 2025-02-22 rollover rule. */
export function dueDateFactor(date: CalendarDate): number {
  const days = daysBetween(FACTOR_BASE_DATE, date);
  if (days < 1000)
    throw new BoletoError(
      'vencimento',
      `${date} é anterior a 2000-07-03, primeiro dia com fator de vencimento`,
    );
  return ((days - 1000) % CYCLE) + 1000;
}

/**
 * The due date a factor stands for, as seen on `today` (São Paulo): the one date in the FEBRABAN window
 * [today − 3000 days, today + 5500 days]. Returns null for factor 0 (no due date) and for a factor whose every date
 * falls outside the window (the window covers 8501 of the 9000 days of a cycle).
 */
export function dateFromFactor(factor: number, today: CalendarDate = todayInSaoPaulo()): CalendarDate | null {
  if (!Number.isInteger(factor) || factor < 0 || factor > 9999)
    throw new BoletoError('fator de vencimento', `${factor} não é um número de 0 a 9999`);
  if (factor === 0) return null;
  if (factor < 1000) return null;
  const earliest = daysBetween(FACTOR_BASE_DATE, today) - FACTOR_WINDOW_PAST_DAYS;
  // Smallest day count ≥ earliest that is congruent to the factor within the 9000-day cycle.
  const offset = factor - 1000;
  let days = 1000 + offset;
  if (days < earliest) days += Math.ceil((earliest - days) / CYCLE) * CYCLE;
  if (days > earliest + FACTOR_WINDOW_PAST_DAYS + FACTOR_WINDOW_FUTURE_DAYS) return null;
  return addDays(FACTOR_BASE_DATE, days);
}

/** Whether `date` is inside the decoding window seen from `today`, so that its factor reads back to the same date. */
export function isInFactorWindow(date: CalendarDate, today: CalendarDate): boolean {
  const delta = daysBetween(today, date);
  return delta >= -FACTOR_WINDOW_PAST_DAYS && delta <= FACTOR_WINDOW_FUTURE_DAYS;
}
