/**
 * Calendar dates are ISO strings "YYYY-MM-DD" in America/Sao_Paulo. Arithmetic goes through UTC midnight, where
 * every day has 24 hours, so no time zone or daylight-saving rule can move a date.
 */
export type CalendarDate = string;

export const SAO_PAULO = 'America/Sao_Paulo';
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

export class DateError extends Error {
  override name = 'DateError';
}

export function isCalendarDate(text: string): boolean {
  const match = ISO_DATE.exec(text);
  if (!match) return false;
  const [, y, m, d] = match.map(Number) as [number, number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

export function parseCalendarDate(text: string, field = 'data'): CalendarDate {
  if (!isCalendarDate(text))
    throw new DateError(`${field}: "${text}" não é uma data válida no formato AAAA-MM-DD`);
  return text;
}

// Building an Intl formatter costs far more than formatting with one, so there is exactly one.
const saoPauloDay = new Intl.DateTimeFormat('en-CA', {
  timeZone: SAO_PAULO,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** Today's date in São Paulo for the given instant (defaults to now). */
export function todayInSaoPaulo(now: Date = new Date()): CalendarDate {
  return saoPauloDay.format(now);
}

function toUtcMs(date: CalendarDate): number {
  const [y, m, d] = parseCalendarDate(date).split('-').map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d);
}

function fromUtcMs(ms: number): CalendarDate {
  return new Date(ms).toISOString().slice(0, 10);
}

export function addDays(date: CalendarDate, days: number): CalendarDate {
  return fromUtcMs(toUtcMs(date) + days * DAY_MS);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: CalendarDate, to: CalendarDate): number {
  return Math.round((toUtcMs(to) - toUtcMs(from)) / DAY_MS);
}

export function addMonths(date: CalendarDate, months: number): CalendarDate {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(y, m - 1 + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d, lastDay));
  return fromUtcMs(target.getTime());
}

/** "23/11/2026" */
export function formatDateBR(date: CalendarDate): string {
  const [y, m, d] = parseCalendarDate(date).split('-');
  return `${d}/${m}/${y}`;
}
