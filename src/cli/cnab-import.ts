/**
 * `finconsole cnab import <file> --portador <erpKey>`: a CNAB retorno file imported into the database the server
 * uses (DATABASE_URL or the embedded data dir), the same service as `POST /api/v1/retornos`. The records are then
 * processed by the worker like any other retorno. Loaded only when the command runs.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { loadConfig } from '../config.js';
import { secretBoxFor } from '../runtime.js';
import { ServiceError } from '../services/errors.js';
import { importRetornoFile, type RetornoImport } from '../services/retorno-files.js';
import { getPortadorByErpKey } from '../store/banking.js';
import { listCompanies, type CompanyRow } from '../store/companies.js';
import { openStore, type Store } from '../store/connection.js';

export interface ImportOptions {
  portador: string;
  company?: string;
  json?: boolean;
}

/** --company (id or CNPJ); else the database's only company; else the only one with this portador. */
async function companyOf(store: Store, options: ImportOptions): Promise<CompanyRow> {
  const companies = await listCompanies(store.db);
  const cnpj = (text: string) => text.replace(/[.\-/\s]/g, '').toUpperCase();
  const names = companies.map((c) => `${c.name} (CNPJ ${c.cnpj})`).join('; ');
  if (options.company) {
    const wanted = options.company.trim();
    const found = companies.find((c) => c.id === wanted || cnpj(c.cnpj) === cnpj(wanted));
    if (!found)
      throw new Error(`--company "${wanted}" não é o id nem o CNPJ de uma empresa deste banco: ${names}`);
    return found;
  }
  if (companies.length === 1) return companies[0]!;
  const holders = [];
  for (const company of companies)
    if (await getPortadorByErpKey(store.db, company.id, options.portador)) holders.push(company);
  if (holders.length === 1) return holders[0]!;
  throw new Error(`informe --company (id ou CNPJ): o banco tem ${companies.length} empresas: ${names}`);
}

function print(file: string, result: RetornoImport, json: boolean | undefined): void {
  if (json) {
    console.log(JSON.stringify({ file, ...result }));
    return;
  }
  if (result.duplicate) {
    console.log(`${file}: já importado (importação ${result.importId}); nada foi acrescentado.`);
    return;
  }
  console.log(`${file}: retorno importado (importação ${result.importId})`);
  console.log(`  linhas: ${result.lines}`);
  console.log(`  ocorrências: ${result.events}`);
  console.log(
    `  linhas ilegíveis: ${result.errors}${result.errors > 0 ? ' (registros em Falha, veja Retorno)' : ''}`,
  );
  console.log('  as ocorrências são processadas pelo worker (serve/start ou finconsole worker).');
}

export async function importAction(file: string, options: ImportOptions): Promise<void> {
  const config = loadConfig();
  const content = await readFile(file, 'latin1');
  const store = await openStore(
    config.databaseUrl ? { databaseUrl: config.databaseUrl } : { dataDir: config.dataDir },
  );
  try {
    await store.migrate();
    const company = await companyOf(store, options);
    const result = await importRetornoFile(
      {
        store,
        secrets: secretBoxFor(config, config.databaseUrl ? undefined : config.dataDir),
        publicUrl: config.publicUrl ?? '',
      },
      {
        companyId: company.id,
        portadorErpKey: options.portador,
        content,
        fileName: path.basename(file),
        actor: 'cli:cnab import',
      },
    );
    print(file, result, options.json);
  } catch (error) {
    // The service's pt-BR message names what is wrong (portador, bank of the file, empty file).
    if (error instanceof ServiceError) throw new Error(error.message);
    throw error;
  } finally {
    await store.close();
  }
}
