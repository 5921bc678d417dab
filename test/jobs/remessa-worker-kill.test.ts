/**
 * A worker killed with SIGKILL mid-batch of a comunicação em lote against the Efí emulator over HTTP (latency,
 * injected 5xx, and requests carried out but answered after the client's timeout): the worker is a child
 * process; another process takes over the queue. Afterwards every título is registered exactly once at the
 * emulator (one charge per custom id) and the remessa records agree with it (charge id, amount, Enviado).
 * PGlite (a data directory on disk, one process at a time) or PostgreSQL (DATABASE_URL).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { and, eq, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEfiEmulator, type RunningEfiEmulator } from '../../src/platforms/efi/emulator/app.js';
import { startFinconsole, type RunningFinconsole, type StartOptions } from '../../src/runtime.js';
import { integrations, receivables, remessas } from '../../src/store/schema.js';
import { createThrowawayDatabase, describeDatabase, testDatabaseUrl } from '../support/database.js';

const TITULOS = 30;
const AMOUNT = (index: number) => 81_000 + index;
const repoRoot = resolve(import.meta.dirname, '..', '..');
/**
 * A dead worker's jobs come back once expired (10 s); a live attempt ends well before (timeout 1 s, latency
 * 150 ms). One job per fetch: the expiry counts from the fetch, so a long local batch could outlive it.
 */
const JOBS = {
  pollingIntervalSeconds: 0.5,
  batchSize: 1,
  expireInSeconds: 10,
  maintenanceIntervalSeconds: 1,
};
const PLATFORM_TIMEOUT_MS = 1_000;

const pause = (ms: number) => new Promise((done) => setTimeout(done, ms));
const saoPauloDate = (offsetDays: number) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Sao_Paulo' }).format(
    new Date(Date.now() + offsetDays * 86_400_000),
  );

