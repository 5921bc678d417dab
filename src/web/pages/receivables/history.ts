/** A título's history in words for people: queue bookkeeping left out, fields and values in pt-BR. */
import type { HistoryItem } from '../../components/HistoryPanel.js';
import type { HistoryEntry } from '../../contracts.js';
import { actorLabel, fieldLabel, formatFieldValue, historyActionLabel } from '../../format.js';

/** Rows the job worker writes to prove it ran (`job.receivable.changed`): internal, not an event on the título. */
const isQueueBookkeeping = (entry: HistoryEntry) => entry.action.startsWith('job.');

export function receivableHistory(entries: HistoryEntry[]): HistoryItem[] {
  return entries
    .filter((entry) => !isQueueBookkeeping(entry))
    .map((entry) => {
      const before = (entry.before ?? {}) as Record<string, unknown>;
      const after = (entry.after ?? {}) as Record<string, unknown>;
      const changed =
        entry.action === 'created'
          ? []
          : Object.keys(after).filter((key) => JSON.stringify(after[key]) !== JSON.stringify(before[key]));
      return {
        id: entry.id,
        at: entry.at,
        title: historyActionLabel(entry.action),
        actor: actorLabel(entry),
        changes: changed.map((field) => ({
          label: fieldLabel(field),
          before: formatFieldValue(field, before[field]),
          after: formatFieldValue(field, after[field]),
        })),
      };
    });
}
