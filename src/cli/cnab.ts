/**
 * `finconsole cnab parse | write | layouts`: file I/O around the pure CNAB engine in src/domain/cnab.
 */
import { createReadStream } from 'node:fs';
import { readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Command } from 'commander';
import { defaultReturnCommands } from '../domain/banks/registry.js';
import type { CnabDetailEvent, CnabErrorEvent, CnabHeaderEvent } from '../domain/cnab/events.js';
import { readRetornoBatches } from '../domain/cnab/reader.js';
import { listLayouts } from '../domain/cnab/registry.js';
import { formatBRL } from '../domain/money.js';
import {
  findReturnCommand,
  RETURN_COMMAND_ACTION_LABELS,
  type ReturnCommandAction,
} from '../domain/settlement/return-commands.js';
import type { ImportOptions } from './cnab-import.js';
import { brDate, brText } from './format.js';

interface ParseOptions {
  bank?: string;
  layout?: string;
  json?: boolean;
}

interface WriteOptions {
  bank?: string;
  layout?: string;
  in?: string;
  out?: string;
}

function widthOption(layout: string | undefined): 240 | 400 | undefined {
  if (layout === undefined) return undefined;
  if (layout === '240' || layout === '400') return Number(layout) as 240 | 400;
  throw new Error(`--layout deve ser 240 ou 400 (recebido "${layout}")`);
}

function bankOption(bank: string | undefined): string | undefined {
  if (bank === undefined) return undefined;
  const padded = bank.padStart(3, '0');
  if (!/^\d{3}$/.test(padded))
    throw new Error(`--bank deve ser o código do banco com 3 dígitos (recebido "${bank}")`);
  return padded;
}

/** The coarse class `kind` of the JSON output, kept for its readers: what each action used to be called. */
const KIND_OF_ACTION: Readonly<Record<ReturnCommandAction, string>> = {
  confirm_registration: 'registered',
  settle: 'paid',
  write_off: 'written_off',
  reject_registration: 'rejected',
  due_date_changed: 'changed',
  protest: 'changed',
  fee_only: 'fee',
  reverse: 'reversed',
  informative: 'informative',
};

/** What the bank's default return commands make of the event (null: no command for its code). */
function actionOf(e: CnabDetailEvent): ReturnCommandAction | null {
  return findReturnCommand(defaultReturnCommands(e.bank, e.layout), e.occurrence.code)?.action ?? null;
}

/** The JSON Lines shape of a detail event (see README.md). */
export function detailJson(e: CnabDetailEvent): Record<string, unknown> {
  const action = actionOf(e);
  return {
    line: e.line,
    bank: e.bank,
    layout: e.layout,
    kind: action && KIND_OF_ACTION[action],
    action,
    occurrence: e.occurrence,
    reasons: e.reasons,
    nossoNumero: e.nossoNumero,
    seuNumero: e.seuNumero,
    documentNumber: e.documentNumber,
    dueDate: e.dueDate,
    occurredOn: e.occurredOn,
    creditedOn: e.creditedOn,
    amounts: e.amounts,
  };
}

export function errorJson(e: CnabErrorEvent): Record<string, unknown> {
  return { line: e.line, column: e.column, field: e.field, error: e.error, raw: e.raw };
}

function humanDetail(e: CnabDetailEvent): string {
  const a = e.amounts;
  const money = a.paidCents > 0 ? `pago ${formatBRL(a.paidCents)}` : `valor ${formatBRL(a.titleCents)}`;
  const action = actionOf(e);
  const description = e.occurrence.description || '(código fora da tabela do banco)';
  const command = action ? RETURN_COMMAND_ACTION_LABELS[action] : 'comando de retorno não cadastrado';
  const parts = [
    `linha ${e.line}: ${e.occurrence.code} ${description} (${command.toLowerCase()})`,
    `nosso número ${e.nossoNumero}`,
    `seu número ${e.seuNumero || '—'}`,
    money,
    ...(e.occurredOn ? [`em ${brDate(e.occurredOn)}`] : []),
  ];
  return parts.join(', ');
}

function humanHeader(e: CnabHeaderEvent): string {
  return (
    `arquivo de retorno CNAB ${e.layout} (${e.layoutId}): banco ${e.bank}, ${e.companyName}, ` +
    `gerado em ${brDate(e.generatedOn)}, nº ${e.fileNumber ?? '—'}`
  );
}

/** The reader says a remessa is not a retorno on its header; what follows would only be noise for a person. */
const isRemessaError = (e: CnabErrorEvent) => e.field === 'fileDirection';

