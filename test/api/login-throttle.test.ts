/**
 * Login throttling: a progressive delay per e-mail and per address, capped at a minute, counted in the database so
 * every API process sees the same counters; never a lockout longer than the cap.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ServiceError } from '../../src/services/errors.js';
import { LoginThrottle, loginDelayMs } from '../../src/services/login-throttle.js';
import { json, startHarness, PASSWORD, type Harness } from './harness.js';

async function refused(check: Promise<void>): Promise<ServiceError | undefined> {
  try {
    await check;
    return undefined;
  } catch (error) {
    if (error instanceof ServiceError) return error;
    throw error;
  }
}

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h.close();
});

describe('loginDelayMs', () => {
  it('is free for the first failures, then doubles from 1 s and never passes the cap', () => {
    expect([1, 2, 3, 4, 5, 6, 9, 10, 50, 10_000].map((n) => loginDelayMs(n, 3, 60_000))).toEqual([
      0, 0, 0, 1000, 2000, 4000, 32_000, 60_000, 60_000, 60_000,
    ]);
  });
});

describe('LoginThrottle (counters in the database)', () => {
  it('delays the e-mail progressively, never more than a minute, and two processes share the counters', async () => {
    let now = new Date('2026-03-01T12:00:00Z').getTime();
    const clock = () => new Date(now);
    // Two instances stand for two API processes on the same database.
    const first = new LoginThrottle(h.store, { now: clock });
    const second = new LoginThrottle(h.store, { now: clock });
    for (let i = 0; i < 3; i++) {
      expect(await refused((i % 2 ? first : second).check('alvo@x', `10.0.0.${i}`))).toBeUndefined();
      await (i % 2 ? first : second).fail('Alvo@x ', `10.0.0.${i}`);
    }
    expect(await refused(first.check('alvo@x', '10.9.9.9'))).toBeUndefined();
    await second.fail('alvo@x', '10.9.9.9'); // 4th failure: 1 s
    const error = await refused(first.check('alvo@x', '10.9.9.8'));
    expect(error).toMatchObject({ status: 429, code: 'too_many_attempts', retryAfterSeconds: 1 });
    expect(await refused(first.check('outra@x', '10.9.9.8'))).toBeUndefined();
    for (let i = 0; i < 20; i++) await first.fail('alvo@x', `10.1.0.${i}`);
    expect((await refused(second.check('alvo@x', '10.9.9.8')))?.retryAfterSeconds).toBe(60);
    now += 60_000;
    expect(await refused(second.check('alvo@x', '10.9.9.8'))).toBeUndefined();
    await first.succeed('ALVO@x');
    await first.fail('alvo@x', '10.2.0.1');
    expect(await refused(first.check('alvo@x', '10.2.0.2'))).toBeUndefined();
  });

  it('an address gets more free failures than an e-mail, and its wait is capped too', async () => {
    let now = new Date('2026-03-02T12:00:00Z').getTime();
    const throttle = new LoginThrottle(h.store, { now: () => new Date(now) });
    for (let i = 0; i < 20; i++) await throttle.fail(`u${i}@x`, '9.9.9.9');
    expect(await refused(throttle.check('novo@x', '9.9.9.9'))).toBeUndefined();
    for (let i = 0; i < 30; i++) await throttle.fail(`v${i}@x`, '9.9.9.9');
    expect((await refused(throttle.check('novo@x', '9.9.9.9')))?.retryAfterSeconds).toBe(60);
    expect(await refused(throttle.check('novo@x', '8.8.8.8'))).toBeUndefined();
    now += 60_001;
    expect(await refused(throttle.check('novo@x', '9.9.9.9'))).toBeUndefined();
  });

  it('a counter starts again after a quiet quarter of an hour', async () => {
    let now = new Date('2026-03-03T12:00:00Z').getTime();
    const throttle = new LoginThrottle(h.store, { now: () => new Date(now) });
    for (let i = 0; i < 4; i++) await throttle.fail('quieto@x', '7.7.7.7');
    now += 15 * 60_000 + 1;
    await throttle.fail('quieto@x', '7.7.7.7');
    expect(await refused(throttle.check('quieto@x', '7.7.7.8'))).toBeUndefined();
  });
});

describe('POST /api/session under attack', () => {
  it('answers 429 with Retry-After after repeated failures, audits them for the admin, and lets the user in after the wait', async () => {
    const email = h.emails.operator;
    const attempt = (password: string) =>
      h.app.inject({
        method: 'POST',
        url: '/api/session',
        payload: { email, password },
        remoteAddress: '203.0.113.7',
      });
    for (let i = 0; i < 4; i++) expect((await attempt('errada')).statusCode).toBe(401);
    const blocked = await attempt(PASSWORD);
    expect(blocked.statusCode).toBe(429);
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect(Number(blocked.headers['retry-after'])).toBeLessThanOrEqual(60);
    expect(json(blocked).error.message).toMatch(/Tente de novo em \d+ s/);

    const admin = await h.login(h.emails.admin);
    const audit = json(
      await h.asUser(admin, `/api/audit?companyId=${h.companies.group}&action=session.login_failed`),
    );
    expect(audit.items).toHaveLength(4);
    expect(audit.items[0]).toMatchObject({
      action: 'session.login_failed',
      actorName: email,
      companyId: h.companies.sul,
      status: 401,
      address: '203.0.113.7',
      target: 'falha 4 seguida',
    });
    // Another group's admin does not see them.
    const other = await h.login(h.emails.otherAdmin);
    const foreign = json(
      await h.asUser(other, `/api/audit?companyId=${h.companies.other}&action=session.login_failed`),
    );
    expect(foreign.items).toEqual([]);

    // The wait ends (the delay row's instant passes): the right password gets in.
    await h.store.sql.executeSql(`UPDATE login_attempts SET blocked_until = now() - interval '1 second'`);
    expect((await attempt(PASSWORD)).statusCode).toBe(200);
  });
});
