import type { RowSelectionState } from '@tanstack/react-table';
import { useCallback, useEffect, useMemo, useState, type FormEvent } from 'react';
import { ApiError, api } from '../../api.js';
import { DataTable } from '../../components/DataTable.js';
import { DateField } from '../../components/DateField.js';
import { ListBar } from '../../components/ListBar.js';
import { SearchSelect } from '../../components/SearchSelect.js';
import { useListQuery } from '../../components/useListQuery.js';
import type { Company } from '../../contracts.js';
import {
  RECEIVABLE_STATUSES,
  formatCount,
  formatDocument,
  formatMoney,
  formatTituloRef,
  statusLabel,
  type ReceivableStatus,
} from '../../format.js';
import { receivableColumns } from './columns.js';
import { receivableList } from './list.js';
import { ReceivableDetail } from './ReceivableDetail.js';

interface ReceivablesPageProps {
  company: Company;
  /** Admin and operator may change títulos; viewer only reads. */
  canWrite: boolean;
  params: URLSearchParams;
  onParams: (params: URLSearchParams, replace?: boolean) => void;
}

const SEARCH_DELAY_MS = 350;

export function ReceivablesPage({ company, canWrite, params, onParams }: ReceivablesPageProps) {
  const list = useListQuery({
    resource: 'receivables',
    list: receivableList,
    params,
    onParams,
    scope: { companyId: company.id },
    fetch: api.receivables,
  });
  const { state: filters, data, busy, update, updateRef } = list;
  const showCompany = company.kind === 'consolidated';
  const [search, setSearch] = useState(filters.q);
  const [selected, setSelected] = useState<RowSelectionState>({});
  useEffect(() => setSelected({}), [list.query]);

  // The search box follows the URL (back/forward, "Limpar filtros") and applies itself after a pause.
  const appliedQ = filters.q.trim();
  useEffect(() => setSearch((typed) => (typed.trim() === appliedQ ? typed : appliedQ)), [appliedQ]);
  useEffect(() => {
    if (search.trim() === appliedQ) return;
    const timer = window.setTimeout(() => updateRef.current({ q: search }, true), SEARCH_DELAY_MS);
    return () => window.clearTimeout(timer);
  }, [search, appliedQ, updateRef]);

  const submitSearch = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (search.trim() !== appliedQ) update({ q: search });
  };

  const toggleStatus = (status: ReceivableStatus) => {
    const set = new Set(filters.status);
    if (set.has(status)) set.delete(status);
    else set.add(status);
    update({ status: RECEIVABLE_STATUSES.filter((s) => set.has(s)) });
  };

  const detailId = params.get('titulo');
  const openDetail = useCallback(
    (id: string) => {
      const next = new URLSearchParams(params);
      next.set('titulo', id);
      onParams(next);
    },
    [params, onParams],
  );
  const closeDetail = useCallback(() => {
    const next = new URLSearchParams(params);
    next.delete('titulo');
    onParams(next);
  }, [params, onParams]);

  const columns = useMemo(
    () =>
      receivableColumns({ showCompany, totals: data?.totals, total: data?.total ?? 0, onOpen: openDetail }),
    [showCompany, data, openDetail],
  );
  const error = list.result.isError ? list.result.error : null;
  const selectedRows = (data?.items ?? []).filter((item) => selected[item.id]);

  return (
    <section className="page" aria-labelledby="page-title">
      <header className="page-header">
        <h1 id="page-title">Títulos a receber</h1>
        <p className="page-sub">{showCompany ? `${company.name} — todas as empresas` : company.name}</p>
      </header>

      <form className="filters" role="search" aria-label="Filtros de títulos" onSubmit={submitSearch}>
        <div className="field field-search">
          <label htmlFor="f-q">Busca</label>
          <input
            id="f-q"
            type="search"
            placeholder="Número, cliente, CPF/CNPJ, NF…"
            value={search}
            onChange={(event) => setSearch(event.target.value)}
          />
        </div>
        <SearchSelect
          className="field field-customer"
          label="Cliente"
          placeholder="Todos os clientes"
          cacheKey={['customers', company.id]}
          value={filters.customerId}
          onChange={(customerId) => update({ customerId })}
          search={async (text, signal) => {
            const query = new URLSearchParams({
              companyId: company.id,
              q: text,
              sort: 'name',
              pageSize: '20',
            });
            const page = await api.customers(query.toString(), signal);
            return {
              total: page.total,
              options: page.items.map((c) => ({
                id: c.id,
                label: c.name,
                description: formatDocument(c.document),
              })),
            };
          }}
          lookup={async (id, signal) => {
            const customer = await api.customer(id, company.id, signal);
            return { id: customer.id, label: customer.name, description: formatDocument(customer.document) };
          }}
        />
        <fieldset className="field-range">
          <legend>Emissão</legend>
          <DateField
            id="f-issue-from"
            label="Emissão de"
            value={filters.issueFrom}
            onChange={(iso) => update({ issueFrom: iso })}
          />
          <span aria-hidden="true">a</span>
          <DateField
            id="f-issue-to"
            label="Emissão até"
            value={filters.issueTo}
            onChange={(iso) => update({ issueTo: iso })}
          />
        </fieldset>
        <fieldset className="field-range">
          <legend>Vencimento</legend>
          <DateField
            id="f-due-from"
            label="Vencimento de"
            value={filters.dueFrom}
            onChange={(iso) => update({ dueFrom: iso })}
          />
          <span aria-hidden="true">a</span>
          <DateField
            id="f-due-to"
            label="Vencimento até"
            value={filters.dueTo}
            onChange={(iso) => update({ dueTo: iso })}
          />
        </fieldset>
        <fieldset className="field-status">
          <legend>Status</legend>
          <div className="chips">
            {RECEIVABLE_STATUSES.map((status) => (
              <label key={status} className={`chip chip-${status}`}>
                <input
                  type="checkbox"
                  checked={filters.status.includes(status)}
                  onChange={() => toggleStatus(status)}
                />
                {statusLabel(status)}
              </label>
            ))}
            <button
              type="button"
              className={`chip chip-quick${filters.overdue ? ' is-on' : ''}`}
              aria-pressed={filters.overdue}
              title="Somente títulos com vencimento anterior a hoje e valor em aberto"
              onClick={() => update({ overdue: !filters.overdue })}
            >
              Vencidos
            </button>
          </div>
        </fieldset>
        <div className="filters-actions">
          <button type="button" className="btn btn-ghost" onClick={list.clear} disabled={!list.hasFilters}>
            Limpar filtros
          </button>
        </div>
      </form>

      <ListBar
        data={data}
        page={filters.page}
        pageSize={filters.pageSize}
        pageSizes={receivableList.spec.pageSizes}
        busy={busy}
        onPage={list.goToPage}
        onPageSize={(pageSize) => update({ pageSize })}
      >
        <a
          className="btn btn-small"
          href={api.receivablesCsvUrl(list.query)}
          download
          title="Todos os títulos deste filtro, em CSV para Excel ou LibreOffice"
        >
          Exportar CSV
        </a>
      </ListBar>
      {selectedRows.length > 0 ? (
        <p className="selection-bar" role="status">
          {formatCount(selectedRows.length)} {selectedRows.length === 1 ? 'selecionado' : 'selecionados'} ·
          Valor {formatMoney(selectedRows.reduce((sum, item) => sum + item.amountCents, 0))} · Valor aberto{' '}
          {formatMoney(selectedRows.reduce((sum, item) => sum + item.openAmountCents, 0))}{' '}
          <button type="button" className="btn btn-small" onClick={() => setSelected({})}>
            Limpar seleção
          </button>
        </p>
      ) : null}

      <DataTable
        labelledBy="page-title"
        className={showCompany ? 'with-company' : undefined}
        columns={columns}
        rows={data?.items}
        rowId={(item) => item.id}
        rowAttributes={(item) => ({
          className: item.overdue ? 'is-overdue' : undefined,
          'data-status': item.status,
        })}
        sort={{
          key: filters.sort,
          order: filters.order,
          onSort: (key) => list.sortBy(key as typeof filters.sort),
        }}
        selection={{
          selected,
          onChange: setSelected,
          label: (item) => `título ${formatTituloRef(item.number, item.installment)}`,
        }}
        totals
        busy={busy}
        error={
          error
            ? {
                title: 'Não foi possível carregar os títulos.',
                message: error instanceof ApiError ? error.message : 'Tente de novo.',
                details: error instanceof ApiError ? error.fields.map((f) => `${f.path}: ${f.message}`) : [],
                onRetry: () => void list.result.refetch(),
              }
            : null
        }
        loadingText="Carregando títulos…"
        empty={
          <>
            Nenhum título encontrado {list.hasFilters ? 'com estes filtros' : 'nesta empresa'}.{' '}
            {list.hasFilters ? (
              <button type="button" className="btn btn-small" onClick={list.clear}>
                Limpar filtros
              </button>
            ) : null}
          </>
        }
      />
      {detailId ? (
        <ReceivableDetail id={detailId} companyId={company.id} canWrite={canWrite} onClose={closeDetail} />
      ) : null}
    </section>
  );
}
