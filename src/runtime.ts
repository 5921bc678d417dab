/**
 * Starting the service in one call (contract §1): open the store, migrate, seed if asked, start the job queue (and
 * the in-process worker if asked), build the HTTP app and listen. Used by `finconsole serve|start` and by tests.
 */
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import type { FastifyPluginAsync } from 'fastify';
import { buildApp, type AppDeps } from './api/app.js';
import { defaultHost, loadConfig, poolOptions, type Config } from './config.js';
import { addMonths, todayInSaoPaulo } from './domain/dates.js';
import { EFI_EMULATOR_DEMO_ACCOUNT, EfiEmulator, efiEmulatorRoutes } from './platforms/efi/emulator/app.js';
import {
  DEMO_CLIENT_ID as SUPPLIER_DEMO_CLIENT_ID,
  DEMO_CLIENT_SECRET as SUPPLIER_DEMO_CLIENT_SECRET,
  supplierEmulator,
} from './platforms/supplier/emulator/index.js';
import {
  DEMO_EFI_ENDPOINT,
  DEMO_SUPPLIER_ENDPOINT,
  seedDemoIntegrations,
} from './services/demo/integrations.js';
import type { PlatformDeps } from './services/platform-gateway.js';
import { SecretBox } from './services/secrets.js';
import { registerWorkers, startJobQueue, type JobQueue, type JobQueueOptions } from './jobs/index.js';
import { createLogger, type Logger } from './logger.js';
import { openStore, type Store } from './store/connection.js';
import { seedDemo, type SeedDemoResult } from './services/demo/seed.js';

export interface StartOptions {
  /** 0 = random free port. Default env PORT or 3000. */
  port?: number;
  /** Default env HOST, else 127.0.0.1 with seedDemo and 0.0.0.0 without (see defaultHost). */
  host?: string;
  /** postgres://…; absent = PGlite (env DATABASE_URL is read by the CLI, not here). */
  databaseUrl?: string;
  /** PGlite data directory; default env FINCONSOLE_DATA_DIR or ./data; 'memory' = in-memory. */
  dataDir?: string | 'memory';
  /** Seed the demo data when the database is empty. */
  seedDemo?: boolean;
  /** Run the job worker in this process. Default env FINCONSOLE_WORKER (on). */
  worker?: boolean;
  /** pino level. Default env LOG_LEVEL or info. */
  logLevel?: string;
  /** Use this logger instead of creating one. */
  logger?: Logger;
  /** Folder of the built console (default dist/web). */
  webRoot?: string;
  /** Serve the platform emulators under /emulators/… in demo mode. Default env FINCONSOLE_EMULATORS (on). */
  emulators?: boolean;
  /** Job queue tuning (tests and benchmarks): polling, batch, expiry of a dead worker's jobs, maintenance. */
  jobs?: Omit<JobQueueOptions, 'queues' | 'logger'>;
  /** Registrations running at once in this process. Default env FINCONSOLE_JOB_CONCURRENCY (4). */
  platformConcurrency?: number;
  /** Time limit of each platform call (default the adapter's own). */
  platformTimeoutMs?: number;
}

/**
 * The key that encrypts platform secrets: FINCONSOLE_SECRET_KEY, else `<data dir>/secret.key` (created on first
 * start). An in-memory database gets a throwaway key: its secrets die with it.
 */
export function secretBoxFor(config: Config, dataDir: string | undefined): SecretBox {
  if (config.secretKey) return SecretBox.load({ envKey: config.secretKey, keyFile: '' });
  if (dataDir === 'memory') return SecretBox.fromKey(randomBytes(32));
  return SecretBox.load({ keyFile: join(dataDir ?? config.dataDir, 'secret.key') });
}

export interface RunningFinconsole {
  url: string;
  database: 'pglite' | 'postgres';
  /** Set when seedDemo was asked: what was seeded (seeded: false when the database already had data). */
  seed?: SeedDemoResult;
  store: Store;
  jobs: JobQueue;
  logger: Logger;
  platforms: PlatformDeps;
  close(): Promise<void>;
}

/** The URL people can open: a wildcard bind address becomes localhost. */
function publicUrl(host: string, port: number): string {
  const shown =
    host === '0.0.0.0' || host === '::' || host === ''
      ? 'localhost'
      : host.includes(':')
        ? `[${host}]`
        : host;
  return `http://${shown}:${port}`;
}

