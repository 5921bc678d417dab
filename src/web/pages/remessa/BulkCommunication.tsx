/**
 * Comunicação em lote: choose the carteira (portador), "só não comunicados" and the usual filters, review the
 * count, start; then the progress view — read from the server every second until finished, so a reload (the
 * lote's id is in the URL) or a server restart shows the same progress — with each failure's título and the
 * platform's message, and "Reenviar falhas".
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState, type FormEvent } from 'react';
import { ApiError, api } from '../../api.js';
import { DateField } from '../../components/DateField.js';
import { SidePanel } from '../../components/SidePanel.js';
import type { BulkProgress, BulkStartInput, Company } from '../../contracts.js';
import { formatCount, formatDateTime, formatMoney } from '../../format.js';
import { StatusBadge } from './columns.js';

const errorText = (error: unknown) =>
  error instanceof ApiError
    ? [error.message, ...error.fields.map((field) => field.message)].join(' ')
    : 'Não foi possível falar com o servidor.';

export function BulkCommunication({
  bulkId,
  company,
  inView,
  onOpen,
  onClose,
}: {
  /** 'new' for the form, or the id of a lote to follow. */
  bulkId: string;
  company: Company;
  /** Ids of the companies in view (the consolidated one and its children). */
  inView: Set<string>;
  onOpen: (bulkId: string) => void;
  onClose: () => void;
}) {
  return (
    <SidePanel title="Comunicação em lote" onClose={onClose}>
      <div className="drawer-body">
        {bulkId === 'new' ? (
          <BulkForm company={company} inView={inView} onStarted={onOpen} />
        ) : (
          <BulkProgressView id={bulkId} companyId={company.id} onNew={() => onOpen('new')} />
        )}
      </div>
    </SidePanel>
  );
}

