/**
 * A fresh, migrated store per test file.
 * - DATABASE_URL unset: in-memory PGlite. initdb is slow (seconds), so the first file builds a migrated template
 *   once (a data-dir tarball in the OS temp dir, keyed by the migrations' content) and every store loads it.
 * - DATABASE_URL set (postgres://…): CREATE DATABASE fc_test_<random> on that server, migrate it, and DROP it on
 *   close(). Nothing else on the server is touched.
 */
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { dumpPglite, MIGRATIONS_FOLDER, openStore, type Store } from '../../src/store/connection.js';
import { within } from './within.js';

export interface TestStore {
  store: Store;
  /** The throwaway database's URL (PostgreSQL only). */
  databaseUrl?: string;
  close(): Promise<void>;
}

export function testDatabaseUrl(): string | undefined {
  return process.env.DATABASE_URL || undefined;
}

export function describeDatabase(): string {
  return testDatabaseUrl() ? 'postgres' : 'pglite';
}

const PGLITE_PACKAGE_JSON = fileURLToPath(
  new URL('../../node_modules/@electric-sql/pglite/package.json', import.meta.url),
);

function migrationsKey(): string {
  const hash = createHash('sha256');
  // A template made by another PGlite version may not load: the version is part of the key.
  hash.update(readFileSync(PGLITE_PACKAGE_JSON));
  for (const name of readdirSync(MIGRATIONS_FOLDER).sort()) {
    if (name.endsWith('.sql')) hash.update(name).update(readFileSync(join(MIGRATIONS_FOLDER, name)));
  }
  hash.update(readFileSync(join(MIGRATIONS_FOLDER, 'meta', '_journal.json')));
  return hash.digest('hex').slice(0, 16);
}

async function pgliteTemplate(): Promise<Blob> {
  const file = join(tmpdir(), `finconsole-test-pglite-${migrationsKey()}.tar`);
  if (existsSync(file)) return new Blob([readFileSync(file)]);
  const store = await openStore({ dataDir: 'memory' });
  try {
    await store.migrate();
    const dump = await dumpPglite(store);
    const partial = `${file}.${process.pid}.${randomBytes(4).toString('hex')}`;
    writeFileSync(partial, Buffer.from(await dump.arrayBuffer()));
    renameSync(partial, file); // atomic: concurrent builders each write their own file
    return dump;
  } finally {
    await store.close();
  }
}

/** Replaces the database name in a postgres:// URL. */
export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

/** Creates an empty throwaway database on the DATABASE_URL server; returns its URL and a drop function. */
export async function createThrowawayDatabase(
  adminUrl: string,
): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `fc_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  return {
    url: withDatabase(adminUrl, name),
    async drop() {
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      try {
        await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await client.end();
      }
    },
  };
}

/** How long close() may take; a store stuck on an open transaction would otherwise hold afterAll forever. */
const CLOSE_LIMIT_MS = 10_000;

/** A fresh migrated store (see the file comment). Call close() in afterAll. */
export async function openTestStore(): Promise<TestStore> {
  const adminUrl = testDatabaseUrl();
  if (!adminUrl) {
    const store = await openStore({ dataDir: 'memory', loadDataDir: await pgliteTemplate() });
    await store.migrate(); // no-op on the template; applies migrations newer than it
    return { store, close: () => within(CLOSE_LIMIT_MS, 'fechar o PGlite', store.close()) };
  }
  const database = await createThrowawayDatabase(adminUrl);
  let store: Store | undefined;
  try {
    store = await openStore({ databaseUrl: database.url, poolSize: 5 });
    await store.migrate();
  } catch (error) {
    await store?.close();
    await database.drop();
    throw error;
  }
  const opened = store;
  return {
    store: opened,
    databaseUrl: database.url,
    async close() {
      await within(CLOSE_LIMIT_MS, 'fechar o pool do PostgreSQL', opened.close());
      await database.drop();
    },
  };
}
