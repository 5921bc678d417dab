/**
 * Crédito de Clientes (FSPL0250): the customers on the credit platform with both situations, the limits the
 * platform reports and Faturamento a Prazo; Adicionar clientes, Alteração de Limite and Histórico.
 */
import { useState, type FormEvent } from 'react';
import { ApiError, api } from '../../api.js';
import { DataTable } from '../../components/DataTable.js';
import { ListBar } from '../../components/ListBar.js';
import { listParams, text } from '../../components/listParams.js';
import { useListQuery } from '../../components/useListQuery.js';
import type { Company, CreditCustomer } from '../../contracts.js';
import { AddCustomersPanel } from './AddCustomersPanel.js';
import { creditColumns, CREDIT_SITUATION_LABELS, CUSTOMER_SITUATION_LABELS } from './columns.js';
import { CreditHistoryPanel } from './CreditHistoryPanel.js';
import { LimitChangePanel } from './LimitChangePanel.js';

export const creditList = listParams({
  filters: { customerSituation: text, creditSituation: text, q: text },
  sorts: ['name'] as const,
  sort: 'name',
  pageSizes: [25, 50, 100],
});

interface CreditPageProps {
  company: Company;
  companies: Company[];
  canWrite: boolean;
  params: URLSearchParams;
  onParams: (params: URLSearchParams, replace?: boolean) => void;
}

type Panel = { kind: 'add' } | { kind: 'limit' | 'history'; customer: CreditCustomer } | null;

export function CreditPage({ company, companies, canWrite, params, onParams }: CreditPageProps) {
  const list = useListQuery({
    resource: 'credit-customers',
    list: creditList,
    params,
    onParams,
    scope: { companyId: company.id },
    fetch: api.creditCustomers,
  });
  const [search, setSearch] = useState(list.state.q);
  const [panel, setPanel] = useState<Panel>(null);
  const inView = companies.filter((c) => c.id === company.id || c.parentCompanyId === company.id);
  const columns = creditColumns({
    showCompany: company.kind === 'consolidated',
    canWrite,
    onLimitChange: (customer) => setPanel({ kind: 'limit', customer }),
    onHistory: (customer) => setPanel({ kind: 'history', customer }),
  });
  const error = list.result.isError ? list.result.error : null;

  return (
    <section className="page" aria-labelledby="page-title">
      <header className="page-header">
        <h1 id="page-title">Crédito de Clientes</h1>
        <p className="page-sub">Clientes na plataforma de crédito (Supplier) — {company.name}</p>
      </header>
      <form
        className="filters"
        role="search"
        aria-label="Filtros de crédito"
        onSubmit={(event: FormEvent) => {
          event.preventDefault();
          list.update({ q: search });
        }}
      >
        <div className="field">
          <label htmlFor="c-customer-situation">Situação do Cliente</label>
          <select
            id="c-customer-situation"
            value={list.state.customerSituation}
            onChange={(e) => list.update({ customerSituation: e.target.value })}
          >
            <option value="">Todas</option>
            {Object.entries(CUSTOMER_SITUATION_LABELS).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="c-credit-situation">Situação Crédito</label>
          <select
            id="c-credit-situation"
            value={list.state.creditSituation}
            onChange={(e) => list.update({ creditSituation: e.target.value })}
          >
            <option value="">Todas</option>
            {Object.entries(CREDIT_SITUATION_LABELS).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </div>
        <div className="field field-search">
          <label htmlFor="c-q">Cliente</label>
          <input
            id="c-q"
            type="search"
            placeholder="Nome, código ou CPF/CNPJ"
            value={search}
            onChange={(event) => setSearch(event.target.value)}
          />
        </div>
        <button type="submit" className="btn">
          Buscar
        </button>
        {canWrite ? (
          <button type="button" className="btn btn-primary" onClick={() => setPanel({ kind: 'add' })}>
            Adicionar clientes
          </button>
        ) : null}
      </form>
      <ListBar
        data={list.data}
        page={list.state.page}
        pageSize={list.state.pageSize}
        pageSizes={creditList.spec.pageSizes}
        busy={list.busy}
        onPage={list.goToPage}
        onPageSize={(pageSize) => list.update({ pageSize })}
      />
      <DataTable
        labelledBy="page-title"
        columns={columns}
        rows={list.data?.items}
        rowId={(customer) => customer.customerId}
        rowAttributes={(customer) => ({ 'data-erp-key': customer.erpKey })}
        busy={list.busy}
        error={
          error
            ? {
                title: 'Não foi possível carregar os clientes.',
                message: error instanceof ApiError ? error.message : 'Tente de novo.',
                details: [],
                onRetry: () => void list.result.refetch(),
              }
            : null
        }
        loadingText="Carregando clientes…"
        empty={
          list.hasFilters
            ? 'Nenhum cliente com estes filtros.'
            : 'Nenhum cliente enviado à plataforma de crédito ainda: use Adicionar clientes.'
        }
      />
      {panel?.kind === 'add' ? (
        <AddCustomersPanel company={company} companies={inView} onClose={() => setPanel(null)} />
      ) : panel?.kind === 'limit' ? (
        <LimitChangePanel customer={panel.customer} onClose={() => setPanel(null)} />
      ) : panel?.kind === 'history' ? (
        <CreditHistoryPanel customer={panel.customer} onClose={() => setPanel(null)} />
      ) : null}
    </section>
  );
}
