import { useQuery } from '@tanstack/react-query';
import { ApiError, api } from '../../api.js';
import { DataTable } from '../../components/DataTable.js';
import { SidePanel } from '../../components/SidePanel.js';
import type { Company, Customer } from '../../contracts.js';
import { formatCount, formatDocument } from '../../format.js';
import { receivableColumns } from '../receivables/columns.js';
import { receivableList } from '../receivables/list.js';

const SHOWN = 50;

interface CustomerDetailProps {
  id: string;
  company: Company;
  onClose: () => void;
  onOpenReceivables: (customerId: string, receivableId?: string) => void;
}

function addressLine(address: Customer['address']): string {
  const street = [address.street, address.number, address.complement].filter(Boolean).join(', ');
  const city = [address.district, address.city, address.state].filter(Boolean).join(' · ');
  return [street, city, address.postalCode].filter(Boolean).join(' — ') || '—';
}

/** One customer with their títulos (the first 50 by due date; the Títulos screen has all). */
export function CustomerDetail({ id, company, onClose, onOpenReceivables }: CustomerDetailProps) {
  const customer = useQuery({
    queryKey: ['customers', company.id, 'one', id],
    queryFn: ({ signal }) => api.customer(id, company.id, signal),
  });
  const query = receivableList.query(
    { ...receivableList.defaults, customerId: id, pageSize: SHOWN },
    { companyId: company.id },
  );
  const receivables = useQuery({
    queryKey: ['receivables', query],
    queryFn: ({ signal }) => api.receivables(query, signal),
  });
  const data = receivables.data;
  const columns = receivableColumns({
    showCompany: false,
    totals: data?.totals,
    total: data?.total ?? 0,
    onOpen: (receivableId) => onOpenReceivables(id, receivableId),
  }).filter((c) => c.id !== 'customer');

  return (
    <SidePanel title={customer.data ? customer.data.name : 'Cliente'} onClose={onClose}>
      {customer.isPending ? (
        <p className="state" role="status">
          Carregando cliente…
        </p>
      ) : customer.isError ? (
        <p className="state state-error" role="alert">
          {customer.error instanceof ApiError
            ? customer.error.message
            : 'Não foi possível carregar o cliente.'}
        </p>
      ) : (
        <div className="drawer-body">
          <dl className="facts">
            <dt>CPF/CNPJ</dt>
            <dd>{formatDocument(customer.data.document)}</dd>
            <dt>E-mail</dt>
            <dd>{customer.data.email ?? '—'}</dd>
            <dt>Telefone</dt>
            <dd>{customer.data.phone ?? '—'}</dd>
            <dt>Endereço</dt>
            <dd>{addressLine(customer.data.address)}</dd>
            <dt>Estabelecimentos</dt>
            <dd>
              {customer.data.establishments.length === 0
                ? '—'
                : customer.data.establishments
                    .map((e) => `${e.name} (${formatDocument(e.document)})`)
                    .join('; ')}
            </dd>
            <dt>Chave no ERP</dt>
            <dd>
              <code>{customer.data.erpKey}</code>
            </dd>
          </dl>
          <h3 id="customer-receivables">Títulos{data ? ` (${formatCount(data.total)})` : ''}</h3>
          <DataTable
            labelledBy="customer-receivables"
            columns={columns}
            rows={data?.items}
            rowId={(item) => item.id}
            totals
            busy={receivables.isFetching}
            error={
              receivables.isError
                ? {
                    title: 'Não foi possível carregar os títulos.',
                    message: receivables.error instanceof ApiError ? receivables.error.message : '',
                    details: [],
                    onRetry: () => void receivables.refetch(),
                  }
                : null
            }
            loadingText="Carregando títulos…"
            empty="Nenhum título deste cliente."
          />
          {data && data.total > 0 ? (
            <p>
              {data.total > SHOWN ? `Mostrando os ${SHOWN} primeiros por vencimento. ` : null}
              <button type="button" className="btn btn-small" onClick={() => onOpenReceivables(id)}>
                Ver na tela Títulos
              </button>
            </p>
          ) : null}
        </div>
      )}
    </SidePanel>
  );
}
