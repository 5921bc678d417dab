/** Runs the real CLI (`node bin/finconsole.mjs boleto …`) as a child process and checks its JSON and exit codes. */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseBoleto } from '../../src/domain/boleto/index.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

function run(...args: string[]) {
  const result = spawnSync(process.execPath, ['bin/finconsole.mjs', 'boleto', ...args], {
    cwd: repoRoot,
    encoding: 'utf8',
    env: { ...process.env, FINCONSOLE_DEBUG: '' },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const MAKE = [
  'make',
  '--bank',
  '341',
  '--agency',
  '1234',
  '--account',
  '12345-1',
  '--carteira',
  '109',
  '--nosso-numero',
  '12345678',
  '--due',
  '2026-12-10',
  '--amount',
  '1234.56',
  '--today',
  '2026-11-23',
];

describe('finconsole boleto make', () => {
  it('--json prints one object with barcode, lines and nosso número; the line reads back', () => {
    const { code, stdout } = run(...MAKE, '--json');
    expect(code).toBe(0);
    const boleto = JSON.parse(stdout) as Record<string, unknown> & { line: string; barcode: string };
    expect(boleto).toMatchObject({
      bank: '341',
      amountCents: 123456,
      dueDate: '2026-12-10',
      nossoNumero: { value: '12345678', formatted: expect.stringMatching(/^109\/12345678-\d$/) },
      warnings: [],
    });
    expect(boleto.barcode).toMatch(/^\d{44}$/);
    expect(boleto.line).toMatch(/^\d{47}$/);
    expect(parseBoleto(boleto.line, { today: '2026-11-23' })).toMatchObject({
      valid: true,
      barcode: boleto.barcode,
    });
  });

  it('plain output shows the formatted line', () => {
    const { code, stdout } = run(...MAKE);
    expect(code).toBe(0);
    expect(stdout).toMatch(/linha digitável:\s+34191\.\d{5} \d{5}\.\d{6} \d{5}\.\d{6} \d \d{14}/);
  });

  it('invalid input exits 2 with a pt-BR message naming the field, no stack trace', () => {
    const noAgency = run(...MAKE.filter((_, i) => i !== 3 && i !== 4));
    expect(noAgency.code).toBe(2);
    expect(noAgency.stderr.trim()).toBe('erro: agência: é obrigatório');
    const badAmount = run(...MAKE.slice(0, -4), '--amount', '12,3x', '--today', '2026-11-23');
    expect(badAmount.code).toBe(2);
    expect(badAmount.stderr).toMatch(/^erro: valor \(--amount\): "12,3x" não é um valor em reais/);
    expect(badAmount.stderr).not.toMatch(/\bat \S+:\d+/);
  });
});

describe('finconsole boleto parse', () => {
  it('valid line → JSON with valid true, exit 0 (boleto-brasileiro-validator README Bradesco line)', () => {
    const { code, stdout } = run(
      'parse',
      '23793.38128 60007.827136 95000.063305 9 75520000370000',
      '--json',
      '--today',
      '2018-01-01',
    );
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({
      valid: true,
      kind: 'bank',
      bank: '237',
      amountCents: 370000,
      dueDate: '2018-06-11',
      barcode: '23799755200003700003381260007827139500006330',
      line: '23793381286000782713695000063305975520000370000',
      errors: [],
    });
  });

  it('a wrong DV → valid false, the failing DV named, exit 1', () => {
    const { code, stdout } = run('parse', '23793381286000782713695000063305975520000370001', '--json');
    expect(code).toBe(1);
    const parsed = JSON.parse(stdout) as { valid: boolean; errors: { code: string }[] };
    expect(parsed.valid).toBe(false);
    expect(parsed.errors.map((e) => e.code)).toEqual(['barcode-dv']);
  });

  it('collection slip given in unquoted pieces', () => {
    const { code, stdout } = run(
      'parse',
      '85890000460-9',
      '52460179160-5',
      '60759305086-5',
      '83148300001-0',
      '--json',
    );
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ valid: true, kind: 'collection', amountCents: 4605246 });
  });
});

describe('finconsole boleto banks', () => {
  it('--json lists the eight banks with their inputs', () => {
    const { code, stdout } = run('banks', '--json');
    expect(code).toBe(0);
    const banks = JSON.parse(stdout) as { code: string; inputs: { field: string; required: boolean }[] }[];
    expect(banks.map((b) => b.code)).toEqual(['001', '033', '041', '104', '237', '341', '748', '756']);
    expect(
      banks
        .find((b) => b.code === '748')
        ?.inputs.filter((i) => i.required)
        .map((i) => i.field),
    ).toEqual(['agency', 'posto', 'convenio', 'nossoNumero']);
  });
});
