/** The console's título list (page, totals of the filtered set, payments) and its CSV export. */
import { csvDecimal, csvLine, CSV_BOM } from '../domain/csv.js';
import { formatDateBR } from '../domain/dates.js';
import { RECEIVABLE_STATUS_TITLES } from '../domain/receivable/labels.js';
import type { Store } from '../store/connection.js';
import {
  listReceivables,
  scanReceivables,
  type ReceivableFilters,
  type ReceivableListItem,
} from '../store/receivables.js';
import { paymentsByReceivable, receivableTotals } from '../store/receivable-summaries.js';

async function withPayments(store: Store, items: ReceivableListItem[]) {
  const payments = await paymentsByReceivable(
    store.db,
    items.map((item) => item.id),
  );
  return items.map((item) => {
    const payment = payments.get(item.id);
    return { ...item, paidOn: payment?.paidOn ?? null, paidCents: payment?.paidCents ?? null };
  });
}

export async function consoleReceivablePage(store: Store, filters: ReceivableFilters) {
  const [page, totals] = await Promise.all([
    listReceivables(store.db, filters),
    receivableTotals(store.db, filters),
  ]);
  return { ...page, items: await withPayments(store, page.items), totals };
}

const CSV_HEADER = [
  'Empresa',
  'Cliente',
  'CPF/CNPJ',
  'Documento',
  'Número',
  'Parcela',
  'Nota fiscal',
  'Emissão',
  'Vencimento',
  'Valor',
  'Valor aberto',
  'Pago em',
  'Valor pago',
  'Portador',
  'Status',
  'Vencido',
];

/**
 * The filtered list as CSV lines (BOM and header first), chunk by chunk in the list's own order, so a large export
 * never sits whole in memory.
 */
export async function* receivablesCsv(
  store: Store,
  filters: Omit<ReceivableFilters, 'page' | 'pageSize'>,
): AsyncGenerator<string> {
  yield CSV_BOM + csvLine(CSV_HEADER);
  for await (const chunk of scanReceivables(store.db, filters)) {
    for (const item of await withPayments(store, chunk)) {
      yield csvLine([
        item.companyName,
        item.customerName,
        item.customerDocument,
        item.document,
        item.number,
        String(item.installment),
        item.invoiceNumber ?? '',
        formatDateBR(item.issueDate),
        formatDateBR(item.dueDate),
        csvDecimal(item.amountCents),
        csvDecimal(item.openAmountCents),
        item.paidOn ? formatDateBR(item.paidOn) : '',
        item.paidCents === null ? '' : csvDecimal(item.paidCents),
        item.portadorName ?? '',
        RECEIVABLE_STATUS_TITLES[item.status] ?? item.status,
        item.overdue ? 'sim' : 'não',
      ]);
    }
  }
}
