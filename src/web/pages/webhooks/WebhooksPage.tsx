import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { createColumnHelper } from '@tanstack/react-table';
import { useState, type FormEvent } from 'react';
import { ApiError, api } from '../../api.js';
import { DataTable, type Column } from '../../components/DataTable.js';
import { SidePanel } from '../../components/SidePanel.js';
import type { Company, WebhookDelivery, WebhookSubscription } from '../../contracts.js';
import { formatCount, formatDateTime, rangeText } from '../../format.js';

const STATUS_LABELS: Record<WebhookDelivery['status'], string> = {
  pending: 'Aguardando',
  sending: 'Enviando',
  delivered: 'Entregue',
  failed: 'Falha',
};
const STATUS_BADGES: Record<WebhookDelivery['status'], string> = {
  pending: 'badge-open',
  sending: 'badge-registered',
  delivered: 'badge-paid',
  failed: 'badge-overdue',
};
const PAGE_SIZE = 25;

const errorText = (error: unknown, fallback: string) =>
  error instanceof ApiError ? [error.message, ...error.fields.map((f) => f.message)].join(' ') : fallback;

interface WebhooksPageProps {
  company: Company;
  companies: Company[];
  isAdmin: boolean;
  canWrite: boolean;
}

/** "Webhooks do ERP": where each company's ERP receives its events (admins), and every delivery with its attempts. */
export function WebhooksPage({ company, companies, isAdmin, canWrite }: WebhooksPageProps) {
  const inScope = companies.filter((c) => c.id === company.id || c.parentCompanyId === company.id);
  const children = inScope.filter((c) => c.kind === 'child' || inScope.length === 1);
  return (
    <section className="page" aria-labelledby="page-title">
      <header className="page-header">
        <h1 id="page-title">Webhooks do ERP</h1>
        <p className="page-sub">
          Eventos dos títulos enviados ao ERP, assinados com HMAC-SHA256 — {company.name}
        </p>
      </header>
      {isAdmin ? <Subscriptions company={company} companies={children} /> : null}
      <Deliveries company={company} companies={companies} canWrite={canWrite} />
    </section>
  );
}

