/** The Conciliação table: the platform's financial event, its Título ERP and Situação. */
import { createColumnHelper } from '@tanstack/react-table';
import type { Column } from '../../components/DataTable.js';
import type { ReconciliationRecord } from '../../contracts.js';
import { formatDate, formatDocument, formatMoney } from '../../format.js';

const column = createColumnHelper<ReconciliationRecord>();

export const RECONCILIATION_SITUATION_LABELS: Record<ReconciliationRecord['situation'], string> = {
  not_reconciled: 'Não Conciliado',
  reconciled: 'Conciliado',
  informative: 'Informativo',
  failed: 'Falha',
};
const BADGES: Record<ReconciliationRecord['situation'], string> = {
  not_reconciled: 'badge-open',
  reconciled: 'badge-paid',
  informative: 'badge-cancelled',
  failed: 'badge-overdue',
};

export function reconciliationColumns(args: {
  showCompany: boolean;
  onHistory: (record: ReconciliationRecord) => void;
}): Column<ReconciliationRecord>[] {
  return [
    ...(args.showCompany
      ? [column.display({ id: 'company', header: 'Empresa', cell: ({ row }) => row.original.companyName })]
      : []),
    column.display({
      id: 'entry',
      header: 'Transação',
      cell: ({ row }) => row.original.entryId,
      meta: { dataCol: 'entry' },
    }),
    column.display({
      id: 'invoice',
      header: 'Nota Fiscal',
      cell: ({ row }) =>
        row.original.invoiceNumber
          ? `${row.original.invoiceNumber}${row.original.invoiceSeries ? ` / série ${row.original.invoiceSeries}` : ''}`
          : '—',
    }),
    column.display({
      id: 'customer',
      header: 'Cliente',
      cell: ({ row }) => row.original.customerName ?? formatDocument(row.original.customerDocument),
    }),
    column.display({
      id: 'entryType',
      header: 'Tp. Lcto',
      cell: ({ row }) => (row.original.entryType === 'credit' ? 'Crédito' : 'Débito'),
    }),
    column.display({
      id: 'event',
      header: 'Tp. Evento',
      cell: ({ row }) => row.original.eventCode,
      meta: { dataCol: 'event' },
    }),
    column.display({
      id: 'date',
      header: 'Data',
      cell: ({ row }) => formatDate(row.original.occurredOn),
      meta: { className: 'col-date' },
    }),
    column.display({
      id: 'amount',
      header: 'Valor Lcto',
      cell: ({ row }) => formatMoney(row.original.amountCents),
      meta: { numeric: true, dataCol: 'amount' },
    }),
    column.display({
      id: 'fee',
      header: 'Valor Taxa',
      cell: ({ row }) => formatMoney(row.original.feeCents),
      meta: { numeric: true, dataCol: 'fee' },
    }),
    column.display({
      id: 'receivable',
      header: 'Título ERP',
      cell: ({ row }) => row.original.receivableErpKey ?? '—',
      meta: { dataCol: 'receivable' },
    }),
    column.display({
      id: 'situation',
      header: 'Situação',
      cell: ({ row }) => (
        <span className={`badge ${BADGES[row.original.situation]}`} title={row.original.reason ?? undefined}>
          {RECONCILIATION_SITUATION_LABELS[row.original.situation]}
        </span>
      ),
      meta: { dataCol: 'situation' },
    }),
    column.display({
      id: 'reason',
      header: 'Observação',
      cell: ({ row }) => row.original.reason ?? '',
      meta: { dataCol: 'reason' },
    }),
    column.display({
      id: 'actions',
      header: 'Ações',
      cell: ({ row }) => (
        <button type="button" className="btn btn-small" onClick={() => args.onHistory(row.original)}>
          Histórico
        </button>
      ),
    }),
  ] as Column<ReconciliationRecord>[];
}
