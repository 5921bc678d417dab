import pg from 'pg';
import { randomBytes } from 'node:crypto';
import { openStore, type Store } from '../../src/store/index.js';
export async function openTestStore(): Promise<{ store: Store; close(): Promise<void> }> {
  const url = process.env.DATABASE_URL;
  if (!url) {
    const store = await openStore({ dataDir: 'memory' });
    await store.migrate();
    return { store, close: () => store.close() };
  }
  const name = `fc_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const u = new URL(url);
  u.pathname = `/${name}`;
  const store = await openStore({ databaseUrl: u.toString() });
  await store.migrate();
  return {
    store,
    async close() {
      await store.close();
      const a = new pg.Client({ connectionString: url });
      await a.connect();
      await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await a.end();
    },
  };
}
