/**
 * What `/metrics` reads from the database at each scrape: the job queues' backlog (pg-boss tables), the outbox rows
 * not yet relayed, and the platform calls of the communication log. Counts and ages only; no personal data.
 */
import { sql } from 'drizzle-orm';
import type { Executor } from './connection.js';

export interface Backlog {
  name: string;
  waiting: number;
  oldestSeconds: number;
}

export interface OperationalCounts {
  /** Jobs created or waiting for a retry, per queue. */
  queues: Backlog[];
  /** Outbox rows not yet relayed, per kind (event, job). */
  outbox: Backlog[];
  /** Platform calls by outcome since the log began. */
  platformCalls: { platform: string; outcome: string; count: number }[];
}

type Row = Record<string, unknown>;
/** Both drivers answer `execute` with `{ rows }`; drizzle types it per driver. */
const rowsOf = (result: unknown): Row[] => (result as { rows: Row[] }).rows;

const backlog = (rows: Row[]): Backlog[] =>
  rows.map((row) => ({
    name: String(row['name']),
    waiting: Number(row['waiting']),
    oldestSeconds: Number(row['oldest_seconds'] ?? 0),
  }));

export async function operationalCounts(ex: Executor): Promise<OperationalCounts> {
  const hasQueue = rowsOf(await ex.execute(sql`select to_regclass('pgboss.job') is not null as present`));
  const queues = hasQueue[0]?.['present']
    ? await ex.execute(sql`
        select name, count(*)::int as waiting,
               extract(epoch from now() - min(created_on))::float8 as oldest_seconds
        from pgboss.job where state in ('created', 'retry') group by name order by name`)
    : { rows: [] as Row[] };
  const outbox = await ex.execute(sql`
    select kind as name, count(*)::int as waiting,
           extract(epoch from now() - min(created_at))::float8 as oldest_seconds
    from outbox where relayed_at is null group by kind order by kind`);
  const calls = await ex.execute(sql`
    select platform, outcome, count(*)::int as count from communication_log
    group by platform, outcome order by platform, outcome`);
  return {
    queues: backlog(rowsOf(queues)),
    outbox: backlog(rowsOf(outbox)),
    platformCalls: rowsOf(calls).map((row) => ({
      platform: String(row['platform']),
      outcome: String(row['outcome']),
      count: Number(row['count']),
    })),
  };
}
