import { formatDateTime } from '../format.js';

/** One event of a record's history, already in words for people. */
export interface HistoryItem {
  id: string;
  /** ISO instant. */
  at: string;
  title: string;
  /** Who did it, by name. */
  actor: string;
  /** A change without `before` is a fact of the event (a reason, an outcome). */
  changes: { label: string; before?: string; after: string }[];
}

/** A record's history (título, remessa, retorno…), oldest first. */
export function HistoryPanel({ items, title = 'Histórico' }: { items: HistoryItem[]; title?: string }) {
  return (
    <section aria-label={title}>
      <h3>{title}</h3>
      {items.length === 0 ? (
        <p className="muted">Sem histórico.</p>
      ) : (
        <ol className="history">
          {items.map((item) => (
            <li key={item.id}>
              <div className="history-head">
                <strong>{item.title}</strong>
                <span className="muted">
                  {formatDateTime(item.at)} · {item.actor}
                </span>
              </div>
              {item.changes.length > 0 ? (
                <ul className="changes">
                  {item.changes.map((change) => (
                    <li key={change.label}>
                      {change.label}:{' '}
                      {change.before === undefined ? change.after : `${change.before} → ${change.after}`}
                    </li>
                  ))}
                </ul>
              ) : null}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
