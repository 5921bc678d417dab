import { describe, expect, it } from 'vitest';
import { receivableList } from '../../src/web/pages/receivables/list.js';
import { buildHash, parseHash } from '../../src/web/route.js';

const DEFAULT_FILTERS = receivableList.defaults;
const readFilters = receivableList.read;
const writeFilters = receivableList.write;
const receivablesQuery = (companyId: string, filters: typeof DEFAULT_FILTERS) =>
  receivableList.query(filters, { companyId });

describe('hash routes', () => {
  it('reads the tab and the query, falling back to Títulos', () => {
    const route = parseHash('#/remessa?companyId=c1');
    expect(route.tab).toBe('remessa');
    expect(route.params.get('companyId')).toBe('c1');
    expect(parseHash('').tab).toBe('titulos');
    expect(parseHash('#/nao-existe').tab).toBe('titulos');
    expect(buildHash('logs', new URLSearchParams({ companyId: 'c1' }))).toBe('#/logs?companyId=c1');
    expect(buildHash('titulos', new URLSearchParams())).toBe('#/titulos');
  });

  it('round-trips filters through the URL and drops defaults', () => {
    const filters = {
      ...DEFAULT_FILTERS,
      status: ['paid' as const, 'open' as const],
      overdue: true,
      dueFrom: '2026-01-01',
      dueTo: '2026-03-31',
      q: ' 1234 ',
      sort: 'amountCents' as const,
      order: 'desc' as const,
      page: 3,
      pageSize: 50,
    };
    const params = writeFilters(new URLSearchParams({ companyId: 'c1' }), filters);
    expect(params.get('companyId')).toBe('c1');
    expect(params.has('issueFrom')).toBe(false);
    const back = readFilters(new URLSearchParams(params.toString()));
    expect(back).toEqual({ ...filters, q: '1234' });
    expect(writeFilters(new URLSearchParams(), DEFAULT_FILTERS).toString()).toBe('');
  });

  it('ignores malformed values instead of sending them to the API', () => {
    const filters = readFilters(
      new URLSearchParams('status=paid,bogus&dueFrom=31/12/2026&sort=drop&page=-2&pageSize=7&order=sideways'),
    );
    expect(filters.status).toEqual(['paid']);
    expect(filters.dueFrom).toBe('');
    expect(filters.sort).toBe('dueDate');
    expect(filters.order).toBe('asc');
    expect(filters.page).toBe(1);
    expect(filters.pageSize).toBe(25);
  });

  it('tells whether any filter is set (sort and paging are not filters)', () => {
    expect(receivableList.hasFilters({ ...DEFAULT_FILTERS, sort: 'amountCents', page: 4 })).toBe(false);
    expect(receivableList.hasFilters({ ...DEFAULT_FILTERS, q: '   ' })).toBe(false);
    expect(receivableList.hasFilters({ ...DEFAULT_FILTERS, overdue: true })).toBe(true);
    expect(receivableList.hasFilters({ ...DEFAULT_FILTERS, status: ['paid'] })).toBe(true);
  });

  it('builds the GET /api/receivables query with explicit sort and paging', () => {
    const query = new URLSearchParams(
      receivablesQuery('c9', {
        ...DEFAULT_FILTERS,
        status: ['open', 'registered'],
        customerId: 'k1',
        overdue: true,
      }),
    );
    expect(Object.fromEntries(query)).toEqual({
      companyId: 'c9',
      customerId: 'k1',
      status: 'open,registered',
      overdue: 'true',
      sort: 'dueDate',
      order: 'asc',
      page: '1',
      pageSize: '25',
    });
  });
});
