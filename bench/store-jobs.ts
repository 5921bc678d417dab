/**
 * Store + job queue benchmark: transactional-outbox enqueue (a history row and a job in one transaction) and
 * worker throughput (pg-boss fetch + handler + complete), on in-memory PGlite, or on PostgreSQL when DATABASE_URL is
 * set (a throwaway database is created and dropped; with several worker "processes" = separate pools).
 * Run: npx tsx bench/store-jobs.ts   (results in docs/benchmarks.md)
 */
import os from 'node:os';
import { startJobQueue, type JobQueue } from '../src/jobs/index.js';
import { appendHistory } from '../src/store/history.js';
import { openStore, type Store } from '../src/store/connection.js';
import { createThrowawayDatabase } from '../test/support/database.js';

const N = Number(process.env.BENCH_N ?? 500);
const WORKERS = Number(process.env.BENCH_WORKERS ?? 2);

async function main(): Promise<void> {
  const adminUrl = process.env.DATABASE_URL;
  const database = adminUrl ? await createThrowawayDatabase(adminUrl) : undefined;
  const open = () =>
    database ? openStore({ databaseUrl: database.url, poolSize: 4 }) : openStore({ dataDir: 'memory' });
  const store = await open();
  await store.migrate();
  const queue = await startJobQueue(store, { pollingIntervalSeconds: 0.5 });
  await queue.createQueue('bench.noop');

  let t = performance.now();
  for (let i = 0; i < N; i++) {
    await store.transaction(async (tx) => {
      await appendHistory(tx, { entity: 'bench', entityId: String(i), action: 'created', actor: 'bench' });
      await queue.send('bench.noop', { i }, { tx });
    });
  }
  const enqueueSeconds = (performance.now() - t) / 1000;

  // Workers: PGlite runs in the one process; PostgreSQL gets WORKERS separate pools ("processes").
  const extra: { store: Store; queue: JobQueue }[] = [];
  if (database)
    for (let w = 1; w < WORKERS; w++) {
      const s = await open();
      extra.push({ store: s, queue: await startJobQueue(s, { pollingIntervalSeconds: 0.5 }) });
    }
  let done = 0;
  t = performance.now();
  for (const q of [queue, ...extra.map((e) => e.queue)]) await q.work('bench.noop', async () => void done++);
  while (done < N) await new Promise((resolve) => setTimeout(resolve, 20));
  const workSeconds = (performance.now() - t) / 1000;

  for (const e of extra) {
    await e.queue.stop();
    await e.store.close();
  }
  await queue.stop();
  await store.close();
  await database?.drop();

  const workers = database ? WORKERS : 1;
  console.log(
    `${store.kind} N=${N} node ${process.version} ${os.cpus()[0]?.model ?? ''} load ${os.loadavg()[0]?.toFixed(1)}\n` +
      `enqueue in transaction (history row + job): ${(N / enqueueSeconds).toFixed(0)} tx/s\n` +
      `jobs handled with ${workers} worker(s): ${(N / workSeconds).toFixed(0)} jobs/s`,
  );
}

await main();
