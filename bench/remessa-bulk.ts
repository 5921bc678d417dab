/**
 * Remessa em lote benchmark: BENCH_N títulos (default 10,000) of one carteira registered at the Efí emulator over
 * HTTP with BENCH_LATENCY_MS (default 50) of latency per request, through the whole path — comunicação em lote
 * (one transaction queues every job), the outbox relay, pg-boss, `BENCH_CONCURRENCY` registration workers (default
 * 4, FINCONSOLE_JOB_CONCURRENCY's default), each job's two transactions, history and communication log — until the
 * last título is Enviado. Compared, in the same run, with:
 * - the bound the concurrency sets: N × latency ÷ concurrency (no work of ours at all);
 * - a one-at-a-time loop: the adapter's `register` called in sequence for BENCH_LOOP_SAMPLE títulos (default 300),
 *   extrapolated to N.
 * On in-memory PGlite, or PostgreSQL when DATABASE_URL is set (a throwaway database, dropped at the end).
 * Run: npx tsx bench/remessa-bulk.ts   (results go to docs/benchmarks.md)
 */
import os from 'node:os';
import { eq } from 'drizzle-orm';
import { registerWorkers } from '../src/jobs/index.js';
import { createEfiEmulator } from '../src/platforms/efi/emulator/app.js';
import { startFinconsole } from '../src/runtime.js';
import { startBulk } from '../src/services/bulk-communication.js';
import { openIntegration } from '../src/services/platform-gateway.js';
import { getIntegration } from '../src/store/integrations.js';
import { listRemessas } from '../src/store/remessa-list.js';
import { integrations } from '../src/store/schema.js';
import { createThrowawayDatabase } from '../test/support/database.js';

const N = Number(process.env.BENCH_N ?? 10_000);
const LATENCY_MS = Number(process.env.BENCH_LATENCY_MS ?? 50);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 4);
const LOOP_SAMPLE = Number(process.env.BENCH_LOOP_SAMPLE ?? 300);

const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Sao_Paulo' }).format(new Date());
const due = new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Sao_Paulo' }).format(
  new Date(Date.now() + 30 * 86_400_000),
);
const seconds = (ms: number) => (ms / 1000).toFixed(1);

const emulator = await createEfiEmulator({ latencyMs: LATENCY_MS });
const database = process.env.DATABASE_URL
  ? await createThrowawayDatabase(process.env.DATABASE_URL)
  : undefined;
