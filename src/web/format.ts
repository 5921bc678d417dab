/** Pure display helpers of the console (pt-BR). No DOM, no fetch: unit-tested in test/web. */
import { formatDateBR } from '../domain/dates.js';
import { formatBRL } from '../domain/money.js';
import { RECEIVABLE_STATUS_TITLES } from '../domain/receivable/labels.js';

export type ReceivableStatus = 'open' | 'registered' | 'paid' | 'written_off' | 'cancelled';

export const RECEIVABLE_STATUSES: readonly ReceivableStatus[] = [
  'open',
  'registered',
  'paid',
  'written_off',
  'cancelled',
];

export function isReceivableStatus(value: string): value is ReceivableStatus {
  return (RECEIVABLE_STATUSES as readonly string[]).includes(value);
}

/** pt-BR label of a título status; an unknown value is shown as it came. */
export function statusLabel(status: string): string {
  return RECEIVABLE_STATUS_TITLES[status] ?? status;
}

/** "R$ 1.234,56" from integer centavos. */
export function formatMoney(cents: number): string {
  return formatBRL(cents);
}

/** "dd/mm/aaaa" from an ISO calendar date; empty text for a missing date. */
export function formatDate(date: string | null | undefined): string {
  if (!date) return '';
  return formatDateBR(date.slice(0, 10));
}

/**
 * CPF "000.000.000-00" (11 digits) or CNPJ "00.000.000/0000-00" (14 characters, numeric or the alphanumeric
 * CNPJ of IN RFB 2.229/2024: 12 letters/digits + 2 check digits, same mask). Anything else is shown as it came.
 */
export function formatDocument(document: string | null | undefined): string {
  if (!document) return '';
  const raw = document.replace(/[.\-/\s]/g, '').toUpperCase();
  if (/^\d{11}$/.test(raw)) return `${raw.slice(0, 3)}.${raw.slice(3, 6)}.${raw.slice(6, 9)}-${raw.slice(9)}`;
  if (/^[0-9A-Z]{12}\d{2}$/.test(raw))
    return `${raw.slice(0, 2)}.${raw.slice(2, 5)}.${raw.slice(5, 8)}/${raw.slice(8, 12)}-${raw.slice(12)}`;
  return document;
}

/** Integer with pt-BR thousands separator: 1234 -> "1.234". */
export function formatCount(value: number): string {
  return Math.trunc(value)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, '.');
}

/** "1–25 de 203" for page/pageSize/total; "0 de 0" when empty. Uses an en dash like printed ranges. */
export function rangeText(page: number, pageSize: number, total: number): string {
  if (total <= 0) return '0 de 0';
  const first = Math.min((page - 1) * pageSize + 1, total);
  const last = Math.min(page * pageSize, total);
  return `${formatCount(first)}–${formatCount(last)} de ${formatCount(total)}`;
}

export function pageCount(pageSize: number, total: number): number {
  return Math.max(1, Math.ceil(total / pageSize));
}

/** "número/parcela", e.g. "10234/2": how operators name a título; the installment is left out when absent. */
export function formatTituloRef(number: string, installment: string | number | null): string {
  return installment === null || installment === '' ? number : `${number}/${installment}`;
}

/**
 * Reads "dd/mm/aaaa" (as typed by people; "1/8/2026" too) into an ISO calendar date, or null when it is not a
 * real date. Used by the date filters, which are text fields so they read the same in every browser locale.
 */
