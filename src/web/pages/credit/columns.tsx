/** The "Crédito de Clientes" table: the customer, both situations, the limits, Faturamento a Prazo, actions. */
import { createColumnHelper } from '@tanstack/react-table';
import type { Column } from '../../components/DataTable.js';
import type { CreditCustomer } from '../../contracts.js';
import { formatDocument, formatMoney } from '../../format.js';

const column = createColumnHelper<CreditCustomer>();

export const CUSTOMER_SITUATION_LABELS: Record<NonNullable<CreditCustomer['customerSituation']>, string> = {
  active: 'Ativo',
  blocked_credit: 'Bloqueado por crédito',
  blocked_overdue: 'Bloqueado por Atraso',
  card_not_enabled: 'Cartão não Habilitado',
  failed: 'Falha',
};

export const CREDIT_SITUATION_LABELS: Record<NonNullable<CreditCustomer['creditSituation']>, string> = {
  processing: 'Em Processamento',
  approved: 'Aprovado',
  under_review: 'Em Análise',
  rejected: 'Rejeitado',
  cancelled: 'Cancelado',
  pending: 'Pendente',
  sent: 'Enviado',
  failed: 'Falha',
};

const BADGE: Record<string, string> = {
  active: 'badge-paid',
  approved: 'badge-paid',
  failed: 'badge-overdue',
  rejected: 'badge-overdue',
  blocked_credit: 'badge-overdue',
  blocked_overdue: 'badge-overdue',
  cancelled: 'badge-cancelled',
};

function Badge({ value, label }: { value: string | null; label: string | null }) {
  if (!value) return <>—</>;
  return <span className={`badge ${BADGE[value] ?? 'badge-open'}`}>{label}</span>;
}

export function creditColumns(args: {
  showCompany: boolean;
  canWrite: boolean;
  onLimitChange: (customer: CreditCustomer) => void;
  onHistory: (customer: CreditCustomer) => void;
}): Column<CreditCustomer>[] {
  return [
    ...(args.showCompany
      ? [column.display({ id: 'company', header: 'Empresa', cell: ({ row }) => row.original.companyName })]
      : []),
    column.display({
      id: 'customer',
      header: 'Cliente',
      cell: ({ row }) => `${row.original.erpKey} — ${row.original.name}`,
      meta: { dataCol: 'customer' },
    }),
    column.display({
      id: 'establishment',
      header: 'Estabelecimento',
      cell: ({ row }) => row.original.establishments ?? '—',
    }),
    column.display({
      id: 'document',
      header: 'CPF/CNPJ',
      cell: ({ row }) => formatDocument(row.original.document),
    }),
    column.display({
      id: 'approved',
      header: 'Limite Aprovado',
      cell: ({ row }) => formatMoney(row.original.approvedLimitCents),
      meta: { numeric: true, dataCol: 'approved-limit' },
    }),
    column.display({
      id: 'available',
      header: 'Limite Disponível',
      cell: ({ row }) => formatMoney(row.original.availableLimitCents),
      meta: { numeric: true, dataCol: 'available-limit' },
    }),
    column.display({
      id: 'customerSituation',
      header: 'Situação do Cliente',
      cell: ({ row }) => (
        <Badge value={row.original.customerSituation} label={row.original.customerSituationLabel} />
      ),
      meta: { dataCol: 'customer-situation' },
    }),
    column.display({
      id: 'creditSituation',
      header: 'Situação Crédito',
      cell: ({ row }) => (
        <Badge value={row.original.creditSituation} label={row.original.creditSituationLabel} />
      ),
      meta: { dataCol: 'credit-situation' },
    }),
    column.display({
      id: 'termBilling',
      header: 'Faturamento a Prazo',
      cell: ({ row }) =>
        row.original.termBilling.status === 'released' ? (
          <span className="badge badge-paid">Liberado</span>
        ) : (
          <span className="badge badge-overdue" title={row.original.termBilling.reason}>
            Bloqueado
          </span>
        ),
      meta: { dataCol: 'term-billing' },
    }),
    column.display({
      id: 'actions',
      header: 'Ações',
      cell: ({ row }) => {
        const customer = row.original;
        return (
          <span className="row-actions">
            {args.canWrite ? (
              <button
                type="button"
                className="btn btn-small"
                disabled={!customer.limitChange.allowed}
                title={customer.limitChange.allowed ? undefined : customer.limitChange.reason}
                onClick={() => args.onLimitChange(customer)}
              >
                Solicitação de Alteração de Limite
              </button>
            ) : null}
            <button type="button" className="btn btn-small" onClick={() => args.onHistory(customer)}>
              Histórico
            </button>
          </span>
        );
      },
    }),
  ] as Column<CreditCustomer>[];
}
