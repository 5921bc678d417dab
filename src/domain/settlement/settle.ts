/**
 * What a processed retorno posts on its título (no I/O): the return command's action and the amounts the platform
 * reported become ledger postings. A payment settles the principal up to the open amount; interest and fine are
 * posted apart, discount and rebate lower what is owed, fee and collection costs are the company's expenses. What
 * the payer paid beyond the open amount is reported as an overpayment, never applied twice.
 */
import type { MovementKind } from '../receivable/postings.js';
import type { ReturnCommandAction } from './return-commands.js';

export interface ReportedAmounts {
  paidCents: number;
  interestCents: number;
  fineCents: number;
  discountCents: number;
  rebateCents: number;
  feeCents: number;
  otherCostsCents: number;
  collectionCostCents: number;
}

export interface SettlementPosting {
  kind: MovementKind;
  amountCents: number;
}

export interface SettlementPlan {
  postings: SettlementPosting[];
  /** Paid beyond what was owed (including a second payment of a settled título): kept for an operator. */
  overpaidCents: number;
}

export function planSettlement(
  action: ReturnCommandAction,
  amounts: ReportedAmounts,
  openAmountCents: number,
  /** The integration's tarifa por pagamento, used when the platform reports no fee of its own. */
  contractFeeCents: number,
): SettlementPlan {
  const postings: SettlementPosting[] = [];
  const add = (kind: MovementKind, amountCents: number) => {
    if (amountCents > 0) postings.push({ kind, amountCents });
  };
  if (action === 'settle') {
    const deductions = Math.min(amounts.discountCents + amounts.rebateCents, openAmountCents);
    const discount = Math.min(amounts.discountCents, deductions);
    const principalPaid = amounts.paidCents - amounts.interestCents - amounts.fineCents;
    const payment = Math.max(0, Math.min(principalPaid, openAmountCents - deductions));
    add('payment', payment);
    add('interest', amounts.interestCents);
    add('fine', amounts.fineCents);
    add('discount', discount);
    add('rebate', deductions - discount);
    add('fee', amounts.feeCents > 0 ? amounts.feeCents : contractFeeCents);
    add('collection_cost', amounts.collectionCostCents + amounts.otherCostsCents);
    return { postings, overpaidCents: Math.max(0, principalPaid - payment) };
  }
  if (action === 'write_off') add('write_off', openAmountCents);
  if (action === 'fee_only' || action === 'write_off' || action === 'protest') {
    add('fee', amounts.feeCents);
    add('collection_cost', amounts.collectionCostCents + amounts.otherCostsCents);
  }
  return { postings, overpaidCents: 0 };
}

/**
 * What an estorno posts on the título: the opposite of what earlier retornos' settlements lowered (payment,
 * discount, rebate), less what earlier estornos already gave back, so a repeated estorno reopens nothing twice.
 */
export function planReversal(
  movements: readonly { kind: MovementKind; amountCents: number; source: string }[],
): SettlementPlan {
  let settled = 0;
  for (const movement of movements) {
    if (!movement.source.startsWith('retorno:')) continue;
    if (movement.kind === 'payment' || movement.kind === 'discount' || movement.kind === 'rebate')
      settled += movement.amountCents;
    if (movement.kind === 'reversal') settled -= movement.amountCents;
  }
  return { postings: settled > 0 ? [{ kind: 'reversal', amountCents: settled }] : [], overpaidCents: 0 };
}
