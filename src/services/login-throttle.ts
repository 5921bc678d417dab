/**
 * Slows password guessing: after `maxFailures` failed logins for the same e-mail (from any address), or
 * `maxFailuresPerAddress` from the same client address (higher: offices share one address), within `windowMs`,
 * further attempts are refused with 429 until the window passes. A success clears
 * the e-mail's counter. Kept in process memory: each API process counts on its own (a shared limit across processes
 * would go through the database or a proxy).
 */
import { ServiceError } from './errors.js';

export interface LoginThrottleOptions {
  maxFailures?: number;
  maxFailuresPerAddress?: number;
  windowMs?: number;
  now?: () => number;
}

/** Counter keys: the e-mail as typed at login (trimmed, any case) and the client address. */
const emailKey = (email: string) => `e:${email.trim().toLowerCase()}`;
const addressKey = (address: string) => `a:${address}`;

export class LoginThrottle {
  private readonly failures = new Map<string, number[]>();
  private readonly maxFailures: number;
  private readonly maxFailuresPerAddress: number;
  private readonly windowMs: number;
  private readonly now: () => number;

  constructor(options: LoginThrottleOptions = {}) {
    this.maxFailures = options.maxFailures ?? 10;
    this.maxFailuresPerAddress = options.maxFailuresPerAddress ?? 50;
    this.windowMs = options.windowMs ?? 15 * 60_000;
    this.now = options.now ?? Date.now;
  }

  private recent(key: string): number[] {
    const since = this.now() - this.windowMs;
    const kept = (this.failures.get(key) ?? []).filter((at) => at > since);
    if (kept.length === 0) this.failures.delete(key);
    else this.failures.set(key, kept);
    return kept;
  }

  /** Throws 429 `too_many_attempts` when the e-mail or the address has too many recent failures. */
  check(email: string, address: string): void {
    const limits: [string, number][] = [
      [emailKey(email), this.maxFailures],
      [addressKey(address), this.maxFailuresPerAddress],
    ];
    for (const [key, limit] of limits) {
      const recent = this.recent(key);
      if (recent.length >= limit) {
        const waitMs = (recent[0] ?? this.now()) + this.windowMs - this.now();
        const minutes = Math.max(1, Math.ceil(waitMs / 60_000));
        throw new ServiceError(
          429,
          'too_many_attempts',
          `Muitas tentativas de entrada sem sucesso. Tente de novo em ${minutes} min.`,
        );
      }
    }
  }

  fail(email: string, address: string): void {
    const at = this.now();
    for (const key of [emailKey(email), addressKey(address)])
      this.failures.set(key, [...this.recent(key), at]);
  }

  succeed(email: string): void {
    this.failures.delete(emailKey(email));
  }
}
