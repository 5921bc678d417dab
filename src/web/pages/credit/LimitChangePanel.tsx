/** Solicitação de Alteração de Limite: only offered for a customer with an approved analysis (the server checks). */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { ApiError, api } from '../../api.js';
import { SidePanel } from '../../components/SidePanel.js';
import type { CreditCustomer } from '../../contracts.js';
import { formatMoney } from '../../format.js';
import { positiveCentsOf } from './money.js';

export function LimitChangePanel({ customer, onClose }: { customer: CreditCustomer; onClose: () => void }) {
  const [text, setText] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const queryClient = useQueryClient();
  const send = useMutation({
    mutationFn: (cents: number) => api.requestLimitChange(customer.customerId, cents),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['credit-customers'] }),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const cents = positiveCentsOf(text);
    setProblem(cents === null ? 'Novo limite: informe um valor em reais maior que zero' : null);
    if (cents !== null) send.mutate(cents);
  };
  return (
    <SidePanel title="Solicitação de Alteração de Limite" placement="center" onClose={onClose}>
      <form className="form-grid" onSubmit={submit}>
        <p className="form-wide">
          {customer.erpKey} — {customer.name}. Limite Aprovado atual:{' '}
          {formatMoney(customer.approvedLimitCents)}.
        </p>
        <div className={`field${problem ? ' field-invalid' : ''}`}>
          <label htmlFor="lc-limit">Novo limite (R$)</label>
          <input id="lc-limit" inputMode="decimal" value={text} onChange={(e) => setText(e.target.value)} />
          {problem ? <small className="field-problem">{problem}</small> : null}
        </div>
        <div className="form-actions">
          <button type="submit" className="btn btn-primary" disabled={send.isPending || send.isSuccess}>
            Enviar solicitação
          </button>
        </div>
        {send.error ? (
          <p className="form-error form-wide" role="alert">
            {send.error instanceof ApiError ? send.error.message : 'Não foi possível enviar.'}
          </p>
        ) : null}
        {send.data ? (
          <p className="form-ok form-wide" role="status">
            Solicitação enviada: {send.data.situationLabel}
            {send.data.analysisCode ? ` (análise ${send.data.analysisCode})` : ''}. Aprovada, o Limite
            Aprovado é atualizado; negada, o motivo fica no Histórico.
          </p>
        ) : null}
      </form>
    </SidePanel>
  );
}
