/** The CI rule of the summary reporter: an unexpected skip fails the run; PostgreSQL-only tests may skip without DATABASE_URL. */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { skipAllowed } from './summary.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const run = promisify(execFile);

/** Runs vitest on the fixture (one pass, one skip) in a child process and returns its exit code and output. */
async function runFixture(env: NodeJS.ProcessEnv): Promise<{ code: number; output: string }> {
  const args = [path.join(repoRoot, 'node_modules', 'vitest', 'vitest.mjs'), 'run', '--config'];
  args.push(path.join(repoRoot, 'test', 'reporters', 'fixtures', 'vitest.config.ts'));
  try {
    const { stdout, stderr } = await run(process.execPath, args, { cwd: repoRoot, env });
    return { code: 0, output: stdout + stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, output: e.stdout + e.stderr };
  }
}

const { CI: _ci, DATABASE_URL: _db, ...baseEnv } = process.env;

describe('summary reporter', () => {
  it('in CI, a skipped test that is not on the allow-list fails the run and is named', async () => {
    const { code, output } = await runFixture({ ...baseEnv, CI: 'true' });
    expect(output).toContain('vitest: 1 passed, 0 failed, 1 skipped');
    expect(output).toContain(
      'test/reporters/fixtures/skips.fixture.ts > is skipped without being on the allow-list',
    );
    expect(code).toBe(1);
  });

  it('outside CI the same run passes (a local run may lack Chromium or the sample files)', async () => {
    const { code, output } = await runFixture(baseEnv);
    expect(output).toContain('vitest: 1 passed, 0 failed, 1 skipped');
    expect(code).toBe(0);
  });

  it('allows the PostgreSQL-only tests to skip only while DATABASE_URL is unset', () => {
    const workers = 'several worker processes on PostgreSQL share the work (set DATABASE_URL to run) > runs';
    expect(skipAllowed('test/jobs/workers.test.ts', workers, {})).toBe(true);
    expect(skipAllowed('test/jobs/workers.test.ts', workers, { DATABASE_URL: 'postgres://x/y' })).toBe(false);
    expect(skipAllowed('test/store/migrate.test.ts', 'concurrent migrate on PostgreSQL (x) > six', {})).toBe(
      true,
    );
    expect(skipAllowed('test/domain/cnab/samples-240.test.ts', 'CNAB 240 retorno samples > x', {})).toBe(
      false,
    );
    expect(skipAllowed('test/e2e/console.test.ts', 'console no navegador (Chromium) > admin', {})).toBe(
      false,
    );
  });
});
