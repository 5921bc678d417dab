/**
 * A list screen's state in the URL: its filters (each with a codec), sort, order, page and page size. Values
 * equal to the default stay out of the URL; malformed ones read as the default, so they never reach the API.
 * Pure: unit-tested in test/web.
 */
// Method syntax on purpose: a Codec<Status[]> may stand where a Codec<unknown> is expected.
export interface Codec<T> {
  read(raw: string | null): T;
  /** '' leaves the key out. */
  write(value: T): string;
  empty: T;
}

const ISO = /^\d{4}-\d{2}-\d{2}$/;

export const text: Codec<string> = { read: (raw) => raw ?? '', write: (value) => value.trim(), empty: '' };
export const isoDate: Codec<string> = {
  read: (raw) => (raw && ISO.test(raw) ? raw : ''),
  write: (value) => value,
  empty: '',
};
export const flag: Codec<boolean> = {
  read: (raw) => raw === 'true',
  write: (value) => (value ? 'true' : ''),
  empty: false,
};
/** A comma-separated subset of known values (unknown ones are dropped). */
export function subsetOf<V extends string>(values: readonly V[]): Codec<V[]> {
  const known = (value: string): value is V => (values as readonly string[]).includes(value);
  return {
    read: (raw) => (raw ?? '').split(',').filter(known),
    write: (value) => value.join(','),
    empty: [],
  };
}

type Codecs = Record<string, Codec<unknown>>;
type ValuesOf<C extends Codecs> = { [K in keyof C]: C[K] extends Codec<infer T> ? T : never };

export interface Paging<S extends string> {
  sort: S;
  order: 'asc' | 'desc';
  page: number;
  pageSize: number;
}

export type ListState<C extends Codecs, S extends string> = ValuesOf<C> & Paging<S>;

export interface ListSpec<C extends Codecs, S extends string> {
  filters: C;
  sorts: readonly S[];
  sort: S;
  order?: 'asc' | 'desc';
  pageSizes: readonly number[];
}

export interface ListParams<C extends Codecs, S extends string> {
  spec: ListSpec<C, S>;
  defaults: ListState<C, S>;
  read: (params: URLSearchParams) => ListState<C, S>;
  /** A copy of `base` (which keeps keys such as companyId) with the state written in. */
  write: (base: URLSearchParams, state: ListState<C, S>) => URLSearchParams;
  /** The API query: `scope` first, the filters that are set, then explicit sort/order/page/pageSize. */
  query: (state: ListState<C, S>, scope: Record<string, string>) => string;
  hasFilters: (state: ListState<C, S>) => boolean;
}

export function listParams<C extends Codecs, S extends string>(spec: ListSpec<C, S>): ListParams<C, S> {
  const keys = Object.keys(spec.filters) as (keyof C & string)[];
  const codec = (key: keyof C) => spec.filters[key] as unknown as Codec<unknown>;
  const empty = Object.fromEntries(keys.map((key) => [key, codec(key).empty])) as ValuesOf<C>;
  const defaults = {
    ...empty,
    sort: spec.sort,
    order: spec.order ?? 'asc',
    page: 1,
    pageSize: spec.pageSizes[0] ?? 25,
  } as ListState<C, S>;

  const read = (params: URLSearchParams): ListState<C, S> => {
    const sort = params.get('sort') ?? '';
    const page = Number(params.get('page'));
    const pageSize = Number(params.get('pageSize'));
    const filters = Object.fromEntries(keys.map((key) => [key, codec(key).read(params.get(key))]));
    return {
      ...filters,
      sort: (spec.sorts as readonly string[]).includes(sort) ? (sort as S) : defaults.sort,
      order: params.get('order') === 'desc' ? 'desc' : params.get('order') === 'asc' ? 'asc' : defaults.order,
      page: Number.isInteger(page) && page >= 1 ? page : 1,
      pageSize: spec.pageSizes.includes(pageSize) ? pageSize : defaults.pageSize,
    } as ListState<C, S>;
  };

  const write = (base: URLSearchParams, state: ListState<C, S>): URLSearchParams => {
    const params = new URLSearchParams(base);
    const set = (key: string, value: string, fallback: string) => {
      if (value && value !== fallback) params.set(key, value);
      else params.delete(key);
    };
    for (const key of keys) set(key, codec(key).write(state[key]), '');
    set('sort', state.sort, defaults.sort);
    set('order', state.order, defaults.order);
    set('page', String(state.page), '1');
    set('pageSize', String(state.pageSize), String(defaults.pageSize));
    return params;
  };

  const query = (state: ListState<C, S>, scope: Record<string, string>): string => {
    const params = new URLSearchParams(scope);
    for (const key of keys) {
      const value = codec(key).write(state[key]);
      if (value) params.set(key, value);
    }
    params.set('sort', state.sort);
    params.set('order', state.order);
    params.set('page', String(state.page));
    params.set('pageSize', String(state.pageSize));
    return params.toString();
  };

  const hasFilters = (state: ListState<C, S>) => keys.some((key) => codec(key).write(state[key]) !== '');

  return { spec, defaults, read, write, query, hasFilters };
}
