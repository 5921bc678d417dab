/** The Títulos table's columns (TanStack Table definitions): cells, sort keys and the totals row. */
import { createColumnHelper } from '@tanstack/react-table';
import type { Column } from '../../components/DataTable.js';
import type { Receivable, ReceivablePage } from '../../contracts.js';
import {
  formatCount,
  formatDate,
  formatDocument,
  formatMoney,
  formatTituloRef,
  statusLabel,
} from '../../format.js';

const column = createColumnHelper<Receivable>();

export function receivableColumns(args: {
  showCompany: boolean;
  totals: ReceivablePage['totals'] | undefined;
  total: number;
  onOpen: (id: string) => void;
}): Column<Receivable>[] {
  const { showCompany, totals, total, onOpen } = args;
  const columns = [
    column.display({
      id: 'company',
      header: 'Empresa',
      cell: ({ row }) => (
        <span className="clip" title={row.original.companyName}>
          {row.original.companyName}
        </span>
      ),
      meta: { className: 'col-company' },
    }),
    column.display({
      id: 'customer',
      header: 'Cliente',
      cell: ({ row }) => (
        <>
          <span className="clip customer-name" title={row.original.customerName}>
            {row.original.customerName}
          </span>
          <span className="customer-doc">{formatDocument(row.original.customerDocument)}</span>
        </>
      ),
      footer: () => `Total do filtro (${formatCount(total)} ${total === 1 ? 'título' : 'títulos'})`,
      meta: { sortKey: 'customerName', className: 'col-customer' },
    }),
    column.display({
      id: 'ref',
      header: 'Título/Parcela',
      cell: ({ row }) => (
        <>
          <button
            type="button"
            className="link"
            onClick={() => onOpen(row.original.id)}
            title="Ver movimentos e histórico"
          >
            {formatTituloRef(row.original.number, row.original.installment)}
          </button>
          <span className="sub">
            {[row.original.document, row.original.invoiceNumber ? `NF ${row.original.invoiceNumber}` : null]
              .filter(Boolean)
              .join(' · ')}
          </span>
        </>
      ),
      meta: { sortKey: 'number', className: 'col-ref' },
    }),
    column.display({
      id: 'issueDate',
      header: 'Emissão',
      cell: ({ row }) => formatDate(row.original.issueDate),
      meta: { sortKey: 'issueDate', className: 'col-date', dataCol: 'issue' },
    }),
    column.display({
      id: 'dueDate',
      header: 'Vencimento',
      cell: ({ row }) => (
        <>
          {formatDate(row.original.dueDate)}
          {row.original.overdue ? <span className="overdue-tag">vencido</span> : null}
        </>
      ),
      meta: { sortKey: 'dueDate', className: 'col-date col-due', dataCol: 'due' },
    }),
    column.display({
      id: 'amount',
      header: 'Valor',
      cell: ({ row }) => formatMoney(row.original.amountCents),
      footer: () => (totals ? formatMoney(totals.amountCents) : ''),
      meta: { sortKey: 'amountCents', numeric: true, dataCol: 'amount' },
    }),
    column.display({
      id: 'openAmount',
      header: 'Valor aberto',
      cell: ({ row }) => formatMoney(row.original.openAmountCents),
      footer: () => (totals ? formatMoney(totals.openAmountCents) : ''),
      meta: { sortKey: 'openAmountCents', numeric: true, dataCol: 'open-amount' },
    }),
    column.display({
      id: 'paid',
      header: 'Pago em / Valor pago',
      cell: ({ row }) =>
        row.original.paidOn && row.original.paidCents !== null ? (
          <>
            {formatDate(row.original.paidOn)}
            <span className="sub">{formatMoney(row.original.paidCents)}</span>
          </>
        ) : (
          <span className="muted">—</span>
        ),
      meta: { numeric: true, className: 'col-paid', dataCol: 'paid' },
    }),
    column.display({
      id: 'portador',
      header: 'Portador',
      cell: ({ row }) => (
        <span className="clip" title={row.original.portadorName ?? undefined}>
          {row.original.portadorName ?? '—'}
        </span>
      ),
      meta: { className: 'col-portador' },
    }),
    column.display({
      id: 'status',
      header: 'Status',
      cell: ({ row }) => (
        <span className={`badge badge-${row.original.status}`}>{statusLabel(row.original.status)}</span>
      ),
      meta: { sortKey: 'status', className: 'col-status', dataCol: 'status' },
    }),
  ] as Column<Receivable>[];
  return showCompany ? columns : columns.filter((c) => c.id !== 'company');
}
