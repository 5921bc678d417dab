/**
 * The credit platform on the demo, over real HTTP: the Supplier emulator served at /emulators/supplier by this
 * same installation, the seeded active integration of Demonstração Norte, a credit request decided through the
 * emulator's control route, and the day's events reconciled once however often the run is asked.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFinconsole, type RunningFinconsole } from '../../src/runtime.js';
import { createThrowawayDatabase, describeDatabase, testDatabaseUrl } from '../support/database.js';

describe(`Supplier on the demo (${describeDatabase()})`, () => {
  let running: RunningFinconsole;
  let drop: (() => Promise<void>) | undefined;
  let token: string;

  const call = async (method: string, path: string, body?: unknown, auth = true) => {
    const response = await fetch(`${running.url}${path}`, {
      method,
      headers: {
        ...(auth ? { authorization: `Bearer ${token}` } : {}),
        ...(body ? { 'content-type': 'application/json' } : {}),
      },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
    // Tests read bodies loosely; the assertions check their shape.
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    return { status: response.status, body: (await response.json()) as any };
  };

  beforeAll(async () => {
    const adminUrl = testDatabaseUrl();
    let databaseUrl: string | undefined;
    if (adminUrl) {
      const database = await createThrowawayDatabase(adminUrl);
      databaseUrl = database.url;
      drop = database.drop;
    }
    running = await startFinconsole({
      port: 0,
      host: '127.0.0.1',
      ...(databaseUrl ? { databaseUrl } : { dataDir: 'memory' }),
      seedDemo: true,
      worker: false,
      emulators: true,
      logLevel: 'silent',
    });
    token = running.seed!.apiTokens.find((t) => t.companyName.includes('Norte'))!.token;
    const customer = await call('PUT', '/api/v1/customers/CLI-SUP', {
      name: 'Distribuidora Rio Negro Ltda',
      document: '11.444.777/0001-61',
      phone: '92988887777',
    });
    expect([200, 201]).toContain(customer.status);
  });
  afterAll(async () => {
    await running?.close();
    await drop?.();
  });

  it('requests credit, the platform approves at its emulator, and term billing is released', async () => {
    const sent = await call('POST', '/api/v1/customers/CLI-SUP/credit-requests', {
      suggestedLimitCents: 200_000,
    });
    expect(sent.status).toBe(201);
    expect(sent.body).toMatchObject({ situation: 'processing', reason: null });
    const decided = await call(
      'POST',
      '/emulators/supplier/_control/analyses/11444777000161/decide',
      { approved: true, limitCents: 150_000 },
      false,
    );
    expect(decided.status).toBe(200);
    const credit = await call('GET', '/api/v1/customers/CLI-SUP/credit');
    expect(credit.body).toMatchObject({
      creditSituation: 'approved',
      customerSituation: 'active',
      approvedLimitCents: 150_000,
      termBilling: { status: 'released' },
    });
  });

  it('stores the day’s events once, an unknown invoice as Falha', async () => {
    const posted = await call(
      'POST',
      '/emulators/supplier/_control/events',
      [
        {
          entryId: 'DEMO-1',
          eventCode: 'IMPL',
          type: 'C',
          amountCents: 10_000,
          feeCents: 0,
          customerDocument: '11444777000161',
          invoiceNumber: '999999',
          invoiceSeries: '1',
          occurredOn: '2026-03-10',
        },
      ],
      false,
    );
    expect(posted.status).toBe(200);
    const runs = await Promise.all(
      [1, 2].map(() => call('POST', '/api/v1/jobs/supplier-reconciliation/run')),
    );
    expect(runs.map((r) => [r.status, r.body.error?.message])).toEqual([
      [200, undefined],
      [200, undefined],
    ]);
    const records = await call('GET', '/api/v1/reconciliation-records?entryId=DEMO-1');
    expect(records.body.total).toBe(1);
    expect(records.body.items[0]).toMatchObject({ eventCode: 'IMPL', situation: 'failed' });
    expect(records.body.items[0].reason).toContain('Título ERP não encontrado');
  });
});
