// Builds the finconsole CLI into dist/cli/ (esbuild: one ESM entry plus lazily loaded chunks, npm packages left
// external), so a command starts without compiling TypeScript. bin/finconsole.mjs runs this build while it is
// fresh (see cliBuildIsFresh) and the TypeScript sources through tsx otherwise. Run by scripts/ensure-ready.mjs.
import { readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
export const CLI_OUT = join(root, 'dist', 'cli');
export const CLI_ENTRY = join(CLI_OUT, 'finconsole.mjs');
const MANIFEST = join(CLI_OUT, 'build.json');

/** Newest modification time under src/ (web excluded: the CLI never loads it) and of package-lock.json. */
export function newestSourceMtime() {
  const newest = (path) => {
    const stat = statSync(path);
    if (!stat.isDirectory()) return stat.mtimeMs;
    let result = stat.mtimeMs;
    for (const entry of readdirSync(path))
      if (entry !== 'web') result = Math.max(result, newest(join(path, entry)));
    return result;
  };
  return Math.max(newest(join(root, 'src')), statSync(join(root, 'package-lock.json')).mtimeMs);
}

/** The build exists, was made for this checkout, and no source changed since. */
export function cliBuildIsFresh() {
  try {
    const manifest = JSON.parse(readFileSync(MANIFEST, 'utf8'));
    return manifest.root === root && manifest.sourcesMtime >= newestSourceMtime();
  } catch {
    return false;
  }
}

// Modules that find files next to themselves (migrations, dist/web) keep their own location: each source file's
// import.meta.url is replaced by the URL of that file, so the bundle reads the same folders as the sources.
const keepModuleUrls = {
  name: 'keep-module-urls',
  setup(build) {
    build.onLoad({ filter: /\.ts$/ }, (args) => {
      const source = readFileSync(args.path, 'utf8');
      return {
        contents: source.replaceAll('import.meta.url', JSON.stringify(pathToFileURL(args.path).href)),
        loader: 'ts',
      };
    });
  },
};

export async function buildCli() {
  const { build } = await import('esbuild');
  const sourcesMtime = newestSourceMtime();
  rmSync(CLI_OUT, { recursive: true, force: true });
  await build({
    entryPoints: { finconsole: join(root, 'src', 'cli.ts') },
    outdir: CLI_OUT,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    packages: 'external',
    sourcemap: 'linked',
    logLevel: 'warning',
    plugins: [keepModuleUrls],
  });
  writeFileSync(MANIFEST, `${JSON.stringify({ root, sourcesMtime }, null, 2)}\n`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await buildCli();
