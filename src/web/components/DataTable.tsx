/**
 * A list's table on TanStack Table: server-side sort (the header buttons report a sort key), optional row
 * selection, a totals row, and the loading / error / empty states in the body. It scrolls sideways inside its
 * own frame, so a narrow screen never scrolls the page.
 */
import {
  flexRender,
  getCoreRowModel,
  useReactTable,
  type ColumnDef,
  type RowData,
  type RowSelectionState,
} from '@tanstack/react-table';
import type { ReactNode } from 'react';

declare module '@tanstack/react-table' {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  interface ColumnMeta<TData extends RowData, TValue> {
    /** The API's sort key; a column without one is not sortable. */
    sortKey?: string;
    numeric?: boolean;
    /** Class of the body cells. */
    className?: string;
    /** `data-col` of the body cells (what tests and styles hold on to). */
    dataCol?: string;
  }
}

/** A column of a DataTable (TanStack's own type; its value type is left open, as TanStack's docs do). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Column<T> = ColumnDef<T, any>;

export interface DataTableProps<T> {
  /** Accessible name of the table (an element id). */
  labelledBy: string;
  columns: Column<T>[];
  rows: T[] | undefined;
  rowId: (row: T) => string;
  rowAttributes?: (row: T) => Record<string, string | undefined>;
  sort?: { key: string; order: 'asc' | 'desc'; onSort: (key: string) => void };
  /** Row selection by id (a checkbox column comes first). */
  selection?: {
    selected: RowSelectionState;
    onChange: (selected: RowSelectionState) => void;
    label: (row: T) => string;
  };
  /** Shows the `footer` of each column as a totals row. */
  totals?: boolean;
  busy: boolean;
  error?: { message: string; details: string[]; onRetry: () => void; title: string } | null;
  loadingText: string;
  empty: ReactNode;
  className?: string;
}

export function DataTable<T>({
  labelledBy,
  columns,
  rows,
  rowId,
  rowAttributes,
  sort,
  selection,
  totals = false,
  busy,
  error,
  loadingText,
  empty,
  className,
}: DataTableProps<T>) {
  const allColumns: Column<T>[] = selection
    ? [
        {
          id: 'select',
          header: ({ table }) => (
            <input
              type="checkbox"
              aria-label="Selecionar todos desta página"
              checked={table.getIsAllRowsSelected()}
              ref={(input) => {
                if (input) input.indeterminate = table.getIsSomeRowsSelected();
              }}
              onChange={table.getToggleAllRowsSelectedHandler()}
            />
          ),
          cell: ({ row }) => (
            <input
              type="checkbox"
              aria-label={`Selecionar ${selection.label(row.original)}`}
              checked={row.getIsSelected()}
              onChange={row.getToggleSelectedHandler()}
            />
          ),
          meta: { className: 'col-select' },
        },
        ...columns,
      ]
    : columns;
  const table = useReactTable({
    data: rows ?? [],
    columns: allColumns,
    getCoreRowModel: getCoreRowModel(),
    getRowId: rowId,
    manualSorting: true,
    manualPagination: true,
    enableRowSelection: selection !== undefined,
    state: { rowSelection: selection?.selected ?? {} },
    onRowSelectionChange: (updater) => {
      if (!selection) return;
      selection.onChange(typeof updater === 'function' ? updater(selection.selected) : updater);
    },
  });
  const width = table.getVisibleLeafColumns().length;
  const state = (content: ReactNode, role?: 'alert' | 'status', extra = '') => (
    <tr>
      <td colSpan={width} className={`state${extra}`} role={role}>
        {content}
      </td>
    </tr>
  );

  return (
    <div className="table-wrap">
      <table
        className={['grid', className].filter(Boolean).join(' ')}
        aria-busy={busy}
        aria-labelledby={labelledBy}
      >
        <thead>
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id}>
              {group.headers.map((header) => {
                const meta = header.column.columnDef.meta;
                const content = flexRender(header.column.columnDef.header, header.getContext());
                const active = sort !== undefined && meta?.sortKey === sort.key;
                const direction = active ? (sort.order === 'asc' ? 'ascending' : 'descending') : undefined;
                return (
                  <th
                    key={header.id}
                    scope="col"
                    aria-sort={meta?.sortKey ? (direction ?? 'none') : undefined}
                    className={
                      [meta?.numeric ? 'num' : '', meta?.className ?? ''].join(' ').trim() || undefined
                    }
                  >
                    {sort && meta?.sortKey ? (
                      <button
                        type="button"
                        className={`sort${active ? ' is-active' : ''}`}
                        onClick={() => sort.onSort(meta.sortKey!)}
                        title={`Ordenar por ${String(header.column.columnDef.header).toLowerCase()}`}
                      >
                        {content}
                        <span className="sort-arrow" aria-hidden="true">
                          {active ? (sort.order === 'asc' ? '▲' : '▼') : '↕'}
                        </span>
                      </button>
                    ) : (
                      content
                    )}
                  </th>
                );
              })}
            </tr>
          ))}
        </thead>
        <tbody className={busy && rows ? 'is-stale' : undefined}>
          {error
            ? state(
                <>
                  <strong>{error.title}</strong> {error.message}
                  {error.details.length > 0 ? (
                    <ul>
                      {error.details.map((detail) => (
                        <li key={detail}>{detail}</li>
                      ))}
                    </ul>
                  ) : null}{' '}
                  <button type="button" className="btn btn-small" onClick={error.onRetry}>
                    Tentar de novo
                  </button>
                </>,
                'alert',
                ' state-error',
              )
            : !rows
              ? state(loadingText, 'status')
              : rows.length === 0
                ? state(empty)
                : table.getRowModel().rows.map((row) => (
                    <tr key={row.id} data-id={row.id} {...rowAttributes?.(row.original)}>
                      {row.getVisibleCells().map((cell) => {
                        const meta = cell.column.columnDef.meta;
                        return (
                          <td
                            key={cell.id}
                            className={
                              [meta?.numeric ? 'num' : '', meta?.className ?? ''].join(' ').trim() ||
                              undefined
                            }
                            data-col={meta?.dataCol}
                          >
                            {flexRender(cell.column.columnDef.cell, cell.getContext())}
                          </td>
                        );
                      })}
                    </tr>
                  ))}
        </tbody>
        {totals && rows && rows.length > 0 && !error ? (
          <tfoot>
            {table
              .getFooterGroups()
              .slice(0, 1)
              .map((group) => (
                <tr key={group.id} className="totals">
                  {group.headers.map((header) => {
                    const meta = header.column.columnDef.meta;
                    return (
                      <td
                        key={header.id}
                        className={meta?.numeric ? 'num' : undefined}
                        data-col={meta?.dataCol ? `total-${meta.dataCol}` : undefined}
                      >
                        {flexRender(header.column.columnDef.footer, header.getContext())}
                      </td>
                    );
                  })}
                </tr>
              ))}
          </tfoot>
        ) : null}
      </table>
    </div>
  );
}
