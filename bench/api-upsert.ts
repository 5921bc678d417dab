/**
 * ERP API benchmark: `PUT /api/v1/receivables/:erpKey` through the whole HTTP stack (Fastify + zod validation +
 * service + store + outbox job) over Fastify's in-process injector, on in-memory PGlite, or on PostgreSQL when
 * DATABASE_URL is set (a throwaway database is created and dropped). Measures creations, idempotent repeats (same
 * body, no write) and console list pages.
 * Run: npx tsx bench/api-upsert.ts   (results go to docs/benchmarks.md)
 */
import { randomBytes } from 'node:crypto';
import os from 'node:os';
import pg from 'pg';
import { buildApp } from '../src/api/app.js';
import { makeCnpj } from '../src/domain/documents/index.js';
import { startJobQueue } from '../src/jobs/index.js';
import { createApiToken } from '../src/store/api-tokens.js';
import { createCompany } from '../src/store/companies.js';
import { createUser } from '../src/store/users.js';
import { openStore, type Store } from '../src/store/connection.js';
import { testPlatformDeps } from '../test/support/platforms.js';

const N = Number(process.env.BENCH_N ?? 1000);

async function open(): Promise<{ store: Store; drop(): Promise<void> }> {
  const url = process.env.DATABASE_URL;
  if (!url) {
    const store = await openStore({ dataDir: 'memory' });
    return { store, drop: async () => {} };
  }
  const name = `fc_bench_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const target = new URL(url);
  target.pathname = `/${name}`;
  const store = await openStore({ databaseUrl: target.toString() });
  return {
    store,
    async drop() {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    },
  };
}

const { store, drop } = await open();
await store.migrate();
const jobs = await startJobQueue(store);
const company = await createCompany(store.db, {
  name: 'Bench',
  cnpj: makeCnpj('555666770001'),
  kind: 'child',
});
await createUser(store.db, {
  email: 'b@bench',
  name: 'b',
  password: 'x',
  role: 'admin',
  homeCompanyId: company.id,
});
const { token } = await createApiToken(store.db, { companyId: company.id, name: 'bench' });
const app = await buildApp({ store, jobs, webRoot: '/nonexistent', platforms: testPlatformDeps() });
await app.ready();
const headers = { authorization: `Bearer ${token}` };

await app.inject({
  method: 'PUT',
  url: '/api/v1/customers/C1',
  headers,
  payload: { name: 'C', document: '52998224725' },
});
const body = (i: number) => ({
  customerErpKey: 'C1',
  document: `PED-${i}`,
  number: String(i),
  issueDate: '2026-01-01',
  dueDate: `2026-0${(i % 9) + 1}-15`,
  amountCents: 1000 + i,
});

async function timed(label: string, fn: (i: number) => Promise<void>): Promise<[string, number, number]> {
  const start = process.hrtime.bigint();
  for (let i = 0; i < N; i++) await fn(i);
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  return [label, ms, (N / ms) * 1000];
}

const rows = [
  await timed('PUT receivable (create, 201)', async (i) => {
    const r = await app.inject({
      method: 'PUT',
      url: `/api/v1/receivables/T${i}`,
      headers,
      payload: body(i),
    });
    if (r.statusCode !== 201) throw new Error(r.body);
  }),
  await timed('PUT receivable (same body, 200 no-op)', async (i) => {
    const r = await app.inject({
      method: 'PUT',
      url: `/api/v1/receivables/T${i}`,
      headers,
      payload: body(i),
    });
    if (r.statusCode !== 200) throw new Error(r.body);
  }),
  await timed('GET receivables page (pageSize 50)', async (i) => {
    const r = await app.inject({
      url: `/api/v1/receivables?page=${(i % 20) + 1}&pageSize=50&sort=dueDate`,
      headers,
    });
    if (r.statusCode !== 200) throw new Error(r.body);
  }),
];

console.log(`| operation (${N} sequential requests, ${store.kind}) | total ms | requests/s |`);
console.log('| --- | ---: | ---: |');
for (const [label, ms, rate] of rows) console.log(`| ${label} | ${ms.toFixed(0)} | ${rate.toFixed(0)} |`);
console.log(`\nnode ${process.version}, ${os.cpus()[0]?.model ?? 'cpu'} × ${os.cpus().length}`);

await app.close();
await jobs.stop();
await store.close();
await drop();
