import { describe, expect, it } from 'vitest';
import { dateFromFactor, dueDateFactor } from '../../../src/domain/boleto/index.js';

// FEBRABAN, "Manual Operacional do Fator de Vencimento da Cobrança Bancária", versão 01 (01.06.2012), table of
// examples: 1000 = 03/07/2000, 1001 = 04/07/2000, 5316 = 27/04/2012, 9998 = 20/02/2025, 9999 = 21/02/2025 (limit);
// the factor restarts at 1000 on 22/02/2025 and counts one per day, so the new cycle's 9999 falls 8999 days later.
describe('dueDateFactor', () => {
  it.each([
    ['2000-07-03', 1000],
    ['2000-07-04', 1001],
    ['2012-04-27', 5316],
    ['2025-02-20', 9998],
    ['2025-02-21', 9999],
    ['2025-02-22', 1000],
    ['2025-02-23', 1001],
    ['2049-10-13', 9999],
    ['2049-10-14', 1000],
  ])('%s → %i', (date, factor) => {
    expect(dueDateFactor(date)).toBe(factor);
  });

  it('refuses dates before the first factor, naming the field', () => {
    expect(() => dueDateFactor('2000-07-02')).toThrow(/^vencimento: /);
  });
});

describe('dateFromFactor: the date inside [today − 3000, today + 5500] days', () => {
  it('reads factors before the restart as the old cycle while today is before it', () => {
    expect(dateFromFactor(9999, '2025-02-01')).toBe('2025-02-21');
    expect(dateFromFactor(5316, '2012-04-01')).toBe('2012-04-27');
    expect(dateFromFactor(1001, '2000-07-01')).toBe('2000-07-04');
  });

  it('reads a low factor as the new cycle on both sides of the restart', () => {
    // Seen from the day before the restart, 1000 is already tomorrow (2025-02-22), not 2000-07-03 (past the window).
    expect(dateFromFactor(1000, '2025-02-21')).toBe('2025-02-22');
    expect(dateFromFactor(1000, '2025-02-22')).toBe('2025-02-22');
    expect(dateFromFactor(9999, '2025-02-22')).toBe('2025-02-21');
    expect(dateFromFactor(1656, '2026-11-23')).toBe('2026-12-10');
  });

  it('window edges: 3000 days back and 5500 days ahead are in, one day further is out', () => {
    const today = '2026-11-23';
    const back = dueDateFactor('2018-09-06'); // 2026-11-23 − 3000 days
    expect(dateFromFactor(back, today)).toBe('2018-09-06');
    const ahead = dueDateFactor('2041-12-14'); // 2026-11-23 + 5500 days
    expect(dateFromFactor(ahead, today)).toBe('2041-12-14');
    // One day before the window start: the same factor 9000 days later is past the end → no date.
    expect(dateFromFactor(dueDateFactor('2018-09-05'), today)).toBeNull();
    // One day after the end: the same factor 9000 days earlier is before the start → no date.
    expect(dateFromFactor(dueDateFactor('2041-12-15'), today)).toBeNull();
  });

  it('factor 0000 means no due date', () => {
    expect(dateFromFactor(0, '2026-11-23')).toBeNull();
  });
});
