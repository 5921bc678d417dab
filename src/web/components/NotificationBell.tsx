/** The header's bell: the user's notifications of integration failures, with the unread count. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../api.js';
import { formatDateTime } from '../format.js';

export function NotificationBell() {
  const client = useQueryClient();
  const [open, setOpen] = useState(false);
  const list = useQuery({
    queryKey: ['notifications'],
    queryFn: ({ signal }) => api.notifications(signal),
    refetchInterval: 30_000,
  });
  const read = useMutation({
    mutationFn: (ids?: string[]) => api.readNotifications(ids),
    onSuccess: () => client.invalidateQueries({ queryKey: ['notifications'] }),
  });
  const unread = list.data?.unread ?? 0;
  return (
    <div className="bell">
      <button
        type="button"
        className="btn btn-ghost"
        aria-expanded={open}
        aria-controls="notification-list"
        aria-label={`Notificações: ${unread} não lida${unread === 1 ? '' : 's'}`}
        onClick={() => setOpen((value) => !value)}
      >
        🔔 {unread > 0 ? <span className="bell-count">{unread}</span> : null}
      </button>
      {open ? (
        <div id="notification-list" className="bell-list" role="region" aria-label="Notificações">
          {list.data && list.data.items.length > 0 ? (
            <>
              <button type="button" className="btn btn-small" onClick={() => read.mutate(undefined)}>
                Marcar todas como lidas
              </button>
              <ul>
                {list.data.items.map((item) => (
                  <li key={item.id} className={item.read ? 'is-read' : 'is-unread'}>
                    <a
                      href={item.link ?? '#'}
                      onClick={() => {
                        setOpen(false);
                        if (!item.read) read.mutate([item.id]);
                      }}
                    >
                      <strong>{item.title}</strong>
                    </a>
                    <div>{item.body}</div>
                    <small>{formatDateTime(item.createdAt)}</small>
                  </li>
                ))}
              </ul>
            </>
          ) : (
            <p className="muted">Nenhuma notificação.</p>
          )}
        </div>
      ) : null}
    </div>
  );
}
