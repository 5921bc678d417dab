/**
 * CNAB retorno, file to settled títulos: N títulos already sent by remessa (Itaú CNAB 400, nosso números 1..N), the
 * bank's retorno with one liquidação per título (written by the bank emulator with the bank's layout), imported
 * through the same service as `POST /api/v1/retornos` (file stored, one retorno record + one queued job per
 * detail, in one transaction), then every record processed by the return commands and settled on the ledger
 * (processRetorno, one transaction each, CONCURRENCY at a time). Prints records/s of each phase and the time from
 * file to all títulos settled, then checks that every título is paid. The setup (títulos, remessa records) is not
 * timed. On in-memory PGlite, or on PostgreSQL when DATABASE_URL is set (a throwaway database).
 *
 *   npx tsx bench/cnab-settlement.ts                 # N = 100 000
 *   BENCH_N=10000 DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npx tsx bench/cnab-settlement.ts
 */
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { bankRetorno } from '../src/platforms/cnab/emulator/bank.js';
import { importRetornoFile } from '../src/services/retorno-files.js';
import { processRetorno } from '../src/services/retornos.js';
import { SecretBox } from '../src/services/secrets.js';
import { createBankAccount, createPortador } from '../src/store/banking.js';
import { createCompany } from '../src/store/companies.js';
import { openStore } from '../src/store/connection.js';
import { createIntegration } from '../src/store/integrations.js';
import * as schema from '../src/store/schema.js';
import { createThrowawayDatabase } from '../test/support/database.js';
import { randomBytes } from 'node:crypto';

const N = Number(process.env.BENCH_N ?? 100_000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 4);
const CHUNK = 1_000;

async function main(): Promise<void> {
  const adminUrl = process.env.DATABASE_URL;
  const database = adminUrl ? await createThrowawayDatabase(adminUrl) : undefined;
  const store = database
    ? await openStore({ databaseUrl: database.url, poolSize: CONCURRENCY + 1 })
    : await openStore({ dataDir: 'memory' });
  try {
    await store.migrate();
    const company = await createCompany(store.db, {
      name: 'Bench Ltda',
      cnpj: '11222333000181',
      kind: 'consolidated',
    });
    const account = await createBankAccount(store.db, {
      companyId: company.id,
      erpKey: 'ITAU',
      bankCode: '341',
      agency: '1234',
      account: '12345',
    });
    const portador = await createPortador(store.db, {
      companyId: company.id,
      erpKey: 'ITAU-109',
      name: 'Itaú',
      bankAccountId: account.id,
    });
    const integration = await createIntegration(
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
            companyName: 'Bench',
            companyDocument: '11222333000181',
            agency: '1234',
            account: '12345',
            accountDigit: '6',
            carteira: '109',
          },
        },
        webhookToken: 'bench-cnab',
      },
      'bench',
    );
    const [customer] = await store.db
      .insert(schema.customers)
      .values({ companyId: company.id, erpKey: 'CLI', name: 'Cliente', document: '94271564656' })
      .returning();
    let t = performance.now();
    for (let from = 0; from < N; from += CHUNK) {
      const ids = Array.from({ length: Math.min(CHUNK, N - from) }, () => randomUUID());
      await store.db.insert(schema.receivables).values(
        ids.map((id, k) => ({
          id,
          companyId: company.id,
          customerId: customer!.id,
          portadorId: portador.id,
          erpKey: `T-${from + k + 1}`,
          document: `NF-${from + k + 1}`,
          number: String(from + k + 1),
          installment: 1,
          issueDate: '2026-12-01',
          dueDate: '2026-12-28',
          amountCents: 10_000,
          openAmountCents: 10_000,
          status: 'registered' as const,
        })),
      );
      // The open amount follows the ledger: each título starts with its "created" movement.
      await store.db.insert(schema.receivableMovements).values(
        ids.map((id) => ({
          receivableId: id,
          kind: 'created' as const,
          amountCents: 10_000,
          occurredOn: '2026-12-01',
          source: 'bench',
        })),
      );
      await store.db.insert(schema.remessas).values(
        ids.map((id, k) => ({
          companyId: company.id,
          receivableId: id,
          integrationId: integration.id,
          status: 'sent',
          chargeId: String(from + k + 1),
          nossoNumero: String(from + k + 1).padStart(8, '0'),
        })),
      );
    }
    console.log(
      `setup: ${N} títulos enviados em ${((performance.now() - t) / 1000).toFixed(1)} s (não medido)`,
    );

    const content = bankRetorno({
      bank: '341',
      layout: 400,
      portador: { agency: 1234, account: 12345, accountDigit: '6', companyName: 'BENCH' },
      fileNumber: 1,
      occurredOn: '2026-12-20',
      creditedOn: '2026-12-21',
      titulos: Array.from({ length: N }, (_, i) => ({
        nossoNumero: String(i + 1).padStart(8, '0'),
        seuNumero: String(i + 1),
        amountCents: 10_000,
        dueDate: '2026-12-28',
        action: 'settle' as const,
        feeCents: 150,
      })),
    });
    const lines = N + 2;

    const deps = { store, secrets: SecretBox.fromKey(randomBytes(32)), publicUrl: '' };
    t = performance.now();
    const imported = await importRetornoFile(deps, {
      companyId: company.id,
      portadorErpKey: 'ITAU-109',
      content,
      actor: 'bench',
    });
    const importSeconds = (performance.now() - t) / 1000;
    if (imported.events !== N || imported.errors !== 0)
      throw new Error(`import: ${JSON.stringify(imported)}`);

    const ids = (
      await store.db
        .select({ id: schema.retornos.id })
        .from(schema.retornos)
        .where(eq(schema.retornos.integrationId, integration.id))
    ).map((r) => r.id);
    const t2 = performance.now();
    let next = 0;
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (next < ids.length) await processRetorno(store, ids[next++]!, 'bench');
      }),
    );
    const processSeconds = (performance.now() - t2) / 1000;
    const total = (performance.now() - t) / 1000;

    const open = await store.db
      .select({ id: schema.receivables.id })
      .from(schema.receivables)
      .where(eq(schema.receivables.status, 'registered'));
    if (open.length !== 0) throw new Error(`${open.length} títulos não liquidados`);
    console.log(
      [
        `banco: ${database ? 'PostgreSQL' : 'PGlite (memória)'}; ${N} detalhes, ${lines} linhas; concorrência ${CONCURRENCY}`,
        `importação: ${importSeconds.toFixed(1)} s (${Math.round(lines / importSeconds)} linhas/s)`,
        `processamento: ${processSeconds.toFixed(1)} s (${Math.round(N / processSeconds)} registros/s)`,
        `arquivo → todos os títulos pagos: ${total.toFixed(1)} s`,
      ].join('\n'),
    );
  } finally {
    await store.close();
    await database?.drop();
  }
}

await main();
