import { describe, expect, it } from 'vitest';
import { planSettlement, type ReportedAmounts } from '../../../src/domain/settlement/settle.js';

const none: ReportedAmounts = {
  paidCents: 0,
  interestCents: 0,
  fineCents: 0,
  discountCents: 0,
  rebateCents: 0,
  feeCents: 0,
  otherCostsCents: 0,
  collectionCostCents: 0,
};

describe('planSettlement', () => {
  it('a payment of the whole open amount posts the payment and the contract fee when the platform reports none', () => {
    expect(planSettlement('settle', { ...none, paidCents: 150_075 }, 150_075, 199)).toEqual({
      postings: [
        { kind: 'payment', amountCents: 150_075 },
        { kind: 'fee', amountCents: 199 },
      ],
      overpaidCents: 0,
    });
  });

  it('a late payment: interest and fine are posted apart from the principal; the platform fee wins', () => {
    const plan = planSettlement(
      'settle',
      { ...none, paidCents: 10_530, interestCents: 330, fineCents: 200, feeCents: 250 },
      10_000,
      199,
    );
    expect(plan.postings).toEqual([
      { kind: 'payment', amountCents: 10_000 },
      { kind: 'interest', amountCents: 330 },
      { kind: 'fine', amountCents: 200 },
      { kind: 'fee', amountCents: 250 },
    ]);
  });

  it('a discount lowers what is owed: paid + discount settle the título', () => {
    const plan = planSettlement('settle', { ...none, paidCents: 9_500, discountCents: 500 }, 10_000, 0);
    expect(plan.postings).toEqual([
      { kind: 'payment', amountCents: 9_500 },
      { kind: 'discount', amountCents: 500 },
    ]);
    expect(plan.overpaidCents).toBe(0);
  });

  it('a partial payment posts only what came in; an overpayment or a second payment is reported, not applied', () => {
    expect(planSettlement('settle', { ...none, paidCents: 4_000 }, 10_000, 0).postings).toEqual([
      { kind: 'payment', amountCents: 4_000 },
    ]);
    expect(planSettlement('settle', { ...none, paidCents: 12_000 }, 10_000, 0)).toMatchObject({
      postings: [{ kind: 'payment', amountCents: 10_000 }],
      overpaidCents: 2_000,
    });
    expect(planSettlement('settle', { ...none, paidCents: 10_000 }, 0, 0)).toEqual({
      postings: [],
      overpaidCents: 10_000,
    });
  });

  it('a write-off without payment closes the open amount as baixa, never as payment', () => {
    expect(planSettlement('write_off', none, 7_000, 199).postings).toEqual([
      { kind: 'write_off', amountCents: 7_000 },
    ]);
  });

  it('informative and registration occurrences post nothing', () => {
    for (const action of [
      'informative',
      'confirm_registration',
      'reject_registration',
      'due_date_changed',
    ] as const)
      expect(planSettlement(action, { ...none, paidCents: 100 }, 100, 199).postings).toEqual([]);
  });
});
