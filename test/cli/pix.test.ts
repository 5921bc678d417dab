import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { hasError, parsePix as oracleParse } from 'pix-utils';
import { describe, expect, it } from 'vitest';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

function run(...args: string[]) {
  const r = spawnSync(process.execPath, ['bin/finconsole.mjs', ...args], { cwd: repoRoot, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

// BCB "Manual de Padrões para Iniciação do Pix": static example (random key, no amount), CRC 1D3D.
const MANUAL_STATIC =
  '00020126580014br.gov.bcb.pix0136123e4567-e12b-12d1-a456-4266554400005204000053039865802BR5913Fulano de Tal6008BRASILIA62070503***63041D3D';

describe('finconsole pix', () => {
  it('make --json builds a payload that pix-utils reads back with the same fields', () => {
    const r = run(
      'pix',
      'make',
      '--key',
      '111.444.777-35',
      '--amount',
      '10.50',
      '--name',
      'José da Silva',
      '--city',
      'São Paulo',
      '--txid',
      'PED1',
      '--description',
      'Pedido 1',
      '--json',
    );
    expect(r.code).toBe(0);
    const { payload } = JSON.parse(r.stdout) as { payload: string };
    const theirs = oracleParse(payload);
    if (hasError(theirs) || theirs.type !== 'STATIC') throw new Error(`pix-utils rejeitou ${payload}`);
    expect(theirs).toMatchObject({
      pixKey: '11144477735',
      transactionAmount: 10.5,
      merchantName: 'Jose da Silva',
      merchantCity: 'Sao Paulo',
      txid: 'PED1',
      infoAdicional: 'Pedido 1',
    });
  });

  it('make reproduces the manual example in plain text', () => {
    const r = run(
      'pix',
      'make',
      '--key',
      '123e4567-e12b-12d1-a456-426655440000',
      '--name',
      'Fulano de Tal',
      '--city',
      'BRASILIA',
    );
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toBe(MANUAL_STATIC);
  });

  it('make --url builds a dynamic code', () => {
    const r = run(
      'pix',
      'make',
      '--url',
      'https://pix.example.com/qr/v2/abc',
      '--name',
      'Loja',
      '--city',
      'Recife',
      '--json',
    );
    expect(r.code).toBe(0);
    const parsed = run('pix', 'parse', (JSON.parse(r.stdout) as { payload: string }).payload, '--json');
    expect(JSON.parse(parsed.stdout)).toMatchObject({
      valid: true,
      type: 'dynamic',
      url: 'pix.example.com/qr/v2/abc',
    });
  });

  it('make fails with a pt-BR message naming the tag, without a stack trace', () => {
    const r = run(
      'pix',
      'make',
      '--key',
      'a@b.com',
      '--name',
      'Nome Muito Comprido Para O Pix Ltda',
      '--city',
      'X',
    );
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/^erro: tag 59 \(nome do recebedor\): .* máximo 25/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('make refuses --txid with --url (dynamic codes carry the txid in their payload)', () => {
    const r = run(
      'pix',
      'make',
      '--url',
      'pix.example.com/qr/1',
      '--txid',
      'ABC',
      '--name',
      'Loja',
      '--city',
      'Recife',
    );
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/^erro: --txid não se aplica ao QR dinâmico/);
  });

  it('parse --json shows the fields and exits 0 for the manual example', () => {
    const r = run('pix', 'parse', MANUAL_STATIC, '--json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({
      valid: true,
      errors: [],
      type: 'static',
      key: '123e4567-e12b-12d1-a456-426655440000',
      merchantName: 'Fulano de Tal',
      crc: '1D3D',
    });
  });

  it('parse exits 1 and names tag 63 when the CRC is wrong', () => {
    const r = run('pix', 'parse', MANUAL_STATIC.replace(/1D3D$/, '0000'), '--json');
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout) as { valid: boolean; errors: string[] };
    expect(out.valid).toBe(false);
    expect(out.errors).toEqual(['tag 63 (CRC): CRC 0000 não confere; o calculado é 1D3D']);
  });
});
