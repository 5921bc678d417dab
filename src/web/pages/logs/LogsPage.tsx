/**
 * Logs: every exchange of the communication log — calls to the platforms, webhooks received, deliveries and job
 * runs — newest first, with filters by date range, platform, status and text; a row opens the request and
 * response bodies (secrets masked by the server) in a side panel (`&log=<id>` in the URL).
 */
import { createColumnHelper } from '@tanstack/react-table';
import { useEffect, useState, type FormEvent } from 'react';
import { ApiError, api } from '../../api.js';
import { DataTable, type Column } from '../../components/DataTable.js';
import { DateField } from '../../components/DateField.js';
import { ListBar } from '../../components/ListBar.js';
import { SidePanel } from '../../components/SidePanel.js';
import { useListQuery } from '../../components/useListQuery.js';
import type { Company, LogEntry } from '../../contracts.js';
import { formatDateTime } from '../../format.js';
import { PLATFORM_LABELS, platformLabel } from '../remessa/labels.js';
import { logApiQuery, logList } from './list.js';

const DIRECTIONS: Record<string, string> = { out: 'Enviado', in: 'Recebido', job: 'Rotina' };
const column = createColumnHelper<LogEntry>();

function Outcome({ entry }: { entry: LogEntry }) {
  return (
    <span
      className={`badge ${entry.outcome === 'ok' ? 'badge-paid' : 'badge-overdue'}`}
      data-outcome={entry.outcome}
    >
      {entry.outcome === 'ok' ? 'Sucesso' : 'Erro'}
      {entry.httpStatus !== null ? ` (${entry.httpStatus})` : ''}
    </span>
  );
}

const formatDuration = (ms: number | null) => (ms === null ? '—' : `${ms.toLocaleString('pt-BR')} ms`);

function logColumns(
  companyName: (id: string | null) => string,
  onOpen: (id: number) => void,
): Column<LogEntry>[] {
  return [
    column.display({
      id: 'at',
      header: 'Data de envio',
      cell: ({ row }) => (
        <button
          type="button"
          className="link"
          onClick={() => onOpen(row.original.id)}
          title="Ver a requisição e a resposta"
        >
          {formatDateTime(row.original.at)}
        </button>
      ),
      meta: { className: 'col-date', dataCol: 'at' },
    }),
    column.display({
      id: 'platform',
      header: 'Plataforma',
      cell: ({ row }) => platformLabel(row.original.platform),
      meta: { dataCol: 'platform' },
    }),
    column.display({
      id: 'company',
      header: 'Empresa',
      cell: ({ row }) => companyName(row.original.companyId),
      meta: { className: 'col-company' },
    }),
    column.display({
      id: 'operation',
      header: 'Ação/Operação',
      cell: ({ row }) => row.original.operation,
      meta: { dataCol: 'operation' },
    }),
    column.display({
      id: 'outcome',
      header: 'Status',
      cell: ({ row }) => <Outcome entry={row.original} />,
      meta: { dataCol: 'outcome' },
    }),
    column.display({
      id: 'duration',
      header: 'Duração',
      cell: ({ row }) => formatDuration(row.original.durationMs),
      meta: { numeric: true },
    }),
    column.display({
      id: 'protocol',
      header: 'Protocolo',
      cell: ({ row }) => `#${row.original.id}`,
      meta: { dataCol: 'protocol' },
    }),
  ] as Column<LogEntry>[];
}

const json = (value: unknown) =>
  value === null || value === undefined ? '—' : JSON.stringify(value, null, 2);

function LogDetail({
  entry,
  companyName,
  onClose,
}: {
  entry: LogEntry;
  companyName: string;
  onClose: () => void;
}) {
  return (
    <SidePanel title={`Protocolo #${entry.id}`} aside={<Outcome entry={entry} />} onClose={onClose}>
      <div className="drawer-body">
        <dl className="facts">
          <dt>Data de envio</dt>
          <dd>{formatDateTime(entry.at)}</dd>
          <dt>Plataforma</dt>
          <dd>{platformLabel(entry.platform)}</dd>
          <dt>Empresa</dt>
          <dd>{companyName}</dd>
          <dt>Ação/Operação</dt>
          <dd>{entry.operation}</dd>
          <dt>Direção</dt>
          <dd>{DIRECTIONS[entry.direction] ?? entry.direction}</dd>
          <dt>Chamada</dt>
          <dd className="clip">
            {entry.method || entry.url ? `${entry.method ?? ''} ${entry.url ?? ''}` : '—'}
          </dd>
          <dt>Duração</dt>
          <dd>{formatDuration(entry.durationMs)}</dd>
        </dl>
        <h3>Requisição</h3>
        <pre className="log-body" data-testid="log-request">
          {json(entry.requestBody)}
        </pre>
        <h3>Resposta</h3>
        <pre className="log-body" data-testid="log-response">
          {json(entry.responseBody)}
        </pre>
        <p className="muted">Segredos (chaves, tokens, senhas) aparecem como ***.</p>
      </div>
    </SidePanel>
  );
}

