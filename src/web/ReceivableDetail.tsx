import { useEffect, useRef, useState, type FormEvent } from 'react';
import { ApiError, api, type Receivable, type ReceivableDetail as Detail } from './api.js';
import { DateField } from './DateField.js';
import {
  actorLabel,
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
  canWrite: boolean;
  /** The signed-in user, to name their own changes in the history. */
  me?: { id: string; name: string };
  onClose: () => void;
  onExpired: () => void;
  /** Called after a successful change so the list can reload. */
  onChanged: () => void;
}

type Load = { kind: 'loading' } | { kind: 'ready'; data: Detail } | { kind: 'error'; message: string };

/** Side panel with one título, its movements and its history (GET /api/receivables/:id). */
export function ReceivableDetail({
  id,
  companyId,
  canWrite,
  me,
  onClose,
  onExpired,
  onChanged,
}: ReceivableDetailProps) {
  const [load, setLoad] = useState<Load>({ kind: 'loading' });
  const [version, setVersion] = useState(0);
  const [saved, setSaved] = useState(false);
  useEffect(() => setSaved(false), [id]);
  const closeButton = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    const controller = new AbortController();
    // A reload of the same título (after a change) keeps the panel on screen.
    setLoad((previous) =>
      previous.kind === 'ready' && previous.data.receivable.id === id ? previous : { kind: 'loading' },
    );
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
  }, [id, companyId, onExpired, version]);

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

            {canWrite && ['open', 'registered'].includes(load.data.receivable.status) ? (
              <EditForm
                key={`${load.data.receivable.dueDate}|${load.data.receivable.invoiceNumber ?? ''}`}
                item={load.data.receivable}
                companyId={companyId}
                onExpired={onExpired}
                onSaved={() => {
                  setSaved(true);
                  setVersion((n) => n + 1);
                  onChanged();
                }}
              />
            ) : null}
            {saved ? (
              <p className="form-ok" role="status">
                Alterações salvas.
              </p>
            ) : null}

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
                        {formatDateTime(entry.at)} · {actorLabel(entry.actor, me)}
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

interface EditFormProps {
  item: Receivable;
  companyId: string;
  onExpired: () => void;
  onSaved: () => void;
}

/** The fields the console may change (PATCH /api/receivables/:id): vencimento and nota fiscal. */
function EditForm({ item, companyId, onExpired, onSaved }: EditFormProps) {
  const [dueDate, setDueDate] = useState(item.dueDate);
  const [invoice, setInvoice] = useState(item.invoiceNumber ?? '');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ text: string; details: string[] } | null>(null);
  const patch: { dueDate?: string; invoiceNumber?: string | null } = {};
  if (dueDate && dueDate !== item.dueDate) patch.dueDate = dueDate;
  if (invoice.trim() !== (item.invoiceNumber ?? '')) patch.invoiceNumber = invoice.trim() || null;
  const dirty = Object.keys(patch).length > 0;

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!dirty) return;
    setBusy(true);
    setMessage(null);
    try {
      await api.patchReceivable(item.id, companyId, patch);
      onSaved();
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) return onExpired();
      setMessage({
        text: error instanceof ApiError ? error.message : 'Não foi possível salvar.',
        details:
          error instanceof ApiError ? error.fields.map((f) => `${fieldLabel(f.path)}: ${f.message}`) : [],
      });
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="edit-form" onSubmit={submit} aria-labelledby="edit-title">
      <h3 id="edit-title">Alterar</h3>
      <div className="edit-fields">
        <div className="field">
          <DateField
            id="edit-due"
            label="Novo vencimento"
            value={dueDate}
            onChange={setDueDate}
            visibleLabel
          />
        </div>
        <div className="field">
          <label htmlFor="edit-invoice">Nota fiscal</label>
          <input
            id="edit-invoice"
            type="text"
            value={invoice}
            maxLength={60}
            onChange={(e) => setInvoice(e.target.value)}
          />
        </div>
        <button type="submit" className="btn btn-primary" disabled={!dirty || busy}>
          {busy ? 'Salvando…' : 'Salvar alterações'}
        </button>
      </div>
      {message ? (
        <div className="form-error" role="alert">
          {message.text}
          {message.details.length > 0 ? (
            <ul>
              {message.details.map((detail) => (
                <li key={detail}>{detail}</li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
    </form>
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
