/** Histórico of a retorno: the título's main data, every event returned for it, and this record's trail. */
import { useQuery } from '@tanstack/react-query';
import { api } from '../../api.js';
import { SidePanel } from '../../components/SidePanel.js';
import { formatDate, formatDateTime, formatMoney, formatTituloRef } from '../../format.js';
import { SITUATION_LABELS } from './columns.js';

const TRAIL_LABELS: Record<string, string> = {
  received: 'Recebido',
  processed: 'Processado',
  failed: 'Falha',
};

export function RetornoHistoryPanel({ id, onClose }: { id: string; onClose: () => void }) {
  const history = useQuery({
    queryKey: ['retorno-history', id],
    queryFn: ({ signal }) => api.retornoHistory(id, signal),
  });
  const data = history.data;
  return (
    <SidePanel title="Histórico do retorno" onClose={onClose}>
      <div className="drawer-body">
        {history.isPending ? <p role="status">Carregando…</p> : null}
        {history.isError ? (
          <p className="state state-error" role="alert">
            Não foi possível carregar o histórico.
          </p>
        ) : null}
        {data ? (
          <>
            <h3>Título</h3>
            {data.titulo ? (
              <dl className="detail-grid" aria-label="Dados do título">
                <dt>Título/Parcela</dt>
                <dd>{formatTituloRef(data.titulo.number, data.titulo.installment)}</dd>
                <dt>Chave ERP</dt>
                <dd>{data.titulo.erpKey}</dd>
                <dt>Cliente</dt>
                <dd>{data.titulo.customerName}</dd>
                <dt>Emissão / Vencimento</dt>
                <dd>
                  {formatDate(data.titulo.issueDate)} / {formatDate(data.titulo.dueDate)}
                </dd>
                <dt>Valor / Aberto</dt>
                <dd>
                  {formatMoney(data.titulo.amountCents)} / {formatMoney(data.titulo.openAmountCents)}
                </dd>
                <dt>Situação do título</dt>
                <dd>{data.titulo.status}</dd>
                <dt>Cobrança</dt>
                <dd>
                  {data.titulo.chargeId ?? '—'} ({data.titulo.registrationStatus ?? 'sem registro'})
                </dd>
              </dl>
            ) : (
              <p className="muted">Título não encontrado para esta cobrança.</p>
            )}
            <h3>Eventos retornados</h3>
            <table className="table" aria-label="Eventos retornados">
              <thead>
                <tr>
                  <th>Data</th>
                  <th>Origem</th>
                  <th>Evento</th>
                  <th>Valor Pago</th>
                  <th>Situação</th>
                  <th>Observações</th>
                </tr>
              </thead>
              <tbody>
                {data.events.map((event) => (
                  <tr
                    key={event.id}
                    aria-current={event.current ? 'true' : undefined}
                    data-situation={event.situation}
                  >
                    <td>{formatDateTime(event.occurredAt)}</td>
                    <td>{event.source}</td>
                    <td>
                      {event.occurrenceCode} — {event.occurrenceDescription}
                      {event.current ? ' (este)' : ''}
                    </td>
                    <td className="num">{formatMoney(event.paidCents)}</td>
                    <td>{SITUATION_LABELS[event.situation]}</td>
                    <td>{event.note ?? ''}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <h3>Histórico deste retorno</h3>
            <ol className="history-list" aria-label="Histórico deste retorno">
              {data.history.map((entry, index) => (
                <li key={index}>
                  <strong>{TRAIL_LABELS[entry.action] ?? entry.action}</strong> — {formatDateTime(entry.at)}{' '}
                  por {entry.actor}
                  {entry.note ? <div className="history-note">{entry.note}</div> : null}
                </li>
              ))}
            </ol>
          </>
        ) : null}
      </div>
    </SidePanel>
  );
}
