/**
 * Carnê PDF benchmark: a 1,000-installment carnê (334 A4 pages, 3 installments per page), rendered with and
 * without the PIX QR code (boleto híbrido). Reports pages per second and installments per second.
 * Run: npx tsx bench/carne-pdf.ts   (results go to docs/benchmarks.md)
 */
import os from 'node:os';
import { addMonths } from '../src/domain/dates.js';
import { renderBoletoPdf } from '../src/pdf/boleto.js';
import { boletoDocumentSchema, type BoletoDocument } from '../src/pdf/schema.js';

const INSTALLMENTS = 1_000;

function carne(hybrid: boolean): BoletoDocument[] {
  return Array.from({ length: INSTALLMENTS }, (_, i) =>
    boletoDocumentSchema.parse({
      bankCode: '341',
      beneficiary: {
        name: 'Comércio Exemplo Ltda',
        document: '11.222.333/0001-81',
        address: 'Rua A, 1, São Paulo/SP',
      },
      payer: { name: 'José da Silva', document: '111.444.777-35', address: 'Av. B, 2, Campinas/SP' },
      account: { agency: '1234', account: '12345', carteira: '109' },
      nossoNumero: String(10_000 + i),
      documentNumber: `CARNE-${i + 1}`,
      issueDate: '2026-11-20',
      // 1,000 monthly installments would run past the fator de vencimento window; cycle through 10 years.
      dueDate: addMonths('2026-12-10', i % 120),
      amountCents: 15_000 + i,
      instructions: ['Após o vencimento cobrar multa de 2% e juros de 1% ao mês.'],
      installment: { number: i + 1, total: INSTALLMENTS },
      ...(hybrid ? { pix: { key: '11222333000181', city: 'São Paulo', txid: `CARNE${i + 1}` } } : {}),
    }),
  );
}

async function measure(label: string, documents: BoletoDocument[]): Promise<string> {
  await renderBoletoPdf(documents.slice(0, 30), { carne: true }); // warm-up
  const start = process.hrtime.bigint();
  const cpuStart = process.cpuUsage();
  const pdf = await renderBoletoPdf(documents, { carne: true });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  const used = process.cpuUsage(cpuStart);
  // CPU time of this process: much less sensitive than wall time to other processes sharing the machine.
  const cpuSeconds = (used.user + used.system) / 1e6;
  const pages = Math.ceil(documents.length / 3);
  return `| ${label} | ${pages} | ${(pdf.length / 1024 / 1024).toFixed(1)} MB | ${seconds.toFixed(2)} s | ${Math.round(pages / seconds)} | ${cpuSeconds.toFixed(2)} s | ${Math.round(pages / cpuSeconds)} | ${Math.round(documents.length / cpuSeconds)} |`;
}

const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
console.log(
  `Node ${process.version}, ${cpu} (${os.cpus().length} cores), load ${os.loadavg()[0]?.toFixed(1)}\n`,
);
console.log(
  '| carnê, 1,000 installments | pages | size | wall time | pages/s (wall) | CPU time | pages/CPU-s | installments/CPU-s |',
);
console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
console.log(await measure('boleto only', carne(false)));
console.log(await measure('boleto híbrido (PIX QR)', carne(true)));
