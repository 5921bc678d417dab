/**
 * Opening the database: PGlite (embedded, one process) by default, PostgreSQL when a URL is given.
 * Both go through drizzle and apply the same generated migrations (src/store/migrations/).
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite, type Transaction as PGliteTransaction } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import type { ExtractTablesWithRelations } from 'drizzle-orm';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import pg from 'pg';
import { describeConnectionError } from './connection-errors.js';
import * as schema from './schema.js';

export type Schema = typeof schema;
type Relations = ExtractTablesWithRelations<Schema>;

/** The drizzle database (same query API on both engines). */
export type Database = PgDatabase<PgQueryResultHKT, Schema, Relations>;
/** An open transaction, as handed to `store.transaction(fn)`. */
export type Tx = PgTransaction<PgQueryResultHKT, Schema, Relations>;
/** What every repository function takes: the database itself or an open transaction. */
export type Executor = Database | Tx;

/** The statement runner pg-boss accepts as `db` (and our raw SQL hook for jobs). */
export interface SqlAdapter {
  executeSql(text: string, values?: unknown[]): Promise<{ rows: any[] }>; // eslint-disable-line @typescript-eslint/no-explicit-any
}

export interface Store {
  kind: 'pglite' | 'postgres';
  db: Database;
  /** Runs fn in one transaction; commits when it resolves, rolls back when it throws. */
  transaction<T>(fn: (tx: Tx) => Promise<T>): Promise<T>;
  /** Applies pending migrations (under a PostgreSQL advisory lock, so concurrent processes migrate once). */
  migrate(): Promise<void>;
  /** Runs statements on the store's own connection(s) — used by the job queue on the main connection. */
  sql: SqlAdapter;
  /** The PostgreSQL connection string when kind = 'postgres'. */
  databaseUrl?: string;
  close(): Promise<void>;
}

export interface OpenStoreOptions {
  /** postgres://…; absent = PGlite. */
  databaseUrl?: string;
  /** PGlite data directory, or 'memory' for an in-memory database. Default: env FINCONSOLE_DATA_DIR or ./data. */
  dataDir?: string;
  /** pg pool size (PostgreSQL only). */
  poolSize?: number;
  /** How long to wait for a free connection, ms (PostgreSQL only; default 10 s). */
  poolWaitMs?: number;
  /** statement_timeout of the connections, ms; 0 = none (PostgreSQL only; default none). */
  statementTimeoutMs?: number;
  /** PGlite only: start from a dump made with `dumpPglite` (skips initdb; used by tests). */
  loadDataDir?: Blob;
}

export const MIGRATIONS_FOLDER = fileURLToPath(new URL('./migrations', import.meta.url));

/** PostgreSQL extensions the migrations create (PGlite loads each from its own bundle). */
const extensions = { pg_trgm };

/** Key of the advisory lock held while migrating (arbitrary constant, "finconsole" in ASCII-ish digits). */
const MIGRATION_LOCK_KEY = 7_310_202_611;

/** The transaction opened by store.transaction() in the current async context (see currentTransaction). */
const activeTransaction = new AsyncLocalStorage<Tx>();

/**
 * The transaction that `store.transaction(fn)` opened around the calling code, if any. Used to catch work that
 * would bypass it (on PGlite, a statement outside the open transaction waits for it forever).
 */
export function currentTransaction(): Tx | undefined {
  const tx = activeTransaction.getStore();
  // Async work started inside a transaction keeps its context after the commit: only a still-open one counts.
  return tx && openTransactions.has(tx) ? tx : undefined;
}

const openTransactions = new WeakSet<object>();

/** Callbacks to run after a transaction commits (see afterCommit). */
const commitCallbacks = new WeakMap<object, (() => void)[]>();

/**
 * Runs `callback` once the transaction opened by `store.transaction()` commits (never when it rolls back). Errors
 * of the callback are swallowed: the commit already happened. Used e.g. to wake local job workers.
 */