function write(text: string): Promise<void> {
  return new Promise((resolve) => {
    if (process.stdout.write(text)) resolve();
    else process.stdout.once('drain', resolve);
  });
}

async function parseAction(file: string, options: ParseOptions): Promise<void> {
  await stat(file).catch(() => {
    throw new Error(`arquivo não encontrado: ${file}`);
  });
  const stream = createReadStream(file, { highWaterMark: 1 << 20 });
  let errorCount = 0;
  let detailCount = 0;
  for await (const batch of readRetornoBatches(stream, {
    bank: bankOption(options.bank),
    width: widthOption(options.layout),
  })) {
    let out = '';
    for (const e of batch) {
      if (e.type === 'detail') {
        detailCount++;
        out += options.json ? `${JSON.stringify(detailJson(e))}\n` : `${humanDetail(e)}\n`;
      } else if (e.type === 'error') {
        errorCount++;
        if (options.json) out += `${JSON.stringify(errorJson(e))}\n`;
        else if (isRemessaError(e)) {
          console.error(
            `erro: ${file} é um arquivo de remessa (o que se envia ao banco); cnab parse lê arquivos de retorno`,
          );
          process.exitCode = 1;
          return;
        } else
          console.error(`erro na linha ${e.line}, coluna ${e.column}, campo ${e.field}: ${brText(e.error)}`);
      } else if (!options.json) {
        out += `${humanHeader(e)}\n`;
      }
    }
    if (out) await write(out);
  }
  if (!options.json) console.error(`${detailCount} ocorrência(s), ${errorCount} erro(s)`);
  if (errorCount > 0) process.exitCode = 1;
}

async function writeAction(options: WriteOptions): Promise<void> {
  if (!options.in)
    throw new Error('informe o arquivo JSON da remessa com --in (exemplo: docs/examples/remessa.json)');
  let input: Record<string, unknown>;
  try {
    input = JSON.parse(await readFile(options.in, 'utf8')) as Record<string, unknown>;
  } catch (error) {
    throw new Error(
      `--in ${options.in}: JSON ilegível (${error instanceof Error ? error.message : String(error)})`,
    );
  }
  const bank = bankOption(options.bank);
  const width = widthOption(options.layout);
  if (bank) input.bank = bank;
  if (width) input.layout = width;
  // Loaded here: the remessa schema (zod) is not needed by the other commands.
  const { writeRemessa } = await import('../domain/cnab/writer.js');
  const written = writeRemessa(input as never);
  let out = options.out ?? written.fileName;
  const isDir = await stat(out)
    .then((s) => s.isDirectory())
    .catch(() => false);
  if (isDir) out = path.join(out, written.fileName);
  await writeFile(out, written.content, 'latin1');
  console.log(
    `${out}: ${written.lines.length} linhas, layout ${written.layout.id} (nome sugerido pelo banco: ${written.fileName})`,
  );
}

function layoutsAction(): void {
  for (const l of listLayouts())
    console.log(`${l.bank}  ${l.width}  ${l.direction.padEnd(7)}  ${l.bankName.padEnd(24)}  ${l.source}`);
}

export function register(program: Command): void {
  const cnab = program.command('cnab').description('arquivos CNAB 240/400: ler retornos, gerar remessas');
  cnab
    .command('parse <file>')
    .description('lê um arquivo de retorno e mostra uma ocorrência por título (JSON Lines com --json)')
    .option('--bank <código>', 'força o banco (senão vem do header)')
    .option('--layout <240|400>', 'força o layout (senão é detectado)')
    .option('--json', 'uma linha JSON por ocorrência ou erro')
    .action(parseAction);
  cnab
    .command('write')
    .description('gera um arquivo de remessa a partir de um JSON (veja docs/examples/remessa.json)')
    .option('--bank <código>', 'banco (sobrepõe o do JSON)')
    .option('--layout <240|400>', 'layout (sobrepõe o do JSON)')
    .option('--in <arquivo.json>', 'JSON de entrada')
    .option('--out <arquivo|pasta>', 'arquivo de saída (padrão: nome do banco na pasta atual)')
    .action(writeAction);
  cnab.command('layouts').description('lista banco × layout × direção').action(layoutsAction);
  cnab
    .command('import <file>')
    .description('importa um arquivo de retorno no banco de dados (como POST /api/v1/retornos)')
    .requiredOption('--portador <erpKey>', 'portador (chave do ERP) com integração CNAB ativa')
    .option('--company <id|cnpj>', 'empresa (padrão: a única do banco, ou a única com esse portador)')
    .option('--json', 'o resultado em uma linha JSON')
    .action(async (file: string, options: ImportOptions) =>
      (await import('./cnab-import.js')).importAction(file, options),
    );
}
