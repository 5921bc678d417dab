import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    pool: 'forks',
    // Time limits (README "Testes e CI"): a test, a hook, and the global teardown; a slower test states its own.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    teardownTimeout: 10_000,
    // Production-strength scrypt (N=2^17, ~0.5 s a hash) would add minutes to a suite that creates and logs in
    // users in every file; test/store/passwords.test.ts checks the production parameters explicitly.
    env: { FINCONSOLE_SCRYPT_LOG2N: '14' },
    setupFiles: ['./test/support/time-limits.ts'],
    reporters: ['default', './test/reporters/summary.ts'],
  },
});
