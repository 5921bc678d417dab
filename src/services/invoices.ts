/** Real time: the ERP reports an invoice as authorized, and its títulos are queued for registration at once. */
import type { Store } from '../store/connection.js';
import { getReceivableByErpKey, receivablesOfInvoice, type ReceivableRow } from '../store/receivables.js';
import { notFound, referenceNotFound } from './errors.js';
import { queueRealtimeRegistration } from './registration.js';

/**
 * In one transaction, each título of the invoice (those named by `erpKeys`, or every título carrying the invoice
 * number) whose integration has Registro em tempo real is queued; the others answer why not. Repeating the call
 * never registers twice (one queued job per remessa record; a sent título queues nothing).
 */
export async function authorizeInvoice(
  store: Store,
  args: { companyId: string; invoiceNumber: string; erpKeys?: readonly string[]; actor: string },
) {
  return store.transaction(async (tx) => {
    let rows: ReceivableRow[];
    if (args.erpKeys) {
      const found = await Promise.all(
        args.erpKeys.map((key) => getReceivableByErpKey(tx, args.companyId, key, { forUpdate: true })),
      );
      const missing = args.erpKeys.filter((_, index) => !found[index]);
      if (missing.length > 0)
        throw referenceNotFound(
          missing.map((key) => ({
            path: 'receivableErpKeys',
            message: `título "${key}" não existe nesta empresa; envie antes PUT /api/v1/receivables/${key}`,
          })),
        );
      rows = found as ReceivableRow[];
    } else {
      rows = await receivablesOfInvoice(tx, args.companyId, args.invoiceNumber);
      if (rows.length === 0)
        throw notFound(`Nenhum título com a nota fiscal "${args.invoiceNumber}" nesta empresa.`);
    }
    const items = [];
    for (const row of rows) {
      const outcome = await queueRealtimeRegistration(tx, row, args.actor);
      items.push({
        erpKey: row.erpKey,
        queued: outcome.queued,
        status: outcome.registration?.status ?? null,
        message: outcome.message,
      });
    }
    return { invoiceNumber: args.invoiceNumber, items };
  });
}
