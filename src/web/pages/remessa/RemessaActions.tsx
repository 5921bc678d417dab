/**
 * The actions of the Remessa tab on one título or a selection (POST /api/remessas/actions): Enviar/Reenviar,
 * Alterar vencimento (asks the date), Baixar and Estornar (ask to confirm), Reenviar por e-mail (optional
 * address), Imprimir boleto (the platform's PDF). Each título is answered on its own: refusals are listed with
 * the reason the server (or the platform rule) gave.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { ApiError, api } from '../../api.js';
import { DateField } from '../../components/DateField.js';
import { SidePanel } from '../../components/SidePanel.js';
import type { RemessaActionInput, RemessaActionResult, RemessaItem } from '../../contracts.js';
import { formatTituloRef } from '../../format.js';

type Action = RemessaActionInput['action'];
type Dialog = 'changeDueDate' | 'writeOff' | 'reverse' | 'resendEmail' | 'print' | null;

const DONE: Record<Action, string> = {
  send: 'enviado(s) à fila de registro',
  changeDueDate: 'com alteração de vencimento enfileirada',
  writeOff: 'com baixa enfileirada',
  reverse: 'com estorno enfileirado',
  resendEmail: 'com reenvio por e-mail enfileirado',
};

const ref = (item: RemessaItem) => formatTituloRef(item.number, item.installment);

export interface ActionOutcome {
  action: Action;
  result: RemessaActionResult;
  items: RemessaItem[];
}

export function RemessaActions({
  companyId,
  items,
  onOutcome,
}: {
  companyId: string;
  items: RemessaItem[];
  onOutcome: (outcome: ActionOutcome) => void;
}) {
  const queryClient = useQueryClient();
  const [dialog, setDialog] = useState<Dialog>(null);
  const [dueDate, setDueDate] = useState('');
  const [email, setEmail] = useState('');
  const run = useMutation({
    mutationFn: (body: RemessaActionInput) => api.remessaAction(companyId, body),
    onSuccess: (result, body) => {
      // A dialog whose every título was refused stays open with the reasons, so the user can try another value.
      if (result.succeeded > 0 || dialog === null) setDialog(null);
      onOutcome({ action: body.action, result, items });
      void queryClient.invalidateQueries({ queryKey: ['remessas'] });
      void queryClient.invalidateQueries({ queryKey: ['remessa-history'] });
      void queryClient.invalidateQueries({ queryKey: ['near-due'] });
    },
  });
  const ids = items.map((item) => item.receivableId);
  const act = (action: Action, extra: Partial<RemessaActionInput> = {}) =>
    run.mutate({ action, receivableIds: ids, ...extra });
  const open = (next: Dialog) => {
    run.reset();
    setDialog(next);
  };
  const what = items.length === 1 ? `o título ${ref(items[0]!)}` : `os ${items.length} títulos selecionados`;
  const error = run.error instanceof ApiError ? run.error : null;
  const failure = run.error ? (
    <p className="form-error" role="alert">
      {error?.message ?? 'Não foi possível falar com o servidor.'}
      {error?.fields.map((field) => ` ${field.message}`)}
    </p>
  ) : run.data && run.variables && run.data.succeeded === 0 ? (
    <RefusalList result={run.data} items={items} />
  ) : null;
  const anySent = items.some((item) => item.status === 'sent');

  return (
    <div className="remessa-actions" role="group" aria-label="Ações da remessa">
      <button
        type="button"
        className="btn btn-small btn-primary"
        disabled={run.isPending}
        onClick={() => act('send')}
      >
        {items.every((item) => item.status === 'not_sent') ? 'Enviar' : 'Enviar/Reenviar'}
      </button>
      <button type="button" className="btn btn-small" onClick={() => open('changeDueDate')}>
        Alterar vencimento
      </button>
      <button type="button" className="btn btn-small" onClick={() => open('writeOff')}>
        Baixar
      </button>
      <button type="button" className="btn btn-small" onClick={() => open('reverse')}>
        Estornar
      </button>
      <button type="button" className="btn btn-small" onClick={() => open('resendEmail')}>
        Reenviar por e-mail
      </button>
      <button type="button" className="btn btn-small" disabled={!anySent} onClick={() => open('print')}>
        Imprimir boleto
      </button>
      {dialog === null && failure}

      {dialog === 'changeDueDate' ? (
        <SidePanel title="Alterar vencimento" placement="center" onClose={() => setDialog(null)}>
          <form
            className="stack-form"
            onSubmit={(event: FormEvent) => {
              event.preventDefault();
              if (dueDate) act('changeDueDate', { dueDate });
            }}
          >
            <p>
              Nova data de vencimento para {what}. Um título Enviado tem a alteração mandada à plataforma.
            </p>
            <DateField
              id="remessa-new-due"
              label="Novo vencimento"
              visibleLabel
              value={dueDate}
              onChange={setDueDate}
            />
            {failure}
            <div className="dialog-actions">
              <button type="button" className="btn btn-ghost" onClick={() => setDialog(null)}>
                Cancelar
              </button>
              <button type="submit" className="btn btn-primary" disabled={!dueDate || run.isPending}>
                Alterar vencimento
              </button>
            </div>
          </form>
        </SidePanel>
      ) : null}

      {dialog === 'writeOff' || dialog === 'reverse' ? (
        <SidePanel
          title={dialog === 'writeOff' ? 'Baixar na plataforma' : 'Estornar a baixa'}
          placement="center"
          role="alertdialog"
          onClose={() => setDialog(null)}
        >
          <p>
            {dialog === 'writeOff'
              ? `Baixar ${what} na plataforma? A cobrança deixa de poder ser paga e o valor aberto é baixado.`
              : `Estornar a baixa de ${what}?`}
          </p>
          {failure}
          <div className="dialog-actions">
            <button type="button" className="btn btn-ghost" onClick={() => setDialog(null)}>
              Cancelar
            </button>
            <button
              type="button"
              className={dialog === 'writeOff' ? 'btn btn-danger' : 'btn btn-primary'}
              disabled={run.isPending}
              onClick={() => act(dialog)}
            >
              {dialog === 'writeOff' ? 'Baixar' : 'Estornar'}
            </button>
          </div>
        </SidePanel>
      ) : null}

      {dialog === 'resendEmail' ? (
        <SidePanel title="Reenviar por e-mail" placement="center" onClose={() => setDialog(null)}>
          <form
            className="stack-form"
            onSubmit={(event: FormEvent) => {
              event.preventDefault();
              act('resendEmail', email.trim() ? { email: email.trim() } : {});
            }}
          >
            <p>A plataforma reenvia o boleto de {what}.</p>
            <label htmlFor="remessa-email">E-mail (em branco: o do cadastro do cliente)</label>
            <input id="remessa-email" type="email" value={email} onChange={(e) => setEmail(e.target.value)} />
            {failure}
            <div className="dialog-actions">
              <button type="button" className="btn btn-ghost" onClick={() => setDialog(null)}>
                Cancelar
              </button>
              <button type="submit" className="btn btn-primary" disabled={run.isPending}>
                Reenviar
              </button>
            </div>
          </form>
        </SidePanel>
      ) : null}

      {dialog === 'print' ? (
        <SidePanel title="Imprimir boleto" placement="center" onClose={() => setDialog(null)}>
          <ul className="print-list">
            {items.map((item) => (
              <li key={item.receivableId}>
                {item.pdfUrl ? (
                  <a href={item.pdfUrl} target="_blank" rel="noreferrer">
                    Boleto do título {ref(item)} (PDF da plataforma)
                  </a>
                ) : (
                  <span className="muted">
                    Título {ref(item)}: sem boleto — ainda não Enviado à plataforma.
                  </span>
                )}
              </li>
            ))}
          </ul>
        </SidePanel>
      ) : null}
    </div>
  );
}

/** What the last action did: how many were accepted, and each refusal with its reason. */
export function ActionOutcomeNotice({ outcome, onClose }: { outcome: ActionOutcome; onClose: () => void }) {
  const refused = outcome.result.results.filter((result) => !result.ok);
  return (
    <div
      className={refused.length > 0 ? 'notice notice-warn' : 'notice'}
      role="status"
      data-testid="action-outcome"
    >
      <p>
        {outcome.result.succeeded} {outcome.result.succeeded === 1 ? 'título' : 'títulos'}{' '}
        {DONE[outcome.action]}
        {refused.length > 0 ? `; ${refused.length} recusado(s):` : '.'}{' '}
        <button type="button" className="btn btn-small btn-ghost" onClick={onClose}>
          Fechar aviso
        </button>
      </p>
      <RefusalList result={outcome.result} items={outcome.items} />
    </div>
  );
}

function RefusalList({ result, items }: { result: RemessaActionResult; items: RemessaItem[] }) {
  const byId = new Map(items.map((item) => [item.receivableId, item]));
  const refused = result.results.filter((entry) => !entry.ok);
  if (refused.length === 0) return null;
  return (
    <ul className="refusals">
      {refused.map((entry) => {
        const item = byId.get(entry.receivableId);
        return (
          <li key={entry.receivableId} data-refused={entry.receivableId}>
            <strong>{item ? ref(item) : entry.receivableId}</strong>: {entry.message}
          </li>
        );
      })}
    </ul>
  );
}
