import { readFile, writeFile } from 'node:fs/promises';
import type { Command } from 'commander';

/** `finconsole boleto pdf --in titles.json --out file.pdf [--carne]` */
export function registerPdf(boleto: Command): void {
  boleto
    .command('pdf')
    .description('gera o PDF dos boletos (ficha de compensação + recibo) ou um carnê (3 parcelas por página)')
    .option('--in <arquivo>', 'JSON com a lista de títulos (obrigatório; veja docs/examples/titles.json)')
    .option('--out <arquivo>', 'PDF a gravar (obrigatório)')
    .option('--carne', 'carnê: três parcelas por página A4, cada uma com canhoto e ficha')
    .action(async (options: { in?: string; out?: string; carne?: boolean }) => {
      if (options.in === undefined) throw new Error('informe --in <arquivo.json> com a lista de títulos');
      if (options.out === undefined) throw new Error('informe --out <arquivo.pdf>');
      const { in: input, out } = options;
      let text: string;
      try {
        text = await readFile(input, 'utf8');
      } catch (error) {
        throw new Error(
          `não foi possível ler ${input}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`,
        );
      }
      let json: unknown;
      try {
        json = JSON.parse(text);
      } catch (error) {
        throw new Error(
          `${input} não é um JSON válido: ${error instanceof Error ? error.message : String(error)}`,
        );
      }
      // Loaded here so the other commands start without pdfkit.
      const { boletoDocumentListSchema, describeIssues, renderBoletoPdf } = await import('../pdf/index.js');
      const parsed = boletoDocumentListSchema.safeParse(json);
      if (!parsed.success) throw new Error(`${input}: ${describeIssues(parsed.error)}`);
      const pdf = await renderBoletoPdf(parsed.data, {
        carne: options.carne,
        onWarning: (message) => console.error(`aviso: ${message}`),
      });
      await writeFile(out, pdf);
      const count = parsed.data.length;
      console.log(
        options.carne
          ? `carnê com ${count} parcela(s) em ${Math.ceil(count / 3)} página(s) gravado em ${out}`
          : `${count} boleto(s) gravado(s) em ${out}`,
      );
    });
}
