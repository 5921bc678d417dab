/**
 * CNAB 240 retorno throughput and memory: generates retorno files with N details (N T+U pairs, Banco do Brasil
 * layout) in a temp dir, parses each in a fresh child process (so peak memory is that parse's alone) from a file
 * stream, and prints lines/second, peak RSS and peak heap. Also times the independent nodejs-cnab reader on a
 * small file for scale (it re-reads its YAML layouts for every line and needs the whole file in memory).
 *
 *   npx tsx bench/cnab-retorno.ts              # 100k and 1M details
 *   npx tsx bench/cnab-retorno.ts 200000       # custom sizes
 */
import { execFileSync } from 'node:child_process';
import { createReadStream, createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { readRetornoBatches } from '../src/domain/cnab/reader.js';

const z = (n: number, v: number | string) => String(v).padStart(n, '0');

function line(parts: [number, string][]): string {
  let l = ' '.repeat(240);
  for (const [start, text] of parts) l = l.slice(0, start - 1) + text + l.slice(start - 1 + text.length);
  return l;
}

async function generate(file: string, details: number): Promise<void> {
  const out = createWriteStream(file);
  const write = (s: string) =>
    out.write(s) ? Promise.resolve() : new Promise<void>((r) => out.once('drain', () => r()));
  await write(
    line([
      [1, '001'],
      [4, '0000'],
      [8, '0'],
      [73, 'EMPRESA BENCH'],
      [143, '2'],
      [144, '23112026'],
      [158, '000001'],
    ]) + '\r\n',
  );
  await write(
    line([
      [1, '001'],
      [4, '0001'],
      [8, '1'],
      [9, 'T'],
    ]) + '\r\n',
  );
  const occurrences = ['02', '06', '06', '06', '09', '28', '03'];
  let buffer = '';
  for (let i = 0; i < details; i++) {
    const occ = occurrences[i % occurrences.length]!;
    buffer +=
      line([
        [1, '001'],
        [4, '0001'],
        [8, '3'],
        [9, z(5, (2 * i + 1) % 100000)],
        [14, 'T'],
        [16, occ],
        [38, z(17, i + 1)],
        [74, '21122026'],
        [82, z(15, 10000 + (i % 90000))],
        [106, `TIT-${i}`],
        [199, z(15, 150)],
        [214, occ === '03' ? '0816' : ''],
      ]) +
      '\r\n' +
      line([
        [1, '001'],
        [4, '0001'],
        [8, '3'],
        [9, z(5, (2 * i + 2) % 100000)],
        [14, 'U'],
        [16, occ],
        [18, z(15, i % 7)],
        [33, z(15, 0)],
        [48, z(15, 0)],
        [63, z(15, 0)],
        [78, z(15, occ === '06' ? 10000 + (i % 90000) : 0)],
        [93, z(15, 0)],
        [108, z(15, 0)],
        [123, z(15, 0)],
        [138, '22122026'],
        [146, occ === '06' ? '23122026' : '00000000'],
      ]) +
      '\r\n';
    if (buffer.length > 1 << 20) {
      await write(buffer);
      buffer = '';
    }
  }
  await write(buffer);
  await write(
    line([
      [1, '001'],
      [4, '0001'],
      [8, '5'],
      [18, z(6, (details * 2 + 2) % 1000000)],
    ]) + '\r\n',
  );
  await write(
    line([
      [1, '001'],
      [4, '9999'],
      [8, '9'],
      [18, '000001'],
      [24, z(6, (details * 2 + 4) % 1000000)],
    ]) + '\r\n',
  );
  await new Promise<void>((r) => out.end(r));
}

/** Child mode: parse one file, report JSON. */
async function parseChild(file: string): Promise<void> {
  let peakRss = 0;
  let peakHeap = 0;
  let events = 0;
  let errors = 0;
  let batches = 0;
  const started = process.hrtime.bigint();
  const cpu = process.cpuUsage();
  for await (const batch of readRetornoBatches(createReadStream(file, { highWaterMark: 1 << 20 }))) {
    for (const e of batch) {
      if (e.type === 'detail') events++;
      else if (e.type === 'error') errors++;
    }
    if (++batches % 8 === 0) {
      const m = process.memoryUsage();
      peakRss = Math.max(peakRss, m.rss);
      peakHeap = Math.max(peakHeap, m.heapUsed);
    }
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const used = process.cpuUsage(cpu);
  const cpuSeconds = (used.user + used.system) / 1e6;
  const m = process.memoryUsage();
  peakRss = Math.max(peakRss, m.rss);
  peakHeap = Math.max(peakHeap, m.heapUsed);
  process.stdout.write(JSON.stringify({ events, errors, seconds, cpuSeconds, peakRss, peakHeap }));
}

async function oracleSmall(file: string, lines: number): Promise<number> {
  const { createRequire } = await import('node:module');
  const require = createRequire(import.meta.url);
  const lib = require('@banco-br/nodejs-cnab') as {
    parseRemessaCnab: (f: string[], t: number, b: string, r: string) => unknown[];
  };
  const { readFileSync } = await import('node:fs');
  const text = readFileSync(file, 'latin1')
    .split('\r\n')
    .slice(2, 2 + lines);
  const started = process.hrtime.bigint();
  for (const l of text)
    lib.parseRemessaCnab(
      [l.charAt(13) === 'T' ? 'detalhe_segmento_t' : 'detalhe_segmento_u'],
      240,
      'generic',
      l,
    );
  return text.length / (Number(process.hrtime.bigint() - started) / 1e9);
}

const MB = (b: number) => `${(b / 1024 / 1024).toFixed(0)} MB`;

async function main(): Promise<void> {
  if (process.argv[2] === '--child') return parseChild(process.argv[3]!);
  const sizes = process.argv
    .slice(2)
    .map(Number)
    .filter((n) => n > 0);
  const dir = mkdtempSync(path.join(tmpdir(), 'cnab-bench-'));
  const self = fileURLToPath(import.meta.url);
  const rows: string[] = [];
  try {
    for (const details of sizes.length ? sizes : [100_000, 1_000_000]) {
      const file = path.join(dir, `retorno-${details}.ret`);
      await generate(file, details);
      const lines = details * 2 + 4;
      const out = execFileSync(process.execPath, ['--import', 'tsx', self, '--child', file], {
        encoding: 'utf8',
        maxBuffer: 1 << 20,
      });
      const r = JSON.parse(out) as {
        events: number;
        errors: number;
        seconds: number;
        cpuSeconds: number;
        peakRss: number;
        peakHeap: number;
      };
      if (r.events !== details || r.errors !== 0)
        throw new Error(`esperado ${details} eventos sem erros, obtido ${r.events} e ${r.errors} erros`);
      rows.push(
        `| ${details.toLocaleString('en-US')} | ${lines.toLocaleString('en-US')} | ${MB(statSync(file).size)} | ${r.seconds.toFixed(2)} s | ${r.cpuSeconds.toFixed(2)} s | ${Math.round(lines / r.seconds).toLocaleString('en-US')} | ${Math.round(lines / r.cpuSeconds).toLocaleString('en-US')} | ${Math.round(details / r.seconds).toLocaleString('en-US')} | ${MB(r.peakRss)} | ${MB(r.peakHeap)} |`,
      );
      console.log(rows.at(-1));
      console.log(
        `load average during run: ${(await import('node:os'))
          .loadavg()
          .map((x) => x.toFixed(1))
          .join(' ')}`,
      );
      if (details === (sizes[0] ?? 100_000)) {
        const rate = await oracleSmall(file, 2000);
        console.log(
          `nodejs-cnab (independent), first 2,000 lines of the same file: ${Math.round(rate).toLocaleString('en-US')} lines/s`,
        );
      }
      rmSync(file);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  console.log(
    '\n| details | lines | file | wall | CPU | lines/s (wall) | lines/s (CPU) | details/s | peak RSS | peak heap |\n|---|---|---|---|---|---|---|---|---|---|',
  );
  console.log(rows.join('\n'));
}

await main();
