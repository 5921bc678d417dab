/** `finconsole cnab …` end to end through bin/finconsole.mjs: JSON Lines shapes, exit codes, write → parse. */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  repoRoot,
  retorno240Lines,
  sample,
  samplesDir,
  samplesPresent,
  SAMPLES_ABSENT,
} from '../domain/cnab/helpers.js';

const run = promisify(execFile);
const bin = path.join(repoRoot, 'bin', 'finconsole.mjs');

async function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [bin, ...args], {
      cwd: repoRoot,
      maxBuffer: 1 << 26,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

/** Text at 1-based inclusive positions, as the manuals print them. */
const at = (line: string, start: number, end: number) => line.slice(start - 1, end);
const isoDate = (ddmmyyyy: string) => `${ddmmyyyy.slice(4)}-${ddmmyyyy.slice(2, 4)}-${ddmmyyyy.slice(0, 2)}`;

describe('finconsole cnab', () => {
  let tmp = '';
  beforeAll(() => {
    tmp = mkdtempSync(path.join(tmpdir(), 'cnab-cli-'));
  });
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  it('parse --json prints one JSON object per detail with the documented shape, exit 0', async () => {
    const file = path.join(tmp, 'ok.ret');
    writeFileSync(file, retorno240Lines(2).join('\r\n') + '\r\n');
    const { code, stdout } = await cli('cnab', 'parse', file, '--json');
    expect(code).toBe(0);
    const rows = stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(rows).toHaveLength(2);
    expect(rows[0]).toEqual({
      line: 3,
      bank: '001',
      layout: 240,
      kind: 'paid',
      action: 'settle',
      occurrence: { code: '06', description: 'Liquidação' },
      reasons: [],
      nossoNumero: '0000000001',
      seuNumero: 'TIT-0',
      documentNumber: '',
      dueDate: '2026-12-21',
      occurredOn: '2026-12-22',
      creditedOn: '2026-12-23',
      amounts: {
        titleCents: 10000,
        paidCents: 10000,
        interestCents: 0,
        discountCents: 0,
        rebateCents: 0,
        feeCents: 150,
        otherCostsCents: 0,
        iofCents: 0,
        otherCreditsCents: 0,
        netCents: 9850,
      },
    });
  });

  it('parse reports a code outside the bank table as an occurrence without command, exit 0', async () => {
    const lines = retorno240Lines(1);
    lines[2] = lines[2]!.slice(0, 15) + '98' + lines[2]!.slice(17);
    const file = path.join(tmp, 'unknown-code.ret');
    writeFileSync(file, lines.join('\r\n') + '\r\n');
    const json = await cli('cnab', 'parse', file, '--json');
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout.trim())).toMatchObject({
      kind: null,
      action: null,
      occurrence: { code: '98', description: '' },
      amounts: { paidCents: 10000 },
    });
    const human = await cli('cnab', 'parse', file);
    expect(human.code).toBe(0);
    expect(human.stdout).toMatch(
      /98 \(código fora da tabela do banco\) \(comando de retorno não cadastrado\)/,
    );
  });

  it('parse prints error events and exits 1', async () => {
    const lines = retorno240Lines(1);
    lines[3] = lines[3]!.slice(0, 50);
    const file = path.join(tmp, 'bad.ret');
    writeFileSync(file, lines.join('\n'));
    const { code, stdout } = await cli('cnab', 'parse', file, '--json');
    expect(code).toBe(1);
    const [error] = stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(error).toMatchObject({ line: 4, column: 51, field: 'rebateCents', raw: lines[3] });
    expect(Object.keys(error!).sort()).toEqual(['column', 'error', 'field', 'line', 'raw']);
  });

  it('parse of a missing file is a pt-BR error, exit 2', async () => {
    const { code, stderr } = await cli('cnab', 'parse', path.join(tmp, 'nope.ret'), '--json');
    expect(code).toBe(2);
    expect(stderr).toMatch(/arquivo não encontrado/);
  });

  it('write then parse round trip through the example JSON (docs/examples/remessa.json) on a 240 bank', async () => {
    const example = JSON.parse(
      readFileSync(path.join(repoRoot, 'docs', 'examples', 'remessa.json'), 'utf8'),
    ) as Record<string, unknown>;
    const input = path.join(tmp, 'in.json');
    writeFileSync(
      input,
      JSON.stringify({ ...example, portador: { ...(example.portador as object), convenio: '12345' } }),
    );
    const out = path.join(tmp, 'out.rem');
    const { code, stdout } = await cli(
      'cnab',
      'write',
      '--bank',
      '748',
      '--layout',
      '240',
      '--in',
      input,
      '--out',
      out,
    );
    expect(code).toBe(0);
    expect(stdout).toMatch(/748-240-remessa/);
    expect(stdout).toMatch(/12345N23\.CRM/);
    const content = readFileSync(out, 'latin1');
    expect(
      content
        .split('\r\n')
        .slice(0, -1)
        .every((l) => l.length === 240),
    ).toBe(true);
  });

  it('write reports invalid input in pt-BR with the field path, exit 2', async () => {
    const input = path.join(tmp, 'bad.json');
    writeFileSync(input, JSON.stringify({ bank: '341', layout: 240, fileNumber: 0 }));
    const { code, stderr } = await cli('cnab', 'write', '--in', input);
    expect(code).toBe(2);
    expect(stderr).toMatch(/fileNumber/);
    expect(stderr).toMatch(/portador/);
  });

  it('layouts lists bank × layout × direction', async () => {
    const { code, stdout } = await cli('cnab', 'layouts');
    expect(code).toBe(0);
    for (const bank of ['001', '033', '041', '104', '341', '748', '756']) {
      expect(stdout).toMatch(new RegExp(`^${bank}\\s+240\\s+remessa`, 'm'));
      expect(stdout).toMatch(new RegExp(`^${bank}\\s+240\\s+retorno`, 'm'));
    }
  });

  it.skipIf(!samplesPresent)(
    `parse of a real Santander file prints, per T+U pair, the values at the manual positions of that file${samplesPresent ? '' : ` (${SAMPLES_ABSENT})`}`,
    async () => {
      const file = 'brcobranca-CNAB240SANTANDER.RET';
      const { code, stdout } = await cli('cnab', 'parse', path.join(samplesDir, file), '--json');
      expect(code).toBe(0);
      const printed = stdout
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l) as Record<string, unknown>);
      // Read straight from the file's columns. Santander CNAB 240 T: ocorrência 16-17, nosso número 41-53,
      // vencimento 70-77, valor 78-92, tarifa 194-208; FEBRABAN U: valor pago 78-92, líquido 93-107, data da
      // ocorrência 138-145, data do crédito 146-153.
      const lines = sample(file).split(/\r?\n/);
      const expected = lines.flatMap((t, i) => {
        const u = lines[i + 1] ?? '';
        if (t.charAt(13) !== 'T' || u.charAt(13) !== 'U') return [];
        return [
          {
            line: i + 1,
            bank: '033',
            layout: 240,
            occurrence: { code: at(t, 16, 17) },
            nossoNumero: at(t, 41, 53),
            dueDate: isoDate(at(t, 70, 77)),
            occurredOn: isoDate(at(u, 138, 145)),
            creditedOn: isoDate(at(u, 146, 153)),
            amounts: {
              titleCents: Number(at(t, 78, 92)),
              feeCents: Number(at(t, 194, 208)),
              paidCents: Number(at(u, 78, 92)),
              netCents: Number(at(u, 93, 107)),
            },
          },
        ];
      });
      expect(expected.map((e) => e.occurrence.code)).toEqual(['02', '06']);
      expect(printed).toMatchObject(expected);
      expect(printed.map((p) => p.kind)).toEqual(['registered', 'paid']); // entrada confirmada, liquidação
    },
  );
});