interface LogsPageProps {
  company: Company;
  companies: Company[];
  params: URLSearchParams;
  onParams: (params: URLSearchParams, replace?: boolean) => void;
}

export function LogsPage({ company, companies, params, onParams }: LogsPageProps) {
  const list = useListQuery({
    resource: 'logs',
    list: logList,
    params,
    onParams,
    scope: { companyId: company.id },
    fetch: (query, signal) => api.logs(logApiQuery(query), signal),
  });
  const [search, setSearch] = useState(list.state.q);
  const appliedQ = list.state.q.trim();
  useEffect(() => setSearch((typed) => (typed.trim() === appliedQ ? typed : appliedQ)), [appliedQ]);
  const names = new Map(companies.map((c) => [c.id, c.name]));
  const companyName = (id: string | null) => (id ? (names.get(id) ?? id) : '—');
  const openId = params.get('log');
  const setOpen = (id: number | null) => {
    const next = new URLSearchParams(params);
    if (id === null) next.delete('log');
    else next.set('log', String(id));
    onParams(next);
  };
  const open = list.data?.items.find((entry) => String(entry.id) === openId);
  const error = list.result.isError ? list.result.error : null;

  return (
    <section className="page" aria-labelledby="page-title">
      <header className="page-header">
        <h1 id="page-title">Logs</h1>
        <p className="page-sub">Cada troca com as plataformas, webhooks e rotinas — {company.name}</p>
      </header>
      <form
        className="filters"
        role="search"
        aria-label="Filtros dos logs"
        onSubmit={(event: FormEvent) => {
          event.preventDefault();
          list.update({ q: search });
        }}
      >
        <fieldset className="field-range">
          <legend>Data de envio</legend>
          <DateField
            id="l-from"
            label="Envio de"
            value={list.state.from}
            onChange={(from) => list.update({ from })}
          />
          <span aria-hidden="true">a</span>
          <DateField
            id="l-to"
            label="Envio até"
            value={list.state.to}
            onChange={(to) => list.update({ to })}
          />
        </fieldset>
        <div className="field">
          <label htmlFor="l-platform">Plataforma</label>
          <select
            id="l-platform"
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
          <label htmlFor="l-outcome">Status</label>
          <select
            id="l-outcome"
            value={list.state.outcome}
            onChange={(e) => list.update({ outcome: e.target.value })}
          >
            <option value="">Todos</option>
            <option value="ok">Sucesso</option>
            <option value="error">Erro</option>
          </select>
        </div>
        <div className="field field-search">
          <label htmlFor="l-q">Busca</label>
          <input
            id="l-q"
            type="search"
            placeholder="Operação, endereço, resposta…"
            value={search}
            onChange={(event) => setSearch(event.target.value)}
          />
        </div>
        <button type="submit" className="btn">
          Buscar
        </button>
        <div className="filters-actions">
          <button type="button" className="btn btn-ghost" onClick={list.clear} disabled={!list.hasFilters}>
            Limpar filtros
          </button>
        </div>
      </form>
      <ListBar
        data={list.data}
        page={list.state.page}
        pageSize={list.state.pageSize}
        pageSizes={logList.spec.pageSizes}
        busy={list.busy}
        onPage={list.goToPage}
        onPageSize={(pageSize) => list.update({ pageSize })}
      />
      <DataTable
        labelledBy="page-title"
        columns={logColumns(companyName, setOpen)}
        rows={list.data?.items}
        rowId={(entry) => String(entry.id)}
        rowAttributes={(entry) => ({ 'data-outcome': entry.outcome, 'data-operation': entry.operation })}
        busy={list.busy}
        error={
          error
            ? {
                title: 'Não foi possível carregar os logs.',
                message: error instanceof ApiError ? error.message : 'Tente de novo.',
                details: error instanceof ApiError ? error.fields.map((f) => `${f.path}: ${f.message}`) : [],
                onRetry: () => void list.result.refetch(),
              }
            : null
        }
        loadingText="Carregando logs…"
        empty={
          list.hasFilters
            ? 'Nenhuma troca com estes filtros.'
            : 'Nenhuma troca registrada nesta empresa ainda: elas aparecem quando um título é enviado ou uma plataforma avisa algo.'
        }
      />
      {open ? (
        <LogDetail entry={open} companyName={companyName(open.companyId)} onClose={() => setOpen(null)} />
      ) : null}
    </section>
  );
}
