/**
 * `finconsole emulate supplier --port N`: the credit platform's emulator on its own port. The `emulate` group is
 * shared with the other emulators' subcommand files: whichever registers first creates it.
 */
import type { Command } from 'commander';

function emulateGroup(program: Command): Command {
  return (
    program.commands.find((command) => command.name() === 'emulate') ??
    program.command('emulate').description('emuladores das plataformas, para testes e demonstração')
  );
}

function parsePort(text: string): number {
  const port = Number(text);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`--port: "${text}" não é uma porta (0–65535)`);
  return port;
}

function parsePositive(text: string): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1)
    throw new Error(`--rate-limit: "${text}" não é um inteiro positivo`);
  return value;
}

export function register(program: Command): void {
  emulateGroup(program)
    .command('supplier')
    .description('emulador da plataforma de crédito Supplier (análises, tickets, conciliação)')
    .option('--port <porta>', 'porta HTTP (padrão: 4020)', parsePort, 4020)
    .option('--host <endereço>', 'endereço de escuta', '127.0.0.1')
    .option('--client-id <id>', 'Client ID aceito (padrão: o da demonstração)')
    .option('--client-secret <secret>', 'Client Secret aceito (padrão: o da demonstração)')
    .option('--rate-limit <n>', 'chamadas da API por minuto antes de responder 429', parsePositive)
    .action(
      async (options: {
        port: number;
        host: string;
        clientId?: string;
        clientSecret?: string;
        rateLimit?: number;
      }) => {
        // Loaded here so the other commands start without the emulator.
        const { DEMO_CLIENT_ID, DEMO_CLIENT_SECRET } =
          await import('../platforms/supplier/emulator/index.js');
        const { startSupplierEmulator } = await import('../platforms/supplier/emulator/standalone.js');
        const clientId = options.clientId ?? DEMO_CLIENT_ID;
        const clientSecret = options.clientSecret ?? DEMO_CLIENT_SECRET;
        const emulator = await startSupplierEmulator({
          ...options,
          clientId,
          clientSecret,
          rateLimitPerMinute: options.rateLimit,
        });
        console.log(`Emulador Supplier em ${emulator.url}`);
        console.log(`  Client ID: ${clientId}`);
        console.log(
          `  controle: POST ${emulator.url}/_control/analyses/:document/decide, POST ${emulator.url}/_control/events`,
        );
        const stop = () => void emulator.close().then(() => process.exit(0));
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      },
    );
}
