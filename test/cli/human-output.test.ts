/**
 * The CLI's human output is pt-BR with dd/mm/aaaa dates (issue 8, "CLI"); `--json` stays as it was. Runs the real
 * command (`node bin/finconsole.mjs`) as a child process. Vectors: the Bradesco line of the README (factor 7552 is
 * 2018-06-11, outside today's window), an Itaú boleto made by the CLI and read back, a remessa written by the CLI,
 * the Banco do Brasil CBR643 sample of brcobranca (when ../shared/cnab-samples exists), a static BR Code.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

function run(...args: string[]) {
  const result = spawnSync(process.execPath, ['bin/finconsole.mjs', ...args], {
    cwd: repoRoot,
    encoding: 'utf8',
    env: { ...process.env, FINCONSOLE_DEBUG: '' },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** English code names that must not reach a person. */
const ENGLISH = /\b(agency|account|accountDv|nossoNumeroDv|paid|written_off|registered|cpf|evp)\b|\[\w+\]/;
const ISO_DATE = /\b\d{4}-\d{2}-\d{2}\b/;

const README_BRADESCO = ['23793.38128', '60007.827136', '95000.063305', '9', '75520000370000'];

describe('boleto', () => {
  it('make and parse print labels in pt-BR and dates as dd/mm/aaaa', () => {
    const made = run(
      'boleto',
      'make',
      ...['--bank', '341', '--agency', '1234', '--account', '12345-1', '--carteira', '109'],
      ...[
        '--nosso-numero',
        '12345678',
        '--due',
        '2026-12-10',
        '--amount',
        '1234.56',
        '--today',
        '2026-11-23',
      ],
    );
    expect(made.code).toBe(0);
    expect(made.stdout).toContain('vencimento:         10/12/2026 (fator 1656)');
    expect(made.stdout).not.toMatch(ISO_DATE);
    const line = /linha \(só dígitos\): (\d{47})/.exec(made.stdout)![1]!;
    const parsed = run('boleto', 'parse', line, '--today', '2026-11-23');
    expect(parsed.code).toBe(0);
    expect(parsed.stdout).toContain('vencimento:         10/12/2026 (fator 1656)');
    expect(parsed.stdout).toMatch(/agência:\s+1234/);
    expect(parsed.stdout).toMatch(/DV da conta:\s+1/);
    expect(parsed.stdout).toMatch(/DV do nosso número:\s+4/);
    expect(parsed.stdout).not.toMatch(ENGLISH);
    expect(parsed.stdout).not.toMatch(ISO_DATE);
  });

  it('says why a due date cannot be read from a factor outside the window, and reads it with --today', () => {
    const parsed = run('boleto', 'parse', ...README_BRADESCO, '--today', '2026-11-23');
    expect(parsed.stdout).toMatch(
      /vencimento: +não determinado — fator de vencimento 7552: .*23\/11\/2026.*--today/,
    );
    expect(parsed.stdout).not.toContain('sem vencimento');
    const old = run('boleto', 'parse', ...README_BRADESCO, '--today', '2018-06-01');
    expect(old.stdout).toContain('vencimento:         11/06/2018 (fator 7552)');
  });

  it('a code of the wrong length says what it is not, not "?"', () => {
    const parsed = run('boleto', 'parse', '1234');
    expect(parsed.code).toBe(1);
    expect(parsed.stdout).toContain('INVÁLIDO: não é um código de barras nem uma linha digitável');
    expect(parsed.stdout).not.toContain('?');
  });

  it('--json is unchanged (ISO dates, code names)', () => {
    const parsed = JSON.parse(
      run('boleto', 'parse', ...README_BRADESCO, '--today', '2018-06-01', '--json').stdout,
    );
    expect(parsed).toMatchObject({
      dueDate: '2018-06-11',
      campoLivreFields: { agency: '3381', nossoNumeroDv: '5', account: '0000633' },
    });
  });
});

describe('cnab parse', () => {
  it('a remessa gets one sentence, not the reader errors that follow from it', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'fc-cli-'));
    const written = run('cnab', 'write', '--in', 'docs/examples/remessa.json', '--out', dir);
    expect(written.code).toBe(0);
    const file = /^(\S+):/.exec(written.stdout)![1]!;
    const parsed = run('cnab', 'parse', file);
    expect(parsed.code).toBe(1);
    expect(parsed.stderr.trim()).toBe(
      `erro: ${file} é um arquivo de remessa (o que se envia ao banco); cnab parse lê arquivos de retorno`,
    );
    expect(parsed.stdout).toBe('');
    // --json keeps every error event.
    const json = run('cnab', 'parse', file, '--json');
    expect(json.stdout.trim().split('\n').length).toBeGreaterThanOrEqual(2);
  });

  const sample = path.resolve(repoRoot, '..', 'shared', 'cnab-samples', 'brcobranca-CBR64310.RET');
  it.skipIf(!existsSync(sample))('a retorno prints pt-BR kinds and dd/mm/aaaa dates', () => {
    const parsed = run('cnab', 'parse', sample);
    expect(parsed.code).toBe(0);
    const lines = parsed.stdout.trim().split('\n');
    expect(lines[0]).toBe(
      'arquivo de retorno CNAB 400 (001-400-retorno): banco 001, INSTITUTO MATO-GROSSENSE DO AL, gerado em 20/01/2009, nº 7',
    );
    expect(lines[1]).toBe(
      'linha 2: 06 Liquidação normal (liquidar), nosso número 16224200000000003, seu número —, pago R$ 90,64, em 20/01/2009',
    );
    expect(parsed.stdout).not.toMatch(ENGLISH);
    expect(parsed.stdout).not.toMatch(ISO_DATE);
  });
});

describe('pix parse', () => {
  it('shows the amount in reais and the key type in pt-BR', () => {
    const payload = run(
      'pix',
      'make',
      ...['--key', '12345678909', '--amount', '10.50', '--name', 'Fulano', '--city', 'Sao Paulo'],
    ).stdout.trim();
    const parsed = run('pix', 'parse', payload);
    expect(parsed.code).toBe(0);
    expect(parsed.stdout).toContain('valor: R$ 10,50');
    expect(parsed.stdout).toContain('chave: 12345678909 (CPF)');
    expect(JSON.parse(run('pix', 'parse', payload, '--json').stdout)).toMatchObject({
      amount: '10.50',
      keyType: 'cpf',
    });
  });
});
