import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerWorkers, startJobQueue, type JobQueue } from '../../src/jobs/index.js';
import { announceReceivable } from '../../src/services/events.js';
import { enqueueJob, listEvents } from '../../src/store/outbox.js';
import { createCompany } from '../../src/store/companies.js';
import { upsertCustomer } from '../../src/store/customers.js';
import { upsertReceivable } from '../../src/store/receivables.js';
import { makeCnpj, makeCpf } from '../../src/domain/documents/index.js';
import { describeDatabase, openTestStore, type TestStore } from '../support/database.js';
import { testPlatformDeps } from '../support/platforms.js';
import { within } from '../support/within.js';

async function waitFor<T>(
  read: () => Promise<T>,
  done: (value: T) => boolean,
  timeoutMs = 20_000,
): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > until) return value;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

describe(`transactional outbox with pg-boss (${describeDatabase()})`, () => {
  let t: TestStore;
  let queue: JobQueue;
  let companyId: string;
  let customerId: string;

  beforeAll(async () => {
    t = await openTestStore();
    queue = await startJobQueue(t.store, { pollingIntervalSeconds: 0.5 });
    companyId = (
      await createCompany(t.store.db, { name: 'Empresa', cnpj: makeCnpj('500000000001'), kind: 'child' })
    ).id;
    customerId = (
      await upsertCustomer(t.store.db, {
        companyId,
        erpKey: 'C',
        data: { name: 'Cliente', document: makeCpf('123123123') },
        actor: 'test',
      })
    ).row.id;
  });
  afterAll(async () => {
    try {
      await within(15_000, 'parar a fila', queue?.stop() ?? Promise.resolve());
    } finally {
      await t?.close();
    }
  });

  const receivable = (number: string) => ({
    customerId,
    document: `DM-${number}`,
    number,
    issueDate: '2026-01-01',
    dueDate: '2026-02-01',
    amountCents: 1_000,
  });

  it('a rolled-back transaction leaves neither the row, its event nor the job; a committed one is relayed and handled once', async () => {
    await queue.createQueue('test.echo');
    const handled: { receivableId: string; outboxId: number }[] = [];
    await queue.work<{ receivableId: string; outboxId: number }>('test.echo', async (data) => {
      handled.push(data);
    });
    const relay = await registerWorkers(queue, { store: t.store, ...testPlatformDeps() });
    const pendingJobs = () => queue.countJobs('test.echo');
    const before = await pendingJobs();
    await expect(
      t.store.transaction(async (tx) => {
        const { row } = await upsertReceivable(tx, {
          announce: announceReceivable,
          companyId,
          erpKey: 'ROLLBACK',
          data: receivable('1'),
          actor: 'test',
        });
        await enqueueJob(tx, {
          name: 'test.echo',
          payload: { receivableId: row.id },
          dedupeKey: 'echo:rollback',
        });
        throw new Error('falha depois de enfileirar');
      }),
    ).rejects.toThrow('falha depois de enfileirar');
    await relay.drain();
    expect(await pendingJobs()).toBe(before);
    expect(await listEvents(t.store.db, { companyId })).toEqual([]);

    const receivableId = await t.store.transaction(async (tx) => {
      const { row } = await upsertReceivable(tx, {
        announce: announceReceivable,
        companyId,
        erpKey: 'COMMIT',
        data: receivable('2'),
        actor: 'test',
      });
      await enqueueJob(tx, {
        name: 'test.echo',
        payload: { receivableId: row.id },
        dedupeKey: 'echo:commit',
      });
      // The same key again in another call adds nothing.
      expect(
        await enqueueJob(tx, {
          name: 'test.echo',
          payload: { receivableId: row.id },
          dedupeKey: 'echo:commit',
        }),
      ).toBeNull();
      return row.id;
    });
    expect((await listEvents(t.store.db, { companyId })).map((e) => [e.name, e.subjectId])).toEqual([
      ['titulo.created', receivableId],
    ]);
    await waitFor(
      async () => handled.length,
      (count) => count >= 1,
    );
    // Relaying again (another process, a poll) must not hand the same row over twice.
    await relay.drain();
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(handled.map((h) => h.receivableId)).toEqual([receivableId]);
  });

  it('a failing job is retried alone; the rest of its batch completes once', async () => {
    await queue.createQueue('test.retry');
    const calls: number[] = [];
    let failed = false;
    await queue.work<{ n: number }>('test.retry', async ({ n }) => {
      calls.push(n);
      if (n === 2 && !failed) {
        failed = true;
        throw new Error('falha transitória');
      }
    });
    for (let n = 0; n < 5; n++) await queue.send('test.retry', { n }, { retryLimit: 3, retryDelay: 0 });
    await waitFor(
      async () => calls.length,
      (count) => count >= 6,
    );
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect([...calls].sort()).toEqual([0, 1, 2, 2, 3, 4]);
  });

  it('refuses to enqueue into an undeclared queue inside a transaction (it would need the main connection)', async () => {
    await expect(t.store.transaction((tx) => queue.send('not.declared', {}, { tx }))).rejects.toThrow(
      /não declarada/,
    );
  });

  // Last in the file: without the refusal, PGlite's single connection waits for the open transaction, which waits
  // for the send — so the test fails after 5 s instead of hanging, and nothing after it needs the database.
  it('refuses a send without { tx } from inside store.transaction (it would escape the outbox), within 5 s', async () => {
    await expect(
      within(
        5_000,
        'enfileirar fora da transação',
        t.store.transaction((_tx) => queue.send('test.echo', { receivableId: 'x' })),
      ),
    ).rejects.toThrow(/sem \{ tx \}/);
  });
});
