/**
 * What the service commands do (declared in server.ts, loaded only when one of them runs, so the other commands
 * start without loading the server).
 */
import { randomBytes } from 'node:crypto';
import { renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { defaultHost, loadConfig, maskDatabaseUrl, poolOptions, type Config } from '../config.js';
import { roleLabels, type Role } from '../contracts/session.js';
import { registerWorkers, startJobQueue } from '../jobs/index.js';
import { createLogger, type Logger } from '../logger.js';
import { secretBoxFor, startFinconsole } from '../runtime.js';
import { appliedMigrationCount, openStore, type Store } from '../store/connection.js';
import { DEMO_PASSWORD, seedDemo, type SeedDemoResult } from '../services/demo/seed.js';
import { rotateSecrets } from '../services/key-rotation.js';
import { SecretBox } from '../services/secrets.js';
import { findUserByEmail } from '../store/users.js';

function describeDatabase(config: Config): string {
  return config.databaseUrl
    ? `PostgreSQL ${maskDatabaseUrl(config.databaseUrl)}`
    : `PGlite (embutido) em ${config.dataDir} — sem fsync: um commit sobrevive ao fim do processo, não a uma queda de energia ou do sistema operacional; use PostgreSQL em produção`;
}

function configuredLogger(config: Config, name?: string): Logger {
  return createLogger({
    level: config.logLevel,
    ...(config.logFormat ? { format: config.logFormat } : {}),
    ...(name ? { name } : {}),
  });
}

async function openConfiguredStore(config: Config): Promise<Store> {
  return openStore(
    config.databaseUrl
      ? { databaseUrl: config.databaseUrl, ...poolOptions(config) }
      : { dataDir: config.dataDir },
  );
}

/** Closes `close` once on SIGINT/SIGTERM, then exits; a second signal exits at once. */
function onShutdown(logger: Logger, close: () => Promise<void>): void {
  let stopping = false;
  const handler = (signal: NodeJS.Signals) => {
    if (stopping) process.exit(130);
    stopping = true;
    logger.info({ signal }, 'encerrando…');
    close()
      .then(() => process.exit(0))
      .catch((error: unknown) => {
        logger.error({ err: error }, 'erro ao encerrar');
        process.exit(1);
      });
  };
  process.once('SIGINT', handler);
  process.once('SIGTERM', handler);
}

function printSeed(seed: SeedDemoResult): void {
  console.log('Dados de demonstração criados:');
  for (const company of seed.companies)
    console.log(
      `  empresa ${company.kind === 'consolidated' ? 'consolidada' : 'filha'}: ${company.name} (CNPJ ${company.cnpj})`,
    );
  console.log(`  ${seed.counts.customers} clientes, ${seed.counts.receivables} títulos`);
  printUsers(seed.users);
  console.log('Tokens da API do ERP (guarde-os: não serão mostrados de novo):');
  for (const token of seed.apiTokens) console.log(`  ${token.companyName}: ${token.token}`);
}

function printUsers(users: { email: string; role: Role; companyName?: string }[]): void {
  console.log(`Usuários (senha ${DEMO_PASSWORD}):`);
  for (const user of users)
    console.log(
      `  ${user.email} — ${roleLabels[user.role]}${user.companyName ? `, ${user.companyName}` : ''}`,
    );
}

const DEMO_EMAILS: { email: string; role: Role }[] = [
  { email: 'admin@demo.finconsole', role: 'admin' },
  { email: 'operador.sul@demo.finconsole', role: 'operator' },
  { email: 'leitura.norte@demo.finconsole', role: 'viewer' },
];

export async function migrate(): Promise<void> {
  const config = loadConfig();
  const store = await openConfiguredStore(config);
  try {
    await store.migrate();
    const queue = await startJobQueue(store);
    await queue.stop();
    console.log(`migrações aplicadas (${await appliedMigrationCount(store)}) — ${describeDatabase(config)}`);
  } finally {
    await store.close();
  }
}

export async function seedDemoCommand(): Promise<void> {
  const config = loadConfig();
  const store = await openConfiguredStore(config);
  try {
    await store.migrate();
    const seed = await seedDemo(store);
    if (!seed.seeded) {
      console.error('erro: o banco de dados já tem dados; seed-demo só grava num banco vazio');
      process.exitCode = 1;
      return;
    }
    printSeed(seed);
  } finally {
    await store.close();
  }
}

export async function serve(start: boolean, options: { port?: number; host?: string }): Promise<void> {
  const config = loadConfig();
  const logger = configuredLogger(config);
  const running = await startFinconsole({
    port: options.port ?? config.port,
    host: options.host ?? config.host ?? defaultHost(start),
    ...(config.databaseUrl ? { databaseUrl: config.databaseUrl } : { dataDir: config.dataDir }),
    seedDemo: start,
    worker: start ? true : config.worker,
    logger,
  });
  onShutdown(logger, running.close);
  console.log(`finconsole em ${running.url} — ${describeDatabase(config)}`);
  if (start) {
    if (running.seed?.seeded) printSeed(running.seed);
    else if (await findUserByEmail(running.store.db, DEMO_EMAILS[0]!.email)) printUsers(DEMO_EMAILS);
  }
}

export async function worker(): Promise<void> {
  const config = loadConfig();
  if (!config.databaseUrl)
    throw new Error(
      'finconsole worker precisa de DATABASE_URL (PostgreSQL); no modo embutido (PGlite) o worker roda dentro do serve',
    );
  const logger = configuredLogger(config, 'finconsole-worker');
  const store = await openConfiguredStore(config);
  await store.migrate();
  const queue = await startJobQueue(store, { logger, expireInSeconds: config.jobExpireSeconds });
  await registerWorkers(queue, {
    store,
    logger,
    secrets: secretBoxFor(config, undefined),
    platformConcurrency: config.jobConcurrency,
    publicUrl: config.publicUrl ?? `http://127.0.0.1:${config.port}`,
    ...(config.smtpUrl ? { smtpUrl: config.smtpUrl } : {}),
    ...(config.smtpFrom ? { mailFrom: config.smtpFrom } : {}),
  });
  onShutdown(logger, async () => {
    await queue.stop();
    await store.close();
  });
  console.log(`worker de jobs ativo — ${describeDatabase(config)}`);
}

/**
 * `keys rotate`. Key file mode: the new key is written to `secret.key.new` before the transaction (a crash after
 * the commit leaves it there), then moved over `secret.key`, the old one kept as `secret.key.old`. Environment mode
 * (FINCONSOLE_SECRET_KEY): the new key is printed, to be set in the environment of every process.
 */
export async function rotateKeys(): Promise<void> {
  const config = loadConfig();
  const store = await openConfiguredStore(config);
  try {
    await store.migrate();
    const current = secretBoxFor(config, config.databaseUrl ? undefined : config.dataDir);
    const key = randomBytes(32);
    const next = SecretBox.fromKey(key);
    const keyFile = join(config.dataDir, 'secret.key');
    // The new key is kept before the transaction commits: printed, or written beside the current one.
    if (config.secretKey)
      console.log(`Nova chave (defina FINCONSOLE_SECRET_KEY em todos os processos): ${key.toString('hex')}`);
    else writeFileSync(`${keyFile}.new`, key.toString('hex') + '\n', { mode: 0o600 });
    const count = await rotateSecrets(store, current, next);
    if (config.secretKey) console.log(`${count} segredo(s) recifrado(s) com a nova chave.`);
    else {
      renameSync(keyFile, `${keyFile}.old`);
      renameSync(`${keyFile}.new`, keyFile);
      console.log(
        `${count} segredo(s) recifrado(s); chave nova em ${keyFile} (a anterior em ${keyFile}.old).`,
      );
      console.log('Reinicie os processos e faça backup da chave nova junto com o do banco.');
    }
  } finally {
    await store.close();
  }
}
