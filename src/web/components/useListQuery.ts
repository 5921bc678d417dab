/**
 * A list screen's server state: reads its state from the URL (filters, sort, page), fetches through TanStack
 * Query (cached per query string, the previous page kept on screen while the next loads), and writes changes
 * back to the URL. Any filter change returns to page 1; a page past the end moves to the last page.
 */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useEffect, useMemo, useRef } from 'react';
import type { Page } from '../contracts.js';
import { pageCount } from '../format.js';
import type { Paging } from './listParams.js';

export interface UseListQueryArgs<State, Result> {
  /** Query-cache key of the resource ('receivables'): actions invalidate it by this name. */
  resource: string;
  list: {
    defaults: State;
    read: (params: URLSearchParams) => State;
    write: (base: URLSearchParams, state: State) => URLSearchParams;
    query: (state: State, scope: Record<string, string>) => string;
    hasFilters: (state: State) => boolean;
  };
  params: URLSearchParams;
  onParams: (params: URLSearchParams, replace?: boolean) => void;
  /** Keys always sent to the API (companyId…). */
  scope: Record<string, string>;
  fetch: (query: string, signal: AbortSignal) => Promise<Result>;
}

export function useListQuery<State extends Paging<string>, Result extends Page<unknown>>({
  resource,
  list,
  params,
  onParams,
  scope,
  fetch,
}: UseListQueryArgs<State, Result>) {
  const state = useMemo(() => list.read(params), [list, params]);
  const query = list.query(state, scope);
  const result = useQuery({
    queryKey: [resource, query],
    queryFn: ({ signal }) => fetch(query, signal),
    placeholderData: keepPreviousData,
  });

  const update = (patch: Partial<State>, replace = false) =>
    onParams(list.write(params, { ...state, page: 1, ...patch }), replace);
  const updateRef = useRef(update);
  updateRef.current = update;

  const data = result.data;
  const beyondEnd =
    !result.isPlaceholderData &&
    data !== undefined &&
    data.items.length === 0 &&
    data.total > 0 &&
    state.page > 1;
  useEffect(() => {
    if (beyondEnd && data)
      updateRef.current({ page: pageCount(data.pageSize, data.total) } as Partial<State>, true);
  }, [beyondEnd, data]);

  return {
    state,
    query,
    result,
    data,
    /** Fetching (first load, a new query, or a refresh after an action). */
    busy: result.isFetching,
    update,
    /** Stable across renders, for effects (debounced search). */
    updateRef,
    hasFilters: list.hasFilters(state),
    /** Clears the filters, keeping sort, order and page size. */
    clear: () =>
      update({ ...list.defaults, sort: state.sort, order: state.order, pageSize: state.pageSize } as State),
    sortBy: (key: State['sort']) =>
      update({
        sort: key,
        order: state.sort === key && state.order === 'asc' ? 'desc' : 'asc',
      } as Partial<State>),
    goToPage: (page: number) => update({ page } as Partial<State>),
  };
}
