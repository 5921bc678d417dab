/**
 * Título statuses and the fields an upsert may never change. Overdue is derived from the due date and the open
 * amount, never stored. The status itself follows from the ledger (see postings.ts).
 */
export const receivableStatuses = ['open', 'registered', 'paid', 'written_off', 'cancelled'] as const;
export type ReceivableStatus = (typeof receivableStatuses)[number];

/** Statuses after which the título belongs to settlement: upserts and console edits may no longer change it. */
export const closedStatuses = [
  'paid',
  'written_off',
  'cancelled',
] as const satisfies readonly ReceivableStatus[];

export function isClosedStatus(status: ReceivableStatus): boolean {
  return (closedStatuses as readonly ReceivableStatus[]).includes(status);
}

/** pt-BR, lower case, as messages use them ("o título está pago"). */
export const RECEIVABLE_STATUS_LABELS: Readonly<Record<ReceivableStatus, string>> = {
  open: 'aberto',
  registered: 'registrado',
  paid: 'pago',
  written_off: 'baixado',
  cancelled: 'cancelado',
};

/**
 * What identifies a título and its value: never changed by an upsert (409 `immutable_field`).
 * Mutable: dueDate, openAmountCents (an 'adjustment' movement records the difference), invoiceNumber, portador,
 * establishment.
 */
export const receivableImmutableFields = [
  'customerId',
  'document',
  'number',
  'installment',
  'issueDate',
  'amountCents',
] as const;

export const receivableSorts = [
  'dueDate',
  'issueDate',
  'amountCents',
  'openAmountCents',
  'customerName',
  'number',
  'status',
] as const;
export type ReceivableSort = (typeof receivableSorts)[number];
