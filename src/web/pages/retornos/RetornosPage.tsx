/**
 * Retorno: everything the platforms sent back (webhooks, CNAB return files, status queries), stored before it is
 * processed: filters by empresa, platform, portador, Data de entrada, situação and text; totals of the whole filter;
 * "Processar" for the selected records, "Histórico" per row and the return-command table.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { RowSelectionState } from '@tanstack/react-table';
import { useState, type FormEvent } from 'react';
import { ApiError, api } from '../../api.js';
import { DataTable } from '../../components/DataTable.js';
import { DateField } from '../../components/DateField.js';
import { ListBar } from '../../components/ListBar.js';
import { isoDate, listParams, text } from '../../components/listParams.js';
import { useListQuery } from '../../components/useListQuery.js';
import type { Company } from '../../contracts.js';
import { formatTituloRef } from '../../format.js';
import { PLATFORM_LABELS, retornoColumns, SITUATION_LABELS } from './columns.js';
import { RetornoHistoryPanel } from './RetornoHistoryPanel.js';
import { ReturnCommandsPanel } from './ReturnCommandsPanel.js';

export const retornoList = listParams({
  filters: {
    company: text,
    platform: text,
    portadorId: text,
    paidFrom: isoDate,
    paidTo: isoDate,
    situation: text,
    q: text,
  },
  sorts: ['occurredAt', 'paidOn', 'creditedOn', 'paidCents', 'situation'] as const,
  sort: 'occurredAt',
  order: 'desc',
  pageSizes: [25, 50, 100],
});

interface RetornosPageProps {
  company: Company;
  companies: Company[];
  isAdmin: boolean;
  canWrite: boolean;
  params: URLSearchParams;
  onParams: (params: URLSearchParams, replace?: boolean) => void;
}

export function RetornosPage({ company, companies, isAdmin, canWrite, params, onParams }: RetornosPageProps) {
  const client = useQueryClient();
  const [selected, setSelected] = useState<RowSelectionState>({});
  const [historyOf, setHistoryOf] = useState<string | null>(null);
  const [commandsOpen, setCommandsOpen] = useState(false);
  const [outcome, setOutcome] = useState<string | null>(null);
  const process = useMutation({
    mutationFn: (ids: string[]) => api.processRetornos(ids),
    onSuccess: (result) => {
      setOutcome(
        `${result.processed} processado(s), ${result.failed} em falha` +
          (result.failed > 0 ? ': veja Observações ou o Histórico.' : '.'),
      );
      setSelected({});
      void client.invalidateQueries({ queryKey: ['retornos'] });
    },
    onError: (error) => setOutcome(error instanceof ApiError ? error.message : 'Não foi possível processar.'),
  });
  const list = useListQuery({
    resource: 'retornos',
    list: retornoList,
    params,
    onParams,
    scope: { companyId: company.id },
    fetch: api.retornos,
  });
  const portadores = useQuery({
    queryKey: ['integration-portadores'],
    queryFn: ({ signal }) => api.integrationPortadores(signal),
  });
  const inView = new Set(
    companies.filter((c) => c.id === company.id || c.parentCompanyId === company.id).map((c) => c.id),
  );
  const [search, setSearch] = useState(list.state.q);
  const columns = retornoColumns({
    showCompany: company.kind === 'consolidated',
    totals: list.data?.totals,
    total: list.data?.total ?? 0,
    onHistory: setHistoryOf,
  });
  const selectedIds = Object.keys(selected).filter((id) => selected[id]);
  const children = companies.filter((c) => c.parentCompanyId === company.id);
  const error = list.result.isError ? list.result.error : null;

  return (
    <section className="page" aria-labelledby="page-title">
      <header className="page-header">
        <h1 id="page-title">Retorno</h1>
        <p className="page-sub">O que as plataformas devolveram — {company.name}</p>
        <button type="button" className="btn" onClick={() => setCommandsOpen(true)}>
          Comandos de retorno
        </button>
      </header>
      <form
        className="filters"
        role="search"
        aria-label="Filtros de retornos"
        onSubmit={(event: FormEvent) => {
          event.preventDefault();
          list.update({ q: search });
        }}
      >
        {children.length > 0 ? (
          <div className="field">
            <label htmlFor="r-company">Empresa</label>
            <select
              id="r-company"
              value={list.state.company}
              onChange={(e) => list.update({ company: e.target.value })}
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
          <label htmlFor="r-platform">Plataforma</label>
          <select
            id="r-platform"
            value={list.state.platform}
            onChange={(e) => list.update({ platform: e.target.value })}
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
          <label htmlFor="r-portador">Portador</label>
          <select
            id="r-portador"
            value={list.state.portadorId}
            onChange={(e) => list.update({ portadorId: e.target.value })}
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
          <legend>Data de entrada</legend>
          <DateField
            id="r-paid-from"
            label="Entrada de"
            value={list.state.paidFrom}
            onChange={(paidFrom) => list.update({ paidFrom })}
          />
          <span>até</span>
          <DateField
            id="r-paid-to"
            label="Entrada até"
            value={list.state.paidTo}
            onChange={(paidTo) => list.update({ paidTo })}
          />
        </fieldset>
        <div className="field">
          <label htmlFor="r-situation">Situação</label>
          <select
            id="r-situation"
            value={list.state.situation}
            onChange={(e) => list.update({ situation: e.target.value })}
          >
            <option value="">Todas</option>
            {Object.entries(SITUATION_LABELS).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </div>
        <div className="field field-search">
          <label htmlFor="r-q">Busca</label>
          <input
            id="r-q"
            type="search"
            placeholder="Título, cliente, nosso número, evento…"
            value={search}
            onChange={(event) => setSearch(event.target.value)}
          />
        </div>
        <button type="submit" className="btn">
          Buscar
        </button>
      </form>
      <div className="selection-bar" role="toolbar" aria-label="Ações dos retornos">
        <span>
          {selectedIds.length} {selectedIds.length === 1 ? 'selecionado' : 'selecionados'}
        </span>
        <button
          type="button"
          className="btn btn-primary btn-small"
          disabled={!canWrite || selectedIds.length === 0 || process.isPending}
          onClick={() => process.mutate(selectedIds)}
        >
          Processar
        </button>
        {outcome ? (
          <span role="status" className="notice">
            {outcome}
          </span>
        ) : null}
      </div>
      <ListBar
        data={list.data}
        page={list.state.page}
        pageSize={list.state.pageSize}
        pageSizes={retornoList.spec.pageSizes}
        busy={list.busy}
        onPage={list.goToPage}
        onPageSize={(pageSize) => list.update({ pageSize })}
      />
      <DataTable
        labelledBy="page-title"
        columns={columns}
        rows={list.data?.items}
        rowId={(retorno) => retorno.id}
        rowAttributes={(retorno) => ({ 'data-situation': retorno.situation })}
        selection={{
          selected,
          onChange: setSelected,
          label: (retorno) =>
            `retorno ${retorno.occurrenceCode}${retorno.number ? ` do título ${formatTituloRef(retorno.number, retorno.installment)}` : ''}`,
        }}
        sort={{
          key: list.state.sort,
          order: list.state.order,
          onSort: (key) => list.sortBy(key as typeof list.state.sort),
        }}
        totals
        busy={list.busy}
        error={
          error
            ? {
                title: 'Não foi possível carregar os retornos.',
                message: error instanceof ApiError ? error.message : 'Tente de novo.',
                details: [],
                onRetry: () => void list.result.refetch(),
              }
            : null
        }
        loadingText="Carregando retornos…"
        empty={
          list.hasFilters
            ? 'Nenhum retorno com estes filtros.'
            : 'Nenhum retorno recebido nesta empresa ainda: eles chegam pelos webhooks das plataformas e pelos arquivos de retorno.'
        }
      />
      {historyOf ? <RetornoHistoryPanel id={historyOf} onClose={() => setHistoryOf(null)} /> : null}
      {commandsOpen ? <ReturnCommandsPanel isAdmin={isAdmin} onClose={() => setCommandsOpen(false)} /> : null}
    </section>
  );
}
