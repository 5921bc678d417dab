/**
 * Auditoria (admins): every write by a user or an ERP token and every failed login — who, when, company, what,
 * result — newest first, filtered by action, period and text; a row opens what the action changed (before/after).
 */
import { createColumnHelper } from '@tanstack/react-table';
import { useState, type FormEvent } from 'react';
import { ApiError, api } from '../../api.js';
import { DataTable, type Column } from '../../components/DataTable.js';
import { DateField } from '../../components/DateField.js';
import { HistoryPanel, type HistoryItem } from '../../components/HistoryPanel.js';
import { ListBar } from '../../components/ListBar.js';
import { isoDate, listParams, text } from '../../components/listParams.js';
import { SidePanel } from '../../components/SidePanel.js';
import { useListQuery } from '../../components/useListQuery.js';
import type { AuditEntry, Company } from '../../contracts.js';
import { formatDateTime } from '../../format.js';

export const auditList = listParams({
  filters: { action: text, from: isoDate, to: isoDate, q: text },
  sorts: ['at'] as const,
  sort: 'at',
  order: 'desc',
  pageSizes: [25, 50, 100],
});

/** Common actions, as the filter offers them (the filter matches part of the action). */
const ACTION_FILTERS: [string, string][] = [
  ['session.login_failed', 'Entradas sem sucesso'],
  ['POST /api/session', 'Entradas'],
  ['/api/v1/', 'Chamadas do ERP'],
  ['api-tokens', 'Tokens de API'],
  ['integrations', 'Parceiros/Bancos'],
  ['remessas', 'Remessa'],
];

const METHOD_LABELS: Record<string, string> = {
  POST: 'Criou/acionou',
  PUT: 'Gravou',
  PATCH: 'Alterou',
  DELETE: 'Removeu',
};

export function actionLabel(action: string): string {
  if (action === 'session.login_failed') return 'Entrada sem sucesso';
  if (action === 'POST /api/session') return 'Entrou no console';
  if (action === 'DELETE /api/session') return 'Saiu do console';
  const [method = '', route = ''] = action.split(' ', 2);
  return `${METHOD_LABELS[method] ?? method} ${route}`;
}

function actorLabel(entry: AuditEntry): string {
  const kind = entry.actor.startsWith('api-token:')
    ? 'token'
    : entry.actor === 'anonymous'
      ? 'não identificado'
      : 'usuário';
  return entry.actorName ? `${entry.actorName} (${kind})` : kind;
}

const shown = (value: unknown) =>
  value === undefined || value === null ? '—' : typeof value === 'string' ? value : JSON.stringify(value);

/** The records an action changed, as history items (one per record, its changed fields before → after). */
function changeItems(entry: AuditEntry): HistoryItem[] {
  return entry.changes.map((change, index) => {
    const before = (change.before ?? {}) as Record<string, unknown>;
    const after = (change.after ?? {}) as Record<string, unknown>;
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
    return {
      id: `${entry.id}-${index}`,
      at: entry.at,
      title: `${change.entity} ${change.entityId} — ${change.action}`,
      actor: actorLabel(entry),
      changes: keys
        .filter((key) => shown(before[key]) !== shown(after[key]))
        .map((key) => ({ label: key, before: shown(before[key]), after: shown(after[key]) })),
    };
  });
}

const column = createColumnHelper<AuditEntry>();

interface AuditPageProps {
  company: Company;
  companies: Company[];
  params: URLSearchParams;
  onParams: (params: URLSearchParams, replace?: boolean) => void;
}

