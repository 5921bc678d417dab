/**
 * What each ledger movement does to a título's open amount, and the status that follows. The ledger is the only
 * source of a título's open amount and status: both are recomputed from its movements whenever one is posted.
 * Amounts are stored positive except `adjustment` and `reversal`, which carry their own sign.
 */
import type { ReceivableStatus } from './statuses.js';

export const movementKinds = [
  'created',
  'updated',
  'payment',
  'interest',
  'fine',
  'discount',
  'rebate',
  'fee',
  'collection_cost',
  'write_off',
  'reversal',
  'adjustment',
] as const;
export type MovementKind = (typeof movementKinds)[number];

/**
 * +1 raises the open amount, −1 lowers it, 0 leaves it (interest and fine are paid on top of the principal; fees
 * and collection costs are the company's expenses, not the payer's debt).
 */
export const OPEN_AMOUNT_EFFECT: Readonly<Record<MovementKind, -1 | 0 | 1>> = {
  created: 1,
  updated: 0,
  payment: -1,
  interest: 0,
  fine: 0,
  discount: -1,
  rebate: -1,
  fee: 0,
  collection_cost: 0,
  write_off: -1,
  reversal: 1,
  adjustment: 1,
};

/** pt-BR names of the movements, as the console and the history show them. */
export const MOVEMENT_KIND_LABELS: Readonly<Record<MovementKind, string>> = {
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

export interface Posting {
  kind: MovementKind;
  amountCents: number;
}

export function openAmountOf(postings: readonly Posting[]): number {
  return postings.reduce((open, posting) => open + OPEN_AMOUNT_EFFECT[posting.kind] * posting.amountCents, 0);
}

/**
 * The status a título's ledger implies: open while something is owed; at zero, paid when money came in since the
 * last reopening, written off when it was closed without payment. A cancelled título stays cancelled.
 */
export function statusOf(postings: readonly Posting[], current: ReceivableStatus): ReceivableStatus {
  if (current === 'cancelled') return current;
  if (openAmountOf(postings) > 0) return current === 'registered' ? 'registered' : 'open';
  let closing: MovementKind | undefined;
  for (const posting of postings) {
    if (posting.kind === 'payment' || posting.kind === 'write_off') closing = posting.kind;
    if (posting.kind === 'reversal') closing = undefined;
  }
  return closing === 'write_off' ? 'written_off' : 'paid';
}
