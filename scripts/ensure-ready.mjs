// prestart/pretest: installs dependencies when package-lock.json changed since the last install, and builds
// the console and the CLI when their sources are newer than their builds. Uses only Node built-ins: it runs before npm ci.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

function lockHash() {
  return createHash('sha256')
    .update(readFileSync(join(root, 'package-lock.json')))
    .digest('hex');
}

function ensureDependencies() {
  const marker = join(root, 'node_modules', '.finconsole-lock-hash');
  const wanted = lockHash();
  if (existsSync(marker) && readFileSync(marker, 'utf8') === wanted) return;
  // A fresh checkout installs exactly the lock (npm ci, as CI and deployments do); a checkout whose lock changed
  // since its last install updates in place (npm install keeps what is already there).
  const fresh = !existsSync(join(root, 'node_modules'));
  const command = fresh ? 'ci' : 'install';
  console.log(`[finconsole] instalando dependências (npm ${command})…`);
  execFileSync(npm, [command, '--include=dev', '--no-audit', '--no-fund'], { cwd: root, stdio: 'inherit' });
  writeFileSync(marker, lockHash());
}

function newestMtime(path) {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

function ensureConsoleBuild() {
  const sources = join(root, 'src', 'web');
  if (!existsSync(join(sources, 'index.html'))) return;
  const built = join(root, 'dist', 'web', 'index.html');
  const inputs = [sources, join(root, 'vite.config.ts'), join(root, 'package-lock.json')];
  const newestInput = Math.max(...inputs.map(newestMtime));
  if (existsSync(built) && statSync(built).mtimeMs >= newestInput) return;
  console.log('[finconsole] construindo o console (vite build)…');
  execFileSync(npm, ['run', '--silent', 'build:web'], { cwd: root, stdio: 'inherit' });
}

async function ensureCliBuild() {
  const { buildCli, cliBuildIsFresh } = await import('./build-cli.mjs');
  if (cliBuildIsFresh()) return;
  console.log('[finconsole] construindo o CLI (esbuild)…');
  await buildCli();
}

ensureDependencies();
ensureConsoleBuild();
await ensureCliBuild();
