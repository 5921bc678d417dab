import { useEffect, useRef, useState } from 'react';
import { ApiError, api, type ReceivableDetail as Detail } from './api.js';
import {
  fieldLabel,
  formatDate,
  formatDateTime,
  formatDocument,
  formatFieldValue,
  formatMoney,
  formatTituloRef,
  historyActionLabel,
  movementKindLabel,
  sourceLabel,
  statusLabel,
} from './format.js';

interface ReceivableDetailProps {
  id: string;
  companyId: string;
  onClose: () => void;
  onExpired: () => void;
}

type Load = { kind: 'loading' } | { kind: 'ready'; data: Detail } | { kind: 'error'; message: string };

/** Side panel with one título, its movements and its history (GET /api/receivables/:id). */
export function ReceivableDetail({ id, companyId, onClose, onExpired }: ReceivableDetailProps) {
  const [load, setLoad] = useState<Load>({ kind: 'loading' });
  const closeButton = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    const controller = new AbortController();
    setLoad({ kind: 'loading' });
    api
      .receivable(id, companyId, controller.signal)
      .then((data) => setLoad({ kind: 'ready', data }))
      .catch((error: unknown) => {
        if (controller.signal.aborted) return;
        if (error instanceof ApiError && error.status === 401) return onExpired();
        setLoad({
          kind: 'error',
          message: error instanceof ApiError ? error.message : 'Não foi possível carregar o título.',
        });
      });
    return () => controller.abort();
  }, [id, companyId, onExpired]);

  useEffect(() => closeButton.current?.focus(), []);
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') onClose();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);

  const item = load.kind === 'ready' ? load.data.receivable : null;
  const title = item ? `Título ${formatTituloRef(item.number, item.installment)}` : 'Título';

  return (
    <div className="drawer-backdrop" onClick={onClose}>
      <aside
        className="drawer"
        role="dialog"
        aria-modal="true"
        aria-labelledby="detail-title"
        onClick={(event) => event.stopPropagation()}
      >
        <header className="drawer-header">
          <h2 id="detail-title">{title}</h2>
          {item ? <span className={`badge badge-${item.status}`}>{statusLabel(item.status)}</span> : null}
          {item?.overdue ? <span className="badge badge-overdue">Vencido</span> : null}
          <button ref={closeButton} type="button" className="btn btn-small drawer-close" onClick={onClose}>
            Fechar
          </button>
        </header>
        {load.kind === 'loading' ? (
          <p className="state" role="status">
            Carregando título…
          </p>
        ) : load.kind === 'error' ? (
          <p className="state state-error" role="alert">
            {load.message}
          </p>
        ) : (
          <div className="drawer-body">
            <dl className="facts">
              <dt>Documento</dt>
              <dd>{load.data.receivable.document ?? '—'}</dd>
              <dt>Empresa</dt>
              <dd>{load.data.receivable.companyName}</dd>
              <dt>Cliente</dt>
              <dd>
                {load.data.receivable.customerName}
                <span className="sub">{formatDocument(load.data.receivable.customerDocument)}</span>
              </dd>
              <dt>Emissão</dt>
              <dd>{formatDate(load.data.receivable.issueDate)}</dd>
              <dt>Vencimento</dt>
              <dd>{formatDate(load.data.receivable.dueDate)}</dd>
              <dt>Valor</dt>
              <dd className="num-left">{formatMoney(load.data.receivable.amountCents)}</dd>
              <dt>Valor aberto</dt>
              <dd className="num-left">{formatMoney(load.data.receivable.openAmountCents)}</dd>
              <dt>Nota fiscal</dt>
              <dd>{load.data.receivable.invoiceNumber ?? '—'}</dd>
              <dt>Portador</dt>
              <dd>{load.data.receivable.portadorName ?? '—'}</dd>
              <dt>Chave no ERP</dt>
              <dd>
                <code>{load.data.receivable.erpKey}</code>
              </dd>
            </dl>

            <h3>Movimentos</h3>
            {load.data.movements.length === 0 ? (
              <p className="muted">Nenhum movimento.</p>
            ) : (
              <table className="grid grid-compact">
                <thead>
                  <tr>
                    <th scope="col">Data</th>
                    <th scope="col">Tipo</th>
                    <th scope="col" className="num">
                      Valor
                    </th>
                    <th scope="col">Descrição</th>
                    <th scope="col">Origem</th>
                  </tr>
                </thead>
                <tbody>
                  {load.data.movements.map((movement) => (
                    <tr key={movement.id}>
                      <td className="col-date">{formatDate(movement.occurredOn)}</td>
                      <td>{movementKindLabel(movement.kind)}</td>
                      <td className="num">{formatMoney(movement.amountCents)}</td>
                      <td>{movement.description ?? ''}</td>
                      <td className="muted">{sourceLabel(movement.source)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}

            <h3>Histórico</h3>
            {load.data.history.length === 0 ? (
              <p className="muted">Sem histórico.</p>
            ) : (
              <ol className="history">
                {load.data.history.map((entry) => (
                  <li key={entry.id}>
                    <div className="history-head">
                      <strong>{historyActionLabel(entry.action)}</strong>
                      <span className="muted">
                        {formatDateTime(entry.at)} · {entry.actor}
                      </span>
                    </div>
                    {entry.action !== 'created' ? (
                      <Changes before={entry.before} after={entry.after} />
                    ) : null}
                  </li>
                ))}
              </ol>
            )}
          </div>
        )}
      </aside>
    </div>
  );
}

function Changes({ before, after }: { before: unknown; after: unknown }) {
  const b = (before ?? {}) as Record<string, unknown>;
  const a = (after ?? {}) as Record<string, unknown>;
  const fields = Object.keys(a).filter((key) => JSON.stringify(a[key]) !== JSON.stringify(b[key]));
  if (fields.length === 0) return null;
  return (
    <ul className="changes">
      {fields.map((field) => (
        <li key={field}>
          {fieldLabel(field)}: {formatFieldValue(field, b[field])} → {formatFieldValue(field, a[field])}
        </li>
      ))}
    </ul>
  );
}
