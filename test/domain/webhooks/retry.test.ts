import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_RETRY_POLICY,
  isAcknowledged,
  retryCeilingMs,
  retryDelayMs,
} from '../../../src/domain/webhooks/retry.js';

describe('webhook retry delays', () => {
  it('double from the base up to the cap', () => {
    expect([1, 2, 3, 4].map((n) => retryCeilingMs(n, DEFAULT_RETRY_POLICY))).toEqual([
      30_000, 60_000, 120_000, 240_000,
    ]);
    expect(retryCeilingMs(50, DEFAULT_RETRY_POLICY)).toBe(DEFAULT_RETRY_POLICY.maxMs);
  });

  it('are jittered within [ceiling/2, ceiling]', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 40 }),
        fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
        (n, r) => {
          const ceiling = retryCeilingMs(n, DEFAULT_RETRY_POLICY);
          const delay = retryDelayMs(n, DEFAULT_RETRY_POLICY, r);
          return delay >= ceiling / 2 && delay <= ceiling;
        },
      ),
    );
    expect(retryDelayMs(1, { baseMs: 1000, maxMs: 10_000 }, 0)).toBe(500);
    expect(retryDelayMs(2, { baseMs: 1000, maxMs: 10_000 }, 0.5)).toBe(1500);
  });

  it('stop only on a 2xx answer', () => {
    expect([200, 204, 299].every(isAcknowledged)).toBe(true);
    expect([null, 199, 301, 400, 500].some(isAcknowledged)).toBe(false);
  });
});
