import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startJobQueue, type JobQueue } from '../../src/jobs/index.js';
import { openStore, type Store } from '../../src/store/connection.js';
import { openTestStore, testDatabaseUrl, type TestStore } from '../support/database.js';

const adminUrl = testDatabaseUrl();

describe.skipIf(!adminUrl)(
  'several worker processes on PostgreSQL share the work (set DATABASE_URL to run)',
  () => {
    let t: TestStore;
    const stores: Store[] = [];
    const queues: JobQueue[] = [];

    beforeAll(async () => {
      t = await openTestStore();
      // Three "processes": each its own pool and its own pg-boss, against the same database.
      for (let i = 0; i < 3; i++) {
        const store = await openStore({ databaseUrl: t.databaseUrl!, poolSize: 3 });
        stores.push(store);
        queues.push(await startJobQueue(store, { pollingIntervalSeconds: 0.5 }));
      }
    });
    afterAll(async () => {
      for (const queue of queues) await queue.stop();
      for (const store of stores) await store.close();
      await t?.close();
    });

    it('runs each of 30 jobs exactly once across three worker processes', async () => {
      const seen: { worker: number; n: number }[] = [];
      await queues[0]!.createQueue('test.share');
      for (const [worker, queue] of queues.entries()) {
        await queue.work<{ n: number }>('test.share', async (data) => {
          seen.push({ worker, n: data.n });
          await new Promise((resolve) => setTimeout(resolve, 20));
        });
      }
      for (let n = 0; n < 30; n++) await queues[n % 3]!.send('test.share', { n });
      const until = Date.now() + 30_000;
      while (seen.length < 30 && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, 200));
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      expect(seen.map((s) => s.n).sort((a, b) => a - b)).toEqual(Array.from({ length: 30 }, (_, n) => n));
    });
  },
);
