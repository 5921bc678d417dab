/** Login throttling: counts failures per e-mail and per address inside a sliding window. */
import { describe, expect, it } from 'vitest';
import { ServiceError } from '../../src/services/errors.js';
import { LoginThrottle } from '../../src/services/login-throttle.js';

function refused(fn: () => void): ServiceError | undefined {
  try {
    fn();
    return undefined;
  } catch (error) {
    if (error instanceof ServiceError) return error;
    throw error;
  }
}

describe('LoginThrottle', () => {
  it('refuses the e-mail after maxFailures within the window and lets it in again when the window passes', () => {
    let now = 1_000_000;
    const throttle = new LoginThrottle({
      maxFailures: 3,
      maxFailuresPerAddress: 3,
      windowMs: 60_000,
      now: () => now,
    });
    for (let i = 0; i < 3; i++) {
      expect(refused(() => throttle.check('a@x', `10.0.0.${i}`))).toBeUndefined();
      throttle.fail('A@x ', `10.0.0.${i}`);
    }
    const error = refused(() => throttle.check('a@x', '10.0.0.9'));
    expect(error).toMatchObject({ status: 429, code: 'too_many_attempts' });
    expect(error?.message).toContain('1 min');
    expect(refused(() => throttle.check('b@x', '10.0.0.9'))).toBeUndefined();
    now += 60_001;
    expect(refused(() => throttle.check('a@x', '10.0.0.9'))).toBeUndefined();
  });

  it('refuses an address that tries many e-mails; a success clears only the e-mail counter', () => {
    const throttle = new LoginThrottle({
      maxFailures: 2,
      maxFailuresPerAddress: 2,
      windowMs: 60_000,
      now: () => 5,
    });
    throttle.fail('a@x', '1.1.1.1');
    throttle.fail('b@x', '1.1.1.1');
    expect(refused(() => throttle.check('c@x', '1.1.1.1'))?.status).toBe(429);
    expect(refused(() => throttle.check('c@x', '2.2.2.2'))).toBeUndefined();
    throttle.fail('d@x', '3.3.3.3');
    throttle.succeed('d@x');
    throttle.fail('d@x', '4.4.4.4');
    expect(refused(() => throttle.check('d@x', '5.5.5.5'))).toBeUndefined();
  });

  it('by default allows more failures per address than per e-mail', () => {
    const throttle = new LoginThrottle({ now: () => 5 });
    for (let i = 0; i < 10; i++) throttle.fail(`u${i}@x`, '9.9.9.9');
    expect(refused(() => throttle.check('novo@x', '9.9.9.9'))).toBeUndefined();
    for (let i = 0; i < 10; i++) throttle.fail('alvo@x', `8.8.8.${i}`);
    expect(refused(() => throttle.check('alvo@x', '7.7.7.7'))?.status).toBe(429);
  });
});
