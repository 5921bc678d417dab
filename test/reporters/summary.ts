import path from 'node:path';
import type { Reporter, TestModule, Vitest } from 'vitest/node';

/**
 * Tests that may skip, and only when DATABASE_URL is unset: they need a real PostgreSQL server and run in the
 * PostgreSQL pass of .ci/run. Any other skip in CI (CI=true) fails the run: a missing ../shared/cnab-samples
 * folder, a missing Chromium or pdftoppm, or an outside parser that could not load must never pass as green.
 */
export const POSTGRES_ONLY: readonly { file: string; name: RegExp }[] = [
  { file: 'test/jobs/workers.test.ts', name: /^several worker processes on PostgreSQL/ },
  { file: 'test/jobs/dead-worker.test.ts', name: /^a worker killed by SIGKILL on PostgreSQL/ },
  { file: 'test/store/migrate.test.ts', name: /^concurrent migrate on PostgreSQL/ },
  {
    file: 'test/store/connection-errors.test.ts',
    name: /^opening PostgreSQL > a database that does not exist/,
  },
];

/** Whether a skipped test is expected here: a PostgreSQL-only one while DATABASE_URL is unset. */
export function skipAllowed(file: string, fullName: string, env: NodeJS.ProcessEnv = process.env): boolean {
  if (env.DATABASE_URL) return false;
  return POSTGRES_ONLY.some((entry) => entry.file === file && entry.name.test(fullName));
}

/**
 * Prints one plain closing line, "vitest: N passed, N failed, N skipped", that CI log readers understand; in CI
 * it lists every unexpected skip and sets a failing exit code.
 */
export default class SummaryReporter implements Reporter {
  private root = process.cwd();

  onInit(vitest: Vitest): void {
    this.root = vitest.config.root;
  }

  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    const counts = { passed: 0, failed: 0, skipped: 0 };
    const unexpected: string[] = [];
    for (const testModule of testModules) {
      const file = path.relative(this.root, testModule.moduleId).split(path.sep).join('/');
      for (const test of testModule.children.allTests()) {
        const state = test.result().state;
        if (state === 'passed') counts.passed += 1;
        else if (state === 'failed') counts.failed += 1;
        else {
          counts.skipped += 1;
          if (!skipAllowed(file, test.fullName)) unexpected.push(`${file} > ${test.fullName}`);
        }
      }
    }
    console.log(`vitest: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`);
    if (process.env.CI === 'true' && unexpected.length > 0) {
      console.error(
        `CI: ${unexpected.length} teste(s) pulado(s) sem estar na lista de permitidos (test/reporters/summary.ts):\n` +
          unexpected.map((line) => `  - ${line}`).join('\n'),
      );
      process.exitCode = 1;
    }
  }
}
