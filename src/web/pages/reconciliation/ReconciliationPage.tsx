/**
 * Conciliação (FSPL0250): the credit platform's financial events fetched daily, each with its Título ERP and
 * Situação. Conciliar appears only when the selection holds reconcilable records (Não Conciliado); Excluir
 * conciliação only when it holds reconciled ones. Each record answers for itself.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { RowSelectionState } from '@tanstack/react-table';
import { useState, type FormEvent } from 'react';
import { ApiError, api } from '../../api.js';
import { DataTable } from '../../components/DataTable.js';
import { ListBar } from '../../components/ListBar.js';
import { listParams, text } from '../../components/listParams.js';
import { useListQuery } from '../../components/useListQuery.js';
import type { Company, ReconciliationOutcomes, ReconciliationRecord } from '../../contracts.js';
import { reconciliationColumns, RECONCILIATION_SITUATION_LABELS } from './columns.js';
import { PlatformJobs } from './PlatformJobs.js';
import { ReconciliationHistoryPanel } from './ReconciliationHistoryPanel.js';

export const reconciliationList = listParams({
  filters: { situation: text, eventCode: text, entryId: text },
  sorts: ['occurredOn'] as const,
  sort: 'occurredOn',
  order: 'desc',
  pageSizes: [25, 50, 100],
});

const EVENT_CODES = [
  'IMPL',
  'CANCE',
  'CANCEP',
  'RPASSC',
  'RPASSP',
  'RPASSI',
  'BONIFI',
  'DIVCOM',
  'DEBNF',
  'BXSLDN',
];

interface Props {
  company: Company;
  canWrite: boolean;
  params: URLSearchParams;
  onParams: (params: URLSearchParams, replace?: boolean) => void;
}

export function ReconciliationPage({ company, canWrite, params, onParams }: Props) {
  const list = useListQuery({
    resource: 'reconciliation-records',
    list: reconciliationList,
    params,
    onParams,
    scope: { companyId: company.id },
    fetch: api.reconciliationRecords,
  });
  const [entryId, setEntryId] = useState(list.state.entryId);
  const [selected, setSelected] = useState<RowSelectionState>({});
  const [history, setHistory] = useState<ReconciliationRecord | null>(null);
  const [outcome, setOutcome] = useState<{ action: string; result: ReconciliationOutcomes } | null>(null);
  const queryClient = useQueryClient();
  const rows = list.data?.items ?? [];
  const chosen = rows.filter((r) => selected[r.id]);
  const reconcilable = chosen.filter((r) => r.reconcilable);
  const reconciled = chosen.filter((r) => r.situation === 'reconciled');
  const act = useMutation({
    mutationFn: ({ action, ids }: { action: 'reconcile' | 'undo'; ids: string[] }) =>
      api.reconcile(action, ids),
    onSuccess: async (result, { action }) => {
      setOutcome({ action, result });
      setSelected({});
      await queryClient.invalidateQueries({ queryKey: ['reconciliation-records'] });
    },
  });
  const columns = reconciliationColumns({
    showCompany: company.kind === 'consolidated',
    onHistory: setHistory,
  });
  const error = list.result.isError ? list.result.error : null;
  const nameOf = (id: string) => rows.find((r) => r.id === id)?.entryId ?? id;

  return (
    <section className="page" aria-labelledby="page-title">
      <header className="page-header">
        <h1 id="page-title">Conciliação</h1>
        <p className="page-sub">
          Lançamentos financeiros da plataforma de crédito (Supplier) — {company.name}
        </p>
      </header>
      <form
        className="filters"
        role="search"
        aria-label="Filtros de conciliação"
        onSubmit={(event: FormEvent) => {
          event.preventDefault();
          list.update({ entryId: entryId.trim() });
        }}
      >
        <div className="field">
          <label htmlFor="rc-situation">Situação</label>
          <select
            id="rc-situation"
            value={list.state.situation}
            onChange={(e) => list.update({ situation: e.target.value })}
          >
            <option value="">Todas</option>
            {Object.entries(RECONCILIATION_SITUATION_LABELS).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="rc-event">Tp. Evento</label>
          <select
            id="rc-event"
            value={list.state.eventCode}
            onChange={(e) => list.update({ eventCode: e.target.value })}
          >
            <option value="">Todos</option>
            {EVENT_CODES.map((code) => (
              <option key={code} value={code}>
                {code}
              </option>
            ))}
          </select>
        </div>
        <div className="field field-search">
          <label htmlFor="rc-entry">Transação</label>
          <input id="rc-entry" type="search" value={entryId} onChange={(e) => setEntryId(e.target.value)} />
        </div>
        <button type="submit" className="btn">
          Buscar
        </button>
      </form>
      {canWrite && chosen.length > 0 ? (
        <div className="selection-bar" role="toolbar" aria-label="Ações da seleção">
          <span>
            {chosen.length} {chosen.length === 1 ? 'registro selecionado' : 'registros selecionados'}
          </span>{' '}
          {reconcilable.length > 0 ? (
            <button
              type="button"
              className="btn btn-small btn-primary"
              disabled={act.isPending}
              onClick={() => act.mutate({ action: 'reconcile', ids: chosen.map((r) => r.id) })}
            >
              Conciliar ({reconcilable.length})
            </button>
          ) : null}{' '}
          {reconciled.length > 0 ? (
            <button
              type="button"
              className="btn btn-small"
              disabled={act.isPending}
              onClick={() => act.mutate({ action: 'undo', ids: reconciled.map((r) => r.id) })}
            >
              Excluir conciliação ({reconciled.length})
            </button>
          ) : null}
          {reconcilable.length === 0 && reconciled.length === 0 ? (
            <span className="muted"> Nada a conciliar: informativos e falhas não são conciliáveis.</span>
          ) : null}
        </div>
      ) : null}
      {act.error ? (
        <p className="form-error" role="alert">
          {act.error instanceof ApiError ? act.error.message : 'Não foi possível concluir.'}
        </p>
      ) : null}
      {outcome ? (
        <div role="status" data-testid="reconciliation-outcome" className="form-ok">
          {outcome.action === 'reconcile' ? 'Conciliar' : 'Excluir conciliação'}:{' '}
          {outcome.result.results.filter((r) => r.ok).length} de {outcome.result.results.length} concluídos.
          <ul>
            {outcome.result.results
              .filter((r) => !r.ok)
              .map((r) => (
                <li key={r.id}>
                  Transação {nameOf(r.id)}: {r.reason}
                </li>
              ))}
          </ul>
        </div>
      ) : null}
      <ListBar
        data={list.data}
        page={list.state.page}
        pageSize={list.state.pageSize}
        pageSizes={reconciliationList.spec.pageSizes}
        busy={list.busy}
        onPage={list.goToPage}
        onPageSize={(pageSize) => list.update({ pageSize })}
      />
      <DataTable
        labelledBy="page-title"
        columns={columns}
        rows={list.data?.items}
        rowId={(record) => record.id}
        rowAttributes={(record) => ({ 'data-situation': record.situation, 'data-entry': record.entryId })}
        selection={
          canWrite ? { selected, onChange: setSelected, label: (r) => `transação ${r.entryId}` } : undefined
        }
        busy={list.busy}
        error={
          error
            ? {
                title: 'Não foi possível carregar a conciliação.',
                message: error instanceof ApiError ? error.message : 'Tente de novo.',
                details: [],
                onRetry: () => void list.result.refetch(),
              }
            : null
        }
        loadingText="Carregando lançamentos…"
        empty={
          list.hasFilters
            ? 'Nenhum lançamento com estes filtros.'
            : 'Nenhum lançamento recebido ainda: a conciliação diária os busca na plataforma.'
        }
      />
      <PlatformJobs company={company} canWrite={canWrite} />
      {history ? <ReconciliationHistoryPanel record={history} onClose={() => setHistory(null)} /> : null}
    </section>
  );
}
