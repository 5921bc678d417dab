import { useCallback, useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { ApiError, api, type Company, type Customer, type Page, type Receivable } from './api.js';
import {
  RECEIVABLE_STATUSES,
  formatDate,
  formatDocument,
  formatMoney,
  formatTituloRef,
  pageCount,
  rangeText,
  statusLabel,
  type ReceivableStatus,
} from './format.js';
import {
  DEFAULT_FILTERS,
  PAGE_SIZES,
  readFilters,
  receivablesQuery,
  writeFilters,
  type ReceivableFilters,
  type SortKey,
} from './route.js';
import { DateField } from './DateField.js';
import { ReceivableDetail } from './ReceivableDetail.js';

interface ReceivablesPageProps {
  company: Company;
  /** Admin and operator may change títulos; viewer only reads. */
  canWrite: boolean;
  me?: { id: string; name: string };
  params: URLSearchParams;
  onParams: (params: URLSearchParams, replace?: boolean) => void;
  onExpired: () => void;
}

type Load =
  | { kind: 'loading'; previous: Page<Receivable> | null }
  | { kind: 'ready'; data: Page<Receivable> }
  | { kind: 'error'; message: string; details: string[] };

const SEARCH_DELAY_MS = 350;

export function ReceivablesPage({
  company,
  canWrite,
  me,
  params,
  onParams,
  onExpired,
}: ReceivablesPageProps) {
  const filters = useMemo(() => readFilters(params), [params]);
  const query = receivablesQuery(company.id, filters);
  const [load, setLoad] = useState<Load>({ kind: 'loading', previous: null });
  const [retry, setRetry] = useState(0);
  const [customers, setCustomers] = useState<Customer[] | null>(null);
  const [search, setSearch] = useState(filters.q);
  const lastData = useRef<Page<Receivable> | null>(null);
  const showCompany = company.kind === 'consolidated';

  const update = (patch: Partial<ReceivableFilters>, replace = false) => {
    // Any filter change goes back to page 1 unless the patch sets the page itself.
    const next: ReceivableFilters = { ...filters, page: 1, ...patch };
    onParams(writeFilters(params, next), replace);
  };

  // Títulos of the current filters; a newer request aborts the older one.
  useEffect(() => {
    const controller = new AbortController();
    setLoad({ kind: 'loading', previous: lastData.current });
    api
      .receivables(query, controller.signal)
      .then((data) => {
        lastData.current = data;
        setLoad({ kind: 'ready', data });
      })
      .catch((error: unknown) => {
        if (controller.signal.aborted) return;
        if (error instanceof ApiError && error.status === 401) return onExpired();
        const message =
          error instanceof ApiError ? error.message : 'Não foi possível carregar os títulos. Tente de novo.';
        const details = error instanceof ApiError ? error.fields.map((f) => `${f.path}: ${f.message}`) : [];
        setLoad({ kind: 'error', message, details });
      });
    return () => controller.abort();
  }, [query, retry, onExpired]);

  // Customers of the selected company for the Cliente filter.
  useEffect(() => {
    const controller = new AbortController();
    setCustomers(null);
    api
      .customers(company.id, controller.signal)
      .then((page) => setCustomers([...page.items].sort((a, b) => a.name.localeCompare(b.name, 'pt-BR'))))
      .catch((error: unknown) => {
        if (controller.signal.aborted) return;
        if (error instanceof ApiError && error.status === 401) return onExpired();
        setCustomers([]);
      });
    return () => controller.abort();
  }, [company.id, onExpired]);

  // The search box follows the URL (back/forward, "Limpar filtros") and applies itself after a pause.
  const updateRef = useRef(update);
  updateRef.current = update;
  const appliedQ = filters.q.trim();
  useEffect(() => setSearch((typed) => (typed.trim() === appliedQ ? typed : appliedQ)), [appliedQ]);
  useEffect(() => {
    if (search.trim() === appliedQ) return;
    const timer = window.setTimeout(() => updateRef.current({ q: search }, true), SEARCH_DELAY_MS);
    return () => window.clearTimeout(timer);
  }, [search, appliedQ]);

  const submitSearch = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (search.trim() !== filters.q.trim()) update({ q: search });
  };

  const toggleStatus = (status: ReceivableStatus) => {
    const set = new Set(filters.status);
    if (set.has(status)) set.delete(status);
    else set.add(status);
    update({ status: RECEIVABLE_STATUSES.filter((s) => set.has(s)) });
  };

  const detailId = params.get('titulo');
  const openDetail = (id: string) => {
    const next = new URLSearchParams(params);
    next.set('titulo', id);
    onParams(next);
  };
  const closeDetail = useCallback(() => {
    const next = new URLSearchParams(params);
    next.delete('titulo');
    onParams(next);
  }, [params, onParams]);

  const toggleOverdue = () => update({ overdue: !filters.overdue });

  const hasFilters =
    filters.customerId !== '' ||
    filters.issueFrom !== '' ||
    filters.issueTo !== '' ||
    filters.dueFrom !== '' ||
    filters.dueTo !== '' ||
    filters.status.length > 0 ||
    filters.overdue ||
    filters.q.trim() !== '';
  const clearFilters = () =>
    update({ ...DEFAULT_FILTERS, sort: filters.sort, order: filters.order, pageSize: filters.pageSize });

  const sortBy = (key: SortKey) =>
    update({ sort: key, order: filters.sort === key && filters.order === 'asc' ? 'desc' : 'asc' });

  const data = load.kind === 'ready' ? load.data : load.kind === 'loading' ? load.previous : null;

  // A page past the end (an old link, or fewer títulos now): go to the last page that exists.
  const beyondEnd =
    load.kind === 'ready' && load.data.items.length === 0 && load.data.total > 0 && filters.page > 1;
  useEffect(() => {
    if (beyondEnd && load.kind === 'ready')
      updateRef.current({ page: pageCount(load.data.pageSize, load.data.total) }, true);
  }, [beyondEnd, load]);
  const busy = load.kind === 'loading';
  const pages = data ? pageCount(data.pageSize, data.total) : 1;
  const columns = showCompany ? 10 : 9;

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
        <div className="field field-customer">
          <label htmlFor="f-customer">Cliente</label>
          <select
            id="f-customer"
            value={filters.customerId}
            onChange={(event) => update({ customerId: event.target.value })}
          >
            <option value="">{customers === null ? 'Carregando clientes…' : 'Todos os clientes'}</option>
            {(customers ?? []).map((customer) => (
              <option key={customer.id} value={customer.id}>
                {customer.name} — {formatDocument(customer.document)}
              </option>
            ))}
            {customers !== null &&
            filters.customerId &&
            !customers.some((c) => c.id === filters.customerId) ? (
              <option value={filters.customerId}>Cliente selecionado</option>
            ) : null}
          </select>
        </div>
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
              onClick={toggleOverdue}
            >
              Vencidos
            </button>
          </div>
        </fieldset>
        <div className="filters-actions">
          <button type="button" className="btn btn-ghost" onClick={clearFilters} disabled={!hasFilters}>
            Limpar filtros
          </button>
        </div>
      </form>

      <div className="results-bar">
        <p className="results-count" aria-live="polite" data-testid="results-count">
          {data ? rangeText(data.page, data.pageSize, data.total) : '\u00a0'}
          {busy ? <span className="loading-inline"> · carregando…</span> : null}
        </p>
        <div className="pager">
          <label htmlFor="f-page-size">Por página</label>
          <select
            id="f-page-size"
            value={filters.pageSize}
            onChange={(event) => update({ pageSize: Number(event.target.value) })}
          >
            {PAGE_SIZES.map((size) => (
              <option key={size} value={size}>
                {size}
              </option>
            ))}
          </select>
          <button
            type="button"
            className="btn btn-small"
            onClick={() => update({ page: filters.page - 1 })}
            disabled={filters.page <= 1 || busy}
          >
            ‹ Anterior
          </button>
          <span className="pager-pos">
            Página {Math.min(filters.page, pages)} de {pages}
          </span>
          <button
            type="button"
            className="btn btn-small"
            onClick={() => update({ page: filters.page + 1 })}
            disabled={filters.page >= pages || busy}
          >
            Próxima ›
          </button>
        </div>
      </div>

      <div className="table-wrap">
        <table
          className={showCompany ? 'grid with-company' : 'grid'}
          aria-busy={busy}
          aria-describedby="page-title"
        >
          <thead>
            <tr>
              {showCompany ? <th scope="col">Empresa</th> : null}
              <SortHeader label="Cliente" sortKey="customerName" filters={filters} onSort={sortBy} />
              <SortHeader label="Título/Parcela" sortKey="number" filters={filters} onSort={sortBy} />
              <SortHeader label="Emissão" sortKey="issueDate" filters={filters} onSort={sortBy} />
              <SortHeader label="Vencimento" sortKey="dueDate" filters={filters} onSort={sortBy} />
              <SortHeader label="Valor" sortKey="amountCents" filters={filters} onSort={sortBy} numeric />
              <SortHeader
                label="Valor aberto"
                sortKey="openAmountCents"
                filters={filters}
                onSort={sortBy}
                numeric
              />
              <th scope="col">Portador</th>
              <SortHeader label="Status" sortKey="status" filters={filters} onSort={sortBy} />
            </tr>
          </thead>
          <tbody className={busy && data ? 'is-stale' : undefined}>
            {load.kind === 'error' ? (
              <tr>
                <td colSpan={columns} className="state state-error" role="alert">
                  <strong>Não foi possível carregar os títulos.</strong> {load.message}
                  {load.details.length > 0 ? (
                    <ul>
                      {load.details.map((detail) => (
                        <li key={detail}>{detail}</li>
                      ))}
                    </ul>
                  ) : null}{' '}
                  <button type="button" className="btn btn-small" onClick={() => setRetry((n) => n + 1)}>
                    Tentar de novo
                  </button>
                </td>
              </tr>
            ) : !data ? (
              <tr>
                <td colSpan={columns} className="state" role="status">
                  Carregando títulos…
                </td>
              </tr>
            ) : data.items.length === 0 ? (
              <tr>
                <td colSpan={columns} className="state">
                  Nenhum título encontrado {hasFilters ? 'com estes filtros' : 'nesta empresa'}.{' '}
                  {hasFilters ? (
                    <button type="button" className="btn btn-small" onClick={clearFilters}>
                      Limpar filtros
                    </button>
                  ) : null}
                </td>
              </tr>
            ) : (
              data.items.map((item) => (
                <ReceivableRow key={item.id} item={item} showCompany={showCompany} onOpen={openDetail} />
              ))
            )}
          </tbody>
        </table>
      </div>
      {detailId ? (
        <ReceivableDetail
          id={detailId}
          companyId={company.id}
          canWrite={canWrite}
          me={me}
          onClose={closeDetail}
          onExpired={onExpired}
          onChanged={() => setRetry((n) => n + 1)}
        />
      ) : null}
    </section>
  );
}

