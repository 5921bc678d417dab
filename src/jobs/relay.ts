/**
 * Relays the store's outbox to the job queue: job rows become pg-boss jobs in the same transaction that marks
 * them relayed, so each is handed over exactly once even with several relays running (SKIP LOCKED). Event rows
 * stay in the outbox as the event log; `onEvent` turns each into its webhook deliveries in the same transaction.
 */
import type { Logger } from 'pino';
import type { Store, Tx } from '../store/connection.js';
import { claimPendingOutbox, markRelayed, onOutboxCommit } from '../store/outbox.js';
import type { JobQueue } from './queue.js';

export interface OutboxRelayOptions {
  logger?: Logger;
  /** Poll interval for rows committed by other processes. Default 1 s. */
  intervalMs?: number;
  batchSize?: number;
  /** Called for each relayed event row, inside the relay's transaction (webhook deliveries hook in here). */
  onEvent?: RelayEventHandler;
}

export type RelayEventHandler = (
  event: { id: number; name: string; companyId: string | null; subjectId: string | null },
  context: { tx: Tx; send: (name: string, data: object) => Promise<unknown> },
) => Promise<void>;

/** Transient failures are retried with exponential backoff (2 s, 4 s, 8 s…); handlers are idempotent. */
const RETRY = { retryLimit: 6, retryDelay: 2, retryBackoff: true } as const;

export class OutboxRelay {
  private timer: NodeJS.Timeout | undefined;
  private unsubscribe: (() => void) | undefined;
  private running: Promise<void> | undefined;
  private again = false;

  constructor(
    private readonly store: Store,
    private readonly queue: JobQueue,
    private readonly options: OutboxRelayOptions = {},
  ) {}

  start(): void {
    this.unsubscribe = onOutboxCommit(() => this.kick());
    this.timer = setInterval(() => this.kick(), this.options.intervalMs ?? 1_000);
    this.timer.unref();
    this.kick();
  }

  async stop(): Promise<void> {
    this.unsubscribe?.();
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }

  /** Runs a relay pass now, or right after the one in progress. */
  kick(): void {
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.drain()
      .then(() => undefined)
      .catch((error: unknown) => this.options.logger?.error({ err: error }, 'outbox: falha ao repassar'))
      .finally(() => {
        this.running = undefined;
        if (this.again) {
          this.again = false;
          this.kick();
        }
      });
  }

  /** Relays until nothing is pending; returns how many rows were relayed. */
  async drain(): Promise<number> {
    let total = 0;
    for (;;) {
      const relayed = await this.relayOnce();
      total += relayed;
      if (relayed === 0) return total;
    }
  }

  async relayOnce(): Promise<number> {
    return this.store.transaction(async (tx) => {
      const rows = await claimPendingOutbox(tx, this.options.batchSize ?? 100);
      const send = (name: string, data: object) => this.queue.send(name, data, { tx, ...RETRY });
      for (const row of rows) {
        if (row.kind === 'job') await send(row.name, row.payload as object);
        else await this.options.onEvent?.(row, { tx, send });
      }
      await markRelayed(
        tx,
        rows.map((row) => row.id),
      );
      return rows.length;
    });
  }
}
