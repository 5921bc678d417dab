import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { lockDataDir } from '../../src/store/connection.js';

describe('PGlite data directory lock (embedded mode is one process)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'fc-lock-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('a second claim while the first holds the lock fails with a pt-BR message naming the process', () => {
    const release = lockDataDir(dir);
    expect(readFileSync(join(dir, '.finconsole.lock'), 'utf8')).toBe(String(process.pid));
    expect(() => lockDataDir(dir)).toThrow(`já está aberta pelo processo ${process.pid}`);
    release();
    expect(existsSync(join(dir, '.finconsole.lock'))).toBe(false);
    lockDataDir(dir)();
  });

  it('takes over a lock left by a process that no longer exists', () => {
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']);
    writeFileSync(join(dir, '.finconsole.lock'), dead.stdout.toString());
    const release = lockDataDir(dir);
    expect(readFileSync(join(dir, '.finconsole.lock'), 'utf8')).toBe(String(process.pid));
    release();
  });
});
