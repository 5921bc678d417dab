/**
 * The CLI starts without compiling TypeScript (issue 8, "CLI"): scripts/build-cli.mjs builds it into dist/cli
 * (run by scripts/ensure-ready.mjs before `npm start`/`npm test` and by `npm install`'s prepare), bin/finconsole.mjs
 * runs that build while it matches the sources, and what a command loads at start is commander and its own code:
 * the server, the PDF renderer, the emulators and zod are loaded only by the commands that use them.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCli, CLI_ENTRY, CLI_OUT, cliBuildIsFresh } from '../../scripts/build-cli.mjs';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

beforeAll(async () => {
  if (!cliBuildIsFresh()) await buildCli();
}, 120_000);

/** Packages and chunks a built file imports statically (dynamic `import()` excluded). */
function staticImports(file: string): string[] {
  const code = readFileSync(file, 'utf8');
  return [...code.matchAll(/^(?:import|export)\b[^;]*?\bfrom\s*"([^"]+)"|^import\s*"([^"]+)"/gm)].map(
    (m) => (m[1] ?? m[2])!,
  );
}

/** The packages loading `file` loads, following its static imports of other chunks. */
function packagesLoadedBy(file: string): Set<string> {
  const packages = new Set<string>();
  const seen = new Set<string>();
  const visit = (current: string) => {
    if (seen.has(current)) return;
    seen.add(current);
    for (const specifier of staticImports(current)) {
      if (specifier.startsWith('./')) visit(path.join(CLI_OUT, specifier));
      else if (!specifier.startsWith('node:')) packages.add(specifier);
    }
  };
  visit(file);
  return packages;
}

describe('precompiled CLI', () => {
  it('is fresh after the build and is what bin/finconsole.mjs runs', () => {
    expect(cliBuildIsFresh()).toBe(true);
    const result = spawnSync(process.execPath, ['bin/finconsole.mjs', 'pix', 'make'], {
      cwd: repoRoot,
      encoding: 'utf8',
      env: { ...process.env, FINCONSOLE_DEBUG: '1' },
    });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('erro: informe --name');
    // The stack trace FINCONSOLE_DEBUG prints names the file that ran.
    expect(result.stderr).toContain(path.join('dist', 'cli', 'finconsole.mjs'));
    expect(result.stderr).not.toContain(path.join('src', 'cli'));
  });

  it('loads only commander at start; heavy parts are separate chunks loaded on demand', () => {
    expect([...packagesLoadedBy(CLI_ENTRY)]).toEqual(['commander']);
    const all = new Set(
      ['server-actions', 'pdf', 'app'].flatMap((name) => {
        const chunk = readFileSync(CLI_ENTRY, 'utf8').match(
          new RegExp(`import\\("\\./(${name}-[A-Z0-9]+\\.mjs)"\\)`),
        );
        expect(chunk, `chunk ${name}`).not.toBeNull();
        return [...packagesLoadedBy(path.join(CLI_OUT, chunk![1]!))];
      }),
    );
    expect([...all]).toEqual(expect.arrayContaining(['fastify', 'pdfkit']));
  });

  it('a command from the build gives the same answer as from the sources', () => {
    const args = ['doc', 'check', '12.ABC.345/01DE-35', '--json'];
    const built = spawnSync(process.execPath, ['bin/finconsole.mjs', ...args], {
      cwd: repoRoot,
      encoding: 'utf8',
    });
    const sources = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli.ts', ...args], {
      cwd: repoRoot,
      encoding: 'utf8',
    });
    expect(built.stdout).toBe(sources.stdout);
    expect(JSON.parse(built.stdout)).toMatchObject({ valid: true, kind: 'cnpj' });
  });
});
