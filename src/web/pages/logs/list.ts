/** The Logs list state in the URL and in GET /api/logs (dates in the URL, instants in São Paulo for the API). */
import { isoDate, listParams, text } from '../../components/listParams.js';

export const logList = listParams({
  filters: { from: isoDate, to: isoDate, platform: text, outcome: text, q: text },
  sorts: ['at'] as const,
  sort: 'at',
  order: 'desc',
  pageSizes: [50, 100, 200],
});

/**
 * The API query of a list query: the day range becomes instants — from the start of `from` to the end of `to` in
 * São Paulo (UTC−03:00, no daylight saving since 2019) — and sort/order go (the log is newest first).
 */
export function logApiQuery(query: string): string {
  const params = new URLSearchParams(query);
  const from = params.get('from');
  const to = params.get('to');
  if (from) params.set('from', `${from}T00:00:00.000-03:00`);
  if (to) params.set('to', `${to}T23:59:59.999-03:00`);
  params.delete('sort');
  params.delete('order');
  return params.toString();
}