function BulkForm({
  company,
  inView,
  onStarted,
}: {
  company: Company;
  inView: Set<string>;
  onStarted: (bulkId: string) => void;
}) {
  const queryClient = useQueryClient();
  const portadores = useQuery({
    queryKey: ['integration-portadores'],
    queryFn: ({ signal }) => api.integrationPortadores(signal),
  });
  const recent = useQuery({
    queryKey: ['remessa-bulks', company.id],
    queryFn: ({ signal }) => api.bulkCommunications(company.id, signal),
  });
  const options = (portadores.data?.items ?? []).filter((p) => inView.has(p.companyId));
  const [portadorId, setPortadorId] = useState('');
  const [onlyNotCommunicated, setOnly] = useState(true);
  const [dates, setDates] = useState({ issueFrom: '', issueTo: '', dueFrom: '', dueTo: '' });
  const [q, setQ] = useState('');
  const portador = options.find((p) => p.id === portadorId);
  const body: BulkStartInput | null = portador
    ? {
        companyId: portador.companyId,
        portadorId: portador.id,
        onlyNotCommunicated,
        ...Object.fromEntries(Object.entries(dates).filter(([, value]) => value)),
        ...(q.trim() ? { q: q.trim() } : {}),
      }
    : null;
  const key = JSON.stringify(body);
  const preview = useMutation({ mutationFn: (input: BulkStartInput) => api.previewBulk(input) });
  const start = useMutation({
    mutationFn: (input: BulkStartInput) => api.startBulk(input),
    onSuccess: (progress) => {
      void queryClient.invalidateQueries({ queryKey: ['remessas'] });
      void queryClient.invalidateQueries({ queryKey: ['remessa-bulks'] });
      onStarted(progress.id);
    },
  });
  // The count reviewed is the one of these exact choices: any change asks for a new review.
  const [reviewed, setReviewed] = useState<string | null>(null);
  const ready = preview.data && reviewed === key;

  return (
    <>
      <form
        className="stack-form"
        aria-label="Nova comunicação em lote"
        onSubmit={(event: FormEvent) => {
          event.preventDefault();
          if (!body) return;
          start.reset();
          preview.mutate(body, { onSuccess: () => setReviewed(key) });
        }}
      >
        <label htmlFor="bulk-portador">Carteira (portador)</label>
        <select
          id="bulk-portador"
          value={portadorId}
          onChange={(e) => setPortadorId(e.target.value)}
          required
        >
          <option value="">Escolha o portador</option>
          {options.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </select>
        <label className="check">
          <input type="checkbox" checked={onlyNotCommunicated} onChange={(e) => setOnly(e.target.checked)} />
          Só não comunicados (sem marcar: também Falha e Falha ERP)
        </label>
        <fieldset className="field-range">
          <legend>Emissão</legend>
          <DateField
            id="bulk-issue-from"
            label="Emissão de"
            value={dates.issueFrom}
            onChange={(issueFrom) => setDates({ ...dates, issueFrom })}
          />
          <span aria-hidden="true">a</span>
          <DateField
            id="bulk-issue-to"
            label="Emissão até"
            value={dates.issueTo}
            onChange={(issueTo) => setDates({ ...dates, issueTo })}
          />
        </fieldset>
        <fieldset className="field-range">
          <legend>Vencimento</legend>
          <DateField
            id="bulk-due-from"
            label="Vencimento de"
            value={dates.dueFrom}
            onChange={(dueFrom) => setDates({ ...dates, dueFrom })}
          />
          <span aria-hidden="true">a</span>
          <DateField
            id="bulk-due-to"
            label="Vencimento até"
            value={dates.dueTo}
            onChange={(dueTo) => setDates({ ...dates, dueTo })}
          />
        </fieldset>
        <label htmlFor="bulk-q">Busca</label>
        <input
          id="bulk-q"
          type="search"
          value={q}
          onChange={(e) => setQ(e.target.value)}
          placeholder="Título, cliente, NF…"
        />
        <div className="form-actions">
          <button type="submit" className="btn" disabled={!body || preview.isPending}>
            Revisar
          </button>
          <button
            type="button"
            className="btn btn-primary"
            disabled={!ready || preview.data?.count === 0 || start.isPending}
            onClick={() => body && start.mutate(body)}
          >
            Iniciar
          </button>
        </div>
        {ready ? (
          <p className="form-ok" role="status" data-testid="bulk-preview">
            {formatCount(preview.data!.count)}{' '}
            {preview.data!.count === 1 ? 'título será comunicado' : 'títulos serão comunicados'} (
            {formatMoney(preview.data!.amountCents)}).
          </p>
        ) : null}
        {preview.isError ? (
          <p className="form-error" role="alert">
            {errorText(preview.error)}
          </p>
        ) : null}
        {start.isError ? (
          <p className="form-error" role="alert">
            {errorText(start.error)}
          </p>
        ) : null}
      </form>
      {recent.data && recent.data.items.length > 0 ? (
        <section aria-label="Comunicações recentes">
          <h3>Comunicações recentes</h3>
          <ul className="bulk-recent">
            {recent.data.items.slice(0, 10).map((bulk) => (
              <li key={bulk.id}>
                <button type="button" className="link" onClick={() => onStarted(bulk.id)}>
                  {formatDateTime(bulk.createdAt)}
                </button>{' '}
                · {bulk.done}/{bulk.total} · {bulk.successes} sucesso(s) · {bulk.failed} falha(s)
                {bulk.finished ? '' : ' · em andamento'}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}

function BulkProgressView({ id, companyId, onNew }: { id: string; companyId: string; onNew: () => void }) {
  const queryClient = useQueryClient();
  const progress = useQuery({
    queryKey: ['remessa-bulk', companyId, id],
    queryFn: ({ signal }) => api.bulkCommunication(id, companyId, signal),
    refetchInterval: (query) => (query.state.data?.finished === false ? 1000 : false),
  });
  const retry = useMutation({
    mutationFn: () => api.retryBulkFailures(id, companyId),
    onSuccess: (next) => {
      queryClient.setQueryData(['remessa-bulk', companyId, id], next);
      void queryClient.invalidateQueries({ queryKey: ['remessas'] });
    },
  });
  const finished = progress.data?.finished;
  const done = progress.data?.done;
  // The list behind follows each título that concludes.
  useEffect(() => {
    if (done !== undefined) void queryClient.invalidateQueries({ queryKey: ['remessas'] });
  }, [done, queryClient]);

  if (progress.isPending)
    return (
      <p className="state" role="status">
        Carregando progresso…
      </p>
    );
  if (progress.isError)
    return (
      <p className="state state-error" role="alert">
        {errorText(progress.error)}
      </p>
    );
  const data: BulkProgress = progress.data;
  return (
    <section
      aria-label="Progresso da comunicação em lote"
      data-testid="bulk-progress"
      data-finished={String(finished)}
    >
      <p className="muted">
        Iniciada em {formatDateTime(data.createdAt)} ·{' '}
        {data.onlyNotCommunicated ? 'só não comunicados' : 'não comunicados e falhas'}
      </p>
      <progress max={data.total} value={data.done} aria-label="Concluídos" />
      <dl className="facts bulk-counts">
        <dt>Concluídos</dt>
        <dd data-testid="bulk-done">
          {data.done}/{data.total}
        </dd>
        <dt>Sucessos</dt>
        <dd data-testid="bulk-successes">{data.successes}</dd>
        <dt>Falhas</dt>
        <dd data-testid="bulk-failed">{data.failed}</dd>
      </dl>
      <p role="status">
        {data.finished
          ? 'Concluída.'
          : 'Em andamento: pode fechar ou recarregar a página, o envio continua no servidor.'}
      </p>
      {data.failures.length > 0 ? (
        <>
          <h3>Falhas</h3>
          <p className="muted">
            Digite o título em Títulos (ou na busca desta tela) para achá-lo e corrigi-lo.
          </p>
          <table className="grid grid-compact" aria-label="Falhas da comunicação em lote">
            <thead>
              <tr>
                <th scope="col">Título</th>
                <th scope="col">Status</th>
                <th scope="col">Mensagem da plataforma</th>
              </tr>
            </thead>
            <tbody>
              {data.failures.map((failure) => (
                <tr key={failure.receivableId} data-failure={failure.identifier}>
                  <td data-col="identifier">{failure.identifier}</td>
                  <td>
                    <StatusBadge status={failure.status} />
                  </td>
                  <td data-col="message">{failure.message ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ) : null}
      <div className="form-actions">
        <button
          type="button"
          className="btn btn-primary"
          disabled={data.failed === 0 || retry.isPending}
          onClick={() => retry.mutate()}
        >
          Reenviar falhas
        </button>
        <button type="button" className="btn" onClick={onNew}>
          Nova comunicação
        </button>
      </div>
      {retry.isError ? (
        <p className="form-error" role="alert">
          {errorText(retry.error)}
        </p>
      ) : null}
    </section>
  );
}
