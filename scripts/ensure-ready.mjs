// prestart/pretest: installs dependencies when package-lock.json changed since the last install, and builds
// the console when its sources are newer than the build. Uses only Node built-ins: it runs before npm ci.
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
  // npm install rather than npm ci: npm 11 writes lock files without the other platforms' optional
  // packages (rollup's), and npm ci then refuses the lock; npm install still installs the locked versions.
  console.log('[finconsole] instalando dependências (npm install)…');
  execFileSync(npm, ['install', '--include=dev', '--no-audit', '--no-fund'], { cwd: root, stdio: 'inherit' });
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

ensureDependencies();
ensureConsoleBuild();
