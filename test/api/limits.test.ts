/**
 * Load limits: a token's bucket and its running slots (one ERP cannot hold every connection), the request
 * deadline, and personal data kept out of logged database errors.
 */
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/api/app.js';
import { TokenLimits } from '../../src/api/plugins/limits.js';
import { ServiceError } from '../../src/services/errors.js';
import { createLogger } from '../../src/logger.js';
import { createUser } from '../../src/store/users.js';
import { json, startHarness, type Harness } from './harness.js';
import { testPlatformDeps } from '../support/platforms.js';

describe('TokenLimits', () => {
  it('refuses past the burst with Retry-After and refills at the rate', async () => {
    let now = 0;
    const limits = new TokenLimits({ ratePerSecond: 2, burst: 3, concurrency: 10, queue: 0 }, () => now);
    for (let i = 0; i < 3; i++) (await limits.admit('t'))();
    const refused = await limits.admit('t').catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(ServiceError);
    expect(refused).toMatchObject({ status: 429, code: 'rate_limited', retryAfterSeconds: 1 });
    (await limits.admit('outro'))();
    now += 500;
    (await limits.admit('t'))();
  });

  it('runs at most `concurrency` requests of a token; the next wait their turn, beyond the queue 429', async () => {
    const limits = new TokenLimits({ ratePerSecond: 1000, burst: 1000, concurrency: 2, queue: 1 });
    const first = await limits.admit('t');
    const second = await limits.admit('t');
    let thirdIn = false;
    const third = limits.admit('t').then((release) => {
      thirdIn = true;
      return release;
    });
    await expect(limits.admit('t')).rejects.toMatchObject({ code: 'too_many_concurrent' });
    expect(await limits.admit('other')).toBeTypeOf('function');
    await Promise.resolve();
    expect(thirdIn).toBe(false);
    first();
    first(); // releasing twice frees one slot only
    const release = await third;
    expect(thirdIn).toBe(true);
    expect(limits.running('t')).toBe(2);
    second();
    release();
    expect(limits.running('t')).toBe(0);
  });
});

describe('limits over HTTP', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h.close();
  });

  it('a token over its rate gets 429 with Retry-After; other tokens are not affected', async () => {
    const app = await buildApp({
      store: h.store,
      jobs: h.jobs,
      platforms: testPlatformDeps(),
      webRoot: '/nonexistent',
      limits: { tokens: { ratePerSecond: 1, burst: 2, concurrency: 2, queue: 10 }, requestTimeoutMs: 30_000 },
    });
    try {
      const call = (token: string) =>
        app.inject({
          method: 'GET',
          url: '/api/v1/customers',
          headers: { authorization: `Bearer ${token}` },
        });
      expect((await call(h.tokens.sul)).statusCode).toBe(200);
      expect((await call(h.tokens.sul)).statusCode).toBe(200);
      const limited = await call(h.tokens.sul);
      expect(limited.statusCode).toBe(429);
      expect(limited.headers['retry-after']).toBe('1');
      expect(json(limited).error.code).toBe('rate_limited');
      expect((await call(h.tokens.norte)).statusCode).toBe(200);
    } finally {
      await app.close();
    }
  });

  it('concurrent requests of one token beyond its slots wait and all succeed', async () => {
    const app = await buildApp({
      store: h.store,
      jobs: h.jobs,
      platforms: testPlatformDeps(),
      webRoot: '/nonexistent',
      limits: { tokens: { ratePerSecond: 1000, burst: 1000, concurrency: 2, queue: 50 } },
    });
    try {
      const answers = await Promise.all(
        Array.from({ length: 8 }, () =>
          app.inject({
            method: 'GET',
            url: '/api/v1/customers',
            headers: { authorization: `Bearer ${h.tokens.sul}` },
          }),
        ),
      );
      // Each answer frees its slot (onResponse): were one kept, the later requests would wait forever.
      expect(answers.map((a) => a.statusCode)).toEqual(Array(8).fill(200));
    } finally {
      await app.close();
    }
  });

  it('a database error is logged without its SQL parameters, names, e-mails or documents', async () => {
    const lines: string[] = [];
    const logger = createLogger({
      format: 'json',
      destination: new Writable({
        write(chunk, _encoding, done) {
          lines.push(String(chunk));
          done();
        },
      }),
    });
    const error = await createUser(h.store.db, {
      email: h.emails.admin,
      name: 'Maria Sigilosa da Silva',
      password: 'x',
      role: 'admin',
      homeCompanyId: h.companies.group,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect(String((error as Error).message)).toContain('Maria Sigilosa'); // the raw error carries it…
    logger.error({ err: error }, 'falha');
    const logged = lines.join('\n');
    expect(logged).toContain('falha');
    expect(logged).not.toContain('Maria Sigilosa'); // …the log does not
    expect(logged).not.toContain(h.emails.admin);
    expect(logged).toMatch(/omitid/);
  });
});