export function afterCommit(tx: Tx, callback: () => void): void {
  const callbacks = commitCallbacks.get(tx);
  if (!callbacks) throw new Error('transação desconhecida: use store.transaction(fn) para abrir a transação');
  callbacks.push(callback);
}

async function runTransaction<T>(
  db: Database,
  fn: (tx: Tx) => Promise<T>,
  adapterOf: (tx: Tx) => SqlAdapter,
): Promise<T> {
  const callbacks: (() => void)[] = [];
  const result = await db.transaction(async (tx) => {
    txAdapters.set(tx, adapterOf(tx));
    commitCallbacks.set(tx, callbacks);
    openTransactions.add(tx);
    try {
      return await activeTransaction.run(tx, () => fn(tx));
    } finally {
      openTransactions.delete(tx);
    }
  });
  for (const callback of callbacks) {
    try {
      callback();
    } catch {
      // the transaction is committed; a failing notification must not turn it into an error
    }
  }
  return result;
}

/** Raw clients behind drizzle transactions, so jobs can enqueue inside them (see txSqlAdapter). */
const txAdapters = new WeakMap<object, SqlAdapter>();

/** The SQL runner of an open transaction: statements run inside it (transactional outbox). */
export function txSqlAdapter(tx: Tx): SqlAdapter {
  const adapter = txAdapters.get(tx);
  if (!adapter) throw new Error('transação desconhecida: use store.transaction(fn) para abrir a transação');
  return adapter;
}

function pgliteAdapter(client: PGlite | PGliteTransaction): SqlAdapter {
  return {
    async executeSql(text, values) {
      if (values && values.length > 0) {
        const result = await client.query(text, values);
        return { rows: result.rows };
      }
      // Parameter-less statements may be multi-statement blocks (pg-boss schema plans).
      const results = await client.exec(text);
      return { rows: results.at(-1)?.rows ?? [] };
    },
  };
}

function pgAdapter(client: pg.Pool | pg.PoolClient): SqlAdapter {
  return {
    async executeSql(text, values) {
      const result = await client.query(text, values as unknown[] | undefined);
      // A multi-statement text returns an array of results.
      if (Array.isArray(result)) return { rows: (result as pg.QueryResult[]).at(-1)?.rows ?? [] };
      return { rows: result.rows };
    },
  };
}

/** The session client drizzle keeps inside a transaction object (PGlite Transaction or pg PoolClient). */
function sessionClient(tx: Tx): unknown {
  return (tx as unknown as { session: { client: unknown } }).session.client;
}

const pgliteClients = new WeakMap<Database, PGlite>();

/** A tarball of an open PGlite store's data directory (to reopen it fast with `loadDataDir`). */
export async function dumpPglite(store: Store): Promise<Blob> {
  const client = pgliteClients.get(store.db);
  if (!client) throw new Error('dumpPglite: o store não é PGlite');
  return client.dumpDataDir('none');
}

/**
 * Claims a PGlite data directory for this process (lock file with the pid). PGlite has no guard of its own and two
 * processes on one directory corrupt it, so a second process gets a pt-BR error instead. A lock left by a process
 * that no longer exists is taken over. Returns the release function.
 */
export function lockDataDir(dir: string): () => void {
  const file = join(dir, '.finconsole.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(file, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return () => rmSync(file, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const pid = Number(readFileSync(file, 'utf8').trim());
      if (Number.isInteger(pid) && pid > 0 && processAlive(pid))
        throw new Error(
          `a pasta de dados ${dir} já está aberta pelo processo ${pid}: o modo embutido (PGlite) aceita um processo só; ` +
            'para vários processos use PostgreSQL (DATABASE_URL)',
        );
      rmSync(file, { force: true }); // stale lock
    }
  }
  throw new Error(`não foi possível travar a pasta de dados ${dir}`);
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export function defaultDataDir(): string {
  return process.env.FINCONSOLE_DATA_DIR || './data';
}

