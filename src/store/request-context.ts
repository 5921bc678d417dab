/**
 * The request id of the current async context: set by the HTTP layer around each request and by the job worker
 * around each job (from the id its causing request left in the job's data), read where rows are written — history,
 * communication log, outbox jobs — so one id follows a request into the jobs it causes and into the logs.
 */
import { AsyncLocalStorage } from 'node:async_hooks';

const context = new AsyncLocalStorage<string>();

export function currentRequestId(): string | undefined {
  return context.getStore();
}

export function withRequestId<T>(requestId: string, fn: () => T): T {
  return context.run(requestId, fn);
}

/** The key under which a job's data carries its causing request's id. */
export const REQUEST_ID_KEY = 'requestId';