const running = await startFinconsole({
  port: 0,
  host: '127.0.0.1',
  ...(database ? { databaseUrl: database.url } : { dataDir: 'memory' }),
  seedDemo: true,
  worker: false,
  emulators: false,
  logLevel: 'silent',
  jobs: { pollingIntervalSeconds: 0.5 },
});
try {
  const { store } = running;
  const [efi] = await store.db
    .update(integrations)
    .set({ endpointUrl: emulator.url })
    .where(eq(integrations.platform, 'efi'))
    .returning();
  const sul = running.seed!.apiTokens.find((t) => t.companyName.includes('Sul'))!;
  const erp = async (path: string, body: unknown) => {
    const response = await fetch(`${running.url}${path}`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${sul.token}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    if (response.status >= 300) throw new Error(`${path}: HTTP ${response.status} ${await response.text()}`);
  };
  await erp('/api/v1/customers/BENCH-CLI', {
    name: 'Cliente Benchmark Ltda',
    document: '11.444.777/0001-61',
    email: 'bench@example.com',
    phone: '+55 51 97777-1111',
  });
  const setupStarted = performance.now();
  for (let start = 1; start <= N; start += 16)
    await Promise.all(
      Array.from({ length: Math.min(16, N - start + 1) }, (_, offset) =>
        erp(`/api/v1/receivables/BENCH-${start + offset}`, {
          customerErpKey: 'BENCH-CLI',
          document: 'PED-BENCH',
          number: `BENCH-${start + offset}`,
          installment: 1,
          issueDate: today,
          dueDate: due,
          amountCents: 10_000 + start + offset,
          portadorErpKey: 'EFI',
        }),
      ),
    );
  console.error(`setup: ${N} títulos em ${seconds(performance.now() - setupStarted)} s`);

  // One-at-a-time loop: the adapter alone, in sequence.
  const integration = (await getIntegration(store.db, efi!.id))!;
  const { adapter } = openIntegration(running.platforms, integration);
  await adapter.register!({
    customId: 'loop-warmup',
    kind: 'boleto',
    description: 'aquecimento',
    amountCents: 1_000,
    issueDate: today,
    dueDate: due,
    payer: { name: 'Cliente Benchmark Ltda', document: '11444777000161', phone: '+5551977771111' },
  });
  const loopStarted = performance.now();
  for (let n = 0; n < LOOP_SAMPLE; n++)
    await adapter.register!({
      customId: `loop-${n}`,
      kind: 'boleto',
      description: `laço ${n}`,
      amountCents: 1_000 + n,
      issueDate: today,
      dueDate: due,
      payer: { name: 'Cliente Benchmark Ltda', document: '11444777000161', phone: '+5551977771111' },
    });
  const loopPerTitulo = (performance.now() - loopStarted) / LOOP_SAMPLE;

  // The comunicação em lote, then the workers.
  const bulkStarted = performance.now();
  const bulk = await startBulk(store, {
    companyId: integration.companyId,
    body: {
      companyId: integration.companyId,
      portadorId: integration.portadorId,
      onlyNotCommunicated: true,
      q: 'BENCH-',
    },
    actor: 'bench',
  });
  const queuedMs = performance.now() - bulkStarted;
  if (bulk.total !== N) throw new Error(`lote com ${bulk.total} títulos, esperados ${N}`);
  await registerWorkers(running.jobs, { store, ...running.platforms, platformConcurrency: CONCURRENCY });
  const sent = async () =>
    (
      await listRemessas(store.db, {
        companyIds: [integration.companyId],
        status: ['sent'],
        q: 'BENCH-',
        pageSize: 1,
      })
    ).total;
  for (let done = 0; done < N; done = await sent())
    await new Promise((resolve) => setTimeout(resolve, 2_000));
  const bulkMs = performance.now() - bulkStarted;
  const charges = (await (await fetch(`${emulator.url}/_control/charges`)).json()) as {
    charges: { customId: string | null }[];
  };
  const registered = charges.charges.filter((c) => c.customId && !c.customId.startsWith('loop')).length;

  const boundMs = (N * LATENCY_MS) / CONCURRENCY;
  const loopMs = loopPerTitulo * N;
  console.log(
    `Node ${process.version}, ${os.cpus()[0]?.model ?? 'cpu'} (${os.cpus().length} cores), ${running.database}, ` +
      `${N} títulos, latência ${LATENCY_MS} ms, concorrência ${CONCURRENCY}\n`,
  );
  console.log('| caminho | tempo (s) | títulos/s |');
  console.log('| --- | ---: | ---: |');
  console.log(
    `| comunicação em lote (enfileirar: ${seconds(queuedMs)} s) até o último Enviado | ${seconds(bulkMs)} | ${(N / (bulkMs / 1000)).toFixed(0)} |`,
  );
  console.log(
    `| limite da concorrência: N × latência ÷ ${CONCURRENCY} | ${seconds(boundMs)} | ${(N / (boundMs / 1000)).toFixed(0)} |`,
  );
  console.log(
    `| laço um a um (adaptador; ${LOOP_SAMPLE} medidos, extrapolado) | ${seconds(loopMs)} | ${(1000 / loopPerTitulo).toFixed(0)} |`,
  );
  console.log(`\ncobranças no emulador: ${registered} (uma por título)`);
} finally {
  await running.close();
  await emulator.close();
  await database?.drop();
}
