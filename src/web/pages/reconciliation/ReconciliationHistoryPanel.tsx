/** Histórico of a reconciliation record: date and time, user, situation and observation (the failure reason). */
import { useQuery } from '@tanstack/react-query';
import { api } from '../../api.js';
import { HistoryPanel } from '../../components/HistoryPanel.js';
import { SidePanel } from '../../components/SidePanel.js';
import type { ReconciliationRecord } from '../../contracts.js';
import { actorLabel } from '../../format.js';
import { RECONCILIATION_SITUATION_LABELS } from './columns.js';

const ACTIONS: Record<string, string> = {
  received: 'Recebido da plataforma',
  reconciled: 'Conciliado',
  reconciliation_undone: 'Conciliação excluída',
  failed: 'Falha ao conciliar',
};
const situationText = (value: unknown) =>
  RECONCILIATION_SITUATION_LABELS[value as ReconciliationRecord['situation']] ?? '—';

export function ReconciliationHistoryPanel({
  record,
  onClose,
}: {
  record: ReconciliationRecord;
  onClose: () => void;
}) {
  const history = useQuery({
    queryKey: ['reconciliation-history', record.id],
    queryFn: ({ signal }) => api.reconciliationHistory(record.id, signal),
  });
  const items = (history.data?.history ?? []).map((entry) => {
    const before = (entry.before ?? {}) as Record<string, unknown>;
    const after = (entry.after ?? {}) as Record<string, unknown>;
    return {
      id: entry.id,
      at: entry.at,
      title: ACTIONS[entry.action] ?? entry.action,
      actor: actorLabel(entry),
      changes: [
        {
          label: 'Situação',
          before: entry.before ? situationText(before.situation) : '—',
          after: situationText(after.situation),
        },
        ...(after.observation ? [{ label: 'Observação', before: '', after: String(after.observation) }] : []),
      ],
    };
  });
  return (
    <SidePanel title={`Conciliação — transação ${record.entryId}`} onClose={onClose}>
      <div className="drawer-body">
        {history.isPending ? <p role="status">Carregando histórico…</p> : <HistoryPanel items={items} />}
      </div>
    </SidePanel>
  );
}
