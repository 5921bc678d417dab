/**
 * Human output of the CLI in pt-BR: dates as dd/mm/aaaa (also inside messages of the engines, which speak ISO for
 * the JSON output), and labels for the code names the engines return. `--json` output does not pass through here.
 */
import { formatDateBR } from '../domain/dates.js';
import type { PixKeyType } from '../domain/pix/index.js';

/** "2026-12-10" → "10/12/2026"; null → "—". */
export function brDate(date: string | null | undefined): string {
  return date ? formatDateBR(date) : '—';
}

/** Every ISO calendar date in a message, written dd/mm/aaaa. */
export function brText(message: string): string {
  return message.replace(/\b(\d{4})-(\d{2})-(\d{2})\b/g, '$3/$2/$1');
}

/** Names of the parts of a boleto's campo livre (src/domain/boleto/banks). */
const CAMPO_LIVRE_LABELS: Record<string, string> = {
  agency: 'agência',
  account: 'conta',
  accountDv: 'DV da conta',
  carteira: 'carteira',
  codigoCliente: 'código do cliente',
  convenio: 'convênio',
  iof: 'IOF',
  modalidade: 'modalidade',
  nossoNumero: 'nosso número',
  nossoNumeroDv: 'DV do nosso número',
  parcela: 'parcela',
  posto: 'posto',
  produto: 'produto',
  seuNumero: 'seu número',
  tipoCobranca: 'tipo de cobrança',
};

export function campoLivreLabel(name: string): string {
  return CAMPO_LIVRE_LABELS[name] ?? name;
}

export const pixKeyTypeLabels: Record<PixKeyType, string> = {
  cpf: 'CPF',
  cnpj: 'CNPJ',
  email: 'e-mail',
  phone: 'telefone',
  evp: 'chave aleatória',
};

/** "label:" padded so values line up in a column. */
export function row(label: string, value: string, width = 20): string {
  return `${`${label}:`.padEnd(width)}${value}`;
}
