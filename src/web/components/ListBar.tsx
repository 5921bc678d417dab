import { useId, type ReactNode } from 'react';
import { pageCount, rangeText } from '../format.js';

interface ListBarProps {
  data: { page: number; pageSize: number; total: number } | undefined;
  page: number;
  pageSize: number;
  pageSizes: readonly number[];
  busy: boolean;
  onPage: (page: number) => void;
  onPageSize: (pageSize: number) => void;
  /** Extra actions beside the pager (export…). */
  children?: ReactNode;
}

/** "1–25 de 203", page size and previous/next page above a list. */
export function ListBar({
  data,
  page,
  pageSize,
  pageSizes,
  busy,
  onPage,
  onPageSize,
  children,
}: ListBarProps) {
  const sizeId = useId();
  const pages = data ? pageCount(data.pageSize, data.total) : 1;
  return (
    <div className="results-bar">
      <p className="results-count" aria-live="polite" data-testid="results-count">
        {data ? rangeText(data.page, data.pageSize, data.total) : '\u00a0'}
        {busy ? <span className="loading-inline"> · carregando…</span> : null}
      </p>
      <div className="pager">
        {children}
        <label htmlFor={sizeId}>Por página</label>
        <select id={sizeId} value={pageSize} onChange={(event) => onPageSize(Number(event.target.value))}>
          {pageSizes.map((size) => (
            <option key={size} value={size}>
              {size}
            </option>
          ))}
        </select>
        <button
          type="button"
          className="btn btn-small"
          onClick={() => onPage(page - 1)}
          disabled={page <= 1 || busy}
        >
          ‹ Anterior
        </button>
        <span className="pager-pos">
          Página {Math.min(page, pages)} de {pages}
        </span>
        <button
          type="button"
          className="btn btn-small"
          onClick={() => onPage(page + 1)}
          disabled={page >= pages || busy}
        >
          Próxima ›
        </button>
      </div>
    </div>
  );
}