export function parseDateBR(text: string): string | null {
  const match = /^\s*(\d{1,2})\/(\d{1,2})\/(\d{4})\s*$/.exec(text);
  if (!match) return null;
  const [, d = '', m = '', y = ''] = match;
  const iso = `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
  const date = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === iso ? iso : null;
}

const MONTH_NAMES = [
  'janeiro',
  'fevereiro',
  'março',
  'abril',
  'maio',
  'junho',
  'julho',
  'agosto',
  'setembro',
  'outubro',
  'novembro',
  'dezembro',
];

/**
 * Why a typed "dd/mm/aaaa" is not a date, in words ("fevereiro de 2026 tem 28 dias"); null when it is one or
 * is still being typed.
 */
export function dateProblem(text: string): string | null {
  const typed = text.trim();
  if (typed === '' || parseDateBR(typed) !== null) return null;
  const match = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(typed);
  if (!match) return typed.length >= 10 ? `${typed} não é uma data: use dd/mm/aaaa.` : null;
  const [day, month, year] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12) return `${typed} não existe: o mês vai de 01 a 12.`;
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day < 1 || day > days)
    return `${typed} não existe: ${MONTH_NAMES[month - 1]} de ${year} tem ${days} dias.`;
  return `${typed} não é uma data: use dd/mm/aaaa.`;
}

/** ISO dates inside a message ("vencimento 2020-01-01 é anterior…") rewritten as dd/mm/aaaa. */
export function brDates(message: string): string {
  return message.replace(/\b(\d{4})-(\d{2})-(\d{2})\b/g, '$3/$2/$1');
}

/** Inserts the slashes of "dd/mm/aaaa" while digits are typed: "010820" -> "01/08/20". */
export function maskDateTyping(text: string): string {
  if (/[^\d]/.test(text.replace(/\//g, ''))) return text.slice(0, 10);
  const digits = text.replace(/\D/g, '').slice(0, 8);
  if (digits.length <= 2) return digits;
  if (digits.length <= 4) return `${digits.slice(0, 2)}/${digits.slice(2)}`;
  return `${digits.slice(0, 2)}/${digits.slice(2, 4)}/${digits.slice(4)}`;
}

const MOVEMENT_LABELS: Record<string, string> = {
  created: 'Inclusão',
  updated: 'Alteração',
  payment: 'Pagamento',
  interest: 'Juros',
  fine: 'Multa',
  discount: 'Desconto',
  rebate: 'Abatimento',
  fee: 'Tarifa',
  collection_cost: 'Despesas de cobrança',
  write_off: 'Baixa',
  reversal: 'Estorno',
  adjustment: 'Ajuste',
};

/** pt-BR name of a título movement kind (store `movementKinds`). */
export function movementKindLabel(kind: string): string {
  return MOVEMENT_LABELS[kind] ?? kind;
}

const HISTORY_ACTIONS: Record<string, string> = {
  created: 'Incluído',
  updated: 'Alterado',
  status_changed: 'Status alterado',
};

export function historyActionLabel(action: string): string {
  return HISTORY_ACTIONS[action] ?? action;
}

const FIELD_LABELS: Record<string, string> = {
  customerId: 'Cliente',
  establishmentId: 'Estabelecimento',
  document: 'Documento',
  number: 'Número',
  installment: 'Parcela',
  issueDate: 'Emissão',
  dueDate: 'Vencimento',
  amountCents: 'Valor',
  openAmountCents: 'Valor aberto',
  invoiceNumber: 'Nota fiscal',
  portadorId: 'Portador',
  status: 'Status',
};

export function fieldLabel(field: string): string {
  return FIELD_LABELS[field] ?? field;
}

/** A changed field's value for people: money in reais, dates dd/mm/aaaa, status in pt-BR, empty as "—". */
export function formatFieldValue(field: string, value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if ((field === 'amountCents' || field === 'openAmountCents') && typeof value === 'number')
    return formatMoney(value);
  if ((field === 'issueDate' || field === 'dueDate') && typeof value === 'string') return formatDate(value);
  if (field === 'status' && typeof value === 'string') return statusLabel(value);
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

const DATE_TIME_SP = new Intl.DateTimeFormat('pt-BR', {
  timeZone: 'America/Sao_Paulo',
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
});

/** "23/11/2026 09:41" in São Paulo time from an ISO instant. */
export function formatDateTime(instant: string): string {
  const date = new Date(instant);
  return Number.isNaN(date.getTime()) ? instant : DATE_TIME_SP.format(date).replace(',', '');
}

const SOURCE_LABELS: Record<string, string> = {
  erp: 'ERP',
  'erp-api': 'ERP (API)',
  console: 'Console',
  seed: 'Demonstração',
  job: 'Rotina',
  retorno: 'Retorno',
  remessa: 'Remessa',
};

/** Where a movement came from (the store's `source`), in pt-BR when known. */
export function sourceLabel(source: string): string {
  return SOURCE_LABELS[source] ?? source;
}

/**
 * Who did it, for the history: a user by name (the server resolves `user:<id>`), an ERP token as "ERP (token de
 * API)", the demo seed as "Demonstração", scheduled work as "Rotina automática".
 */
export function actorLabel({ actor, actorName }: { actor: string; actorName: string | null }): string {
  if (actorName) return actorName;
  if (actor.startsWith('api-token:')) return 'ERP (token de API)';
  if (actor === 'seed' || actor === 'seed-demo') return 'Demonstração';
  if (actor.startsWith('job:') || actor === 'system') return 'Rotina automática';
  if (actor.startsWith('user:')) return 'Usuário removido';
  return actor;
}
