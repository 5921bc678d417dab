import { describe, expect, it } from 'vitest';
import { openAmountOf, statusOf, type Posting } from '../../../src/domain/receivable/postings.js';

const created: Posting = { kind: 'created', amountCents: 10_000 };

describe('ledger postings → open amount and status', () => {
  it('a payment with interest settles the principal; interest and fee do not lower what is owed', () => {
    const ledger: Posting[] = [
      created,
      { kind: 'payment', amountCents: 10_000 },
      { kind: 'interest', amountCents: 330 },
      { kind: 'fee', amountCents: 199 },
    ];
    expect(openAmountOf(ledger)).toBe(0);
    expect(statusOf(ledger, 'registered')).toBe('paid');
  });

  it('a partial payment leaves the rest open; a discount closes it as paid', () => {
    const partial: Posting[] = [created, { kind: 'payment', amountCents: 9_800 }];
    expect(openAmountOf(partial)).toBe(200);
    expect(statusOf(partial, 'open')).toBe('open');
    expect(statusOf([...partial, { kind: 'discount', amountCents: 200 }], 'open')).toBe('paid');
  });

  it('a write-off without payment is written_off, never paid; a reversal reopens', () => {
    const writtenOff: Posting[] = [created, { kind: 'write_off', amountCents: 10_000 }];
    expect(statusOf(writtenOff, 'open')).toBe('written_off');
    const reversed: Posting[] = [...writtenOff, { kind: 'reversal', amountCents: 10_000 }];
    expect(openAmountOf(reversed)).toBe(10_000);
    expect(statusOf(reversed, 'written_off')).toBe('open');
  });

  it('a negative adjustment lowers the open amount by its own sign', () => {
    expect(openAmountOf([created, { kind: 'adjustment', amountCents: -2_500 }])).toBe(7_500);
  });

  it('a cancelled título stays cancelled whatever is posted', () => {
    expect(statusOf([created], 'cancelled')).toBe('cancelled');
  });
});
