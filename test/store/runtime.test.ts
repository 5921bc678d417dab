import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFinconsole, type RunningFinconsole } from '../../src/runtime.js';
import { createThrowawayDatabase, describeDatabase, testDatabaseUrl } from '../support/database.js';

describe(`startFinconsole (${describeDatabase()})`, () => {
  let running: RunningFinconsole;
  let drop: (() => Promise<void>) | undefined;

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
      worker: true,
      logLevel: 'silent',
    });
  });
  afterAll(async () => {
    await running?.close();
    await drop?.();
  });

  it('listens on a random port and answers /healthz with the database kind', async () => {
    expect(running.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(running.url).not.toMatch(/:0$/);
    const response = await fetch(`${running.url}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok', database: describeDatabase() });
    expect(running.database).toBe(describeDatabase());
  });

  it('seeded the demo data, and a seeded API token reaches the ERP API', async () => {
    expect(running.seed?.seeded).toBe(true);
    const token = running.seed!.apiTokens[0]!;
    const response = await fetch(`${running.url}/api/v1/receivables?pageSize=5`, {
      headers: { authorization: `Bearer ${token.token}` },
    });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { total: number; items: { companyId: string }[] };
    expect(body.total).toBe(100);
    expect(body.items.every((item) => item.companyId === token.companyId)).toBe(true);
  });
});
