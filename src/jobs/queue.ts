/**
 * The job queue: pg-boss on the store's own database. On PostgreSQL it shares the store's pool; on PGlite it runs
 * through the same single connection via an `executeSql` adapter. Jobs are enqueued inside the business
 * transaction (transactional outbox): `send(name, data, { tx })` inserts the job with the transaction's own
 * connection, so the job exists if and only if the transaction commits.
 */
import PgBoss from 'pg-boss';
import type { Logger } from 'pino';
import { afterCommit, currentTransaction, txSqlAdapter, type Store, type Tx } from '../store/connection.js';
import { REQUEST_ID_KEY, withRequestId } from '../store/request-context.js';

/**
 * A job whose worker died (SIGKILL, power loss) stays `active` until it expires; pg-boss's maintenance, every
 * `maintenanceIntervalSeconds` in one of the processes, then fails it into a retry. 30 s + 10 s (+ the 2 s retry
 * delay and a poll) brings a dead worker's jobs back well under a minute; pg-boss's defaults (15 min, 2 min) took
 * up to 17. Safe because every handler is idempotent (remessa states, posting keys). A batch of jobs must finish
 * within the expiry too (pg-boss fails it otherwise — and it is retried, harmlessly).
 */
export const DEFAULT_JOB_EXPIRE_SECONDS = 30;
export const DEFAULT_MAINTENANCE_INTERVAL_SECONDS = 10;

export interface JobQueueOptions {
  logger?: Logger;
  /** How often idle workers poll for jobs (pg-boss minimum 0.5 s). Default 2. */
  pollingIntervalSeconds?: number;
  /** Jobs fetched per poll by each worker. Default 20. */
  batchSize?: number;

  /** Queue names created on start (so they can be enqueued inside transactions right away). */
  queues?: readonly string[];
  /** How long a job may stay active before it counts as abandoned (see DEFAULT_JOB_EXPIRE_SECONDS). */
  expireInSeconds?: number;
  /** How often expired jobs are swept (see DEFAULT_MAINTENANCE_INTERVAL_SECONDS). */
  maintenanceIntervalSeconds?: number;
}

export interface SendOptions {
  /** The open transaction to enqueue in (outbox). Required on PGlite while a transaction is open. */
  tx?: Tx;
  /** pg-boss singleton key: at most one queued job per key. */
  singletonKey?: string;
  /** Delay: seconds, ISO date string or Date. */
  startAfter?: number | string | Date;
  retryLimit?: number;
  retryDelay?: number;
  retryBackoff?: boolean;
}

export interface JobContext {
  id: string;
  name: string;
}

export type JobHandler<T> = (data: T, job: JobContext) => Promise<void>;

export class JobQueue {
  readonly store: Store;
  private readonly boss: PgBoss;
  private readonly logger: Logger | undefined;
  private readonly pollingIntervalSeconds: number;
  private readonly batchSize: number;
  private readonly expireInSeconds: number;
  private readonly queues = new Set<string>();
  /** Worker ids of this process by queue name. */
  private readonly localWorkers = new Map<string, string[]>();
  private started = false;
  /** Run first on stop (e.g. the outbox relay, which sends into this queue). */
  private readonly stopHooks: (() => Promise<void>)[] = [];

  constructor(store: Store, options: JobQueueOptions = {}) {
    this.store = store;
    this.logger = options.logger;
    this.pollingIntervalSeconds = options.pollingIntervalSeconds ?? 2;
    this.batchSize = options.batchSize ?? 20;
    this.expireInSeconds = options.expireInSeconds ?? DEFAULT_JOB_EXPIRE_SECONDS;
    for (const name of options.queues ?? []) this.queues.add(name);
    this.boss = new PgBoss({
      db: store.sql,
      maintenanceIntervalSeconds: options.maintenanceIntervalSeconds ?? DEFAULT_MAINTENANCE_INTERVAL_SECONDS,
      // Cron schedules are off until a feature needs them (they poll the clock table).
      schedule: false,
      supervise: true,
      migrate: true,
      ...(options.maintenanceIntervalSeconds
        ? { maintenanceIntervalSeconds: options.maintenanceIntervalSeconds }
        : {}),
    });
    this.boss.on('error', (error: Error) => this.logger?.error({ err: error }, 'fila de jobs: erro'));
  }

  get isStarted(): boolean {
    return this.started;
  }

  /** Installs/upgrades the pg-boss schema (pg-boss locks this itself) and creates the known queues. */
  async start(): Promise<void> {
    if (this.started) return;
    await this.boss.start();
    for (const name of this.queues) await this.boss.createQueue(name);
    this.started = true;
  }

