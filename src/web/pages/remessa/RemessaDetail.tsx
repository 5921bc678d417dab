/**
 * One título of the Remessa tab in a side panel: its remessa facts, the actions on it, and its Histórico (every
 * event with date, user or job, outcome and the platform's reason). While an attempt or a change is pending the
 * history is read again every two seconds, and the list with it when something new arrives.
 */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { ApiError, api } from '../../api.js';
import { HistoryPanel } from '../../components/HistoryPanel.js';
import { SidePanel } from '../../components/SidePanel.js';
import type { RemessaItem } from '../../contracts.js';
import { formatDate, formatDocument, formatMoney, formatTituloRef } from '../../format.js';
import { StatusBadge } from './columns.js';
import { platformLabel, remessaHistoryItems } from './labels.js';
import { RemessaActions, type ActionOutcome } from './RemessaActions.js';

const PENDING = new Set([
  'send_requested',
  'attempt',
  'retry_scheduled',
  'change_queued',
  'change_retry_scheduled',
]);

export function RemessaDetail({
  receivableId,
  companyId,
  canWrite,
  onOutcome,
  onClose,
}: {
  receivableId: string;
  companyId: string;
  canWrite: boolean;
  onOutcome: (outcome: ActionOutcome) => void;
  onClose: () => void;
}) {
  const queryClient = useQueryClient();
  const row = useQuery({
    queryKey: ['remessas', 'one', companyId, receivableId],
    queryFn: ({ signal }) =>
      api.remessas(new URLSearchParams({ companyId, receivableId }).toString(), signal),
  });
  const item: RemessaItem | undefined = row.data?.items[0];
  const history = useQuery({
    queryKey: ['remessa-history', companyId, receivableId],
    queryFn: ({ signal }) => api.remessaHistory(receivableId, companyId, signal),
    refetchInterval: (query) => {
      const last = query.state.data?.items.at(-1);
      return last && PENDING.has(last.action) ? 2000 : false;
    },
  });
  const events = history.data?.items.length ?? 0;
  useEffect(() => {
    if (events > 0) void queryClient.invalidateQueries({ queryKey: ['remessas'] });
  }, [events, queryClient]);

  return (
    <SidePanel
      title={item ? `Título ${formatTituloRef(item.number, item.installment)}` : 'Título'}
      aside={item ? <StatusBadge status={item.status} /> : null}
      onClose={onClose}
    >
      <div className="drawer-body">
        {item ? (
          <>
            <dl className="facts">
              <dt>Plataforma</dt>
              <dd>{platformLabel(item.platform)}</dd>
              <dt>Empresa</dt>
              <dd>{item.companyName}</dd>
              <dt>Cliente</dt>
              <dd>
                {item.customerName}
                <span className="sub">{formatDocument(item.customerDocument)}</span>
              </dd>
              <dt>Documento</dt>
              <dd>{item.document}</dd>
              <dt>Vencimento</dt>
              <dd>{formatDate(item.dueDate)}</dd>
              <dt>Valor / Valor aberto</dt>
              <dd className="num-left">
                {formatMoney(item.amountCents)} / {formatMoney(item.openAmountCents)}
              </dd>
              <dt>Portador</dt>
              <dd>{item.portadorName}</dd>
              <dt>Nosso Número</dt>
              <dd>{item.nossoNumero ?? '—'}</dd>
              <dt>Remessa</dt>
              <dd>{item.chargeId ?? '—'}</dd>
              <dt>Tentativas</dt>
              <dd>{item.attempts}</dd>
              {item.lastError ? (
                <>
                  <dt>Último motivo</dt>
                  <dd data-testid="last-error">{item.lastError}</dd>
                </>
              ) : null}
            </dl>
            {canWrite ? <RemessaActions companyId={companyId} items={[item]} onOutcome={onOutcome} /> : null}
          </>
        ) : row.isPending ? null : (
          <p className="muted">
            Título fora da Remessa desta empresa (sem integração ativa ou antes da data de referência).
          </p>
        )}
        {history.isPending ? (
          <p className="state" role="status">
            Carregando histórico…
          </p>
        ) : history.isError ? (
          <p className="state state-error" role="alert">
            {history.error instanceof ApiError
              ? history.error.message
              : 'Não foi possível carregar o histórico.'}
          </p>
        ) : (
          <HistoryPanel title="Histórico da remessa" items={remessaHistoryItems(history.data)} />
        )}
      </div>
    </SidePanel>
  );
}
