import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { ApiError, api } from '../../api.js';
import { DateField } from '../../components/DateField.js';
import { HistoryPanel } from '../../components/HistoryPanel.js';
import { SidePanel } from '../../components/SidePanel.js';
import type { ReceivableDetail as Detail } from '../../contracts.js';
import {
  fieldLabel,
  formatDate,
  formatDocument,
  formatMoney,
  formatTituloRef,
  movementKindLabel,
  sourceLabel,
  statusLabel,
} from '../../format.js';
import { receivableHistory } from './history.js';

interface ReceivableDetailProps {
  id: string;
  companyId: string;
  canWrite: boolean;
  onClose: () => void;
}

/** Side panel with one título, its movements and its history (GET /api/receivables/:id). */
export function ReceivableDetail({ id, companyId, canWrite, onClose }: ReceivableDetailProps) {
  const detail = useQuery({
    queryKey: ['receivable', companyId, id],
    queryFn: ({ signal }) => api.receivable(id, companyId, signal),
  });
  // One message at a time: a new attempt clears the last "Alterações salvas.".
  const [saved, setSaved] = useState(false);

  const item = detail.data?.receivable;
  const title = item ? `Título ${formatTituloRef(item.number, item.installment)}` : 'Título';

  return (
    <SidePanel
      title={title}
      onClose={onClose}
      aside={
        <>
          {item ? <span className={`badge badge-${item.status}`}>{statusLabel(item.status)}</span> : null}
          {item?.overdue ? <span className="badge badge-overdue">Vencido</span> : null}
        </>
      }
    >
      {detail.isPending ? (
        <p className="state" role="status">
          Carregando título…
        </p>
      ) : detail.isError ? (
        <p className="state state-error" role="alert">
          {detail.error instanceof ApiError ? detail.error.message : 'Não foi possível carregar o título.'}
        </p>
      ) : (
        <div className="drawer-body">
          <dl className="facts">
            <dt>Documento</dt>
            <dd>{detail.data.receivable.document ?? '—'}</dd>
            <dt>Empresa</dt>
            <dd>{detail.data.receivable.companyName}</dd>
            <dt>Cliente</dt>
            <dd>
              {detail.data.receivable.customerName}
              <span className="sub">{formatDocument(detail.data.receivable.customerDocument)}</span>
            </dd>
            <dt>Emissão</dt>
            <dd>{formatDate(detail.data.receivable.issueDate)}</dd>
            <dt>Vencimento</dt>
            <dd>{formatDate(detail.data.receivable.dueDate)}</dd>
            <dt>Valor</dt>
            <dd className="num-left">{formatMoney(detail.data.receivable.amountCents)}</dd>
            <dt>Valor aberto</dt>
            <dd className="num-left">{formatMoney(detail.data.receivable.openAmountCents)}</dd>
            <dt>Nota fiscal</dt>
            <dd>{detail.data.receivable.invoiceNumber ?? '—'}</dd>
            <dt>Portador</dt>
            <dd>{detail.data.receivable.portadorName ?? '—'}</dd>
            <dt>Chave no ERP</dt>
            <dd>
              <code>{detail.data.receivable.erpKey}</code>
            </dd>
          </dl>

          <BoletoFacts boleto={detail.data.boleto} />

          {canWrite && ['open', 'registered'].includes(detail.data.receivable.status) ? (
            <EditForm
              key={`${detail.data.receivable.dueDate}|${detail.data.receivable.invoiceNumber ?? ''}`}
              item={detail.data.receivable}
              companyId={companyId}
              onAttempt={() => setSaved(false)}
              onSaved={() => setSaved(true)}
            />
          ) : null}
          {saved ? (
            <p className="form-ok" role="status">
              Alterações salvas.
            </p>
          ) : null}

          <h3>Movimentos</h3>
          {detail.data.movements.length === 0 ? (
            <p className="muted">Nenhum movimento.</p>
          ) : (
            <div className="table-wrap">
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
                  {detail.data.movements.map((movement) => (
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
            </div>
          )}

          <HistoryPanel items={receivableHistory(detail.data.history)} />
        </div>
      )}
    </SidePanel>
  );
}

/** Nosso número, linha digitável and the 2ª via: the platform's when it registered the título, else computed here. */
function BoletoFacts({ boleto }: { boleto: Detail['boleto'] }) {
  return (
    <section className="boleto" aria-labelledby="boleto-title">
      <h3 id="boleto-title">Boleto</h3>
      {boleto.available ? (
        <>
          <dl className="facts">
            <dt>Nosso número</dt>
            <dd data-testid="nosso-numero">{boleto.nossoNumero ?? '—'}</dd>
            <dt>Linha digitável</dt>
            <dd>
              <code className="boleto-line" data-testid="linha-digitavel">
                {boleto.line}
              </code>
            </dd>
            {boleto.pixCopyPaste ? (
              <>
                <dt>PIX copia e cola</dt>
                <dd>
                  <code className="boleto-line">{boleto.pixCopyPaste}</code>
                </dd>
              </>
            ) : null}
          </dl>
          <p className="muted">
            {boleto.registered
              ? `Valores do registro na plataforma (${boleto.platform ?? ''}).`
              : 'Calculado com a carteira/convênio do portador; o título ainda não tem registro em plataforma.'}
          </p>
          {boleto.pdfUrl ? (
            <a
              className="btn"
              href={boleto.pdfUrl}
              {...(boleto.registered ? { target: '_blank', rel: 'noopener noreferrer' } : { download: '' })}
            >
              Baixar 2ª via (PDF)
            </a>
          ) : null}
        </>
      ) : (
        <p className="muted" data-testid="sem-boleto">
          Sem boleto: {boleto.reason}.
        </p>
      )}
    </section>
  );
}

interface EditFormProps {
  item: Detail['receivable'];
  companyId: string;
  onAttempt: () => void;
  onSaved: () => void;
}

/** The fields the console may change (PATCH /api/receivables/:id): vencimento and nota fiscal. */
function EditForm({ item, companyId, onAttempt, onSaved }: EditFormProps) {
  const queryClient = useQueryClient();
  const [dueDate, setDueDate] = useState(item.dueDate);
  const [invoice, setInvoice] = useState(item.invoiceNumber ?? '');
  const patch: { dueDate?: string; invoiceNumber?: string | null } = {};
  if (dueDate && dueDate !== item.dueDate) patch.dueDate = dueDate;
  if (invoice.trim() !== (item.invoiceNumber ?? '')) patch.invoiceNumber = invoice.trim() || null;
  const dirty = Object.keys(patch).length > 0;

  const save = useMutation({
    mutationFn: () => api.patchReceivable(item.id, companyId, patch),
    onSuccess: async () => {
      onSaved();
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: ['receivable', companyId, item.id] }),
        queryClient.invalidateQueries({ queryKey: ['receivables'] }),
      ]);
    },
  });

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!dirty) return;
    onAttempt();
    save.mutate();
  };
  const error = save.error;

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
        <button type="submit" className="btn btn-primary" disabled={!dirty || save.isPending}>
          {save.isPending ? 'Salvando…' : 'Salvar alterações'}
        </button>
      </div>
      {error ? (
        <div className="form-error" role="alert">
          {error instanceof ApiError ? error.message : 'Não foi possível salvar.'}
          {error instanceof ApiError && error.fields.length > 0 ? (
            <ul>
              {error.fields.map((f) => (
                <li key={f.path}>
                  {fieldLabel(f.path)}: {f.message}
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
    </form>
  );
}
