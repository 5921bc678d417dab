/**
 * The database a benchmark runs on: a throwaway PostgreSQL database created beside DATABASE_URL's (dropped at the
 * end), or in-memory PGlite when DATABASE_URL is not set.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openStore, type Store } from '../../src/store/connection.js';

export async function openBenchStore(): Promise<{
  store: Store;
  /** The throwaway database's URL (PostgreSQL only). */
  databaseUrl?: string;
  drop(): Promise<void>;
}> {
  const url = process.env.DATABASE_URL;
  if (!url) return { store: await openStore({ dataDir: 'memory' }), drop: async () => {} };
  const name = `fc_bench_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const target = new URL(url);
  target.pathname = `/${name}`;
  const databaseUrl = target.toString();
  return {
    store: await openStore({ databaseUrl }),
    databaseUrl,
    async drop() {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    },
  };
}
