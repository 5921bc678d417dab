/**
 * Slows password guessing without ever locking the real user out for long: each failed login for an e-mail (from
 * any address) and each from a client address counts; past a few free failures the next attempt must wait, the
 * wait doubling with each failure up to `maxDelayMs` (one minute). The counters live in the database
 * (login_attempts), so every API process sees the same ones; a success clears the e-mail's counter, and a counter
 * starts again after `resetAfterMs` without failures. An address gets more free failures than an e-mail (offices
 * share one address), so a guesser behind it never holds the others back longer than a minute either.
 */
import type { Store } from '../store/connection.js';
import { clearLoginFailures, findLoginAttempts, recordLoginFailure } from '../store/login-attempts.js';
import { ServiceError } from './errors.js';

export interface LoginThrottleOptions {
  /** Failures per e-mail before any wait (default 3). */
  freeFailures?: number;
  /** Failures per client address before any wait (default 20). */
  freeFailuresPerAddress?: number;
  /** The longest wait (default 60 s). */
  maxDelayMs?: number;
  /** Quiet time after which a counter starts again (default 15 min). */
  resetAfterMs?: number;
  now?: () => Date;
}

/** Counter keys: the e-mail as typed at login (trimmed, any case) and the client address. */
const emailKey = (email: string) => `e:${email.trim().toLowerCase()}`;
const addressKey = (address: string) => `a:${address}`;

/** The wait after `failures` failures: none for the first `free`, then 1 s, 2 s, 4 s… up to `maxMs`. */
export function loginDelayMs(failures: number, free: number, maxMs: number): number {
  if (failures <= free) return 0;
  return Math.min(maxMs, 1000 * 2 ** Math.min(failures - free - 1, 30));
}

export class LoginThrottle {
  private readonly free: number;
  private readonly freePerAddress: number;
  private readonly maxDelayMs: number;
  private readonly resetAfterMs: number;
  private readonly now: () => Date;

  constructor(
    private readonly store: Store,
    options: LoginThrottleOptions = {},
  ) {
    this.free = options.freeFailures ?? 3;
    this.freePerAddress = options.freeFailuresPerAddress ?? 20;
    this.maxDelayMs = options.maxDelayMs ?? 60_000;
    this.resetAfterMs = options.resetAfterMs ?? 15 * 60_000;
    this.now = options.now ?? (() => new Date());
  }

  /** Throws 429 `too_many_attempts` (with `retryAfterSeconds`) while the e-mail or the address must wait. */
  async check(email: string, address: string): Promise<void> {
    const now = this.now().getTime();
    const rows = await findLoginAttempts(this.store.db, [emailKey(email), addressKey(address)]);
    const waitMs = Math.max(0, ...rows.map((row) => row.blockedUntil.getTime() - now));
    if (waitMs > 0) {
      const seconds = Math.ceil(waitMs / 1000);
      throw new ServiceError(
        429,
        'too_many_attempts',
        `Muitas tentativas de entrada sem sucesso. Tente de novo em ${seconds} s.`,
        undefined,
        seconds,
      );
    }
  }

  /** Counts a failure; returns the e-mail's failures in a row (the caller logs and audits repeated ones). */
  async fail(email: string, address: string): Promise<number> {
    const at = this.now();
    const [failures] = await Promise.all([
      recordLoginFailure(this.store.db, emailKey(email), at, this.resetAfterMs, (n) =>
        loginDelayMs(n, this.free, this.maxDelayMs),
      ),
      recordLoginFailure(this.store.db, addressKey(address), at, this.resetAfterMs, (n) =>
        loginDelayMs(n, this.freePerAddress, this.maxDelayMs),
      ),
    ]);
    return failures;
  }

  /** Whether `failures` in a row are past the free ones (worth a warning in the log). */
  repeated(failures: number): boolean {
    return failures > this.free;
  }

  async succeed(email: string): Promise<void> {
    await clearLoginFailures(this.store.db, emailKey(email));
  }
}
