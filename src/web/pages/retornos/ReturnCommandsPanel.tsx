/**
 * Comandos de retorno (FCOB0102): the table of a platform or bank/layout — code, action, how amounts post and their
 * history codes — with the codes that arrived without a command. Admins edit; anyone who writes reprocesses failures.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { ApiError, api } from '../../api.js';
import { SidePanel } from '../../components/SidePanel.js';
import type { ReturnCommand } from '../../contracts.js';

export const ACTION_LABELS: Record<ReturnCommand['action'], string> = {
  confirm_registration: 'Confirmar entrada',
  settle: 'Liquidar',
  write_off: 'Baixar sem pagamento',
  reject_registration: 'Rejeitar entrada',
  due_date_changed: 'Vencimento alterado',
  protest: 'Protesto',
  fee_only: 'Somente tarifa',
  reverse: 'Estornar pagamento',
  informative: 'Informativo',
};
const AMOUNT_LABELS: Record<string, string> = {
  payment: 'Recebimento',
  interest: 'Juros',
  fine: 'Multa',
  discount: 'Desconto',
  rebate: 'Abatimento',
  fee: 'Tarifa',
  collection_cost: 'Despesas de cobrança',
};

type Draft = {
  code: string;
  description: string;
  action: string;
  historyCodes: Partial<Record<string, string>>;
};

export function ReturnCommandsPanel({ isAdmin, onClose }: { isAdmin: boolean; onClose: () => void }) {
  const client = useQueryClient();
  const scopes = useQuery({
    queryKey: ['return-command-scopes'],
    queryFn: ({ signal }) => api.returnCommandScopes(signal),
  });
  const [scope, setScope] = useState('efi');
  const table = useQuery({
    queryKey: ['return-commands', scope],
    queryFn: ({ signal }) => api.returnCommands(scope, signal),
  });
  const [draft, setDraft] = useState<Draft | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const refresh = () => client.invalidateQueries({ queryKey: ['return-commands', scope] });
  const save = useMutation({
    mutationFn: (d: Draft) => api.saveReturnCommand(scope, d.code, d),
    onSuccess: (saved) => {
      setMessage(`Comando ${saved.code} salvo.`);
      setDraft(null);
      void refresh();
    },
    onError: (error) => setMessage(error instanceof ApiError ? error.message : 'Não foi possível salvar.'),
  });
  const reprocess = useMutation({
    mutationFn: (code: string) => api.reprocessReturnCommand(scope, code),
    onSuccess: (result, code) => {
      setMessage(`Código ${code}: ${result.processed} processado(s), ${result.failed} em falha.`);
      void refresh();
      void client.invalidateQueries({ queryKey: ['retornos'] });
    },
  });
  const edit = (command: Draft) => {
    setMessage(null);
    setDraft({ ...command, historyCodes: { ...command.historyCodes } });
  };

  return (
    <SidePanel title="Comandos de retorno" onClose={onClose}>
      <div className="drawer-body">
        <div className="field">
          <label htmlFor="rc-scope">Banco / plataforma</label>
          <select
            id="rc-scope"
            value={scope}
            onChange={(e) => {
              setScope(e.target.value);
              setDraft(null);
            }}
          >
            {(scopes.data?.items ?? [{ scope: 'efi', label: 'Efí' }]).map((s) => (
              <option key={s.scope} value={s.scope}>
                {s.label}
              </option>
            ))}
          </select>
        </div>
        {message ? (
          <p role="status" className="notice">
            {message}
          </p>
        ) : null}
        {table.data && table.data.unmapped.length > 0 ? (
          <section aria-label="Códigos sem comando">
            <h3>Recebidos sem comando cadastrado</h3>
            <ul>
              {table.data.unmapped.map((u) => (
                <li key={u.code}>
                  <code>{u.code}</code> — {u.description} ({u.failedCount} em Falha){' '}
                  {isAdmin ? (
                    <button
                      type="button"
                      className="btn btn-small"
                      onClick={() =>
                        edit({
                          code: u.code,
                          description: u.description,
                          action: 'informative',
                          historyCodes: {},
                        })
                      }
                    >
                      Cadastrar {u.code}
                    </button>
                  ) : null}
                </li>
              ))}
            </ul>
          </section>
        ) : null}
        {draft ? (
          <form
            aria-label={`Editar comando ${draft.code}`}
            className="form-grid"
            onSubmit={(event: FormEvent) => {
              event.preventDefault();
              save.mutate(draft);
            }}
          >
            <h3>Comando {draft.code}</h3>
            <div className="field">
              <label htmlFor="rc-description">Descrição</label>
              <input
                id="rc-description"
                value={draft.description}
                onChange={(e) => setDraft({ ...draft, description: e.target.value })}
              />
            </div>
            <div className="field">
              <label htmlFor="rc-action">Ação</label>
              <select
                id="rc-action"
                value={draft.action}
                onChange={(e) => setDraft({ ...draft, action: e.target.value })}
              >
                {Object.entries(ACTION_LABELS).map(([value, label]) => (
                  <option key={value} value={value}>
                    {label}
                  </option>
                ))}
              </select>
            </div>
            {Object.entries(table.data?.postingClasses ?? {}).map(([kind, postingClass]) => (
              <div className="field" key={kind}>
                <label htmlFor={`rc-h-${kind}`}>
                  Histórico — {AMOUNT_LABELS[kind] ?? kind} ({postingClass})
                </label>
                <input
                  id={`rc-h-${kind}`}
                  value={draft.historyCodes[kind] ?? ''}
                  onChange={(e) =>
                    setDraft({ ...draft, historyCodes: { ...draft.historyCodes, [kind]: e.target.value } })
                  }
                />
              </div>
            ))}
            <div className="form-actions">
              <button type="submit" className="btn btn-primary" disabled={save.isPending}>
                Salvar comando
              </button>
              <button type="button" className="btn" onClick={() => setDraft(null)}>
                Cancelar
              </button>
            </div>
          </form>
        ) : null}
        <table className="table" aria-label="Comandos de retorno">
          <thead>
            <tr>
              <th>Código</th>
              <th>Descrição</th>
              <th>Ação</th>
              <th>Históricos</th>
              <th>Falhas</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {(table.data?.items ?? []).map((command) => (
              <tr key={command.code} data-code={command.code}>
                <td>
                  <code>{command.code}</code>
                  {command.edited ? ' *' : ''}
                </td>
                <td>{command.description}</td>
                <td>{ACTION_LABELS[command.action]}</td>
                <td>
                  {Object.entries(command.historyCodes)
                    .map(([kind, code]) => `${AMOUNT_LABELS[kind] ?? kind}: ${code}`)
                    .join(' · ') || '—'}
                </td>
                <td>{command.failedCount || ''}</td>
                <td>
                  {isAdmin ? (
                    <button type="button" className="btn btn-small" onClick={() => edit({ ...command })}>
                      Editar
                    </button>
                  ) : null}
                  {command.failedCount > 0 ? (
                    <button
                      type="button"
                      className="btn btn-small"
                      onClick={() => reprocess.mutate(command.code)}
                    >
                      Reprocessar falhas
                    </button>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <p className="muted">
          * alterado por um administrador. Juros e multa são receita; desconto e abatimento, deduções; tarifa
          e despesas, despesas.
        </p>
      </div>
    </SidePanel>
  );
}
