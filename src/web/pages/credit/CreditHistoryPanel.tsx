/**
 * A customer's Histórico de crédito: the summary with the Código da Última Análise, the list of credit situations
 * (each analysis event with limits and the platform's reasons), the list of customer situations, and every message
 * exchanged with the platform about the customer (JSON sent and received).
 */
import { useQuery } from '@tanstack/react-query';
import { ApiError, api } from '../../api.js';
import { SidePanel } from '../../components/SidePanel.js';
import type { CreditCustomer } from '../../contracts.js';
import { actorLabel, formatDateTime, formatMoney } from '../../format.js';

const money = (cents: number | null) => (cents === null ? '—' : formatMoney(cents));
const KIND_LABELS = { concession: 'Concessão de crédito', limit_change: 'Alteração de limite' } as const;

export function CreditHistoryPanel({ customer, onClose }: { customer: CreditCustomer; onClose: () => void }) {
  const history = useQuery({
    queryKey: ['credit-history', customer.customerId],
    queryFn: ({ signal }) => api.creditHistory(customer.customerId, signal),
  });
  const data = history.data;
  return (
    <SidePanel title={`Histórico de crédito — ${customer.name}`} onClose={onClose}>
      <div className="drawer-body">
        {history.isPending ? <p role="status">Carregando histórico…</p> : null}
        {history.error ? (
          <p className="form-error" role="alert">
            {history.error instanceof ApiError ? history.error.message : 'Não foi possível carregar.'}
          </p>
        ) : null}
        {data ? (
          <>
            <dl className="facts">
              <dt>Código da Última Análise</dt>
              <dd data-testid="last-analysis-code">{data.customer.lastAnalysisCode ?? '—'}</dd>
              <dt>Limite Aprovado</dt>
              <dd>{formatMoney(data.customer.approvedLimitCents)}</dd>
              <dt>Limite Disponível</dt>
              <dd>{formatMoney(data.customer.availableLimitCents)}</dd>
              <dt>Faturamento a Prazo</dt>
              <dd>
                {data.customer.termBilling.status === 'released'
                  ? 'Liberado'
                  : `Bloqueado — ${data.customer.termBilling.reason}`}
              </dd>
            </dl>
            <section aria-label="Situações de crédito">
              <h3>Situações de crédito</h3>
              <ol className="history" data-testid="credit-situations">
                {data.creditSituations.map((e) => (
                  <li key={e.id}>
                    <div className="history-head">
                      <strong>
                        {e.situationLabel} · {KIND_LABELS[e.kind]}
                        {e.analysisCode ? ` · análise ${e.analysisCode}` : ''}
                      </strong>
                      <span className="muted">
                        {formatDateTime(e.at)} · {actorLabel(e)}
                      </span>
                    </div>
                    <ul className="changes">
                      <li>Limite solicitado: {money(e.requestedLimitCents)}</li>
                      {e.grantedLimitCents !== null ? (
                        <li>Limite concedido: {money(e.grantedLimitCents)}</li>
                      ) : null}
                      {e.reason ? <li>Motivo: {e.reason}</li> : null}
                    </ul>
                  </li>
                ))}
              </ol>
            </section>
            <section aria-label="Situações do cliente">
              <h3>Situações do cliente</h3>
              {data.customerSituations.length === 0 ? <p className="muted">Sem histórico.</p> : null}
              <ol className="history" data-testid="customer-situations">
                {data.customerSituations.map((e) => (
                  <li key={e.id}>
                    <div className="history-head">
                      <strong>{e.situationLabel}</strong>
                      <span className="muted">
                        {formatDateTime(e.at)} · {actorLabel(e)}
                      </span>
                    </div>
                    {e.approvedLimitCents !== null ? (
                      <ul className="changes">
                        <li>Limite Aprovado: {money(e.approvedLimitCents)}</li>
                        <li>Limite Disponível: {money(e.availableLimitCents)}</li>
                      </ul>
                    ) : null}
                  </li>
                ))}
              </ol>
            </section>
            <section aria-label="Mensagens trocadas com a plataforma">
              <h3>Mensagens trocadas</h3>
              <ol className="history">
                {data.messages.map((m) => (
                  <li key={m.id}>
                    <details>
                      <summary>
                        {formatDateTime(m.at)} · {m.operation} · {m.httpStatus ?? '—'}{' '}
                        {m.outcome === 'ok' ? '' : '(erro)'}
                      </summary>
                      <pre className="activation-log">
                        {JSON.stringify({ enviado: m.requestBody, recebido: m.responseBody }, null, 2)}
                      </pre>
                    </details>
                  </li>
                ))}
              </ol>
            </section>
          </>
        ) : null}
      </div>
    </SidePanel>
  );
}
