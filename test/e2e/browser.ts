/**
 * What the browser tests share: a full finconsole (in-memory PGlite, demo seed) with the console built, Debian's
 * Chromium through playwright-core (never downloaded), and small page helpers. Screenshots go to test-output/e2e/.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { expect } from 'vitest';
import { startFinconsole } from '../../src/runtime.js';

export const CHROMIUM = '/usr/bin/chromium';
export const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) console.warn('Chromium ausente em /usr/bin/chromium: teste de navegador pulado');

const repoRoot = resolve(import.meta.dirname, '..', '..');
export const shots = join(repoRoot, 'test-output', 'e2e');

function newestMtime(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce(
    (newest, entry) => Math.max(newest, newestMtime(join(path, entry))),
    stat.mtimeMs,
  );
}

function consoleIsFresh(): boolean {
  const built = join(repoRoot, 'dist', 'web', 'index.html');
  const newest = Math.max(
    newestMtime(join(repoRoot, 'src', 'web')),
    newestMtime(join(repoRoot, 'vite.config.ts')),
  );
  return existsSync(built) && statSync(built).mtimeMs >= newest;
}

/**
 * Builds the console when dist/web is missing or older than its sources (so the test also runs directly). The
 * browser test files run in parallel: a lock directory lets one build while the others wait for it.
 */
export function ensureConsoleBuilt(): void {
  if (consoleIsFresh()) return;
  mkdirSync(join(repoRoot, 'dist'), { recursive: true });
  const lock = join(repoRoot, 'dist', '.web-build.lock');
  const deadline = Date.now() + 300_000;
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      if (Date.now() > deadline)
        throw new Error(`${lock} preso há 5 minutos: apague-o se nenhum build estiver rodando`);
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 500);
    }
  }
  try {
    if (!consoleIsFresh()) buildConsole();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

function buildConsole(): void {
  execFileSync(process.platform === 'win32' ? 'npm.cmd' : 'npm', ['run', '--silent', 'build:web'], {
    cwd: repoRoot,
    stdio: 'inherit',
    // vitest sets NODE_ENV=test, which Vite would honour and ship React's development build.
    env: { ...process.env, NODE_ENV: 'production' },
  });
}

export type Server = Awaited<ReturnType<typeof startFinconsole>>;

export async function startServerAndBrowser(): Promise<{ server: Server; browser: Browser }> {
  mkdirSync(shots, { recursive: true });
  ensureConsoleBuilt();
  const server = await startFinconsole({
    port: 0,
    dataDir: 'memory',
    seedDemo: true,
    worker: false,
    logLevel: 'warn',
  });
  return { server, browser: await launchBrowser() };
}

/** Debian's Chromium, headless, quiet (no background network, no updates). */
export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export async function newPage(browser: Browser, width: number, height = 900): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width, height },
    locale: 'pt-BR',
    timezoneId: 'America/Sao_Paulo',
  });
  const page = await context.newPage();
  page.on('pageerror', (error) => console.error('erro na página:', error.message));
  return page;
}

/** GET through the page's own session cookie. */
export async function apiGet<T>(page: Page, path: string): Promise<{ status: number; body: T }> {
  return page.evaluate(async (url) => {
    const response = await fetch(url, { headers: { accept: 'application/json' } });
    const text = await response.text();
    return { status: response.status, body: (text ? JSON.parse(text) : null) as never };
  }, path);
}

/** Runs an action that reloads the títulos list and waits until the page shows the answer. */
export async function reloadList(page: Page, action: () => Promise<unknown>, path = '/api/receivables?') {
  const answered = page.waitForResponse((r) => r.url().includes(path));
  await action();
  await answered;
  await page.locator('main table[aria-busy="false"]').first().waitFor();
}

export async function login(page: Page, email: string, password: string): Promise<void> {
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Senha').fill(password);
  await page.getByRole('button', { name: 'Entrar' }).click();
}

export function isoToBr(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${y}`;
}

export function brDateToIso(text: string): string {
  const [d, m, y] = text.trim().slice(0, 10).split('/');
  return `${y}-${m}-${d}`;
}

export interface ListItem {
  id: string;
  companyId: string;
  customerId: string;
  customerName: string;
  number: string;
  installment: number;
  status: string;
  dueDate: string;
  amountCents: number;
  openAmountCents: number;
  overdue: boolean;
}

/** Every título of a filter, page by page (pageSize 200 is the API maximum). */
export async function fetchAll(page: Page, params: Record<string, string>): Promise<ListItem[]> {
  const items: ListItem[] = [];
  for (let n = 1; ; n++) {
    const query = new URLSearchParams({ ...params, page: String(n), pageSize: '200' });
    const { status, body } = await apiGet<{ items: ListItem[]; total: number }>(
      page,
      `/api/receivables?${query.toString()}`,
    );
    expect(status).toBe(200);
    items.push(...body.items);
    if (items.length >= body.total || body.items.length === 0) return items;
  }
}
