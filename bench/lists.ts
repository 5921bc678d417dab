/**
 * The Títulos list at scale over real HTTP: one company with BENCH_TITULOS títulos (default 1,000,000) over
 * BENCH_CUSTOMERS customers (default 50,000), generated in SQL; then the console list (first page + totals of the
 * filtered set) with each filter, sort and the text search, and the CSV export of 100,000 rows with the server's
 * memory sampled while it streams.
 *
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npx tsx bench/lists.ts   # throwaway database
 *   BENCH_TITULOS=100000 npx tsx bench/lists.ts                                         # in-memory PGlite
 *
 * Results and their reading go to docs/benchmarks.md.
 */
import os from 'node:os';
import { buildApp } from '../src/api/app.js';
import { makeCnpj } from '../src/domain/documents/index.js';
import { startJobQueue } from '../src/jobs/index.js';
import { createCompany } from '../src/store/companies.js';
import { createUser } from '../src/store/users.js';
import { testPlatformDeps } from '../test/support/platforms.js';
import { openBenchStore } from './support/store.js';

const TITULOS = Number(process.env.BENCH_TITULOS ?? 1_000_000);
const CUSTOMERS = Number(process.env.BENCH_CUSTOMERS ?? 50_000);
const REPEATS = Number(process.env.BENCH_REPEATS ?? 20);

const { store, drop } = await openBenchStore();
await store.migrate();
const jobs = await startJobQueue(store);
const company = await createCompany(store.db, {
  name: 'Bench',
  cnpj: makeCnpj('555666770001'),
  kind: 'child',
});
await createUser(store.db, {
  email: 'bench@example.com',
  name: 'Bench',
  password: 'senha-do-bench-123',
  role: 'admin',
  homeCompanyId: company.id,
});

const loadStart = performance.now();
await store.sql.executeSql(
  `INSERT INTO customers (company_id, erp_key, name, document)
   SELECT $1, 'C' || g, 'Cliente ' || md5(g::text), lpad(g::text, 11, '0') FROM generate_series(1, $2) g`,
  [company.id, CUSTOMERS],
);
await store.sql.executeSql(
  `INSERT INTO receivables (company_id, erp_key, customer_id, document, number, installment, issue_date, due_date,
                            amount_cents, open_amount_cents, invoice_number, status)
   SELECT $1, 'T' || g, c.id, 'PED-' || g, g::text, 1 + g % 6,
          date '2025-01-01' + (g % 700), date '2025-01-01' + (g % 700) + 30,
          1000 + g % 500000, CASE WHEN g % 3 = 0 THEN 0 ELSE 1000 + g % 500000 END, 'NF-' || (g / 3),
          (CASE WHEN g % 3 = 0 THEN 'paid' WHEN g % 3 = 1 THEN 'open' ELSE 'registered' END)::receivable_status
   FROM generate_series(1, $2) g JOIN customers c ON c.company_id = $1 AND c.erp_key = 'C' || (1 + g % $3)`,
  [company.id, TITULOS, CUSTOMERS],
);
await store.sql.executeSql('ANALYZE');
const loadSeconds = (performance.now() - loadStart) / 1000;

const app = await buildApp({ store, jobs, webRoot: '/nonexistent', platforms: testPlatformDeps() });
await app.listen({ host: '127.0.0.1', port: 0 });
const address = app.server.address();
const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/api`;
const login = await fetch(`${base}/session`, {
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ email: 'bench@example.com', password: 'senha-do-bench-123' }),
});
const cookie = login.headers.get('set-cookie')?.split(';')[0] ?? '';
const origin = `http://127.0.0.1`;

async function page(query: string): Promise<{ ms: number; total: number }> {
  const start = performance.now();
  const response = await fetch(`${base}/receivables?companyId=${company.id}&${query}`, {
    headers: { cookie, origin },
  });
  const body = (await response.json()) as { total: number };
  if (response.status !== 200) throw new Error(`${query}: ${response.status} ${JSON.stringify(body)}`);
  return { ms: performance.now() - start, total: body.total };
}

const queries: [string, string][] = [
  ['no filter, sort by due date', 'sort=dueDate'],
  ['status open, sort by amount desc', 'status=open&sort=amountCents&order=desc'],
  [
    'due date interval (one month), sort by customer',
    'dueFrom=2025-06-01&dueTo=2025-06-30&sort=customerName',
  ],
  ['overdue only', 'overdue=true'],
  ['search a título number', 'q=123456'],
  ['search a customer name fragment', 'q=abc12'],
  ['search a CPF fragment', 'q=00000012345'],
  ['page 200 of the unfiltered list', 'sort=dueDate&page=200'],
];

console.log(
  `\n${store.kind}, ${TITULOS} títulos / ${CUSTOMERS} customers loaded in ${loadSeconds.toFixed(1)} s`,
);
console.log(`node ${process.version}, ${os.cpus()[0]?.model ?? 'cpu'} × ${os.cpus().length}\n`);
console.log(`| console list, first page + totals (${REPEATS} requests each) | matches | p50 ms | p95 ms |`);
console.log('| --- | ---: | ---: | ---: |');
for (const [label, query] of queries) {
  await page(query);
  const times: number[] = [];
  let total = 0;
  for (let i = 0; i < REPEATS; i++) {
    const result = await page(query);
    times.push(result.ms);
    total = result.total;
  }
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))]!.toFixed(0);
  console.log(`| ${label} | ${total} | ${at(0.5)} | ${at(0.95)} |`);
}

const exportRows = Math.min(100_000, TITULOS);
const heapBefore = process.memoryUsage().rss;
let peak = heapBefore;
const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
const exportStart = performance.now();
const response = await fetch(
  `${base}/receivables/export.csv?companyId=${company.id}&sort=dueDate&dueTo=2025-04-10`,
  { headers: { cookie, origin } },
);
let lines = 0;
const decoder = new TextDecoder();
for await (const part of response.body as unknown as AsyncIterable<Uint8Array>)
  lines += decoder.decode(part, { stream: true }).split('\n').length - 1;
clearInterval(sampler);
console.log(
  `\nCSV export: ${lines - 1} rows (filter sized to about ${exportRows}) in ${((performance.now() - exportStart) / 1000).toFixed(1)} s, ` +
    `process RSS ${(heapBefore / 2 ** 20).toFixed(0)} MB before, peak ${(peak / 2 ** 20).toFixed(0)} MB while streaming`,
);

await app.close();
await jobs.stop();
await store.close();
await drop();
