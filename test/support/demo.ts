/**
 * The demo as `npm start` serves it (seed, in-process worker, platform emulators), on a random port: in-memory
 * PGlite, or a throwaway PostgreSQL database when DATABASE_URL is set. `close` stops it and drops that database.
 */
import { startFinconsole, type RunningFinconsole } from '../../src/runtime.js';
import { createThrowawayDatabase, testDatabaseUrl } from './database.js';

export interface RunningDemo {
  running: RunningFinconsole;
  close(): Promise<void>;
}

export async function startDemo(): Promise<RunningDemo> {
  const adminUrl = testDatabaseUrl();
  const database = adminUrl ? await createThrowawayDatabase(adminUrl) : undefined;
  const running = await startFinconsole({
    port: 0,
    host: '127.0.0.1',
    ...(database ? { databaseUrl: database.url } : { dataDir: 'memory' }),
    seedDemo: true,
    worker: true,
    emulators: true,
    logLevel: 'silent',
  });
  return {
    running,
    async close() {
      await running.close();
      await database?.drop();
    },
  };
}
