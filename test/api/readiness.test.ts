/**
 * `/readyz` (issue 14, "Operations"): ready when the database and the job queue answer and every migration of
 * src/store/migrations is applied; 503 naming what is not. Real app, real store, real pg-boss.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { journalMigrationCount } from '../../src/store/connection.js';
import { json, startHarness, type Harness } from './harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

describe('GET /readyz', () => {
  it('is 200 with every check ok on a migrated database with a running queue', async () => {
    const response = await h.app.inject({ url: '/readyz' });
    expect(response.statusCode).toBe(200);
    expect(json(response)).toEqual({
      status: 'ok',
      checks: { database: { ok: true }, queue: { ok: true }, migrations: { ok: true } },
    });
  });

  it('is 503 naming the migrations when the database lacks one', async () => {
    const { rows } = await h.store.sql.executeSql(
      'delete from drizzle.__drizzle_migrations where id = (select max(id) from drizzle.__drizzle_migrations) ' +
        'returning id, hash, created_at',
      [],
    );
    const removed = rows[0] as { id: number; hash: string; created_at: string };
    const response = await h.app.inject({ url: '/readyz' });
    expect(response.statusCode).toBe(503);
    const known = journalMigrationCount();
    expect(json(response).checks.migrations).toEqual({
      ok: false,
      message: `${known - 1} de ${known} migrações aplicadas: rode finconsole migrate (ou reinicie o serve)`,
    });
    await h.store.sql.executeSql(
      'insert into drizzle.__drizzle_migrations (id, hash, created_at) values ($1, $2, $3)',
      [removed.id, removed.hash, removed.created_at],
    );
    expect((await h.app.inject({ url: '/readyz' })).statusCode).toBe(200);
  });

  it('is 503 naming the queue when it is stopped', async () => {
    await h.jobs.stop();
    const response = await h.app.inject({ url: '/readyz' });
    expect(response.statusCode).toBe(503);
    expect(json(response)).toMatchObject({
      status: 'error',
      checks: { database: { ok: true }, queue: { ok: false, message: 'a fila de jobs não está ativa' } },
    });
  });
});
