/**
 * PIX BR Code benchmark: static BR Codes built + parsed per second, finconsole beside pix-utils (independent library).
 * Run: npx tsx bench/pix.ts   (prints a Markdown table; results go to docs/benchmarks.md)
 */
import os from 'node:os';
import { createStaticPix, hasError, parsePix as pixUtilsParse } from 'pix-utils';
import { makeCpf } from '../src/domain/documents/index.js';
import { makeStaticPix, parsePix } from '../src/domain/pix/index.js';

const N = 20_000;

const inputs = Array.from({ length: N }, (_, i) => ({
  key: makeCpf(String(100_000_000 + i * 7919).slice(0, 9)),
  amountCents: 100 + i,
  merchantName: `LOJA EXEMPLO ${i % 1000}`,
  merchantCity: 'SAO PAULO',
  txid: `PED${i}`,
  description: `Pedido ${i}`,
}));

function measure(
  label: string,
  work: (i: number) => unknown,
): { label: string; perSecond: number; failed: number } {
  for (let i = 0; i < 2_000; i++) work(i); // warm-up
  let sink = 0;
  const start = process.hrtime.bigint();
  for (let i = 0; i < N; i++) sink += work(i) ? 1 : 0;
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  return { label, perSecond: Math.round(N / seconds), failed: N - sink };
}

const ours = inputs.map((input) => makeStaticPix(input));
const results = [
  measure('build — finconsole makeStaticPix', (i) => makeStaticPix(inputs[i]!)),
  measure('build — pix-utils createStaticPix + toBRCode', (i) => {
    const input = inputs[i]!;
    const pix = createStaticPix({
      pixKey: input.key,
      merchantName: input.merchantName,
      merchantCity: input.merchantCity,
      transactionAmount: input.amountCents / 100,
      txid: input.txid,
      infoAdicional: input.description,
    });
    return !hasError(pix) && pix.toBRCode();
  }),
  measure('parse + validate — finconsole parsePix', (i) => parsePix(ours[i]!).valid),
  measure('parse + validate — pix-utils parsePix', (i) => !hasError(pixUtilsParse(ours[i]!))),
  measure('build + parse — finconsole', (i) => parsePix(makeStaticPix(inputs[i]!)).valid),
  measure('build + parse — pix-utils', (i) => {
    const input = inputs[i]!;
    const pix = createStaticPix({
      pixKey: input.key,
      merchantName: input.merchantName,
      merchantCity: input.merchantCity,
      transactionAmount: input.amountCents / 100,
      txid: input.txid,
      infoAdicional: input.description,
    });
    return !hasError(pix) && !hasError(pixUtilsParse(pix.toBRCode()));
  }),
];

const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
console.log(
  `Node ${process.version}, ${cpu} (${os.cpus().length} cores), ${N} operations each, load ${os.loadavg()[0]?.toFixed(1)}\n`,
);
const width = Math.max(...results.map((r) => r.label.length));
console.log(`| ${'work'.padEnd(width)} | operations/s | rejected |`);
console.log(`| ${'-'.repeat(width)} | -----------: | -------: |`);
for (const r of results)
  console.log(
    `| ${r.label.padEnd(width)} | ${r.perSecond.toLocaleString('en-US').padStart(12)} | ${String(r.failed).padStart(8)} |`,
  );