export async function openStore(options: OpenStoreOptions = {}): Promise<Store> {
  if (options.databaseUrl) return openPostgres(options.databaseUrl, options);
  return openPglite(options.dataDir ?? defaultDataDir(), options.loadDataDir);
}

async function openPglite(dataDir: string, loadDataDir?: Blob): Promise<Store> {
  let client: PGlite;
  let releaseLock = () => {};
  if (dataDir === 'memory') {
    client = await PGlite.create(loadDataDir ? { loadDataDir, extensions } : { extensions });
  } else {
    const dir = resolve(dataDir);
    mkdirSync(dir, { recursive: true });
    const release = lockDataDir(dir);
    try {
      client = await PGlite.create({ dataDir: dir, extensions });
    } catch (error) {
      release();
      throw error;
    }
    releaseLock = release;
  }
  const db = drizzlePglite(client, { schema }) as unknown as Database;
  let closed = false;
  pgliteClients.set(db, client);
  return {
    kind: 'pglite',
    db,
    sql: pgliteAdapter(client),
    async transaction(fn) {
      return runTransaction(db, fn, (tx) => pgliteAdapter(sessionClient(tx) as PGliteTransaction));
    },
    async migrate() {
      // One process owns a PGlite directory, so there is nobody to race with.
      await migratePglite(db as unknown as Parameters<typeof migratePglite>[0], {
        migrationsFolder: MIGRATIONS_FOLDER,
      });
    },
    async close() {
      if (closed) return;
      closed = true;
      try {
        await client.close();
      } finally {
        releaseLock();
      }
    },
  };
}

async function openPostgres(databaseUrl: string, options: OpenStoreOptions): Promise<Store> {
  const pool = new pg.Pool({
    connectionString: databaseUrl,
    max: options.poolSize ?? 10,
    connectionTimeoutMillis: options.poolWaitMs ?? 10_000,
    ...(options.statementTimeoutMs ? { statement_timeout: options.statementTimeoutMs } : {}),
    application_name: 'finconsole',
  });
  // An idle client losing its connection must not crash the process; the pool replaces it.
  pool.on('error', () => {});
  try {
    await pool.query('select 1');
  } catch (error) {
    await pool.end().catch(() => {});
    throw describeConnectionError(error, databaseUrl);
  }
  const db = drizzlePg(pool, { schema }) as unknown as Database;
  let closed = false;
  return {
    kind: 'postgres',
    db,
    sql: pgAdapter(pool),
    databaseUrl,
    async transaction(fn) {
      return runTransaction(db, fn, (tx) => pgAdapter(sessionClient(tx) as pg.PoolClient));
    },
    async migrate() {
      // drizzle's migrate() takes no lock: hold a session advisory lock on one connection while it runs there,
      // so processes starting together apply each migration once (the others wait, then find nothing to do).
      const client = await pool.connect();
      try {
        await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
        try {
          await migratePg(drizzlePg(client, { schema }), { migrationsFolder: MIGRATIONS_FOLDER });
        } finally {
          await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]);
        }
      } finally {
        client.release();
      }
    },
    async close() {
      if (closed) return;
      closed = true;
      await pool.end();
    },
  };
}

/** How many migrations the journal lists (src/store/migrations/meta/_journal.json). */
export function journalMigrationCount(): number {
  const journal = JSON.parse(readFileSync(resolve(MIGRATIONS_FOLDER, 'meta', '_journal.json'), 'utf8')) as {
    entries: unknown[];
  };
  return journal.entries.length;
}

/** How many migrations were applied to this database (0 when it was never migrated). */
export async function appliedMigrationCount(store: Store): Promise<number> {
  const { rows } = await store.sql.executeSql(
    "SELECT CASE WHEN to_regclass('drizzle.__drizzle_migrations') IS NULL THEN 0 ELSE 1 END AS present",
    [],
  );
  if (Number(rows[0]?.present) === 0) return 0;
  const result = await store.sql.executeSql(
    'SELECT count(*)::int AS n FROM drizzle.__drizzle_migrations',
    [],
  );
  return Number(result.rows[0]?.n ?? 0);
}
