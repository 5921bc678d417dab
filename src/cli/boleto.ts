import type { Command } from 'commander';
import { BANKS, makeBankBoleto, parseBoleto, type ParsedBoleto } from '../domain/boleto/index.js';
import { parseCalendarDate, todayInSaoPaulo } from '../domain/dates.js';
import { formatBRL, parseReais } from '../domain/money.js';
import { registerPdf } from './boleto-pdf.js';
import { brDate, brText, campoLivreLabel, row } from './format.js';

interface MakeOptions {
  bank?: string;
  agency?: string;
  account?: string;
  carteira?: string;
  convenio?: string;
  posto?: string;
  modalidade?: string;
  parcela?: string;
  byte?: string;
  iof?: string;
  nossoNumero?: string;
  seuNumero?: string;
  due?: string;
  amount?: string;
  today?: string;
  json?: boolean;
}

interface ParseOptions {
  today?: string;
  json?: boolean;
}

const BANK_LIST = BANKS.map((bank) => `${bank.code} ${bank.name}`).join(', ');

function required(value: string | undefined, flag: string, what: string): string {
  if (value === undefined || value.trim() === '') throw new Error(`${what}: informe ${flag}`);
  return value;
}

function referenceDate(today: string | undefined): string {
  return today === undefined ? todayInSaoPaulo() : parseCalendarDate(today, 'data de referência (--today)');
}

function makeAction(options: MakeOptions): void {
  const bankCode = required(options.bank, '--bank', 'banco');
  const due = required(options.due, '--due AAAA-MM-DD (ou --due sem)', 'vencimento');
  const amountCents = parseReais(required(options.amount, '--amount', 'valor'), 'valor (--amount)');
  const boleto = makeBankBoleto(
    {
      bankCode,
      dueDate:
        due.trim().toLowerCase() === 'sem' ? null : parseCalendarDate(due.trim(), 'vencimento (--due)'),
      amountCents,
      nossoNumero: required(options.nossoNumero, '--nosso-numero', 'nosso número'),
      seuNumero: options.seuNumero,
      beneficiary: {
        agency: options.agency,
        account: options.account,
        carteira: options.carteira,
        convenio: options.convenio,
        posto: options.posto,
        modalidade: options.modalidade,
        parcela: options.parcela,
        byteIdt: options.byte,
        iof: options.iof,
      },
    },
    { today: referenceDate(options.today) },
  );
  if (options.json) {
    console.log(JSON.stringify(boleto));
    return;
  }
  for (const warning of boleto.warnings) console.error(`aviso: ${brText(warning.message)}`);
  const rows: [string, string][] = [
    ['banco', `${boleto.bank} (${boleto.bankName})`],
    ['nosso número', boleto.nossoNumero.formatted],
    [
      'vencimento',
      boleto.dueDate
        ? `${brDate(boleto.dueDate)} (fator ${boleto.dueDateFactor})`
        : 'sem vencimento (fator 0000)',
    ],
    ['valor', formatBRL(boleto.amountCents)],
    ['código de barras', boleto.barcode],
    ['linha digitável', boleto.formattedLine],
    ['linha (só dígitos)', boleto.line],
  ];
  for (const [label, value] of rows) console.log(row(label, value));
}

const FACTOR_WARNING = 'due-date-factor';

/** The due date as read: a date, no due date (factor 0000), or why the factor gives none. */
function dueDateText(parsed: ParsedBoleto): string {
  if (parsed.dueDate) return `${brDate(parsed.dueDate)} (fator ${parsed.dueDateFactor})`;
  if (!parsed.dueDateFactor) return 'sem vencimento (fator 0000)';
  const why = parsed.warnings.find((warning) => warning.code === FACTOR_WARNING);
  return (
    `não determinado — ${brText(why?.message ?? `fator ${parsed.dueDateFactor}`)}; para um boleto antigo, ` +
    'informe --today AAAA-MM-DD perto da emissão'
  );
}

