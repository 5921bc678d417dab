/**
 * CNAB 400 retorno throughput: builds Bradesco (237) and Banco do Brasil CBR643 (001) retornos with N details in
 * memory (mixed liquidação, entrada, baixa, tarifa, rejeição), feeds them to the reader in 1 MiB chunks and prints
 * lines/second and the heap after the run.
 *
 *   npx tsx bench/cnab400-retorno.ts            # 100k details per bank
 *   npx tsx bench/cnab400-retorno.ts 500000     # custom size
 */
import { readRetornoBatches } from '../src/domain/cnab/reader.js';

const z = (n: number, v: number | string) => String(v).padStart(n, '0');

function line(parts: [number, string][]): string {
  let l = ' '.repeat(400);
  for (const [start, text] of parts) l = l.slice(0, start - 1) + text + l.slice(start - 1 + text.length);
  return l;
}

function build(bank: '237' | '001', details: number): string[] {
  const chunks: string[] = [];
  const header = line([
    [1, '02RETORNO01COBRANCA'],
    [47, 'EMPRESA BENCH'],
    [77, bank],
    [95, '221226'],
    [395, '000001'],
  ]);
  const occurrences =
    bank === '237' ? ['02', '06', '06', '06', '09', '28', '03'] : ['02', '06', '06', '06', '09', '96', '03'];
  let buffer = `${header}\r\n`;
  for (let i = 0; i < details; i++) {
    const occ = occurrences[i % occurrences.length]!;
    const paid = occ === '06' ? z(13, 10000 + (i % 90000)) : z(13, 0);
    const parts: [number, string][] =
      bank === '237'
        ? [
            [1, '102'],
            [4, '12345678000195'],
            [21, '0009014670019669P'],
            [38, `TIT-${i}`],
            [71, z(12, i + 1)],
            [108, '9'],
            [109, occ],
            [111, '211226'],
            [147, '201226'],
            [153, z(13, 10000 + (i % 90000))],
            [176, z(13, 160)],
            [254, paid],
            [296, occ === '06' ? '221226' : '000000'],
            [319, occ === '03' ? '0809' : ''],
          ]
        : [
            [1, '702'],
            [4, '12345678000195'],
            [32, '1234567'],
            [39, `TIT-${i}`],
            [64, `1234567${z(10, i + 1)}`],
            [87, occ === '03' ? '33' : '01'],
            [107, '17'],
            [109, occ],
            [111, '211226'],
            [147, '201226'],
            [153, z(13, 10000 + (i % 90000))],
            [176, occ === '06' ? '221226' : '000000'],
            [182, z(7, 500)],
            [254, paid],
          ];
    parts.push([395, z(6, (i + 2) % 1000000)]);
    buffer += `${line(parts)}\r\n`;
    if (buffer.length > 1 << 20) {
      chunks.push(buffer);
      buffer = '';
    }
  }
  buffer += `${line([
    [1, `92${bank === '237' ? '01237' : '01001'}`],
    [395, z(6, (details + 2) % 1000000)],
  ])}\r\n`;
  chunks.push(buffer);
  return chunks;
}

const sizes = process.argv
  .slice(2)
  .map(Number)
  .filter((n) => n > 0);
for (const details of sizes.length > 0 ? sizes : [100_000]) {
  for (const bank of ['237', '001'] as const) {
    const chunks = build(bank, details);
    const started = process.hrtime.bigint();
    let events = 0;
    let errors = 0;
    for await (const batch of readRetornoBatches(chunks)) {
      for (const e of batch) {
        if (e.type === 'detail') events++;
        else if (e.type === 'error') errors++;
      }
    }
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    const lines = details + 2;
    console.log(
      `${bank} CNAB 400: ${details} detalhes, ${events} eventos, ${errors} erros, ${seconds.toFixed(2)} s, ` +
        `${Math.round(lines / seconds).toLocaleString('pt-BR')} linhas/s, heap ${Math.round(process.memoryUsage().heapUsed / 2 ** 20)} MiB`,
    );
  }
}
