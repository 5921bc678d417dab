import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

function run(...args: string[]) {
  const r = spawnSync(process.execPath, ['bin/finconsole.mjs', ...args], { cwd: repoRoot, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('finconsole doc check', () => {
  it('accepts the Receita alphanumeric CNPJ example in lower case', () => {
    const r = run('doc', 'check', '12.abc.345/01de-35', '--json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({
      valid: true,
      kind: 'cnpj',
      formatted: '12.ABC.345/01DE-35',
    });
  });

  it('exits 1 for a wrong check digit, with a pt-BR error and no stack trace', () => {
    const r = run('doc', 'check', '111.444.777-36', '--json');
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout);
    expect(out).toMatchObject({ valid: false, kind: 'cpf' });
    expect(out.error).toMatch(/dígito verificador/);
    expect(r.stderr).not.toMatch(/\bat .*\.ts:\d+/);
  });

  it('prints a plain message without --json', () => {
    const ok = run('doc', 'check', '11144477735');
    expect(ok.code).toBe(0);
    expect(ok.stdout.trim()).toBe('CPF válido: 111.444.777-35');
    const bad = run('doc', 'check', '123');
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/^erro: documento com 3 caracteres/);
  });
});
