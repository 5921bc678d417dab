/** Who did it, by name: history rows store `user:<id>`; people read the user's name. */
import type { Executor } from '../store/connection.js';
import { userNames } from '../store/users.js';

const USER_ACTOR = /^user:([0-9a-f-]{36})$/;

export async function withActorNames<Entry extends { actor: string }>(
  ex: Executor,
  entries: Entry[],
): Promise<(Entry & { actorName: string | null })[]> {
  const ids = [
    ...new Set(entries.map((e) => USER_ACTOR.exec(e.actor)?.[1]).filter((id) => id !== undefined)),
  ];
  const names = await userNames(ex, ids);
  return entries.map((entry) => {
    const id = USER_ACTOR.exec(entry.actor)?.[1];
    return { ...entry, actorName: (id && names.get(id)) ?? null };
  });
}
