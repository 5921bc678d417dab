/** The Títulos list state in the URL and in GET /api/receivables. */
import { flag, isoDate, listParams, subsetOf, text, type ListState } from '../../components/listParams.js';
import { RECEIVABLE_STATUSES } from '../../format.js';

export const RECEIVABLE_SORTS = [
  'dueDate',
  'issueDate',
  'amountCents',
  'openAmountCents',
  'customerName',
  'number',
  'status',
] as const;

const filters = {
  customerId: text,
  issueFrom: isoDate,
  issueTo: isoDate,
  dueFrom: isoDate,
  dueTo: isoDate,
  status: subsetOf(RECEIVABLE_STATUSES),
  /** Only overdue títulos (due before today with an open amount): the API's `overdue=true`. */
  overdue: flag,
  q: text,
};

export const receivableList = listParams({
  filters,
  sorts: RECEIVABLE_SORTS,
  sort: 'dueDate',
  pageSizes: [25, 50, 100],
});

export type ReceivableListState = ListState<typeof filters, (typeof RECEIVABLE_SORTS)[number]>;
