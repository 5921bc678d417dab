/**
 * When a webhook delivery to the ERP is tried again: exponential backoff with "equal jitter" — the delay doubles
 * from `baseMs` up to `maxMs`, and a random half of it is added to a fixed half, so many deliveries failing
 * together (the ERP down for a while) spread out instead of returning all at once.
 */
export interface RetryPolicy {
  baseMs: number;
  maxMs: number;
}

/** 30 s, 1 min, 2 min… capped at 6 h (halved and jittered as described above). */
export const DEFAULT_RETRY_POLICY: RetryPolicy = { baseMs: 30_000, maxMs: 6 * 60 * 60 * 1000 };

/** The ceiling of the delay after attempt `attempt` (1-based), before jitter. */
export function retryCeilingMs(attempt: number, policy: RetryPolicy): number {
  const exponent = Math.min(Math.max(attempt - 1, 0), 30);
  return Math.min(policy.maxMs, policy.baseMs * 2 ** exponent);
}

/** The delay after failed attempt `attempt`; `random` in [0, 1) picks it within [ceiling/2, ceiling). */
export function retryDelayMs(attempt: number, policy: RetryPolicy, random: number): number {
  const ceiling = retryCeilingMs(attempt, policy);
  return Math.round(ceiling / 2 + (ceiling / 2) * random);
}

/** The ERP acknowledged the event: any 2xx answer. */
export function isAcknowledged(httpStatus: number | null): boolean {
  return httpStatus !== null && httpStatus >= 200 && httpStatus < 300;
}
