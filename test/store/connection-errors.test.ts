/**
 * A PostgreSQL that cannot be used stops the start with a pt-BR sentence that says what to do (issue 8), never the
 * driver's English error: a server that is not listening (a real refused connection to a closed port) always; a
 * database that does not exist and a wrong password against the real server when DATABASE_URL points at one.
 */
import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import { DatabaseConnectionError } from '../../src/store/connection-errors.js';
import { openStore } from '../../src/store/connection.js';
import { testDatabaseUrl } from '../support/database.js';

/** A local port nobody listens on: bind one, note it, close it. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('opening PostgreSQL', () => {
  it('a server that does not answer: says so, names host and port and DATABASE_URL, hides the password', async () => {
    const port = await closedPort();
    const url = `postgres://fc:segredo@127.0.0.1:${port}/fc`;
    const error = await openStore({ databaseUrl: url }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DatabaseConnectionError);
    expect((error as Error).message).toBe(
      `não foi possível conectar ao PostgreSQL em 127.0.0.1:${port} (ECONNREFUSED): confira se o servidor está no ar ` +
        'e se host e porta de DATABASE_URL estão certos (sem DATABASE_URL o finconsole usa o banco embutido)',
    );
    expect((error as Error).message).not.toContain('segredo');
  });

  const adminUrl = testDatabaseUrl();
  it.skipIf(!adminUrl)('a database that does not exist: says how to create it (PostgreSQL)', async () => {
    const url = new URL(adminUrl!);
    url.pathname = '/fc_nao_existe_teste';
    const error = await openStore({ databaseUrl: url.toString() }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DatabaseConnectionError);
    expect((error as Error).message).toBe(
      `o banco de dados "fc_nao_existe_teste" não existe no PostgreSQL em ${url.hostname}:${url.port || '5432'}: ` +
        'crie-o (createdb "fc_nao_existe_teste" ou CREATE DATABASE "fc_nao_existe_teste";) ou corrija o nome no fim ' +
        'de DATABASE_URL',
    );
  });
});
