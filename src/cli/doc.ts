import type { Command } from 'commander';
import { parseDocument } from '../domain/documents/index.js';

export function register(program: Command): void {
  const doc = program.command('doc').description('documentos: CPF e CNPJ (inclusive CNPJ alfanumérico)');
  doc
    .command('check')
    .description('valida um CPF ou CNPJ e mostra o formato com pontuação')
    .argument('<documento>', 'CPF ou CNPJ, com ou sem pontuação')
    .option('--json', 'saída em JSON')
    .action((text: string, options: { json?: boolean }) => {
      const parsed = parseDocument(text);
      if (options.json) {
        const out: Record<string, unknown> = { valid: parsed.valid };
        if (parsed.kind) out.kind = parsed.kind;
        out.digits = parsed.digits;
        if (parsed.formatted) out.formatted = parsed.formatted;
        if (parsed.error) out.error = parsed.error;
        console.log(JSON.stringify(out));
      } else if (parsed.valid) {
        console.log(`${parsed.kind === 'cpf' ? 'CPF' : 'CNPJ'} válido: ${parsed.formatted}`);
      } else {
        console.error(`erro: ${parsed.error}`);
      }
      if (!parsed.valid) process.exitCode = 1;
    });
}
