/**
 * Starting the service in one call (contract §1): open the store, migrate, seed if asked, start the job queue (and
 * the in-process worker if asked), build the HTTP app and listen. Used by `finconsole serve|start` and by tests.
 */
import { buildApp } from './api/app.js';
import { defaultHost, loadConfig } from './config.js';
import { registerWorkers, startJobQueue, type JobQueue } from './jobs/index.js';
import { createLogger, type Logger } from './logger.js';
import { openStore, type Store } from './store/connection.js';
import { seedDemo, type SeedDemoResult } from './store/seed-demo.js';

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
}

export interface RunningFinconsole {
  url: string;
  database: 'pglite' | 'postgres';
  /** Set when seedDemo was asked: what was seeded (seeded: false when the database already had data). */
  seed?: SeedDemoResult;
  store: Store;
  jobs: JobQueue;
  logger: Logger;
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
      ? { databaseUrl: options.databaseUrl }
      : { dataDir: options.dataDir ?? config.dataDir },
  );
  let jobs: JobQueue | undefined;
  try {
    await store.migrate();
    const seed = options.seedDemo ? await seedDemo(store) : undefined;
    jobs = await startJobQueue(store, { logger });
    if (worker) await registerWorkers(jobs, { store, logger });
    else if (store.kind === 'pglite')
      logger.warn(
        'worker desligado no modo embutido (PGlite): os jobs ficam na fila até um serve com worker',
      );

    const app = await buildApp({
      store,
      jobs,
      logger,
      ...(options.webRoot ? { webRoot: options.webRoot } : {}),
    });
    await app.listen({ port, host });
    const address = app.server.address();
    const boundPort = typeof address === 'object' && address ? address.port : port;
    const url = publicUrl(host, boundPort);
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