function Subscriptions({ company, companies }: { company: Company; companies: Company[] }) {
  const subscriptions = useQuery({
    queryKey: ['webhook-subscriptions', company.id],
    queryFn: ({ signal }) => api.webhookSubscriptions(company.id, signal),
  });
  const [editing, setEditing] = useState<Company | null>(null);
  const of = (companyId: string) => subscriptions.data?.items.find((s) => s.companyId === companyId);
  return (
    <section aria-labelledby="subscriptions-title" className="stack-section">
      <h2 id="subscriptions-title">Endereço do ERP</h2>
      {subscriptions.isError ? (
        <div className="form-error" role="alert">
          {errorText(subscriptions.error, 'Não foi possível carregar os webhooks.')}
        </div>
      ) : null}
      <table className="grid grid-compact" aria-labelledby="subscriptions-title">
        <thead>
          <tr>
            <th>Empresa</th>
            <th>URL</th>
            <th>Segredo</th>
            <th>Tentativas</th>
            <th>Situação</th>
            <th>Ações</th>
          </tr>
        </thead>
        <tbody>
          {companies.map((c) => {
            const subscription = of(c.id);
            return (
              <tr key={c.id} data-company={c.id}>
                <td>{c.name}</td>
                <td data-col="url">{subscription?.url ?? 'não cadastrado'}</td>
                <td>{subscription ? 'configurado' : '—'}</td>
                <td>{subscription?.maxAttempts ?? '—'}</td>
                <td>
                  {subscription ? (
                    <span className={`badge ${subscription.active ? 'badge-paid' : 'badge-cancelled'}`}>
                      {subscription.active ? 'Ativo' : 'Desativado'}
                    </span>
                  ) : null}
                </td>
                <td>
                  <button type="button" className="btn btn-small" onClick={() => setEditing(c)}>
                    {subscription ? 'Alterar' : 'Cadastrar'}
                  </button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {editing ? (
        <SubscriptionDialog company={editing} current={of(editing.id)} onClose={() => setEditing(null)} />
      ) : null}
    </section>
  );
}

function SubscriptionDialog({
  company,
  current,
  onClose,
}: {
  company: Company;
  current: WebhookSubscription | undefined;
  onClose: () => void;
}) {
  const queryClient = useQueryClient();
  const [url, setUrl] = useState(current?.url ?? '');
  const [secret, setSecret] = useState('');
  const [maxAttempts, setMaxAttempts] = useState(String(current?.maxAttempts ?? 10));
  const [active, setActive] = useState(current?.active ?? true);
  const save = useMutation({
    mutationFn: () =>
      api.saveWebhookSubscription(company.id, {
        url,
        ...(secret ? { secret } : {}),
        maxAttempts: Number(maxAttempts),
        active,
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['webhook-subscriptions'] }),
  });
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    save.mutate();
  };
  const generated = save.data?.secret;
  return (
    <SidePanel title={`Webhook do ERP — ${company.name}`} placement="center" onClose={onClose}>
      <div className="drawer-body">
        {save.isSuccess ? (
          <>
            <p className="form-ok" role="status">
              Webhook salvo.
              {generated ? ' Copie o segredo agora: ele não será mostrado de novo. Guarde-o no ERP.' : ''}
            </p>
            {generated ? (
              <div className="token-shown">
                <code data-testid="new-secret">{generated}</code>
              </div>
            ) : null}
            <button type="button" className="btn btn-primary" onClick={onClose}>
              Concluir
            </button>
          </>
        ) : (
          <form className="stack-form" onSubmit={submit}>
            <div className="field">
              <label htmlFor="webhook-url">URL</label>
              <input
                id="webhook-url"
                type="url"
                value={url}
                maxLength={2000}
                placeholder="https://erp.exemplo.com.br/finconsole/eventos"
                onChange={(event) => setUrl(event.target.value)}
              />
            </div>
            <div className="field">
              <label htmlFor="webhook-secret">Segredo</label>
              <input
                id="webhook-secret"
                type="password"
                autoComplete="new-password"
                value={secret}
                placeholder={
                  current ? 'configurado — deixe em branco para manter' : 'em branco: um segredo é gerado'
                }
                onChange={(event) => setSecret(event.target.value)}
              />
            </div>
            <div className="field">
              <label htmlFor="webhook-attempts">Tentativas por entrega</label>
              <input
                id="webhook-attempts"
                type="number"
                min={1}
                max={20}
                value={maxAttempts}
                onChange={(event) => setMaxAttempts(event.target.value)}
              />
            </div>
            <label className="checkbox">
              <input type="checkbox" checked={active} onChange={(event) => setActive(event.target.checked)} />{' '}
              Ativo
            </label>
            {save.error ? (
              <div className="form-error" role="alert">
                {errorText(save.error, 'Não foi possível salvar o webhook.')}
              </div>
            ) : null}
            <button type="submit" className="btn btn-primary" disabled={save.isPending}>
              {save.isPending ? 'Salvando…' : 'Salvar'}
            </button>
          </form>
        )}
      </div>
    </SidePanel>
  );
}

const column = createColumnHelper<WebhookDelivery>();

function Deliveries({
  company,
  companies,
  canWrite,
}: {
  company: Company;
  companies: Company[];
  canWrite: boolean;
}) {
  const queryClient = useQueryClient();
  const [status, setStatus] = useState('');
  const [page, setPage] = useState(1);
  const query = new URLSearchParams({
    companyId: company.id,
    page: String(page),
    pageSize: String(PAGE_SIZE),
    ...(status ? { status } : {}),
  }).toString();
  const deliveries = useQuery({
    queryKey: ['webhook-deliveries', query],
    queryFn: ({ signal }) => api.webhookDeliveries(query, signal),
  });
  const [open, setOpen] = useState<WebhookDelivery | null>(null);
  const redeliver = useMutation({
    mutationFn: (id: string) => api.redeliverWebhook(id),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['webhook-deliveries'] }),
  });
  const nameOf = (companyId: string) => companies.find((c) => c.id === companyId)?.name ?? companyId;
  const total = deliveries.data?.total ?? 0;

  const columns = [
    column.display({ id: 'event', header: 'Evento', cell: ({ row }) => <code>{row.original.event}</code> }),
    column.display({ id: 'company', header: 'Empresa', cell: ({ row }) => nameOf(row.original.companyId) }),
    column.display({
      id: 'createdAt',
      header: 'Data',
      cell: ({ row }) => formatDateTime(row.original.createdAt),
      meta: { className: 'col-date' },
    }),
    column.display({
      id: 'status',
      header: 'Status',
      cell: ({ row }) => (
        <span className={`badge ${STATUS_BADGES[row.original.status]}`} title={row.original.lastError ?? ''}>
          {STATUS_LABELS[row.original.status]}
        </span>
      ),
      meta: { dataCol: 'status' },
    }),
    column.display({
      id: 'attempts',
      header: 'Tentativas',
      cell: ({ row }) => `${row.original.attempts} de ${row.original.attemptLimit}`,
    }),
    column.display({
      id: 'last',
      header: 'Última resposta',
      cell: ({ row }) =>
        row.original.lastError ?? (row.original.lastHttpStatus ? `HTTP ${row.original.lastHttpStatus}` : '—'),
    }),
    column.display({
      id: 'next',
      header: 'Próxima tentativa',
      cell: ({ row }) => (row.original.nextAttemptAt ? formatDateTime(row.original.nextAttemptAt) : '—'),
      meta: { className: 'col-date' },
    }),
    column.display({
      id: 'actions',
      header: 'Ações',
      cell: ({ row }) => (
        <span className="row-actions">
          <button type="button" className="btn btn-small" onClick={() => setOpen(row.original)}>
            Tentativas
          </button>
          {canWrite && row.original.status !== 'sending' ? (
            <button
              type="button"
              className="btn btn-small"
              disabled={redeliver.isPending}
              onClick={() => redeliver.mutate(row.original.id)}
            >
              Reenviar
            </button>
          ) : null}
        </span>
      ),
    }),
  ] as Column<WebhookDelivery>[];

  return (
    <section aria-labelledby="deliveries-title" className="stack-section">
      <h2 id="deliveries-title">Entregas</h2>
      <div className="filters">
        <label htmlFor="delivery-status">Status</label>
        <select
          id="delivery-status"
          value={status}
          onChange={(event) => {
            setStatus(event.target.value);
            setPage(1);
          }}
        >
          <option value="">Todos</option>
          {Object.entries(STATUS_LABELS).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
        <span className="list-count">
          {total > 0 ? rangeText(page, PAGE_SIZE, total) : `${formatCount(total)} entregas`}
        </span>
        <button
          type="button"
          className="btn btn-small"
          disabled={page <= 1}
          onClick={() => setPage(page - 1)}
        >
          Anterior
        </button>
        <button
          type="button"
          className="btn btn-small"
          disabled={page * PAGE_SIZE >= total}
          onClick={() => setPage(page + 1)}
        >
          Próxima
        </button>
      </div>
      {redeliver.error ? (
        <div className="form-error" role="alert">
          {errorText(redeliver.error, 'Não foi possível reenviar.')}
        </div>
      ) : null}
      <DataTable
        labelledBy="deliveries-title"
        columns={columns}
        rows={deliveries.data?.items}
        rowId={(delivery) => delivery.id}
        rowAttributes={(delivery) => ({ 'data-status': delivery.status })}
        busy={deliveries.isFetching}
        error={
          deliveries.isError
            ? {
                title: 'Não foi possível carregar as entregas.',
                message: errorText(deliveries.error, 'Tente de novo.'),
                details: [],
                onRetry: () => void deliveries.refetch(),
              }
            : null
        }
        loadingText="Carregando entregas…"
        empty="Nenhuma entrega: cadastre o endereço do ERP para receber os eventos."
      />
      {open ? <AttemptsPanel delivery={open} companyId={company.id} onClose={() => setOpen(null)} /> : null}
    </section>
  );
}

function AttemptsPanel({
  delivery,
  companyId,
  onClose,
}: {
  delivery: WebhookDelivery;
  companyId: string;
  onClose: () => void;
}) {
  const detail = useQuery({
    queryKey: ['webhook-delivery', delivery.id],
    queryFn: ({ signal }) => api.webhookDelivery(delivery.id, companyId, signal),
  });
  return (
    <SidePanel title={`Entrega ${delivery.event} (evento ${delivery.eventId})`} onClose={onClose}>
      <div className="drawer-body">
        {detail.isError ? (
          <div className="form-error" role="alert">
            {errorText(detail.error, 'Não foi possível carregar a entrega.')}
          </div>
        ) : null}
        <table className="grid grid-compact" aria-label="Tentativas">
          <thead>
            <tr>
              <th>#</th>
              <th>Data</th>
              <th>HTTP</th>
              <th>Duração</th>
              <th>Resposta</th>
              <th>Próxima tentativa</th>
            </tr>
          </thead>
          <tbody>
            {(detail.data?.attemptLog ?? []).map((attempt) => (
              <tr key={attempt.attempt} data-attempt={attempt.attempt}>
                <td>{attempt.attempt}</td>
                <td>{formatDateTime(attempt.at)}</td>
                <td>{attempt.httpStatus ?? '—'}</td>
                <td>{attempt.durationMs} ms</td>
                <td>{attempt.error ?? attempt.responseExcerpt ?? ''}</td>
                <td>{attempt.nextAttemptAt ? formatDateTime(attempt.nextAttemptAt) : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {detail.data ? (
          <>
            <h3>Corpo enviado</h3>
            <pre className="json-block">{JSON.stringify(detail.data.body, null, 2)}</pre>
          </>
        ) : null}
      </div>
    </SidePanel>
  );
}