export function AuditPage({ company, companies, params, onParams }: AuditPageProps) {
  const list = useListQuery({
    resource: 'audit',
    list: auditList,
    params,
    onParams,
    scope: { companyId: company.id },
    fetch: api.audit,
  });
  const [search, setSearch] = useState(list.state.q);
  const [open, setOpen] = useState<AuditEntry | null>(null);
  const nameOf = (id: string | null) => (id ? (companies.find((c) => c.id === id)?.name ?? id) : '—');
  const error = list.result.isError ? list.result.error : null;

  const columns = [
    column.display({
      id: 'at',
      header: 'Quando',
      cell: ({ row }) => formatDateTime(row.original.at),
      meta: { className: 'col-date' },
    }),
    column.display({ id: 'actor', header: 'Quem', cell: ({ row }) => actorLabel(row.original) }),
    ...(company.kind === 'consolidated'
      ? [
          column.display({
            id: 'company',
            header: 'Empresa',
            cell: ({ row }) => nameOf(row.original.companyId),
          }),
        ]
      : []),
    column.display({
      id: 'action',
      header: 'O quê',
      cell: ({ row }) => (
        <button type="button" className="link-button" onClick={() => setOpen(row.original)}>
          {actionLabel(row.original.action)}
        </button>
      ),
      meta: { dataCol: 'action' },
    }),
    column.display({ id: 'target', header: 'Caminho', cell: ({ row }) => row.original.target ?? '—' }),
    column.display({
      id: 'status',
      header: 'Resultado',
      cell: ({ row }) => (
        <span className={`badge ${row.original.status < 400 ? 'badge-paid' : 'badge-overdue'}`}>
          {row.original.status}
        </span>
      ),
      meta: { dataCol: 'status' },
    }),
    column.display({
      id: 'changes',
      header: 'Alterações',
      cell: ({ row }) => (row.original.changes.length > 0 ? String(row.original.changes.length) : '—'),
    }),
  ] as Column<AuditEntry>[];

  return (
    <section className="page" aria-labelledby="page-title">
      <header className="page-header">
        <h1 id="page-title">Auditoria</h1>
        <p className="page-sub">
          Ações de usuários e tokens, com o antes e o depois — {company.name}. Os registros não podem ser
          alterados nem apagados.
        </p>
      </header>
      <form
        className="filters"
        role="search"
        aria-label="Filtros da auditoria"
        onSubmit={(event: FormEvent) => {
          event.preventDefault();
          list.update({ q: search });
        }}
      >
        <div className="field">
          <label htmlFor="a-action">Ação</label>
          <select
            id="a-action"
            value={list.state.action}
            onChange={(e) => list.update({ action: e.target.value })}
          >
            <option value="">Todas</option>
            {ACTION_FILTERS.map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </div>
        <fieldset className="field-range">
          <legend>Período</legend>
          <DateField
            id="a-from"
            label="De"
            value={list.state.from}
            onChange={(from) => list.update({ from })}
          />
          <span>até</span>
          <DateField id="a-to" label="Até" value={list.state.to} onChange={(to) => list.update({ to })} />
        </fieldset>
        <div className="field field-search">
          <label htmlFor="a-q">Busca</label>
          <input
            id="a-q"
            type="search"
            placeholder="Caminho, nome, e-mail, id da requisição…"
            value={search}
            onChange={(event) => setSearch(event.target.value)}
          />
        </div>
        <button type="submit" className="btn">
          Buscar
        </button>
      </form>
      <ListBar
        data={list.data}
        page={list.state.page}
        pageSize={list.state.pageSize}
        pageSizes={auditList.spec.pageSizes}
        busy={list.busy}
        onPage={list.goToPage}
        onPageSize={(pageSize) => list.update({ pageSize })}
      />
      <DataTable
        labelledBy="page-title"
        columns={columns}
        rows={list.data?.items}
        rowId={(entry) => entry.id}
        busy={list.busy}
        error={
          error
            ? {
                title: 'Não foi possível carregar a auditoria.',
                message: error instanceof ApiError ? error.message : 'Tente de novo.',
                details: [],
                onRetry: () => void list.result.refetch(),
              }
            : null
        }
        loadingText="Carregando auditoria…"
        empty={list.hasFilters ? 'Nenhuma ação com estes filtros.' : 'Nenhuma ação registrada ainda.'}
      />
      {open ? (
        <SidePanel title={actionLabel(open.action)} onClose={() => setOpen(null)}>
          <div className="drawer-body">
            <dl className="facts">
              <dt>Quando</dt>
              <dd>{formatDateTime(open.at)}</dd>
              <dt>Quem</dt>
              <dd>{actorLabel(open)}</dd>
              <dt>Empresa</dt>
              <dd>{nameOf(open.companyId)}</dd>
              <dt>Caminho</dt>
              <dd>{open.target ?? '—'}</dd>
              <dt>Resultado</dt>
              <dd>{open.status}</dd>
              <dt>Endereço</dt>
              <dd>{open.address ?? '—'}</dd>
              <dt>Requisição</dt>
              <dd>
                <code>{open.requestId}</code>
              </dd>
            </dl>
            <HistoryPanel title="Alterações (antes → depois)" items={changeItems(open)} />
          </div>
        </SidePanel>
      ) : null}
    </section>
  );
}
