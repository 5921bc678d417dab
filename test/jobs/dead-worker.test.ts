/**
 * A worker killed with SIGKILL while it holds a job: the job expires and another process runs it, in seconds (the
 * production settings bring it under a minute). PostgreSQL only: it takes two processes on one database.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_JOB_EXPIRE_SECONDS, DEFAULT_MAINTENANCE_INTERVAL_SECONDS } from '../../src/jobs/queue.js';
import { startJobQueue, type JobQueue } from '../../src/jobs/index.js';
import { openStore, type Store } from '../../src/store/connection.js';
import { openTestStore, testDatabaseUrl, type TestStore } from '../support/database.js';

const FIXTURE = fileURLToPath(new URL('./fixtures/hold-job.ts', import.meta.url));

describe('dead worker recovery settings', () => {
  it('expiry + sweep + first retry + a poll stay under a minute', () => {
    const firstRetryDelay = 2;
    const polling = 2;
    expect(
      DEFAULT_JOB_EXPIRE_SECONDS + DEFAULT_MAINTENANCE_INTERVAL_SECONDS + firstRetryDelay + polling,
    ).toBeLessThan(60);
  });
});

describe.skipIf(!testDatabaseUrl())(
  'a worker killed by SIGKILL on PostgreSQL (set DATABASE_URL to run)',
  () => {
    let t: TestStore;
    let store: Store;
    let queue: JobQueue;
    let child: ChildProcess | undefined;

    beforeAll(async () => {
      t = await openTestStore();
      store = await openStore({ databaseUrl: t.databaseUrl!, poolSize: 3 });
      queue = await startJobQueue(store, {
        pollingIntervalSeconds: 0.5,
        expireInSeconds: 3,
        maintenanceIntervalSeconds: 1,
      });
    });
    afterAll(async () => {
      child?.kill('SIGKILL');
      await queue?.stop();
      await store?.close();
      await t?.close();
    });

    it('the job it held is run again by another process, once', async () => {
      await queue.createQueue('test.dead');
      child = spawn(process.execPath, ['--import', 'tsx', FIXTURE, t.databaseUrl!, 'test.dead'], {
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      const output: string[] = [];
      const heard = (pattern: RegExp) =>
        new Promise<string>((resolve, reject) => {
          const check = () => {
            const match = output.join('').match(pattern);
            if (match) resolve(match[1] ?? match[0]);
          };
          child!.stdout!.on('data', (chunk: Buffer) => {
            output.push(String(chunk));
            check();
          });
          child!.on('exit', (code) => reject(new Error(`o worker filho saiu (${code}): ${output.join('')}`)));
          check();
        });
      await heard(/ready/);
      const sent = await queue.send('test.dead', { n: 1 }, { retryLimit: 3, retryDelay: 1 });
      const held = await heard(/holding (\S+)/);
      expect(held).toBe(sent);
      expect((await queue.getJob('test.dead', sent!))?.state).toBe('active');

      child.kill('SIGKILL');
      await new Promise((resolve) => child!.once('exit', resolve));

      const ran: string[] = [];
      const done = new Promise<void>((resolve) => {
        void queue.work('test.dead', async (_data, job) => {
          ran.push(job.id);
          resolve();
        });
      });
      await done;
      expect(ran).toEqual([sent]);
      let state: string | undefined;
      while ((state = (await queue.getJob('test.dead', sent!))?.state) === 'active')
        await new Promise((resolve) => setTimeout(resolve, 100));
      expect(state).toBe('completed');
    });
  },
);
