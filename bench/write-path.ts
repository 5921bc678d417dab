/**
 * The ERP write path over real HTTP (a listening server, Node's fetch with keep-alive) against its ceiling measured
 * in the same run on the same database: a raw single-row INSERT per transaction over the same driver and pool, one
 * client and eight, and pgbench with the same statement when it is installed (PostgreSQL only).
 *
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npx tsx bench/write-path.ts   # throwaway database
 *   npx tsx bench/write-path.ts                                                             # in-memory PGlite
 *
 * BENCH_N (default 2000) requests per single-upsert row; BENCH_BATCHES (default 10) batches of 1,000 títulos.
 * Results and their reading go to docs/benchmarks.md.
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { buildApp } from '../src/api/app.js';
import { makeCnpj } from '../src/domain/documents/index.js';
import { startJobQueue } from '../src/jobs/index.js';
import { createApiToken } from '../src/store/api-tokens.js';
import { createCompany } from '../src/store/companies.js';
import { testPlatformDeps } from '../test/support/platforms.js';
import { openBenchStore } from './support/store.js';

const N = Number(process.env.BENCH_N ?? 2000);
const BATCHES = Number(process.env.BENCH_BATCHES ?? 10);
const CLIENTS = 8;

const { store, databaseUrl, drop } = await openBenchStore();
await store.migrate();
const jobs = await startJobQueue(store);
const company = await createCompany(store.db, {
  name: 'Bench',
  cnpj: makeCnpj('555666770001'),
  kind: 'child',
});
const { token } = await createApiToken(store.db, { companyId: company.id, name: 'bench' });
const app = await buildApp({ store, jobs, webRoot: '/nonexistent', platforms: testPlatformDeps() });
await app.listen({ host: '127.0.0.1', port: 0 });
const address = app.server.address();
const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/api/v1`;
const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };

async function call(method: string, path: string, body: unknown, expected: number): Promise<void> {
  const response = await fetch(base + path, { method, headers, body: JSON.stringify(body) });
  const text = await response.text();
  if (response.status !== expected) throw new Error(`${method} ${path}: ${response.status} ${text}`);
}

const título = (i: number) => ({
  customerErpKey: 'C1',
  document: `PED-${i}`,
  number: String(i),
  issueDate: '2026-01-01',
  dueDate: `2026-0${(i % 9) + 1}-15`,
  amountCents: 1000 + i,
});

interface Row {
  work: string;
  count: number;
  seconds: number;
  p50?: number;
  p99?: number;
}

/** `count` operations spread over `clients` concurrent loops; latency of each operation in ms. */
async function measure(
  work: string,
  count: number,
  clients: number,
  op: (i: number) => Promise<void>,
): Promise<Row> {
  const latencies: number[] = [];
  let next = 0;
  const start = performance.now();
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (next < count) {
        const i = next++;
        const t = performance.now();
        await op(i);
        latencies.push(performance.now() - t);
      }
    }),
  );
  const seconds = (performance.now() - start) / 1000;
  latencies.sort((a, b) => a - b);
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))]!;
  return { work, count, seconds, p50: at(0.5), p99: at(0.99) };
}

await store.sql.executeSql('CREATE TABLE bench_ceiling (id bigserial PRIMARY KEY, payload text NOT NULL)');
const insert = () =>
  store.sql.executeSql('INSERT INTO bench_ceiling (payload) VALUES ($1)', ['x']).then(() => undefined);

function pgbenchTps(clients: number): number | null {
  if (!databaseUrl) return null;
  try {
    const script = join(os.tmpdir(), 'finconsole-ceiling.sql');
    writeFileSync(script, "INSERT INTO bench_ceiling (payload) VALUES ('x');\n");
    const out = execFileSync(
      'pgbench',
      [
        '-n',
        '-c',
        String(clients),
        '-j',
        String(Math.min(clients, 2)),
        '-T',
        '10',
        '-f',
        script,
        databaseUrl,
      ],
      { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] },
    );
    const match = /tps = ([\d.]+)/.exec(out);
    return match ? Number(match[1]) : null;
  } catch {
    return null;
  }
}

await call('PUT', '/customers/C1', { name: 'C', document: '52998224725' }, 201);
for (let i = 0; i < 50; i++) await call('PUT', `/receivables/W${i}`, título(i), 201);

const ceiling1 = await measure('ceiling: raw INSERT, 1 client', N, 1, insert);
const ceiling8 = await measure(`ceiling: raw INSERT, ${CLIENTS} clients`, N * 2, CLIENTS, insert);
const create1 = await measure('PUT título (creates, 201), 1 client', N, 1, (i) =>
  call('PUT', `/receivables/A${i}`, título(i), 201),
);
const create8 = await measure(`PUT título (creates, 201), ${CLIENTS} clients`, N, CLIENTS, (i) =>
  call('PUT', `/receivables/B${i}`, título(i), 201),
);
const repeat1 = await measure('PUT título (same body again, 200), 1 client', N, 1, (i) =>
  call('PUT', `/receivables/A${i}`, título(i), 200),
);
const batch = await measure(`POST /receivables/batch (1,000 creates each), 1 client`, BATCHES, 1, (b) =>
  call(
    'POST',
    '/receivables/batch',
    { items: Array.from({ length: 1000 }, (_, i) => ({ erpKey: `L${b}-${i}`, ...título(b * 1000 + i) })) },
    200,
  ),
);
const pgbench1 = pgbenchTps(1);
const pgbench8 = pgbenchTps(CLIENTS);

const rate = (row: Row, per = 1) => (row.count * per) / row.seconds;
const ms = (value?: number) => (value === undefined ? '' : value.toFixed(1));
const ratio = (row: Row, ceiling: Row, per = 1) => `${((100 * rate(row, per)) / rate(ceiling)).toFixed(1)} %`;

console.log(
  `\n${store.kind}, node ${process.version}, ${os.cpus()[0]?.model ?? 'cpu'} × ${os.cpus().length}`,
);
console.log(
  `load average at the end: ${os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}\n`,
);
console.log('| work | count | per second | p50 ms | p99 ms | ratio to the ceiling |');
console.log('| --- | ---: | ---: | ---: | ---: | ---: |');
const line = (row: Row, versus: string, per = 1) =>
  console.log(
    `| ${row.work} | ${row.count * per} | ${rate(row, per).toFixed(0)} | ${ms(row.p50)} | ${ms(row.p99)} | ${versus} |`,
  );
line(ceiling1, '—');
line(ceiling8, '—');
if (pgbench1 !== null)
  console.log(`| ceiling: pgbench, same INSERT, 1 client | | ${pgbench1.toFixed(0)} | | | — |`);
if (pgbench8 !== null)
  console.log(`| ceiling: pgbench, same INSERT, ${CLIENTS} clients | | ${pgbench8.toFixed(0)} | | | — |`);
line(create1, `${ratio(create1, ceiling1)} of 1 client`);
line(create8, `${ratio(create8, ceiling8)} of ${CLIENTS} clients`);
line(repeat1, `${ratio(repeat1, ceiling1)} of 1 client`);
line(batch, `${ratio(batch, ceiling8, 1000)} of ${CLIENTS} clients (títulos/s)`, 1000);

await app.close();
await jobs.stop();
await store.close();
await drop();
