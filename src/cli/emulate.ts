/**
 * `finconsole emulate efi --port N`: the Efí emulator as a server of its own, for trying the adapter or an ERP
 * integration without Efí's sandbox. Control routes and the demo credentials are in README.md.
 */
import type { Command } from 'commander';

function parseNumber(option: string, min: number, max: number) {
  return (text: string): number => {
    const value = Number(text);
    if (!Number.isInteger(value) || value < min || value > max)
      throw new Error(`${option}: "${text}" deve ser um inteiro entre ${min} e ${max}`);
    return value;
  };
}

interface EmulateOptions {
  port: number;
  host: string;
  latency?: number;
}

export function register(program: Command): void {
  const emulate = program
    .command('emulate')
    .description('emuladores das plataformas, para testes e demonstração');
  emulate
    .command('efi')
    .description('emulador da API Cobranças da Efí (OAuth, boletos, carnês, notificações, rotas /_control)')
    .option('--port <porta>', 'porta HTTP', parseNumber('--port', 0, 65535), 4010)
    .option('--host <endereço>', 'endereço de escuta', '127.0.0.1')
    .option(
      '--latency <ms>',
      'latência acrescentada a cada resposta da API',
      parseNumber('--latency', 0, 60_000),
    )
    .action(async (options: EmulateOptions) => {
      // Loaded here so the other commands start without the emulator's server.
      const { createEfiEmulator, EFI_EMULATOR_DEMO_ACCOUNT } =
        await import('../platforms/efi/emulator/app.js');
      const running = await createEfiEmulator({
        port: options.port,
        host: options.host,
        ...(options.latency !== undefined ? { latencyMs: options.latency } : {}),
      });
      const stop = () => {
        running.close().then(
          () => process.exit(0),
          () => process.exit(1),
        );
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
      console.log(`emulador Efí em ${running.url}`);
      console.log(`  Client ID: ${EFI_EMULATOR_DEMO_ACCOUNT.clientId}`);
      console.log(`  Client Secret: ${EFI_EMULATOR_DEMO_ACCOUNT.clientSecret}`);
      console.log(`  controle: ${running.url}/_control/charges`);
    });
}
