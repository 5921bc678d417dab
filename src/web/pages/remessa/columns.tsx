/** The Remessa table's columns, with the filter's totals under Valor do Título and Valor Aberto. */
import { createColumnHelper } from '@tanstack/react-table';
import type { Column } from '../../components/DataTable.js';
import type { RemessaItem, RemessaPage } from '../../contracts.js';
import { formatCount, formatDate, formatMoney } from '../../format.js';
import { platformLabel, REGISTRATION_BADGES, REGISTRATION_STATUS_LABELS } from './labels.js';

const column = createColumnHelper<RemessaItem>();

export function StatusBadge({ status }: { status: RemessaItem['status'] }) {
  return (
    <span className={`badge ${REGISTRATION_BADGES[status]}`} data-status={status}>
      {REGISTRATION_STATUS_LABELS[status]}
    </span>
  );
}

export function remessaColumns(args: {
  showCompany: boolean;
  totals: RemessaPage['totals'] | undefined;
  total: number;
  onOpen: (receivableId: string) => void;
}): Column<RemessaItem>[] {
  const { showCompany, totals, total, onOpen } = args;
  return [
    column.display({
      id: 'platform',
      header: 'Plataforma',
      cell: ({ row }) => platformLabel(row.original.platform),
      footer: () => `Total do filtro (${formatCount(total)} ${total === 1 ? 'título' : 'títulos'})`,
    }),
    ...(showCompany
      ? [
          column.display({
            id: 'company',
            header: 'Empresa',
            cell: ({ row }) => row.original.companyName,
            meta: { className: 'col-company' },
          }),
        ]
      : []),
    column.display({ id: 'document', header: 'Documento', cell: ({ row }) => row.original.document }),
    column.display({
      id: 'number',
      header: 'Título',
      cell: ({ row }) => (
        <button
          type="button"
          className="link"
          onClick={() => onOpen(row.original.receivableId)}
          title="Abrir o título: ações e histórico da remessa"
        >
          {row.original.number}
        </button>
      ),
      meta: { sortKey: 'number', dataCol: 'titulo' },
    }),
    column.display({
      id: 'installment',
      header: 'Parcela',
      cell: ({ row }) => row.original.installment,
      meta: { numeric: true },
    }),
    column.display({
      id: 'issueDate',
      header: 'Emissão',
      cell: ({ row }) => formatDate(row.original.issueDate),
      meta: { sortKey: 'issueDate', className: 'col-date' },
    }),
    column.display({
      id: 'dueDate',
      header: 'Vencimento',
      cell: ({ row }) => formatDate(row.original.dueDate),
      meta: { sortKey: 'dueDate', className: 'col-date', dataCol: 'due' },
    }),
    column.display({
      id: 'invoiceNumber',
      header: 'Nota Fiscal',
      cell: ({ row }) => row.original.invoiceNumber ?? '—',
    }),
    column.display({
      id: 'customer',
      header: 'Cliente',
      cell: ({ row }) => row.original.customerName,
      meta: { sortKey: 'customerName', className: 'col-customer' },
    }),
    column.display({
      id: 'portador',
      header: 'Portador',
      cell: ({ row }) => row.original.portadorName,
      meta: { className: 'col-portador' },
    }),
    column.display({
      id: 'amountCents',
      header: 'Valor do Título',
      cell: ({ row }) => formatMoney(row.original.amountCents),
      footer: () => (totals ? formatMoney(totals.amountCents) : ''),
      meta: { sortKey: 'amountCents', numeric: true, dataCol: 'amount' },
    }),
    column.display({
      id: 'openAmountCents',
      header: 'Valor Aberto',
      cell: ({ row }) => formatMoney(row.original.openAmountCents),
      footer: () => (totals ? formatMoney(totals.openAmountCents) : ''),
      meta: { sortKey: 'openAmountCents', numeric: true, dataCol: 'open' },
    }),
    column.display({
      id: 'nossoNumero',
      header: 'Nosso Número',
      cell: ({ row }) => row.original.nossoNumero ?? '—',
      meta: { dataCol: 'nosso-numero' },
    }),
    column.display({
      id: 'chargeId',
      header: 'Remessa',
      cell: ({ row }) => row.original.chargeId ?? '—',
      meta: { dataCol: 'remessa' },
    }),
    column.display({
      id: 'status',
      header: 'Status',
      cell: ({ row }) => (
        <>
          <StatusBadge status={row.original.status} />
          {row.original.lastError && row.original.status !== 'sent' ? (
            <span className="sub" data-col="last-error">
              {row.original.lastError}
            </span>
          ) : null}
        </>
      ),
      meta: { sortKey: 'status', className: 'col-status', dataCol: 'status' },
    }),
  ] as Column<RemessaItem>[];
}
