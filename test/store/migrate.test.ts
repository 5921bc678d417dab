import { afterAll, describe, expect, it } from 'vitest';
import {
  appliedMigrationCount,
  journalMigrationCount,
  openStore,
  type Store,
} from '../../src/store/connection.js';
import { countCompanies } from '../../src/store/companies.js';
import { createThrowawayDatabase, describeDatabase, testDatabaseUrl } from '../support/database.js';

const adminUrl = testDatabaseUrl();

describe(`migrations from an empty database (${describeDatabase()})`, () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
  });

  it('applies every journal migration once, and a second run changes nothing', async () => {
    let store: Store;
    if (adminUrl) {
      const database = await createThrowawayDatabase(adminUrl);
      cleanups.push(database.drop);
      store = await openStore({ databaseUrl: database.url, poolSize: 2 });
    } else {
      store = await openStore({ dataDir: 'memory' });
    }
    cleanups.push(() => store.close());
    expect(await appliedMigrationCount(store)).toBe(0);
    await store.migrate();
    expect(journalMigrationCount()).toBeGreaterThanOrEqual(2);
    expect(await appliedMigrationCount(store)).toBe(journalMigrationCount());
    expect(await countCompanies(store.db)).toBe(0);
    await store.migrate();
    expect(await appliedMigrationCount(store)).toBe(journalMigrationCount());
  });
});

describe.skipIf(!adminUrl)('concurrent migrate on PostgreSQL (set DATABASE_URL to run)', () => {
  it('six processes migrating the same empty database at once apply each migration exactly once', async () => {
    const database = await createThrowawayDatabase(adminUrl!);
    // Separate pools stand for separate processes: each has its own connections and its own migrate().
    const stores = await Promise.all(
      Array.from({ length: 6 }, () => openStore({ databaseUrl: database.url, poolSize: 2 })),
    );
    try {
      const results = await Promise.allSettled(stores.map((store) => store.migrate()));
      expect(results.map((result) => result.status)).toEqual(Array(6).fill('fulfilled'));
      expect(await appliedMigrationCount(stores[0]!)).toBe(journalMigrationCount());
      expect(await countCompanies(stores[0]!.db)).toBe(0);
    } finally {
      for (const store of stores) await store.close();
      await database.drop();
    }
  });
});
