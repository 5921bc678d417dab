/**
 * Boleto numbers benchmark: barcodes + lines built per second and boletos parsed per second, beside the same work
 * done by independent libraries (node-boleto builds; boleto-brasileiro-validator and @mrmgomes/boleto-utils parse).
 * Run: npx tsx bench/boleto.ts   (prints a Markdown table; results go to docs/benchmarks.md)
 */
import { createRequire } from 'node:module';
import os from 'node:os';
import { makeBankBoleto, parseBoleto, type MakeBankBoletoInput } from '../src/domain/boleto/index.js';

const require = createRequire(import.meta.url);
const validator = require('boleto-brasileiro-validator') as { boletoBancario(code: string): boolean };
const utils = require('@mrmgomes/boleto-utils') as { validarBoleto(code: string): { sucesso: boolean } };
const nodeBoletoBradesco = require('node-boleto/banks/bradesco') as {
  barcodeData(boleto: Record<string, unknown>): string;
  linhaDigitavel(barcode: string): string;
};

const TODAY = '2026-11-23';
const N = 20_000;

function inputFor(i: number): MakeBankBoletoInput {
  return {
    bankCode: '237',
    dueDate: `2027-0${(i % 9) + 1}-1${i % 10}`,
    amountCents: 1000 + i,
    nossoNumero: String(i),
    beneficiary: { agency: '1172', account: '403005', carteira: '09' },
  };
}

function measure(label: string, work: (i: number) => unknown): { label: string; perSecond: number } {
  for (let i = 0; i < 2_000; i++) work(i); // warm-up
  let sink = 0;
  const start = process.hrtime.bigint();
  for (let i = 0; i < N; i++) sink += work(i) ? 1 : 0;
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  if (sink < 0) console.log(sink);
  return { label, perSecond: Math.round(N / seconds) };
}

const inputs = Array.from({ length: N }, (_, i) => inputFor(i));
const built = inputs.map((input) => makeBankBoleto(input, { today: TODAY }));
const lines = built.map((b) => b.line);
const barcodes = built.map((b) => b.barcode);

const results = [
  measure('build barcode + line, Bradesco — finconsole makeBankBoleto', (i) =>
    makeBankBoleto(inputs[i]!, { today: TODAY }),
  ),
  measure('build barcode + line, Bradesco — node-boleto barcodeData + linhaDigitavel', (i) => {
    const input = inputs[i]!;
    const barcode = nodeBoletoBradesco.barcodeData({
      data_vencimento: `${input.dueDate}T12:00:00Z`,
      agencia: '1172',
      valor: input.amountCents,
      carteira: '09',
      codigo_cedente: '403005',
      nosso_numero: input.nossoNumero,
    });
    return nodeBoletoBradesco.linhaDigitavel(barcode);
  }),
  measure(
    'parse + check line — finconsole parseBoleto',
    (i) => parseBoleto(lines[i]!, { today: TODAY }).valid,
  ),
  measure('check line — boleto-brasileiro-validator boletoBancario', (i) =>
    validator.boletoBancario(lines[i]!),
  ),
  measure(
    'parse + check line — @mrmgomes/boleto-utils validarBoleto',
    (i) => utils.validarBoleto(lines[i]!).sucesso,
  ),
  measure(
    'parse + check barcode — finconsole parseBoleto',
    (i) => parseBoleto(barcodes[i]!, { today: TODAY }).valid,
  ),
  measure('check barcode — boleto-brasileiro-validator boletoBancario', (i) =>
    validator.boletoBancario(barcodes[i]!),
  ),
  measure(
    'parse + check barcode — @mrmgomes/boleto-utils validarBoleto',
    (i) => utils.validarBoleto(barcodes[i]!).sucesso,
  ),
];

console.log(
  `Node ${process.version}, ${os.cpus()[0]?.model ?? 'cpu'} (${os.cpus().length} cores shared), ${N} operations each\n`,
);
console.log('| work | operations/s |');
console.log('| --- | ---: |');
for (const { label, perSecond } of results)
  console.log(`| ${label} | ${perSecond.toLocaleString('en-US')} |`);
