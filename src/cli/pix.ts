import type { Command } from 'commander';
import { formatBRL, parseReais } from '../domain/money.js';
import { makeDynamicPix, makeStaticPix, parsePix } from '../domain/pix/index.js';
import { pixKeyTypeLabels } from './format.js';

interface MakeOptions {
  key?: string;
  amount?: string;
  name?: string;
  city?: string;
  txid?: string;
  description?: string;
  url?: string;
  cep?: string;
  json?: boolean;
}

export function register(program: Command): void {
  const pix = program.command('pix').description('PIX: gera e lê BR Codes (copia e cola)');

  pix
    .command('make')
    .description('gera um BR Code estático (--key) ou dinâmico (--url)')
    .option('--key <chave>', 'chave Pix: CPF, CNPJ, e-mail, telefone +55… ou chave aleatória')
    .option('--url <url>', 'URL do payload de cobrança (QR dinâmico)')
    .option('--amount <valor>', 'valor em reais, ex.: 10.50 ou 10,50')
    .option('--name <nome>', 'nome do recebedor (obrigatório; até 25 caracteres, acentos são removidos)')
    .option('--city <cidade>', 'cidade do recebedor (obrigatória; até 15 caracteres, acentos são removidos)')
    .option('--txid <txid>', 'identificador da transação (até 25 letras/dígitos; padrão ***)')
    .option('--description <texto>', 'informação adicional mostrada ao pagador')
    .option('--cep <cep>', 'CEP do recebedor (opcional)')
    .option('--json', 'saída em JSON: {"payload": "…"}')
    .action((options: MakeOptions) => {
      if (options.name === undefined) throw new Error('informe --name (nome do recebedor, tag 59)');
      if (options.city === undefined) throw new Error('informe --city (cidade do recebedor, tag 60)');
      const { name, city } = options;
      if (options.key && options.url)
        throw new Error('use --key (QR estático) ou --url (QR dinâmico), não os dois');
      if (!options.key && !options.url) throw new Error('informe --key (QR estático) ou --url (QR dinâmico)');
      if (options.url && options.txid !== undefined)
        throw new Error('--txid não se aplica ao QR dinâmico: o txid fica no payload da cobrança (--url)');
      if (options.url && options.description !== undefined)
        throw new Error(
          '--description não se aplica ao QR dinâmico: a descrição fica no payload da cobrança (--url)',
        );
      const amountCents = options.amount === undefined ? undefined : parseReais(options.amount, '--amount');
      const payload = options.url
        ? makeDynamicPix({
            url: options.url,
            amountCents,
            merchantName: name,
            merchantCity: city,
            postalCode: options.cep,
          })
        : makeStaticPix({
            key: options.key ?? '',
            amountCents,
            merchantName: name,
            merchantCity: city,
            txid: options.txid,
            description: options.description,
            postalCode: options.cep,
          });
      console.log(options.json ? JSON.stringify({ payload }) : payload);
    });

  pix
    .command('parse')
    .description('lê e valida um BR Code; sai com código 1 quando inválido')
    .argument('<payload>', 'o BR Code (copia e cola)')
    .option('--json', 'saída em JSON com os campos, "valid" e "errors"')
    .action((payload: string, options: { json?: boolean }) => {
      const parsed = parsePix(payload);
      const view = {
        valid: parsed.valid,
        errors: parsed.errors,
        type: parsed.type,
        key: parsed.key,
        keyType: parsed.keyType,
        url: parsed.url,
        description: parsed.description,
        amount: parsed.amount,
        amountCents: parsed.amountCents,
        merchantName: parsed.merchantName,
        merchantCity: parsed.merchantCity,
        postalCode: parsed.postalCode,
        txid: parsed.txid,
        merchantCategoryCode: parsed.merchantCategoryCode,
        currency: parsed.currency,
        country: parsed.country,
        crc: parsed.crc,
        fields: parsed.fields,
      };
      if (options.json) console.log(JSON.stringify(view, null, 2));
      else {
        const labels: [string, unknown][] = [
          [
            'tipo',
            parsed.type === 'dynamic' ? 'dinâmico' : parsed.type === 'static' ? 'estático' : undefined,
          ],
          [
            'chave',
            parsed.key && `${parsed.key}${parsed.keyType ? ` (${pixKeyTypeLabels[parsed.keyType]})` : ''}`,
          ],
          ['URL', parsed.url],
          ['valor', parsed.amountCents === undefined ? undefined : formatBRL(parsed.amountCents)],
          ['recebedor', parsed.merchantName],
          ['cidade', parsed.merchantCity],
          ['txid', parsed.txid],
          ['descrição', parsed.description],
        ];
        for (const [label, value] of labels) if (value !== undefined) console.log(`${label}: ${value}`);
        console.log(parsed.valid ? 'BR Code válido' : 'BR Code inválido');
        for (const error of parsed.errors) console.error(`erro: ${error}`);
      }
      if (!parsed.valid) process.exitCode = 1;
    });
}
