/**
 * The store: one schema, one set of migrations and one query layer over PGlite (embedded) or PostgreSQL.
 * Every repository function takes an `Executor` first: `store.db`, or the `tx` of `store.transaction(fn)`.
 */
export {
  openStore,
  txSqlAdapter,
  currentTransaction,
  afterCommit,
  lockDataDir,
  dumpPglite,
  journalMigrationCount,
  appliedMigrationCount,
  defaultDataDir,
  MIGRATIONS_FOLDER,
  type Store,
  type OpenStoreOptions,
  type Database,
  type Tx,
  type Executor,
  type SqlAdapter,
  type Schema,
} from './connection.js';
export * as schema from './schema.js';
export { hashPassword, verifyPassword } from './passwords.js';
export { hashToken, normalizePage, MAX_PAGE_SIZE, DEFAULT_PAGE_SIZE, type Page } from './util.js';
export * from './companies.js';
export * from './users.js';
export * from './sessions.js';
export * from './api-tokens.js';
export * from './customers.js';
export * from './banking.js';
export * from './receivables.js';
export * from './movements.js';
export * from './history.js';
export * from './idempotency.js';
export { seedDemo, isDatabaseEmpty, DEMO_PASSWORD, type SeedDemoResult } from './seed-demo.js';