  /** Stops polling, waits for running handlers (up to `timeoutMs`). Does not close the store. */
  async stop(timeoutMs = 10_000): Promise<void> {
    if (!this.started) return;
    for (const hook of this.stopHooks.splice(0)) await hook();
    this.started = false;
    this.localWorkers.clear();
    await this.boss.stop({ graceful: true, wait: true, close: false, timeout: timeoutMs });
  }

  /** Throws unless the queue is started and pg-boss answers from its tables (readiness probe). */
  async check(): Promise<void> {
    if (!this.started) throw new Error('a fila de jobs não está ativa');
    await this.boss.getQueues();
  }

  onStop(hook: () => Promise<void>): void {
    this.stopHooks.push(hook);
  }

  /** Declares a queue (idempotent). Do it before enqueuing inside a transaction. */
  async createQueue(name: string): Promise<void> {
    this.queues.add(name);
    if (this.started) await this.boss.createQueue(name);
  }

  /**
   * Enqueues a job. With `tx` the insert runs inside that transaction (rolled back with it). Without `tx` it runs
   * on its own — never call it without `tx` from inside an open transaction on PGlite: the single connection
   * waits for the transaction, which waits for the call.
   */
  async send(name: string, data: object, options: SendOptions = {}): Promise<string | null> {
    this.assertStarted();
    if (!options.tx && currentTransaction())
      throw new Error(
        `job "${name}" enviado sem { tx } dentro de store.transaction(): passe a transação (outbox) para o job sair junto com ela`,
      );
    if (!this.queues.has(name)) {
      if (options.tx)
        throw new Error(`fila "${name}" não declarada: crie-a com createQueue antes de enfileirar`);
      await this.createQueue(name);
    }
    const { tx, ...jobOptions } = options;
    const sendOptions: PgBoss.SendOptions = { expireInSeconds: this.expireInSeconds, ...jobOptions };
    if (tx) sendOptions.db = txSqlAdapter(tx);
    const id = await this.boss.send(name, data, sendOptions);
    // Wake this process's workers of the queue once the job is visible, instead of waiting for their next poll.
    if (tx) afterCommit(tx, () => this.notifyLocalWorkers(name));
    else this.notifyLocalWorkers(name);
    return id;
  }

  /**
   * Runs `handler` for each job of the queue in this process (at-least-once: a throw fails that job, which pg-boss
   * retries per the queue's retry policy; the other jobs of the batch still complete). Fetches up to `batchSize`
   * jobs per poll and polls again at once after a full batch, so a backlog drains without waiting for the interval.
   * `concurrency` such workers run side by side (default 1), so that many platform calls wait on the network at once.
   */
  async work<T>(name: string, handler: JobHandler<T>, options: { concurrency?: number } = {}): Promise<void> {
    this.assertStarted();
    await this.createQueue(name);
    for (let n = 0; n < Math.max(1, options.concurrency ?? 1); n++) await this.startWorker(name, handler);
  }

  private async startWorker<T>(name: string, handler: JobHandler<T>): Promise<void> {
    // A holder, not a const: the first batch may arrive before work() has returned the id.
    const worker: { id?: string } = {};
    worker.id = await this.boss.work<T>(
      name,
      { pollingIntervalSeconds: this.pollingIntervalSeconds, batchSize: this.batchSize },
      async (jobs) => {
        for (const job of jobs) {
          try {
            // The job runs under the id of the request that caused it (or its own), which its writes carry on.
            const data = job.data as Record<string, unknown> | null;
            const requestId = typeof data?.[REQUEST_ID_KEY] === 'string' ? data[REQUEST_ID_KEY] : job.id;
            await withRequestId(requestId, () => handler(job.data, { id: job.id, name: job.name }));
          } catch (error) {
            this.logger?.warn({ err: error, job: job.id, queue: name }, 'job falhou; será tentado novamente');
            const message = error instanceof Error ? error.message : String(error);
            await this.boss.fail(name, job.id, { message });
          }
        }
        if (jobs.length >= this.batchSize && worker.id) this.boss.notifyWorker(worker.id);
      },
    );
    this.localWorkers.set(name, [...(this.localWorkers.get(name) ?? []), worker.id]);
  }

  /** The state of one job (for tests and diagnostics). */
  async getJob(name: string, id: string): Promise<{ state: string; data: unknown } | null> {
    const job = await this.boss.getJobById(name, id);
    return job ? { state: job.state, data: job.data } : null;
  }

  /** Jobs of a queue by state (created, retry, active, completed…). */
  async countJobs(name: string): Promise<number> {
    return this.boss.getQueueSize(name);
  }

  private notifyLocalWorkers(name: string): void {
    if (!this.started) return;
    for (const id of this.localWorkers.get(name) ?? []) this.boss.notifyWorker(id);
  }

  private assertStarted(): void {
    if (!this.started) throw new Error('fila de jobs não iniciada: chame start() antes');
  }
}
