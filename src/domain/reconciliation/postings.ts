/**
 * What reconciling a record posts on its Título ERP, through the same ledger as settlement (the kinds and what each
 * does to the open amount are in domain/receivable/postings.ts). The rules below are the defaults; an admin may
 * change the kind per event type.
 *
 * Why these defaults (FSPL0250: the reconciliation "espelha nos títulos do contas a receber as movimentações de
 * taxas e repasses realizados pela Supplier"; TOTVS seed, RSKJOBBANK: "Irá executar as baixas de títulos. Taxas de
 * utilização de serviço."):
 * - IMPL, the platform's credit for a sale it bought: a payment of the título by the platform (its baixa).
 * - CANCE / CANCEP, the platform taking back what it paid for a cancelled sale (all or part): a reversal of that
 *   payment. Cancelling the sale itself on the customer's título is the after-sale devolução's movement, not this.
 * - RPASSC / RPASSP / RPASSI, contract-cancellation fee, due-date-extension fee, IOF passed on: fees.
 * - BONIFI, a bonificação granted to the customer and debited by the platform: a rebate (abatimento) — it lowers
 *   what the sale is worth, unconditionally, unlike a discount for paying early.
 * "Valor Taxa", when present, is the platform's charge on the event and always posts as a fee.
 */
import { movementKinds, type MovementKind } from '../receivable/postings.js';
import type { ReconcilableEventCode } from './events.js';

/** The ledger's money movements: every kind but the record-keeping 'created' and 'updated'. */
export const postingKinds = movementKinds.filter(
  (kind): kind is Exclude<MovementKind, 'created' | 'updated'> => kind !== 'created' && kind !== 'updated',
);
export type PostingKind = (typeof postingKinds)[number];

export interface PostingRule {
  /** What "Valor Lcto" posts as. */
  amountKind: PostingKind;
  /** What "Valor Taxa" posts as. */
  feeKind: PostingKind;
}

export type PostingRules = Readonly<Record<ReconcilableEventCode, PostingRule>>;

export const DEFAULT_POSTING_RULES: PostingRules = {
  IMPL: { amountKind: 'payment', feeKind: 'fee' },
  CANCE: { amountKind: 'reversal', feeKind: 'fee' },
  CANCEP: { amountKind: 'reversal', feeKind: 'fee' },
  RPASSC: { amountKind: 'fee', feeKind: 'fee' },
  RPASSP: { amountKind: 'fee', feeKind: 'fee' },
  RPASSI: { amountKind: 'fee', feeKind: 'fee' },
  BONIFI: { amountKind: 'rebate', feeKind: 'fee' },
};

export interface Posting {
  kind: PostingKind;
  amountCents: number;
  description: string;
  /** The ledger's idempotency key: a repeated reconciliation of the same cycle never posts twice. */
  idempotencyKey: string;
}

export interface ReconcilableRecord {
  /** Our record's id (stable; the platform's entry id is unique only per integration). */
  id: string;
  eventCode: ReconcilableEventCode;
  amountCents: number;
  feeCents: number;
}

/**
 * The postings of one Conciliar. `cycle` counts the record's reconciliations (1 for the first, 2 after one
 * Excluir conciliação …), so a reconciliation after an undo posts again under fresh keys.
 */
export function reconciliationPostings(
  record: ReconcilableRecord,
  rule: PostingRule,
  cycle: number,
): Posting[] {
  const parts = [
    { part: 'amount', kind: rule.amountKind, amountCents: record.amountCents, what: 'Valor Lcto' },
    { part: 'fee', kind: rule.feeKind, amountCents: record.feeCents, what: 'Valor Taxa' },
  ];
  return parts
    .filter((p) => p.amountCents !== 0)
    .map((p) => ({
      kind: p.kind,
      amountCents: p.amountCents,
      description: `Conciliação ${record.eventCode} (${p.what})`,
      idempotencyKey: `reconciliation:${record.id}:${cycle}:${p.part}`,
    }));
}

/**
 * Excluir conciliação: each posting again with the opposite amount and the same kind, so every kind's total on
 * the título returns to what it was before Conciliar — and with it the open amount, which is linear in the
 * postings. (One 'reversal' of the net effect would restore the open amount but leave a reconciled fee counted
 * among the título's fees.)
 */
export function undoPostings(postings: readonly Posting[]): Posting[] {
  return postings.map((posting) => ({
    kind: posting.kind,
    amountCents: -posting.amountCents,
    description: `Exclusão da conciliação: ${posting.description}`,
    idempotencyKey: `${posting.idempotencyKey}:undo`,
  }));
}
