import { describe, expect, it } from 'vitest';
import {
  DEFAULT_POSTING_RULES,
  postingKinds,
  reconcilableEventCodes,
  reconciliationPostings,
  undoPostings,
  type Posting,
} from '../../../src/domain/reconciliation/index.js';
import { openAmountOf } from '../../../src/domain/receivable/postings.js';
import { movementKinds } from '../../../src/store/schema.js';

function totalsByKind(postings: readonly Posting[]): Record<string, number> {
  const totals: Record<string, number> = {};
  for (const posting of postings) totals[posting.kind] = (totals[posting.kind] ?? 0) + posting.amountCents;
  return totals;
}

describe('posting kinds', () => {
  it('are the ledger’s movement kinds that move money (all but created/updated)', () => {
    expect([...postingKinds].sort()).toEqual(
      movementKinds.filter((k) => k !== 'created' && k !== 'updated').sort(),
    );
  });
});

describe('default posting rules', () => {
  it('cover every reconcilable event type', () => {
    expect(Object.keys(DEFAULT_POSTING_RULES).sort()).toEqual([...reconcilableEventCodes].sort());
  });

  it('post IMPL as the platform’s payment and its Valor Taxa as a fee', () => {
    const record = { id: 'r1', eventCode: 'IMPL' as const, amountCents: 1_000_00, feeCents: 25_00 };
    expect(reconciliationPostings(record, DEFAULT_POSTING_RULES.IMPL, 1)).toEqual([
      {
        kind: 'payment',
        amountCents: 1_000_00,
        description: 'Conciliação IMPL (Valor Lcto)',
        idempotencyKey: 'reconciliation:r1:1:amount',
      },
      {
        kind: 'fee',
        amountCents: 25_00,
        description: 'Conciliação IMPL (Valor Taxa)',
        idempotencyKey: 'reconciliation:r1:1:fee',
      },
    ]);
  });

  it.each([
    ['CANCE', 'reversal'],
    ['CANCEP', 'reversal'],
    ['RPASSC', 'fee'],
    ['RPASSP', 'fee'],
    ['RPASSI', 'fee'],
    ['BONIFI', 'rebate'],
  ] as const)('post %s’s Valor Lcto as %s; a zero Valor Taxa posts nothing', (eventCode, kind) => {
    const postings = reconciliationPostings(
      { id: 'r2', eventCode, amountCents: 300_00, feeCents: 0 },
      DEFAULT_POSTING_RULES[eventCode],
      1,
    );
    expect(postings.map((p) => [p.kind, p.amountCents])).toEqual([[kind, 300_00]]);
  });

  it('with the ledger’s rules, IMPL of the full amount settles the título; its fee does not change what is owed', () => {
    const postings = reconciliationPostings(
      { id: 'r6', eventCode: 'IMPL', amountCents: 1_500_00, feeCents: 30_00 },
      DEFAULT_POSTING_RULES.IMPL,
      1,
    );
    expect(openAmountOf([{ kind: 'created', amountCents: 1_500_00 }, ...postings])).toBe(0);
  });

  it('a rule changed by an admin decides the kind', () => {
    const postings = reconciliationPostings(
      { id: 'r3', eventCode: 'BONIFI', amountCents: 10_00, feeCents: 0 },
      { amountKind: 'discount', feeKind: 'collection_cost' },
      1,
    );
    expect(postings[0]!.kind).toBe('discount');
  });
});

describe('reconcile, then Excluir conciliação', () => {
  it.each(reconcilableEventCodes)(
    '%s: the undo restores every kind’s total to zero under fresh keys',
    (eventCode) => {
      const record = { id: 'r4', eventCode, amountCents: 987_65, feeCents: 12_34 };
      const posted = reconciliationPostings(record, DEFAULT_POSTING_RULES[eventCode], 1);
      const undone = undoPostings(posted);
      const ledger = [...posted, ...undone];
      expect(Object.values(totalsByKind(ledger)).every((total) => total === 0)).toBe(true);
      expect(posted.reduce((sum, p) => sum + p.amountCents, 0)).toBe(987_65 + 12_34);
      expect(new Set(ledger.map((p) => p.idempotencyKey)).size).toBe(ledger.length);
      // On a título of R$ 2.000,00, the open amount after reconcile + undo is what it was.
      const created = { kind: 'created' as const, amountCents: 2_000_00 };
      expect(openAmountOf([created, ...ledger])).toBe(openAmountOf([created]));
    },
  );

  it('a second reconciliation after an undo posts under keys of its own cycle', () => {
    const record = { id: 'r5', eventCode: 'IMPL' as const, amountCents: 50_00, feeCents: 1_00 };
    const first = reconciliationPostings(record, DEFAULT_POSTING_RULES.IMPL, 1).map((p) => p.idempotencyKey);
    const second = reconciliationPostings(record, DEFAULT_POSTING_RULES.IMPL, 2).map((p) => p.idempotencyKey);
    expect(second.some((key) => first.includes(key))).toBe(false);
  });
});
