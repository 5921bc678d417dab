import { Command, CommanderError } from 'commander';
import { register as registerBoleto } from './cli/boleto.js';
import { register as registerCnab } from './cli/cnab.js';
import { register as registerDoc } from './cli/doc.js';
import { register as registerEmulate } from './cli/emulate.js';
import { register as registerEmulateSupplier } from './cli/emulate-supplier.js';
import { register as registerPix } from './cli/pix.js';
import { register as registerServer } from './cli/server.js';

// A reader that closes early (`… | head`) is not an error of ours: stop quietly.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

const program = new Command('finconsole')
  .description('finconsole: recebíveis, boletos, PIX e CNAB')
  .exitOverride()
  .showHelpAfterError();

// emulate-supplier adds its subcommand to the `emulate` group that emulate (Efí) creates, so it comes after it.
for (const register of [
  registerServer,
  registerBoleto,
  registerPix,
  registerDoc,
  registerCnab,
  registerEmulate,
  registerEmulateSupplier,
])
  register(program);

try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (error instanceof CommanderError) process.exit(error.exitCode);
  // Users get the message, not a stack trace; FINCONSOLE_DEBUG=1 shows the trace for developers.
  const message = error instanceof Error ? error.message : String(error);
  console.error(`erro: ${message}`);
  if (process.env.FINCONSOLE_DEBUG && error instanceof Error) console.error(error.stack);
  process.exit(2);
}
