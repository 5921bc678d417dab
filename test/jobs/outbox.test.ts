import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  JOB_RECEIVABLE_CHANGED,
  registerWorkers,
  startJobQueue,
  type JobQueue,
} from '../../src/jobs/index.js';
import { createCompany, listHistory, upsertCustomer, upsertReceivable } from '../../src/store/index.js';
import { makeCnpj, makeCpf } from '../../src/domain/documents/index.js';
import { describeDatabase, openTestStore, type TestStore } from '../support/database.js';

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
    await queue?.stop();
    await t?.close();
  });

  const receivable = (number: string) => ({
    customerId,
    document: `DM-${number}`,
    number,
    issueDate: '2026-01-01',
    dueDate: '2026-02-01',
    amountCents: 1_000,
  });

  it('a rolled-back transaction leaves neither the row nor the job; a committed one runs the handler once', async () => {
    const before = await queue.countJobs(JOB_RECEIVABLE_CHANGED);
    await expect(
      t.store.transaction(async (tx) => {
        const { row } = await upsertReceivable(tx, {
          companyId,
          erpKey: 'ROLLBACK',
          data: receivable('1'),
          actor: 'test',
        });
        await queue.send(
          JOB_RECEIVABLE_CHANGED,
          { receivableId: row.id, companyId, change: 'created' },
          { tx },
        );
        throw new Error('falha depois de enfileirar');
      }),
    ).rejects.toThrow('falha depois de enfileirar');
    expect(await queue.countJobs(JOB_RECEIVABLE_CHANGED)).toBe(before);

    const { receivableId, jobId } = await t.store.transaction(async (tx) => {
      const { row } = await upsertReceivable(tx, {
        companyId,
        erpKey: 'COMMIT',
        data: receivable('2'),
        actor: 'test',
      });
      const id = await queue.send(
        JOB_RECEIVABLE_CHANGED,
        { receivableId: row.id, companyId, change: 'created' },
        { tx },
      );
      return { receivableId: row.id, jobId: id };
    });
    expect(jobId).toBeTruthy();
    expect(await queue.countJobs(JOB_RECEIVABLE_CHANGED)).toBe(before + 1);

    await registerWorkers(queue, { store: t.store });
    const handled = (
      await waitFor(
        () => listHistory(t.store.db, 'receivable', receivableId),
        (rows) => rows.some((row) => row.action === 'job.receivable.changed'),
      )
    ).filter((row) => row.action === 'job.receivable.changed');
    expect(handled).toHaveLength(1);
    expect(handled[0]?.after).toMatchObject({ change: 'created', jobId });
    const job = await waitFor(
      () => queue.getJob(JOB_RECEIVABLE_CHANGED, jobId!),
      (value) => value?.state === 'completed',
    );
    expect(job?.state).toBe('completed');
    // Give the worker more polling rounds: the job must not run a second time.
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    const after = await listHistory(t.store.db, 'receivable', receivableId);
    expect(after.filter((row) => row.action === 'job.receivable.changed')).toHaveLength(1);
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

  it('refuses a send without { tx } from inside store.transaction (it would escape the outbox)', async () => {
    await expect(
      t.store.transaction((_tx) =>
        queue.send(JOB_RECEIVABLE_CHANGED, { receivableId: 'x', companyId, change: 'x' }),
      ),
    ).rejects.toThrow(/sem \{ tx \}/);
  });

  it('refuses to enqueue into an undeclared queue inside a transaction (it would need the main connection)', async () => {
    await expect(t.store.transaction((tx) => queue.send('not.declared', {}, { tx }))).rejects.toThrow(
      /não declarada/,
    );
  });
});
