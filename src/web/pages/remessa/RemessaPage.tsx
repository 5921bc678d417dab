/**
 * Remessa: the títulos of the integrations (issued since the Data de referência) and their registration at the
 * platform. Filters, sort and page in the URL; selection with its actions; the open título (`&remessa=<id>`),
 * the near-due warning's days (`&aviso=5`) and a comunicação em lote (`&lote=<id>`) in the URL too.
 */
import type { RowSelectionState } from '@tanstack/react-table';
import { useCallback, useEffect, useMemo, useState, type FormEvent } from 'react';
import { ApiError, api } from '../../api.js';
import { DataTable } from '../../components/DataTable.js';
import { DateField } from '../../components/DateField.js';
import { ListBar } from '../../components/ListBar.js';
import { useListQuery } from '../../components/useListQuery.js';
import { useQuery } from '@tanstack/react-query';
import type { Company } from '../../contracts.js';
import { formatCount, formatMoney, formatTituloRef } from '../../format.js';
import { registrationStatuses, type RegistrationStatus } from '../../../domain/receivable/registration.js';
import { BulkCommunication } from './BulkCommunication.js';
import { remessaColumns } from './columns.js';
import { PLATFORM_LABELS, REGISTRATION_STATUS_LABELS } from './labels.js';
import { remessaApiQuery, remessaList } from './list.js';
import { NearDue } from './NearDue.js';
import { ActionOutcomeNotice, RemessaActions, type ActionOutcome } from './RemessaActions.js';
import { RemessaDetail } from './RemessaDetail.js';

const SEARCH_DELAY_MS = 350;
const DEFAULT_WARNING_DAYS = 5;

interface RemessaPageProps {
  company: Company;
  companies: Company[];
  canWrite: boolean;
  params: URLSearchParams;
  onParams: (params: URLSearchParams, replace?: boolean) => void;
}

