import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { parsePix } from '../../src/domain/pix/index.js';
import { prepareBoleto } from '../../src/pdf/boleto.js';
import { boletoDocumentListSchema } from '../../src/pdf/schema.js';
import { barcodesOnPage, pageContents, qrCodesOnPage } from '../pdf/pdf-reader.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const example = path.join(repoRoot, 'docs/examples/titles.json');

function run(...args: string[]) {
  const r = spawnSync(process.execPath, ['bin/finconsole.mjs', ...args], { cwd: repoRoot, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('finconsole boleto pdf', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'finconsole-pdf-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const titles = boletoDocumentListSchema.parse(JSON.parse(readFileSync(example, 'utf8')));
  const expectedBarcodes = titles.map((t) => prepareBoleto(t).boleto.barcode);

  it('writes one page per boleto from docs/examples/titles.json; barcodes and QR decode', () => {
    const out = path.join(dir, 'boletos.pdf');
    const r = run('boleto', 'pdf', '--in', example, '--out', out);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toBe(`3 boleto(s) gravado(s) em ${out}`);
    const pages = pageContents(readFileSync(out));
    expect(pages).toHaveLength(3);
    expect(pages.map((p) => barcodesOnPage(p).map((b) => b.digits))).toEqual(
      expectedBarcodes.map((b) => [b]),
    );
    expect(qrCodesOnPage(pages[0]!).map((q) => parsePix(q).valid)).toEqual([true]);
    expect(qrCodesOnPage(pages[2]!)).toEqual([]);
  });

  it('--carne writes three installments on one page', () => {
    const out = path.join(dir, 'carne.pdf');
    const r = run('boleto', 'pdf', '--in', example, '--out', out, '--carne');
    expect(r.code).toBe(0);
    const pages = pageContents(readFileSync(out));
    expect(pages).toHaveLength(1);
    const digits = barcodesOnPage(pages[0]!)
      .sort((a, b) => a.y - b.y)
      .map((b) => b.digits);
    expect(digits).toEqual(expectedBarcodes);
  });

  it("prints the boleto rules' warnings (account DV that does not match) and still writes the PDF", () => {
    const warn = path.join(dir, 'warn.json');
    const json = JSON.parse(readFileSync(example, 'utf8')) as { account: Record<string, string> }[];
    // Itaú agency 1234 / account 12345 has DAC 1 (see the boleto core); 12345-0 is a typo the boleto rules flag.
    json[0]!.account = { ...json[0]!.account, account: '12345-0' };
    writeFileSync(warn, JSON.stringify(json.slice(0, 1)));
    const r = run('boleto', 'pdf', '--in', warn, '--out', path.join(dir, 'warn.pdf'));
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/^aviso: título 1: conta 1234\/12345 .*dígito 0 não confere/);
  });

  it('rejects an invalid titles.json with a pt-BR message naming título and field, no stack trace', () => {
    const bad = path.join(dir, 'bad.json');
    const json = JSON.parse(readFileSync(example, 'utf8')) as Record<string, unknown>[];
    json[1] = { ...json[1], dueDate: '10/01/2027' };
    writeFileSync(bad, JSON.stringify(json));
    const r = run('boleto', 'pdf', '--in', bad, '--out', path.join(dir, 'x.pdf'));
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/^erro: .*bad\.json: título 2, dueDate: data deve estar no formato AAAA-MM-DD/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    const missing = run(
      'boleto',
      'pdf',
      '--in',
      path.join(dir, 'none.json'),
      '--out',
      path.join(dir, 'x.pdf'),
    );
    expect(missing.code).not.toBe(0);
    expect(missing.stderr).toMatch(/^erro: não foi possível ler .*none\.json: ENOENT/);
  });
});
