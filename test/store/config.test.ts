import { describe, expect, it } from 'vitest';
import { defaultHost, loadConfig, maskDatabaseUrl } from '../../src/config.js';

describe('loadConfig', () => {
  it('has the documented defaults', () => {
    expect(loadConfig({})).toEqual({
      port: 3000,
      host: undefined,
      databaseUrl: undefined,
      dataDir: './data',
      logLevel: 'info',
      logFormat: undefined,
      worker: true,
      emulators: true,
      jobConcurrency: 4,
      secretKey: undefined,
      publicUrl: undefined,
      pool: { size: 10, waitMs: 10_000, statementTimeoutMs: 60_000 },
      requestTimeoutMs: 30_000,
      tokenLimits: { ratePerSecond: 50, burst: 100, concurrency: 4, queue: 100 },
      jobExpireSeconds: 30,
      smtpUrl: undefined,
      smtpFrom: undefined,
    });
  });

  it('reads every variable', () => {
    expect(
      loadConfig({
        PORT: '8080',
        HOST: '127.0.0.1',
        DATABASE_URL: 'postgres://u:p@db:5432/fc',
        FINCONSOLE_DATA_DIR: '/var/lib/fc',
        LOG_LEVEL: 'debug',
        LOG_FORMAT: 'json',
        FINCONSOLE_WORKER: '0',
        FINCONSOLE_JOB_CONCURRENCY: '16',
        DATABASE_POOL_SIZE: '20',
        DATABASE_POOL_WAIT_MS: '5000',
        DATABASE_STATEMENT_TIMEOUT_MS: '0',
        FINCONSOLE_REQUEST_TIMEOUT_MS: '15000',
        FINCONSOLE_TOKEN_RATE: '10',
        FINCONSOLE_TOKEN_BURST: '20',
        FINCONSOLE_TOKEN_CONCURRENCY: '2',
        FINCONSOLE_TOKEN_QUEUE: '0',
        FINCONSOLE_JOB_EXPIRE_SECONDS: '45',
        SMTP_URL: 'smtp://mail.example.com:587',
        SMTP_FROM: 'financeiro@example.com',
      }),
    ).toEqual({
      port: 8080,
      host: '127.0.0.1',
      databaseUrl: 'postgres://u:p@db:5432/fc',
      dataDir: '/var/lib/fc',
      logLevel: 'debug',
      logFormat: 'json',
      worker: false,
      emulators: true,
      jobConcurrency: 16,
      secretKey: undefined,
      publicUrl: undefined,
      pool: { size: 20, waitMs: 5000, statementTimeoutMs: 0 },
      requestTimeoutMs: 15_000,
      tokenLimits: { ratePerSecond: 10, burst: 20, concurrency: 2, queue: 0 },
      jobExpireSeconds: 45,
      smtpUrl: 'smtp://mail.example.com:587',
      smtpFrom: 'financeiro@example.com',
    });
    expect(loadConfig({ DATABASE_URL: '' }).databaseUrl).toBeUndefined();
    expect(() => loadConfig({ FINCONSOLE_JOB_CONCURRENCY: '0' })).toThrow(
      'FINCONSOLE_JOB_CONCURRENCY: deve ser um número inteiro de 1 a 64',
    );
  });

  it('rejects bad values naming the variable, in pt-BR', () => {
    expect(() => loadConfig({ PORT: 'abc' })).toThrow(/PORT: deve ser um número de porta/);
    expect(() => loadConfig({ PORT: '70000' })).toThrow(/PORT: deve estar entre 0 e 65535/);
    expect(() => loadConfig({ DATABASE_URL: 'mysql://x' })).toThrow(
      /DATABASE_URL: deve começar com postgres:\/\//,
    );
    expect(() => loadConfig({ LOG_LEVEL: 'loud' })).toThrow(/LOG_LEVEL: use um de/);
    expect(() => loadConfig({ LOG_FORMAT: 'xml' })).toThrow(/LOG_FORMAT: use um de: pretty, json/);
    expect(() => loadConfig({ FINCONSOLE_WORKER: 'talvez' })).toThrow(/FINCONSOLE_WORKER/);
  });

  it('listens only on this machine for the demo and on every interface for a server, unless HOST says', () => {
    expect(defaultHost(true)).toBe('127.0.0.1');
    expect(defaultHost(false)).toBe('0.0.0.0');
  });

  it('masks the password of a database URL', () => {
    expect(maskDatabaseUrl('postgres://fc:segredo@db:5432/fc')).toBe('postgres://fc:***@db:5432/fc');
    expect(maskDatabaseUrl('postgres://db/fc')).toBe('postgres://db/fc');
  });
});
