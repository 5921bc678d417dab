import { createColumnHelper } from '@tanstack/react-table';
import { useEffect, useState, type FormEvent } from 'react';
import { ApiError, api } from '../../api.js';
import { DataTable, type Column } from '../../components/DataTable.js';
import { ListBar } from '../../components/ListBar.js';
import { listParams, text } from '../../components/listParams.js';
import { useListQuery } from '../../components/useListQuery.js';
import type { Company, CustomerListItem } from '../../contracts.js';
import { formatDocument } from '../../format.js';
import { CustomerDetail } from './CustomerDetail.js';

export const customerList = listParams({
  filters: { q: text },
  sorts: ['name', 'document', 'erpKey', 'createdAt'] as const,
  sort: 'name',
  pageSizes: [25, 50, 100],
});

const column = createColumnHelper<CustomerListItem>();

interface CustomersPageProps {
  company: Company;
  params: URLSearchParams;
  onParams: (params: URLSearchParams, replace?: boolean) => void;
  /** Opens the Títulos screen filtered by this customer (and one título's panel when given). */
  onOpenReceivables: (customerId: string, receivableId?: string) => void;
}

export function CustomersPage({ company, params, onParams, onOpenReceivables }: CustomersPageProps) {
  const list = useListQuery({
    resource: 'customers',
    list: customerList,
    params,
    onParams,
    scope: { companyId: company.id },
    fetch: api.customers,
  });
  const [search, setSearch] = useState(list.state.q);
  const appliedQ = list.state.q.trim();
  useEffect(() => setSearch((typed) => (typed.trim() === appliedQ ? typed : appliedQ)), [appliedQ]);
  useEffect(() => {
    if (search.trim() === appliedQ) return;
    const timer = window.setTimeout(() => list.updateRef.current({ q: search }, true), 350);
    return () => window.clearTimeout(timer);
  }, [search, appliedQ, list.updateRef]);

  const openId = params.get('cliente');
  const setOpen = (id: string | null) => {
    const next = new URLSearchParams(params);
    if (id) next.set('cliente', id);
    else next.delete('cliente');
    onParams(next);
  };

  const columns = [
    column.display({
      id: 'name',
      header: 'Nome',
      cell: ({ row }) => (
        <button type="button" className="link customer-name" onClick={() => setOpen(row.original.id)}>
          {row.original.name}
        </button>
      ),
      meta: { sortKey: 'name', className: 'col-customer' },
    }),
    column.display({
      id: 'document',
      header: 'CPF/CNPJ',
      cell: ({ row }) => formatDocument(row.original.document),
      meta: { sortKey: 'document', className: 'col-date', dataCol: 'document' },
    }),
    column.display({
      id: 'email',
      header: 'E-mail',
      cell: ({ row }) => row.original.email ?? '—',
    }),
    column.display({
      id: 'phone',
      header: 'Telefone',
      cell: ({ row }) => row.original.phone ?? '—',
      meta: { className: 'col-date' },
    }),
    column.display({
      id: 'erpKey',
      header: 'Chave no ERP',
      cell: ({ row }) => <code>{row.original.erpKey}</code>,
      meta: { sortKey: 'erpKey' },
    }),
  ] as Column<CustomerListItem>[];
  const error = list.result.isError ? list.result.error : null;

  return (
    <section className="page" aria-labelledby="page-title">
      <header className="page-header">
        <h1 id="page-title">Clientes</h1>
        <p className="page-sub">{company.name}</p>
      </header>
      <form
        className="filters"
        role="search"
        aria-label="Filtros de clientes"
        onSubmit={(event: FormEvent) => {
          event.preventDefault();
          list.update({ q: search });
        }}
      >
        <div className="field field-search">
          <label htmlFor="c-q">Busca</label>
          <input
            id="c-q"
            type="search"
            placeholder="Nome, CPF/CNPJ, chave ERP, e-mail…"
            value={search}
            onChange={(event) => setSearch(event.target.value)}
          />
        </div>
      </form>
      <ListBar
        data={list.data}
        page={list.state.page}
        pageSize={list.state.pageSize}
        pageSizes={customerList.spec.pageSizes}
        busy={list.busy}
        onPage={list.goToPage}
        onPageSize={(pageSize) => list.update({ pageSize })}
      />
      <DataTable
        labelledBy="page-title"
        columns={columns}
        rows={list.data?.items}
        rowId={(customer) => customer.id}
        sort={{
          key: list.state.sort,
          order: list.state.order,
          onSort: (key) => list.sortBy(key as typeof list.state.sort),
        }}
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
          list.hasFilters ? 'Nenhum cliente encontrado com esta busca.' : 'Nenhum cliente nesta empresa.'
        }
      />
      {openId ? (
        <CustomerDetail
          id={openId}
          company={company}
          onClose={() => setOpen(null)}
          onOpenReceivables={onOpenReceivables}
        />
      ) : null}
    </section>
  );
}