interface SortHeaderProps {
  label: string;
  sortKey: SortKey;
  filters: ReceivableFilters;
  onSort: (key: SortKey) => void;
  numeric?: boolean;
}

function SortHeader({ label, sortKey, filters, onSort, numeric }: SortHeaderProps) {
  const active = filters.sort === sortKey;
  const direction = active ? (filters.order === 'asc' ? 'ascending' : 'descending') : 'none';
  return (
    <th scope="col" aria-sort={direction} className={numeric ? 'num' : undefined}>
      <button
        type="button"
        className={`sort${active ? ' is-active' : ''}`}
        onClick={() => onSort(sortKey)}
        title={`Ordenar por ${label.toLowerCase()}`}
      >
        {label}
        <span className="sort-arrow" aria-hidden="true">
          {active ? (filters.order === 'asc' ? '▲' : '▼') : '↕'}
        </span>
      </button>
    </th>
  );
}

interface ReceivableRowProps {
  item: Receivable;
  showCompany: boolean;
  onOpen: (id: string) => void;
}

function ReceivableRow({ item, showCompany, onOpen }: ReceivableRowProps) {
  const document = formatDocument(item.customerDocument);
  return (
    <tr className={item.overdue ? 'is-overdue' : undefined} data-id={item.id} data-status={item.status}>
      {showCompany ? (
        <td className="col-company">
          <span className="clip" title={item.companyName}>
            {item.companyName}
          </span>
        </td>
      ) : null}
      <td className="col-customer">
        <span className="clip customer-name" title={item.customerName}>
          {item.customerName}
        </span>
        <span className="customer-doc">{document}</span>
      </td>
      <td className="col-ref">
        <button
          type="button"
          className="link"
          onClick={() => onOpen(item.id)}
          title="Ver movimentos e histórico"
        >
          {formatTituloRef(item.number, item.installment)}
        </button>
        <span className="sub">
          {[item.document, item.invoiceNumber ? `NF ${item.invoiceNumber}` : null]
            .filter(Boolean)
            .join(' · ')}
        </span>
      </td>
      <td className="col-date" data-col="issue">
        {formatDate(item.issueDate)}
      </td>
      <td className="col-date col-due" data-col="due">
        {formatDate(item.dueDate)}
        {item.overdue ? <span className="overdue-tag">vencido</span> : null}
      </td>
      <td className="num" data-col="amount">
        {formatMoney(item.amountCents)}
      </td>
      <td className="num" data-col="open-amount">
        {formatMoney(item.openAmountCents)}
      </td>
      <td className="col-portador">
        <span className="clip" title={item.portadorName ?? undefined}>
          {item.portadorName ?? '—'}
        </span>
      </td>
      <td className="col-status" data-col="status">
        <span className={`badge badge-${item.status}`}>{statusLabel(item.status)}</span>
      </td>
    </tr>
  );
}
