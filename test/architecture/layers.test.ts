/**
 * Dependencies run one way (DESIGN.md): api → jobs → services → (contracts, platforms, store) → domain. This
 * reads every import under src/ and fails on one that runs upward or sideways where the design forbids it.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const src = resolve(dirname(fileURLToPath(import.meta.url)), '../../src');

/** What each top-level folder may import, besides itself. Entry points (cli, runtime) may import anything. */
const allowed: Record<string, readonly string[]> = {
  domain: [],
  contracts: ['domain', 'platforms'],
  platforms: ['domain'],
  store: ['domain'],
  services: ['domain', 'contracts', 'platforms', 'store', 'logger.ts', 'config.ts'],
  jobs: ['domain', 'contracts', 'platforms', 'store', 'services', 'logger.ts', 'config.ts'],
  api: ['domain', 'contracts', 'platforms', 'store', 'services', 'jobs', 'pdf', 'logger.ts', 'config.ts'],
  pdf: ['domain'],
  web: ['domain', 'contracts'],
};

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) ? [path] : [];
  });
}

function layerOf(path: string): string {
  return relative(src, path).split('/')[0]!;
}

const importPattern = /(?:^|\n)\s*(?:import|export)[^'";]*?from\s+'(\.[^']+)'/g;

describe('import direction', () => {
  it('no module imports a layer above its own (emulators are only reached from cli and tests)', () => {
    const violations: string[] = [];
    for (const file of sourceFiles(src)) {
      const layer = layerOf(file);
      const rules = allowed[layer];
      if (!rules) continue;
      for (const match of readFileSync(file, 'utf8').matchAll(importPattern)) {
        const target = resolve(dirname(file), match[1]!);
        const targetLayer = layerOf(target);
        const fromEmulator = /\/emulator\//.test(target) && !/\/emulator\//.test(file);
        if (fromEmulator)
          violations.push(`${relative(src, file)} → ${match[1]} (emulador fora de cli/testes)`);
        if (targetLayer === layer || rules.includes(targetLayer)) continue;
        violations.push(`${relative(src, file)} → ${match[1]}`);
      }
    }
    expect(violations).toEqual([]);
  });

  it('catches an upward import (the check itself can fail)', () => {
    const sample = "import { x } from '../jobs/index.js';";
    const [match] = [...sample.matchAll(importPattern)];
    expect(layerOf(resolve(src, 'services', match![1]!))).toBe('jobs');
    expect(allowed['services']).not.toContain('jobs');
  });
});
