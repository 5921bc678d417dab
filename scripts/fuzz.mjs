// Long fuzz runs (issue 14): the property tests CI runs with a few thousand cases, with many more.
//   node scripts/fuzz.mjs            # 20× the CI counts (about 20,000 HTTP requests, 100,000 parser inputs)
//   node scripts/fuzz.mjs 100        # 100×
//   FUZZ_SEED=-1931946997 node scripts/fuzz.mjs 1   # replay the seed a failure printed
// Same tests as `npx vitest run test/api/fuzz.test.ts test/domain/fuzz.test.ts`; FUZZ_RUNS scales their counts.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const scale = process.argv[2] ?? '20';
if (!/^\d+(\.\d+)?$/.test(scale)) {
  console.error(`uso: node scripts/fuzz.mjs [multiplicador]  (recebido "${scale}")`);
  process.exit(2);
}
console.log(
  `[fuzz] ${scale}× os casos da CI${process.env.FUZZ_SEED ? `, semente ${process.env.FUZZ_SEED}` : ''}`,
);
const result = spawnSync(
  process.platform === 'win32' ? 'npx.cmd' : 'npx',
  [
    'vitest',
    'run',
    'test/api/fuzz.test.ts',
    'test/domain/fuzz.test.ts',
    '--testTimeout=0',
    '--hookTimeout=0',
  ],
  { cwd: root, stdio: 'inherit', env: { ...process.env, FUZZ_RUNS: scale } },
);
process.exit(result.status ?? 1);
