/**
 * Service commands: `finconsole migrate | seed-demo | serve | worker | start | keys rotate`.
 * Configuration comes from the environment (src/config.ts); see README.md. The work is in server-actions.ts, loaded
 * only when one of these commands runs.
 */
import type { Command } from 'commander';

const actions = () => import('./server-actions.js');

function parsePort(text: string): number {
  const port = Number(text);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`--port: "${text}" não é uma porta (0–65535)`);
  return port;
}

export function register(program: Command): void {
  program
    .command('migrate')
    .description(
      'aplica as migrações do banco (PGlite ou PostgreSQL via DATABASE_URL) e prepara a fila de jobs',
    )
    .action(async () => (await actions()).migrate());

  program
    .command('seed-demo')
    .description('grava os dados de demonstração (só num banco vazio) e mostra usuários e tokens')
    .action(async () => (await actions()).seedDemoCommand());

  const serveLike = (name: string, description: string, start: boolean) =>
    program
      .command(name)
      .description(description)
      .option('--port <porta>', 'porta HTTP (padrão: PORT ou 3000)', parsePort)
      .option(
        '--host <endereço>',
        start
          ? 'endereço de escuta (padrão: HOST ou 127.0.0.1; HOST=0.0.0.0 abre para a rede)'
          : 'endereço de escuta (padrão: HOST ou 0.0.0.0)',
      )
      .action(async (options: { port?: number; host?: string }) => (await actions()).serve(start, options));

  serveLike(
    'serve',
    'servidor HTTP (API, console, /docs) com o worker de jobs no processo (FINCONSOLE_WORKER=0 desliga)',
    false,
  );
  serveLike(
    'start',
    'migra, grava a demonstração se o banco estiver vazio e sobe o servidor com worker (npm start)',
    true,
  );

  program
    .command('worker')
    .description('processa jobs num processo próprio (PostgreSQL: rode quantos quiser contra o mesmo banco)')
    .action(async () => (await actions()).worker());

  program
    .command('keys')
    .description('chave dos segredos das plataformas')
    .command('rotate')
    .description(
      'gera uma chave nova e recifra com ela todos os segredos gravados (numa transação); a antiga fica em secret.key.old',
    )
    .action(async () => (await actions()).rotateKeys());
}
