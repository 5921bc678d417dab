/**
 * Every event finconsole sends to the ERP: its name and payload. Services write them through the store's outbox
 * in the transaction of the change that causes them; the jobs layer delivers them as signed webhooks.
 */
import type { OutboxEventInput } from '../store/outbox.js';
import type { ReceivableRow } from '../store/receivables.js';
import type { ErpEventName } from '../domain/webhooks/events.js';

export { erpEventNames, type ErpEventName } from '../domain/webhooks/events.js';

export function receivableEvent(
  name: ErpEventName,
  row: Pick<ReceivableRow, 'id' | 'companyId' | 'erpKey' | 'status' | 'openAmountCents'>,
  details: Record<string, unknown> = {},
): OutboxEventInput {
  return {
    name,
    companyId: row.companyId,
    subjectId: row.id,
    payload: {
      erpKey: row.erpKey,
      status: row.status,
      openAmountCents: row.openAmountCents,
      ...details,
    },
  };
}

/** The announcement the store writes for every created or changed título. */
export function announceReceivable(
  row: ReceivableRow,
  change: { created: boolean; changedFields: readonly string[] },
): OutboxEventInput {
  return change.created
    ? receivableEvent('titulo.created', row)
    : receivableEvent('titulo.changed', row, { changedFields: change.changedFields });
}
