/**
 * What to do when PostgreSQL cannot be reached: the driver's English error (`database "x" does not exist`,
 * `ECONNREFUSED`) becomes a pt-BR sentence that names DATABASE_URL and the fix. The password never appears.
 */

export class DatabaseConnectionError extends Error {}

function where(databaseUrl: string): { host: string; database: string; user: string } {
  try {
    const url = new URL(databaseUrl);
    return {
      host: `${url.hostname}:${url.port || '5432'}`,
      database: decodeURIComponent(url.pathname.replace(/^\//, '')) || decodeURIComponent(url.username),
      user: decodeURIComponent(url.username),
    };
  } catch {
    return { host: '?', database: '?', user: '?' };
  }
}

export function describeConnectionError(error: unknown, databaseUrl: string): DatabaseConnectionError {
  const { host, database, user } = where(databaseUrl);
  const code = (error as { code?: unknown } | null)?.code;
  switch (code) {
    case '3D000':
      return new DatabaseConnectionError(
        `o banco de dados "${database}" não existe no PostgreSQL em ${host}: crie-o (createdb "${database}" ou ` +
          `CREATE DATABASE "${database}";) ou corrija o nome no fim de DATABASE_URL`,
      );
    case '28P01':
    case '28000':
      return new DatabaseConnectionError(
        `o PostgreSQL em ${host} recusou o usuário "${user}" (senha errada ou sem permissão): confira usuário e ` +
          'senha em DATABASE_URL',
      );
    case 'ECONNREFUSED':
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
    case 'ETIMEDOUT':
    case 'EHOSTUNREACH':
      return new DatabaseConnectionError(
        `não foi possível conectar ao PostgreSQL em ${host} (${code}): confira se o servidor está no ar e se ` +
          'host e porta de DATABASE_URL estão certos (sem DATABASE_URL o finconsole usa o banco embutido)',
      );
  }
  const detail = error instanceof Error ? error.message : String(error);
  return new DatabaseConnectionError(
    `não foi possível abrir o PostgreSQL em ${host} (${detail}): confira DATABASE_URL`,
  );
}
