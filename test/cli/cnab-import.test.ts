/**
 * `finconsole cnab import` end to end through bin/finconsole.mjs against a real database (a PGlite data dir, or a
 * throwaway PostgreSQL database when DATABASE_URL is set): a retorno written by the Itaú emulator with the bank's
 * CNAB 400 layout, imported for a portador with a CNAB integration; JSON and pt-BR output, the second import a
 * duplicate, the records in the database, and the errors users meet.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bankRetorno } from '../../src/platforms/cnab/emulator/bank.js';
import { createPortador } from '../../src/store/banking.js';
import { createCompany } from '../../src/store/companies.js';
import { openStore, type Store } from '../../src/store/connection.js';
import { createIntegration } from '../../src/store/integrations.js';
import * as schema from '../../src/store/schema.js';
import { repoRoot } from '../domain/cnab/helpers.js';
import { createThrowawayDatabase, describeDatabase, testDatabaseUrl } from '../support/database.js';

const run = promisify(execFile);
const bin = path.join(repoRoot, 'bin', 'finconsole.mjs');

describe(`finconsole cnab import (${describeDatabase()})`, () => {
  let tmp = '';
  let env: Record<string, string> = {};
  let drop: (() => Promise<void>) | undefined;
  let file = '';

  const open = (): Promise<Store> =>
    openStore(env.DATABASE_URL ? { databaseUrl: env.DATABASE_URL } : { dataDir: env.FINCONSOLE_DATA_DIR! });

  async function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
    try {
      const { stdout, stderr } = await run(process.execPath, [bin, ...args], {
        cwd: tmp,
        env: { ...process.env, DATABASE_URL: '', ...env, FINCONSOLE_SECRET_KEY: 'a'.repeat(64) },
      });
      return { code: 0, stdout, stderr };
    } catch (error) {
      const e = error as { code: number; stdout: string; stderr: string };
      return { code: e.code, stdout: e.stdout, stderr: e.stderr };
    }
  }

  /** A retorno of the Itaú emulator (CNAB 400) settling the títulos of these nossos números. */
  function writeRetorno(name: string, fileNumber: number, numbers: number[]): string {
    const target = path.join(tmp, name);
    writeFileSync(
      target,
      bankRetorno({
        bank: '341',
        layout: 400,
        portador: { agency: 1234, account: 12345, accountDigit: '6', companyName: 'COMERCIO SAO JOAO' },
        fileNumber,
        occurredOn: '2026-12-10',
        creditedOn: '2026-12-11',
        titulos: numbers.map((n) => ({
          nossoNumero: String(n).padStart(8, '0'),
          seuNumero: String(n),
          amountCents: 1_000 * n,
          dueDate: '2026-12-20',
          action: 'settle' as const,
        })),
      }),
      'latin1',
    );
    return target;
  }

  beforeAll(async () => {
    tmp = mkdtempSync(path.join(tmpdir(), 'cnab-import-'));
    const adminUrl = testDatabaseUrl();
    if (adminUrl) {
      const database = await createThrowawayDatabase(adminUrl);
      env = { DATABASE_URL: database.url };
      drop = database.drop;
    } else env = { FINCONSOLE_DATA_DIR: path.join(tmp, 'data') };
    const store = await open();
    try {
      await store.migrate();
      const company = await createCompany(store.db, {
        name: 'Comércio São João Ltda',
        cnpj: '11222333000181',
        kind: 'consolidated',
      });
      const portador = await createPortador(store.db, {
        companyId: company.id,
        erpKey: 'ITAU-109',
        name: 'Itaú',
      });
      await createIntegration(
        store.db,
        {
          companyId: company.id,
          portadorId: portador.id,
          platform: 'cnab',
          chargeType: 'boleto',
          environment: 'production',
          referenceDate: '2026-01-01',
          options: {
            bank: '341',
            layout: 400,
            portador: {
              companyName: 'Comercio Sao Joao',
              companyDocument: '11222333000181',
              agency: '1234',
              account: '12345',
              accountDigit: '6',
              carteira: '109',
            },
          },
          webhookToken: 'cli-cnab-import',
        },
        'test',
      );
    } finally {
      await store.close();
    }
    file = writeRetorno('CN02129A.RET', 9, [1, 2, 3]);
  }, 180_000);

  afterAll(async () => {
    await drop?.();
    rmSync(tmp, { recursive: true, force: true });
  });

  it('--json answers the import id and the counts; the records are in the database', async () => {
    const { code, stdout } = await cli('cnab', 'import', file, '--portador', 'ITAU-109', '--json');
    expect(code).toBe(0);
    const answer = JSON.parse(stdout) as Record<string, unknown>;
    expect(answer).toMatchObject({ file, duplicate: false, lines: 5, events: 3, errors: 0 });
    expect(answer.importId).toMatch(/^[0-9a-f-]{36}$/);
    const store = await open();
    try {
      const records = await store.db.select().from(schema.retornos);
      expect(records.map((r) => [r.source, r.chargeId, r.paidCents]).sort()).toEqual([
        ['cnab', '1', 1_000],
        ['cnab', '2', 2_000],
        ['cnab', '3', 3_000],
      ]);
    } finally {
      await store.close();
    }
  }, 120_000);

  it('the same file again: pt-BR output says nothing was added', async () => {
    const { code, stdout } = await cli(
      'cnab',
      'import',
      file,
      '--portador',
      'ITAU-109',
      '--company',
      '11.222.333/0001-81',
    );
    expect(code).toBe(0);
    expect(stdout).toMatch(/já importado \(importação [0-9a-f-]{36}\); nada foi acrescentado\./);
  }, 120_000);

  it('a changed file prints the counts in pt-BR', async () => {
    const other = writeRetorno('CN03129A.RET', 10, [4, 5]);
    const { code, stdout } = await cli('cnab', 'import', other, '--portador', 'ITAU-109');
    expect(code).toBe(0);
    expect(stdout).toContain('retorno importado (importação ');
    expect(stdout).toContain('  linhas: 4\n  ocorrências: 2\n  linhas ilegíveis: 0\n');
  }, 120_000);

  it('an unknown portador or company is an error naming it, exit 2', async () => {
    const portador = await cli('cnab', 'import', file, '--portador', 'NAO-EXISTE');
    expect(portador.code).toBe(2);
    expect(portador.stderr).toContain('erro: portador "NAO-EXISTE" não existe nesta empresa');
    const company = await cli(
      'cnab',
      'import',
      file,
      '--portador',
      'ITAU-109',
      '--company',
      '99999999000199',
    );
    expect(company.code).toBe(2);
    expect(company.stderr).toContain('--company "99999999000199" não é o id nem o CNPJ');
  }, 120_000);
});
