import type { Command } from 'commander';
import { registerPdf } from './boleto-pdf.js';

export function register(program: Command): void {
  const boleto = program.command('boleto').description('boletos: código de barras, linha digitável e PDF');
  registerPdf(boleto);
}
