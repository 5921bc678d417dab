/**
 * Aviso: títulos not yet registered (Não Enviado, Falha, Falha ERP), still open, due within N days (overdue
 * included) — the promise that títulos are registered before they fall due. N is chosen here and kept in the URL.
 */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../api.js';
import { formatCount, formatDate, formatMoney, formatTituloRef } from '../../format.js';
import { StatusBadge } from './columns.js';

const SHOWN = 10;

export function NearDue({
  companyId,
  days,
  onDays,
  onOpen,
}: {
  companyId: string;
  days: number;
  onDays: (days: number) => void;
  onOpen: (receivableId: string) => void;
}) {
  const query = new URLSearchParams({ companyId, days: String(days), pageSize: String(SHOWN) }).toString();
  const warning = useQuery({
    queryKey: ['near-due', query],
    queryFn: ({ signal }) => api.nearDue(query, signal),
    placeholderData: keepPreviousData,
  });
  const total = warning.data?.total ?? 0;
  return (
    <details className={`near-due${total > 0 ? ' has-items' : ''}`} data-testid="near-due">
      <summary>
        <strong>{warning.data ? formatCount(total) : '…'}</strong>{' '}
        {total === 1 ? 'título ainda não registrado vence' : 'títulos ainda não registrados vencem'} em até{' '}
        {days} {days === 1 ? 'dia' : 'dias'} (vencidos incluídos)
      </summary>
      <div className="near-due-body">
        <label htmlFor="near-due-days">Avisar com</label>{' '}
        <input
          id="near-due-days"
          type="number"
          min={0}
          max={90}
          value={days}
          onChange={(event) => {
            const next = Number(event.target.value);
            if (Number.isInteger(next) && next >= 0 && next <= 90) onDays(next);
          }}
        />{' '}
        dias de antecedência
        {total > 0 ? (
          <ul>
            {warning.data!.items.map((item) => (
              <li key={item.receivableId}>
                <button type="button" className="link" onClick={() => onOpen(item.receivableId)}>
                  {formatTituloRef(item.number, item.installment)}
                </button>{' '}
                · {item.customerName} · vence {formatDate(item.dueDate)} · {formatMoney(item.openAmountCents)}{' '}
                <StatusBadge status={item.status} />
              </li>
            ))}
            {total > SHOWN ? <li className="muted">e mais {formatCount(total - SHOWN)}…</li> : null}
          </ul>
        ) : null}
      </div>
    </details>
  );
}