function printParsed(parsed: ParsedBoleto): void {
  const kind =
    parsed.kind === 'bank'
      ? 'boleto bancário'
      : parsed.kind === 'collection'
        ? 'arrecadação/convênio'
        : 'não é um código de barras nem uma linha digitável';
  console.log(`${parsed.valid ? 'válido' : 'INVÁLIDO'}: ${kind}`);
  if (parsed.bank)
    console.log(row('banco', `${parsed.bank}${parsed.bankName ? ` (${parsed.bankName})` : ''}`));
  if (parsed.segment) console.log(row('segmento', `${parsed.segment} (${parsed.segmentName ?? ''})`));
  if (parsed.amountCents !== null) console.log(row('valor', formatBRL(parsed.amountCents)));
  if (parsed.kind === 'bank') console.log(row('vencimento', dueDateText(parsed)));
  if (parsed.barcode) console.log(row('código de barras', parsed.barcode));
  if (parsed.formattedLine) console.log(row('linha digitável', parsed.formattedLine));
  for (const [name, value] of Object.entries(parsed.campoLivreFields ?? {}))
    console.log(row(`  ${campoLivreLabel(name)}`, value, 22));
  for (const error of parsed.errors) console.log(`erro: ${brText(error.message)}`);
  for (const warning of parsed.warnings)
    // A factor without a date is already explained on the due date line.
    if (parsed.kind !== 'bank' || warning.code !== FACTOR_WARNING)
      console.log(`aviso: ${brText(warning.message)}`);
}

export function register(program: Command): void {
  const boleto = program.command('boleto').description('boletos: código de barras, linha digitável e PDF');

  boleto
    .command('make')
    .description(`gera código de barras, linha digitável e nosso número (bancos: ${BANK_LIST})`)
    .option('--bank <código>', 'código do banco, ex.: 341')
    .option('--agency <agência>', 'agência (ou cooperativa), sem DV')
    .option('--account <conta>', 'conta corrente, com ou sem DV (ex.: 12345-6)')
    .option(
      '--carteira <carteira>',
      'carteira (Banrisul: produto; Caixa: modalidade; Sicredi: tipo de cobrança)',
    )
    .option('--convenio <código>', 'convênio / código do beneficiário / código do cedente')
    .option('--posto <posto>', 'Sicredi: posto da cooperativa')
    .option('--modalidade <modalidade>', 'Sicoob: modalidade (padrão 01)')
    .option('--parcela <parcela>', 'Sicoob: parcela (padrão 001)')
    .option('--byte <byte>', 'Sicredi: byte de geração do nosso número, 2 a 9 (padrão 2)')
    .option('--iof <percentual>', 'Santander: IOF de seguradoras, 0 a 9 (padrão 0)')
    .option('--nosso-numero <número>', 'parte sequencial do nosso número (o DV é calculado)')
    .option(
      '--seu-numero <número>',
      'Itaú, carteiras 106/107/122/142/143/195/196/198: seu número (até 7 dígitos)',
    )
    .option('--due <data>', 'vencimento AAAA-MM-DD, ou "sem" (fator 0000)')
    .option('--amount <valor>', 'valor em reais, ex.: 1234.56 ou 1.234,56')
    .option('--today <data>', 'data de referência AAAA-MM-DD (padrão: hoje em São Paulo)')
    .option('--json', 'saída em um único objeto JSON')
    .action(makeAction);

  boleto
    .command('parse')
    .description('lê e confere um código de barras ou linha digitável (bancário ou arrecadação)')
    .argument('<código...>', 'código de barras (44) ou linha digitável (47/48), com ou sem pontuação')
    .option('--today <data>', 'data de referência AAAA-MM-DD para o fator de vencimento (padrão: hoje)')
    .option('--json', 'saída em um único objeto JSON')
    .action((code: string[], options: ParseOptions) => {
      const parsed = parseBoleto(code.join(' '), { today: referenceDate(options.today) });
      if (options.json) console.log(JSON.stringify(parsed));
      else printParsed(parsed);
      if (!parsed.valid) process.exitCode = 1;
    });

  boleto
    .command('banks')
    .description('lista os bancos suportados e o que cada um precisa')
    .option('--json', 'saída em JSON: [{"code","name","inputs":[…]}]')
    .action((options: { json?: boolean }) => {
      if (options.json) {
        console.log(JSON.stringify(BANKS.map(({ code, name, inputs }) => ({ code, name, inputs }))));
        return;
      }
      for (const bank of BANKS) {
        console.log(`${bank.code} ${bank.name}`);
        for (const input of bank.inputs)
          console.log(`  ${input.required ? '*' : ' '} ${input.label.padEnd(24)}${input.note}`);
      }
    });

  registerPdf(boleto);
}
