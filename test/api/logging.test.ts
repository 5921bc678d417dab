/**
 * Logs (issue 8): readable lines in a terminal, JSON lines otherwise or when asked, and health probes kept out of
 * the info log. A real logger writes to a captured stream; a real app answers real requests.
 */
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/api/app.js';
import { startJobQueue, type JobQueue } from '../../src/jobs/index.js';
import { createLogger } from '../../src/logger.js';
import type { Store } from '../../src/store/connection.js';
import { testPlatformDeps } from '../support/platforms.js';
import { openTestStore } from './harness.js';

function capture(isTTY: boolean) {
  const lines: string[] = [];
  const stream = Object.assign(
    new Writable({
      write(chunk, _encoding, done) {
        lines.push(...String(chunk).split('\n').filter(Boolean));
        done();
      },
    }),
    { isTTY },
  );
  return { stream, lines };
}

describe('createLogger', () => {
  it('writes readable lines to a terminal and JSON lines elsewhere', () => {
    const tty = capture(true);
    createLogger({ destination: tty.stream }).info({ url: 'http://127.0.0.1:3000' }, 'finconsole no ar');
    expect(tty.lines[0]).toMatch(/INFO.*finconsole no ar/);
    expect(tty.lines[0]!.trimStart().startsWith('{')).toBe(false);

    const pipe = capture(false);
    createLogger({ destination: pipe.stream }).info({ url: 'x' }, 'finconsole no ar');
    expect(JSON.parse(pipe.lines[0]!)).toMatchObject({ level: 30, msg: 'finconsole no ar', url: 'x' });

    const asked = capture(true);
    createLogger({ destination: asked.stream, format: 'json' }).info('oi');
    expect(JSON.parse(asked.lines[0]!)).toMatchObject({ msg: 'oi' });
  });

  it('redacts secrets in both formats', () => {
    for (const isTTY of [true, false]) {
      const out = capture(isTTY);
      createLogger({ destination: out.stream }).info({ password: 'segredo', nested: { token: 't' } }, 'x');
      expect(out.lines.join('\n')).not.toMatch(/segredo|"t"/);
      expect(out.lines.join('\n')).toContain('[redacted]');
    }
  });
});

describe('request logs', () => {
  let store: Store;
  let close: () => Promise<void>;
  let jobs: JobQueue;
  beforeAll(async () => {
    ({ store, close } = await openTestStore());
    jobs = await startJobQueue(store);
  });
  afterAll(async () => {
    await jobs?.stop();
    await close?.();
  });

  it('a health probe is not logged at info; other requests are', async () => {
    const out = capture(false);
    const app = await buildApp({
      store,
      jobs,
      logger: createLogger({ destination: out.stream }),
      webRoot: '/x',
      platforms: testPlatformDeps(),
    });
    expect((await app.inject({ url: '/healthz' })).statusCode).toBe(200);
    expect(out.lines.filter((line) => line.includes('/healthz'))).toEqual([]);
    await app.inject({ url: '/api/session' });
    expect(out.lines.filter((line) => line.includes('/api/session')).length).toBeGreaterThan(0);
    await app.close();
  });
});
