/**
 * `npm ci` on a fresh clone (issue 8, "Install and start"): npm ci refuses a lock file that lacks a platform
 * package another package lists as optional ("Missing: @rollup/rollup-android-arm-eabi … from lock file"), so every
 * optional dependency of every locked package must be in the lock, for every platform. And no locked package may
 * require a Node the README's minimum (package.json `engines`) does not give it (npm's EBADENGINE warning).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import semver from 'semver';
import { describe, expect, it } from 'vitest';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const manifest = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as {
  engines: { node: string };
};
const lock = JSON.parse(readFileSync(path.join(repoRoot, 'package-lock.json'), 'utf8')) as {
  packages: Record<
    string,
    { version?: string; optionalDependencies?: Record<string, string>; engines?: { node?: string } }
  >;
};

/** Where npm would find `name` when `from` requires it: its own node_modules, then each parent's, then the root. */
function resolveFrom(from: string, name: string): string | undefined {
  let base = from;
  for (;;) {
    const candidate = base ? `${base}/node_modules/${name}` : `node_modules/${name}`;
    if (lock.packages[candidate]) return candidate;
    if (!base) return undefined;
    const index = base.lastIndexOf('/node_modules/');
    base = index === -1 ? '' : base.slice(0, index);
  }
}

describe('package-lock.json', () => {
  it('holds every optional dependency of every package (all platforms), so npm ci accepts it anywhere', () => {
    const missing: string[] = [];
    for (const [location, entry] of Object.entries(lock.packages))
      for (const name of Object.keys(entry.optionalDependencies ?? {}))
        if (!resolveFrom(location, name)) missing.push(`${name} (de ${location || 'raiz'})`);
    expect(missing).toEqual([]);
    expect(resolveFrom('node_modules/rollup', '@rollup/rollup-android-arm-eabi')).toBeDefined();
    expect(resolveFrom('node_modules/rollup', '@rollup/rollup-win32-x64-msvc')).toBeDefined();
  });

  it('locks no package that needs a newer Node than the minimum package.json promises', () => {
    const minimum = semver.minVersion(manifest.engines.node)!.version;
    const tooNew = Object.entries(lock.packages)
      .filter(([, entry]) => entry.engines?.node && !semver.satisfies(minimum, entry.engines.node))
      .map(([location, entry]) => `${location}@${entry.version} exige node ${entry.engines!.node}`);
    expect(tooNew).toEqual([]);
    expect(semver.satisfies(process.version, manifest.engines.node)).toBe(true);
  });
});
