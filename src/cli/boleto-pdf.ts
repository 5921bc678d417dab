import { readFile, writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { boletoDocumentListSchema, describeIssues, renderBoletoPdf } from '../pdf/index.js';

/** `finconsole boleto pdf --in titles.json --out file.pdf [--carne]` */
export function registerPdf(boleto: Command): void {
  boleto
    .command('pdf')
    .description('gera o PDF dos boletos (ficha de compensação + recibo) ou um carnê (3 parcelas por página)')
    .requiredOption('--in <arquivo>', 'JSON com a lista de títulos (veja docs/examples/titles.json)')
    .requiredOption('--out <arquivo>', 'PDF a gravar')
    .option('--carne', 'carnê: três parcelas por página A4, cada uma com canhoto e ficha')
    .action(async (options: { in: string; out: string; carne?: boolean }) => {
      let text: string;
      try {
        text = await readFile(options.in, 'utf8');
      } catch (error) {
        throw new Error(
          `não foi possível ler ${options.in}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`,
        );
      }
      let json: unknown;
      try {
        json = JSON.parse(text);
      } catch (error) {
        throw new Error(
          `${options.in} não é um JSON válido: ${error instanceof Error ? error.message : String(error)}`,
        );
      }
      const parsed = boletoDocumentListSchema.safeParse(json);
      if (!parsed.success) throw new Error(`${options.in}: ${describeIssues(parsed.error)}`);
      const pdf = await renderBoletoPdf(parsed.data, {
        carne: options.carne,
        onWarning: (message) => console.error(`aviso: ${message}`),
      });
      await writeFile(options.out, pdf);
      const count = parsed.data.length;
      console.log(
        options.carne
          ? `carnê com ${count} parcela(s) em ${Math.ceil(count / 3)} página(s) gravado em ${options.out}`
          : `${count} boleto(s) gravado(s) em ${options.out}`,
      );
    });
}