export async function startFinconsole(options: StartOptions = {}): Promise<RunningFinconsole> {
  const config = loadConfig();
  const logger =
    options.logger ??
    createLogger({
      level: options.logLevel ?? config.logLevel,
      ...(config.logFormat ? { format: config.logFormat } : {}),
    });
  const port = options.port ?? config.port;
  const host = options.host ?? config.host ?? defaultHost(options.seedDemo ?? false);
  const worker = options.worker ?? config.worker;

  const store = await openStore(
    options.databaseUrl
      ? { databaseUrl: options.databaseUrl, ...poolOptions(config) }
      : { dataDir: options.dataDir ?? config.dataDir },
  );
  let jobs: JobQueue | undefined;
  try {
    await store.migrate();
    const platforms: PlatformDeps = {
      secrets: secretBoxFor(config, options.databaseUrl ? undefined : (options.dataDir ?? config.dataDir)),
      publicUrl: config.publicUrl ?? '',
      ...(options.platformTimeoutMs ? { timeoutMs: options.platformTimeoutMs } : {}),
    };
    const seed = options.seedDemo ? await seedDemo(store) : undefined;
    if (seed?.seeded) {
      const [sul, norte] = seed.companies.filter((company) => company.kind === 'child');
      await seedDemoIntegrations(
        { store, secrets: platforms.secrets },
        {
          companyId: sul!.id,
          creditCompanyId: norte!.id,
          referenceDate: addMonths(todayInSaoPaulo(), -3),
          efiCredentials: EFI_EMULATOR_DEMO_ACCOUNT,
          supplierCredentials: {
            clientId: SUPPLIER_DEMO_CLIENT_ID,
            clientSecret: SUPPLIER_DEMO_CLIENT_SECRET,
          },
        },
      );
    }
    const emulators = options.seedDemo && (options.emulators ?? config.emulators);
    jobs = await startJobQueue(store, { expireInSeconds: config.jobExpireSeconds, ...options.jobs, logger });

    const app = await buildApp({
      store,
      jobs,
      platforms,
      extraPlugins: emulators ? [efiEmulatorPlugin(), supplierEmulatorPlugin()] : [],
      logger,
      limits: { tokens: config.tokenLimits, requestTimeoutMs: config.requestTimeoutMs },
      ...(options.webRoot ? { webRoot: options.webRoot } : {}),
    });
    await app.listen({ port, host });
    const address = app.server.address();
    const boundPort = typeof address === 'object' && address ? address.port : port;
    const url = publicUrl(host, boundPort);
    if (!platforms.publicUrl) platforms.publicUrl = reachableUrl(host, boundPort);
    // Workers start once the public URL is known: it goes into every charge's notification URL.
    if (worker)
      await registerWorkers(jobs, {
        store,
        logger,
        ...platforms,
        platformConcurrency: options.platformConcurrency ?? config.jobConcurrency,
        ...(config.smtpUrl ? { smtpUrl: config.smtpUrl } : {}),
        ...(config.smtpFrom ? { mailFrom: config.smtpFrom } : {}),
      });
    else if (store.kind === 'pglite')
      logger.warn(
        'worker desligado no modo embutido (PGlite): os jobs ficam na fila até um serve com worker',
      );
    logger.info({ url, database: store.kind, worker }, 'finconsole no ar');

    const queue = jobs;
    let closing: Promise<void> | undefined;
    return {
      url,
      database: store.kind,
      ...(seed ? { seed } : {}),
      store,
      jobs: queue,
      logger,
      platforms,
      close() {
        closing ??= (async () => {
          await app.close();
          await queue.stop();
          await store.close();
        })();
        return closing;
      },
    };
  } catch (error) {
    await jobs?.stop().catch(() => {});
    await store.close().catch(() => {});
    throw error;
  }
}

/** The URL this process reaches itself at (webhooks from the in-process emulators): IPv4 loopback for wildcards. */
function reachableUrl(host: string, port: number): string {
  const shown =
    host === '0.0.0.0' || host === '::' || host === '' || host === 'localhost' ? '127.0.0.1' : host;
  return `http://${shown.includes(':') ? `[${shown}]` : shown}:${port}`;
}

/** The Efí emulator mounted inside this server (demo mode): webhooks go back to this same process. */
function efiEmulatorPlugin(): NonNullable<AppDeps['extraPlugins']>[number] {
  const emulator = new EfiEmulator({ accounts: [EFI_EMULATOR_DEMO_ACCOUNT] });
  return {
    plugin: efiEmulatorRoutes as FastifyPluginAsync<{ prefix: string }>,
    options: { emulator, prefix: DEMO_EFI_ENDPOINT } as { prefix: string },
  };
}

/** The credit platform's emulator mounted inside this server (demo mode), with its demo client credentials. */
function supplierEmulatorPlugin(): NonNullable<AppDeps['extraPlugins']>[number] {
  return {
    plugin: supplierEmulator as FastifyPluginAsync<{ prefix: string }>,
    options: { prefix: DEMO_SUPPLIER_ENDPOINT },
  };
}
