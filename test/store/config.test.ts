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
