/** The Retorno table's columns: the event, its dates, situation, every amount with the filter's totals. */
import { createColumnHelper } from '@tanstack/react-table';
import type { Column } from '../../components/DataTable.js';
import type { Retorno, RetornoPage } from '../../contracts.js';
import { formatCount, formatDate, formatDateTime, formatMoney, formatTituloRef } from '../../format.js';

const column = createColumnHelper<Retorno>();

export const SITUATION_LABELS: Record<Retorno['situation'], string> = {
  not_processed: 'Não Processado',
  processed: 'Processado',
  failed: 'Falha',
};
const SITUATION_BADGES: Record<Retorno['situation'], string> = {
  not_processed: 'badge-open',
  processed: 'badge-paid',
  failed: 'badge-overdue',
};
export const PLATFORM_LABELS: Record<string, string> = { efi: 'Efí', cnab: 'CNAB', supplier: 'Supplier' };

type AmountKey = keyof RetornoPage['totals'];
const AMOUNTS: [AmountKey, string, string][] = [
  ['discountCents', 'Valor Desconto', 'discount'],
  ['interestCents', 'Valor Juros', 'interest'],
  ['paidCents', 'Valor Pago', 'paid'],
  ['otherCostsCents', 'Valor Outras Despesas', 'other-costs'],
  ['collectionCostCents', 'Valor Despesas de Cobrança', 'collection-cost'],
  ['feeCents', 'Valor Tarifa', 'fee'],
];

export function retornoColumns(args: {
  showCompany: boolean;
  totals: RetornoPage['totals'] | undefined;
  total: number;
  onHistory: (id: string) => void;
}): Column<Retorno>[] {
  const { showCompany, totals, total, onHistory } = args;
  return [
    column.display({
      id: 'history',
      header: 'Histórico',
      cell: ({ row }) => (
        <button
          type="button"
          className="btn btn-small"
          aria-label={`Histórico do retorno ${row.original.occurrenceCode}`}
          onClick={() => onHistory(row.original.id)}
        >
          Histórico
        </button>
      ),
    }),
    column.display({
      id: 'platform',
      header: 'Plataforma',
      cell: ({ row }) => PLATFORM_LABELS[row.original.platform] ?? row.original.platform,
      footer: () => `Total do filtro (${formatCount(total)} ${total === 1 ? 'retorno' : 'retornos'})`,
    }),
    ...(showCompany
      ? [column.display({ id: 'company', header: 'Empresa', cell: ({ row }) => row.original.companyName })]
      : []),
    column.display({
      id: 'titulo',
      header: 'Título/Parcela',
      cell: ({ row }) =>
        row.original.number ? formatTituloRef(row.original.number, row.original.installment) : '—',
      meta: { dataCol: 'titulo' },
    }),
    column.display({
      id: 'customer',
      header: 'Cliente',
      cell: ({ row }) => row.original.customerName ?? '—',
    }),
    column.display({
      id: 'event',
      header: 'Evento',
      cell: ({ row }) => `${row.original.occurrenceCode} — ${row.original.occurrenceDescription}`,
      meta: { sortKey: 'occurredAt', dataCol: 'event' },
    }),
    column.display({
      id: 'processedAt',
      header: 'Processamento',
      cell: ({ row }) => (row.original.processedAt ? formatDateTime(row.original.processedAt) : '—'),
      meta: { className: 'col-date' },
    }),
    column.display({
      id: 'paidOn',
      header: 'Data Entrada Banco',
      cell: ({ row }) => formatDate(row.original.paidOn),
      meta: { sortKey: 'paidOn', className: 'col-date', dataCol: 'paid-on' },
    }),
    column.display({
      id: 'creditedOn',
      header: 'Data Crédito',
      cell: ({ row }) => formatDate(row.original.creditedOn),
      meta: { sortKey: 'creditedOn', className: 'col-date' },
    }),
    column.display({
      id: 'situation',
      header: 'Situação',
      cell: ({ row }) => (
        <span className={`badge ${SITUATION_BADGES[row.original.situation]}`}>
          {SITUATION_LABELS[row.original.situation]}
        </span>
      ),
      meta: { sortKey: 'situation', dataCol: 'situation' },
    }),
    ...AMOUNTS.map(([key, header, dataCol]) =>
      column.display({
        id: key,
        header,
        cell: ({ row }) => formatMoney(row.original[key]),
        footer: () => (totals ? formatMoney(totals[key]) : ''),
        meta: { numeric: true, dataCol, ...(key === 'paidCents' ? { sortKey: 'paidCents' } : {}) },
      }),
    ),
    column.display({
      id: 'nossoNumero',
      header: 'Nosso Número',
      cell: ({ row }) => row.original.nossoNumero ?? '—',
    }),
    column.display({
      id: 'note',
      header: 'Observações',
      cell: ({ row }) => row.original.note ?? '',
      meta: { dataCol: 'note' },
    }),
  ] as Column<Retorno>[];
}