export function RemessaPage({ company, companies, canWrite, params, onParams }: RemessaPageProps) {
  const list = useListQuery({
    resource: 'remessas',
    list: remessaList,
    params,
    onParams,
    scope: { companyId: company.id },
    fetch: (query, signal) => api.remessas(remessaApiQuery(query), signal),
  });
  const { state: filters, data, busy, update, updateRef } = list;
  const children = companies.filter((c) => c.parentCompanyId === company.id);
  const inView = new Set([company.id, ...children.map((c) => c.id)]);
  const showCompany = company.kind === 'consolidated';
  const portadores = useQuery({
    queryKey: ['integration-portadores'],
    queryFn: ({ signal }) => api.integrationPortadores(signal),
  });

  const [search, setSearch] = useState(filters.q);
  const appliedQ = filters.q.trim();
  useEffect(() => setSearch((typed) => (typed.trim() === appliedQ ? typed : appliedQ)), [appliedQ]);
  useEffect(() => {
    if (search.trim() === appliedQ) return;
    const timer = window.setTimeout(() => updateRef.current({ q: search }, true), SEARCH_DELAY_MS);
    return () => window.clearTimeout(timer);
  }, [search, appliedQ, updateRef]);

  const [selected, setSelected] = useState<RowSelectionState>({});
  useEffect(() => setSelected({}), [list.query]);
  const [outcome, setOutcome] = useState<ActionOutcome | null>(null);

  const setParam = useCallback(
    (key: string, value: string | null) => {
      const next = new URLSearchParams(params);
      if (value === null) next.delete(key);
      else next.set(key, value);
      onParams(next);
    },
    [params, onParams],
  );
  const openId = params.get('remessa');
  const bulkId = params.get('lote');
  const warningDays = Number(params.get('aviso') ?? DEFAULT_WARNING_DAYS);
  const openDetail = useCallback((id: string) => setParam('remessa', id), [setParam]);

  const toggleStatus = (status: RegistrationStatus) => {
    const set = new Set(filters.status);
    if (set.has(status)) set.delete(status);
    else set.add(status);
    update({ status: registrationStatuses.filter((s) => set.has(s)) });
  };

  const columns = useMemo(
    () => remessaColumns({ showCompany, totals: data?.totals, total: data?.total ?? 0, onOpen: openDetail }),
    [showCompany, data, openDetail],
  );
  const error = list.result.isError ? list.result.error : null;
  const selectedRows = (data?.items ?? []).filter((item) => selected[item.receivableId]);

  return (
    <section className="page" aria-labelledby="page-title">
      <header className="page-header">
        <h1 id="page-title">Remessa</h1>
        <p className="page-sub">
          Registro dos títulos nas plataformas —{' '}
          {showCompany ? `${company.name} (todas as empresas)` : company.name}
        </p>
        {canWrite ? (
          <button
            type="button"
            className="btn btn-primary page-action"
            onClick={() => setParam('lote', 'new')}
          >
            Comunicação em lote
          </button>
        ) : null}
      </header>

      <NearDue
        companyId={company.id}
        days={
          Number.isInteger(warningDays) && warningDays >= 0 && warningDays <= 90
            ? warningDays
            : DEFAULT_WARNING_DAYS
        }
        onDays={(days) => setParam('aviso', days === DEFAULT_WARNING_DAYS ? null : String(days))}
        onOpen={openDetail}
      />

      <form
        className="filters"
        role="search"
        aria-label="Filtros da remessa"
        onSubmit={(event: FormEvent) => {
          event.preventDefault();
          if (search.trim() !== appliedQ) update({ q: search });
        }}
      >
        <div className="field field-search">
          <label htmlFor="m-q">Busca</label>
          <input
            id="m-q"
            type="search"
            placeholder="Título, documento, NF, cliente, nosso número…"
            value={search}
            onChange={(event) => setSearch(event.target.value)}
          />
        </div>
        {children.length > 0 ? (
          <div className="field">
            <label htmlFor="m-company">Empresa</label>
            <select
              id="m-company"
              value={filters.empresa}
              onChange={(e) => update({ empresa: e.target.value })}
            >
              <option value="">Todas</option>
              {[company, ...children].map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </select>
          </div>
        ) : null}
        <div className="field">
          <label htmlFor="m-platform">Plataforma</label>
          <select
            id="m-platform"
            value={filters.platform}
            onChange={(e) => update({ platform: e.target.value })}
          >
            <option value="">Todas</option>
            {Object.entries(PLATFORM_LABELS).map(([code, label]) => (
              <option key={code} value={code}>
                {label}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="m-portador">Portador</label>
          <select
            id="m-portador"
            value={filters.portadorId}
            onChange={(e) => update({ portadorId: e.target.value })}
          >
            <option value="">Todos</option>
            {(portadores.data?.items ?? [])
              .filter((p) => inView.has(p.companyId))
              .map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
          </select>
        </div>
        <fieldset className="field-range">
          <legend>Data de Emissão</legend>
          <DateField
            id="m-issue-from"
            label="Emissão de"
            value={filters.issueFrom}
            onChange={(issueFrom) => update({ issueFrom })}
          />
          <span aria-hidden="true">a</span>
          <DateField
            id="m-issue-to"
            label="Emissão até"
            value={filters.issueTo}
            onChange={(issueTo) => update({ issueTo })}
          />
        </fieldset>
        <fieldset className="field-range">
          <legend>Data de Vencimento</legend>
          <DateField
            id="m-due-from"
            label="Vencimento de"
            value={filters.dueFrom}
            onChange={(dueFrom) => update({ dueFrom })}
          />
          <span aria-hidden="true">a</span>
          <DateField
            id="m-due-to"
            label="Vencimento até"
            value={filters.dueTo}
            onChange={(dueTo) => update({ dueTo })}
          />
        </fieldset>
        <fieldset className="field-status">
          <legend>Status</legend>
          <div className="chips">
            {registrationStatuses.map((status) => (
              <label key={status} className="chip">
                <input
                  type="checkbox"
                  checked={filters.status.includes(status)}
                  onChange={() => toggleStatus(status)}
                />
                {REGISTRATION_STATUS_LABELS[status]}
              </label>
            ))}
          </div>
        </fieldset>
        <div className="filters-actions">
          <button type="button" className="btn btn-ghost" onClick={list.clear} disabled={!list.hasFilters}>
            Limpar filtros
          </button>
        </div>
      </form>

      {outcome ? <ActionOutcomeNotice outcome={outcome} onClose={() => setOutcome(null)} /> : null}

      <ListBar
        data={data}
        page={filters.page}
        pageSize={filters.pageSize}
        pageSizes={remessaList.spec.pageSizes}
        busy={busy}
        onPage={list.goToPage}
        onPageSize={(pageSize) => update({ pageSize })}
      />
      {selectedRows.length > 0 ? (
        <div className="selection-bar" role="region" aria-label="Seleção">
          <p role="status">
            {formatCount(selectedRows.length)} {selectedRows.length === 1 ? 'selecionado' : 'selecionados'} ·
            Valor {formatMoney(selectedRows.reduce((sum, item) => sum + item.amountCents, 0))} · Valor aberto{' '}
            {formatMoney(selectedRows.reduce((sum, item) => sum + item.openAmountCents, 0))}{' '}
            <button type="button" className="btn btn-small btn-ghost" onClick={() => setSelected({})}>
              Limpar seleção
            </button>
          </p>
          {canWrite ? (
            <RemessaActions companyId={company.id} items={selectedRows} onOutcome={setOutcome} />
          ) : null}
        </div>
      ) : null}

      <DataTable
        labelledBy="page-title"
        className={showCompany ? 'remessa-grid with-company' : 'remessa-grid'}
        columns={columns}
        rows={data?.items}
        rowId={(item) => item.receivableId}
        rowAttributes={(item) => ({ 'data-status': item.status, 'data-number': item.number })}
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
                title: 'Não foi possível carregar a remessa.',
                message: error instanceof ApiError ? error.message : 'Tente de novo.',
                details: error instanceof ApiError ? error.fields.map((f) => `${f.path}: ${f.message}`) : [],
                onRetry: () => void list.result.refetch(),
              }
            : null
        }
        loadingText="Carregando remessa…"
        empty={
          list.hasFilters
            ? 'Nenhum título com estes filtros.'
            : 'Nenhum título a registrar: configure uma integração em Parceiros/Bancos e envie títulos com o portador dela.'
        }
      />
      {openId ? (
        <RemessaDetail
          receivableId={openId}
          companyId={company.id}
          canWrite={canWrite}
          onOutcome={setOutcome}
          onClose={() => setParam('remessa', null)}
        />
      ) : null}
      {bulkId ? (
        <BulkCommunication
          bulkId={bulkId}
          company={company}
          inView={inView}
          onOpen={(id) => setParam('lote', id)}
          onClose={() => setParam('lote', null)}
        />
      ) : null}
    </section>
  );
}
