import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    pool: 'forks',
    // Time limits (README "Testes e CI"): a test, a hook, and the global teardown; a slower test states its own.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    teardownTimeout: 10_000,
    setupFiles: ['./test/support/time-limits.ts'],
    reporters: ['default', './test/reporters/summary.ts'],
  },
});