describe(`remessa em lote: worker morto com SIGKILL no meio do lote (${describeDatabase()})`, () => {
  let emulator: RunningEfiEmulator;
  let database: { url: string; drop(): Promise<void> } | undefined;
  let dataDir: string | undefined;
  let running: RunningFinconsole | undefined;
  let child: ChildProcess | undefined;
  let sulId: string;

  const where = (): Pick<StartOptions, 'databaseUrl' | 'dataDir'> =>
    database ? { databaseUrl: database.url } : { dataDir: dataDir! };
  const ourCharges = async () => {
    const response = await fetch(`${emulator.url}/_control/charges`);
    const { charges } = (await response.json()) as {
      charges: { chargeId: number; customId: string | null; totalCents: number }[];
    };
    return charges.filter((charge) => charge.totalCents > 81_000 && charge.totalCents <= 81_000 + TITULOS);
  };

  beforeAll(async () => {
    emulator = await createEfiEmulator({ latencyMs: 150 });
    const adminUrl = testDatabaseUrl();
    if (adminUrl) database = await createThrowawayDatabase(adminUrl);
    else dataDir = mkdtempSync(join(tmpdir(), 'fc-worker-kill-'));

    // The demo, without worker: the lote is queued (outbox) and nothing runs yet.
    running = await startFinconsole({
      port: 0,
      host: '127.0.0.1',
      ...where(),
      seedDemo: true,
      worker: false,
      emulators: false,
      logLevel: 'silent',
    });
    await running.store.db
      .update(integrations)
      .set({ endpointUrl: emulator.url })
      .where(eq(integrations.platform, 'efi'));
    const sul = running.seed!.apiTokens.find((t) => t.companyName.includes('Sul'))!;
    const erp = async (method: string, path: string, body: unknown) =>
      (
        await fetch(`${running!.url}${path}`, {
          method,
          headers: { authorization: `Bearer ${sul.token}`, 'content-type': 'application/json' },
          body: JSON.stringify(body),
        })
      ).status;
    expect(
      await erp('PUT', '/api/v1/customers/KILL-CLI', {
        name: 'Cliente Kill Ltda',
        document: '11.444.777/0001-61',
        email: 'kill@example.com',
        phone: '+55 51 97777-1111',
      }),
    ).toBe(201);
    for (let index = 1; index <= TITULOS; index++)
      expect(
        await erp('PUT', `/api/v1/receivables/KILL-${index}`, {
          customerErpKey: 'KILL-CLI',
          document: 'PED-KILL',
          number: `KILL-${index}`,
          installment: 1,
          issueDate: saoPauloDate(0),
          dueDate: saoPauloDate(30),
          amountCents: AMOUNT(index),
          portadorErpKey: 'EFI',
        }),
      ).toBe(201);
    const login = await fetch(`${running.url}/api/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'admin@demo.finconsole', password: 'demo1234' }),
    });
    const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
    const session = (await login.json()) as { companies: { id: string; name: string }[] };
    sulId = session.companies.find((c) => c.name === sul.companyName)!.id;
    const portador = (await (
      await fetch(`${running.url}/api/remessas?companyId=${sulId}&q=KILL-1`, { headers: { cookie } })
    ).json()) as { items: { portadorId: string }[] };
    const started = await fetch(`${running.url}/api/remessas/bulk`, {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/json' },
      body: JSON.stringify({
        companyId: sulId,
        portadorId: portador.items[0]!.portadorId,
        onlyNotCommunicated: true,
        q: 'KILL-',
      }),
    });
    expect(started.status).toBe(201);
    expect(((await started.json()) as { total: number }).total).toBe(TITULOS);
    await running.close();
    running = undefined;
  }, 180_000);

  afterAll(async () => {
    child?.kill('SIGKILL');
    await running?.close();
    await emulator?.close();
    await database?.drop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it('registra cada título uma vez só na plataforma e os registros concordam com ela', async () => {
    // Faults for the worker about to die: two 5xx, then two requests carried out but answered after its timeout.
    Object.assign(emulator.emulator.faults, {
      failNext: 2,
      timeoutNext: 2,
      hangMs: PLATFORM_TIMEOUT_MS + 500,
    });
    child = spawn(
      process.execPath,
      ['--import', 'tsx', join(repoRoot, 'test/jobs/fixtures/worker-process.ts')],
      {
        cwd: repoRoot,
        env: {
          ...process.env,
          ...(database ? { FC_TEST_DATABASE_URL: database.url } : { FC_TEST_DATA_DIR: dataDir }),
          FC_TEST_JOBS: JSON.stringify(JOBS),
          FC_TEST_PLATFORM_TIMEOUT_MS: String(PLATFORM_TIMEOUT_MS),
        },
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    const exited = new Promise<NodeJS.Signals | null>((done) =>
      child!.on('exit', (_code, signal) => done(signal)),
    );
    // Mid-batch: some títulos registered at the platform, others not yet.
    const until = Date.now() + 120_000;
    while ((await ourCharges()).length < 8 && Date.now() < until) await pause(25);
    child.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');
    child = undefined;
    const atKill = (await ourCharges()).length;
    expect(atKill).toBeGreaterThanOrEqual(8);
    expect(atKill).toBeLessThan(TITULOS);

    // Another process takes over the queue: the killed worker's jobs come back once expired.
    Object.assign(emulator.emulator.faults, { failNext: 1, timeoutNext: 1 });
    running = await startFinconsole({
      port: 0,
      host: '127.0.0.1',
      ...where(),
      worker: true,
      emulators: false,
      logLevel: 'silent',
      jobs: JOBS,
      platformTimeoutMs: PLATFORM_TIMEOUT_MS,
    });
    const records = async () =>
      (
        await running!.store.db
          .select({ remessa: remessas, amountCents: receivables.amountCents })
          .from(remessas)
          .innerJoin(receivables, eq(receivables.id, remessas.receivableId))
          .where(and(eq(remessas.companyId, sulId), like(receivables.erpKey, 'KILL-%')))
      ).map((row) => ({ ...row.remessa, amountCents: row.amountCents }));
    const finishedBy = Date.now() + 180_000;
    let rows = await records();
    while (Date.now() < finishedBy && rows.filter((row) => row.status === 'sent').length < TITULOS) {
      await pause(500);
      rows = await records();
    }
    const ours = rows.filter((row) => row.status === 'sent');
    expect(ours).toHaveLength(TITULOS);

    const charges = await ourCharges();
    expect(charges).toHaveLength(TITULOS);
    const byCustomId = new Map(charges.map((charge) => [charge.customId, charge]));
    expect(byCustomId.size).toBe(TITULOS);
    for (const row of ours) {
      const charge = byCustomId.get(row.id);
      expect(charge, `remessa ${row.id} sem cobrança no emulador`).toBeDefined();
      expect(row.chargeId).toBe(String(charge!.chargeId));
      expect(charge!.totalCents).toBe(row.amountCents);
    }
  }, 300_000);
});
