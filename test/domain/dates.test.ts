import { describe, expect, it } from 'vitest';
import {
  addDays,
  addMonths,
  daysBetween,
  formatDateBR,
  isCalendarDate,
  todayInSaoPaulo,
} from '../../src/domain/dates.js';

describe('calendar dates', () => {
  it('validates real calendar days only', () => {
    expect(isCalendarDate('2024-02-29')).toBe(true);
    expect(isCalendarDate('2026-02-29')).toBe(false);
    expect(isCalendarDate('2026-13-01')).toBe(false);
    expect(isCalendarDate('26-01-01')).toBe(false);
  });

  it('takes today in São Paulo, not UTC', () => {
    // 02:00 UTC on the 24th is still 23:00 on the 23rd in São Paulo (UTC-3).
    expect(todayInSaoPaulo(new Date('2026-11-24T02:00:00Z'))).toBe('2026-11-23');
    expect(todayInSaoPaulo(new Date('2026-11-24T03:00:00Z'))).toBe('2026-11-24');
  });

  it('does day and month arithmetic on calendar dates', () => {
    expect(addDays('2025-02-21', 1)).toBe('2025-02-22');
    expect(daysBetween('1997-10-07', '2025-02-21')).toBe(9999);
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2026-11-30', 3)).toBe('2027-02-28');
    expect(formatDateBR('2026-12-10')).toBe('10/12/2026');
  });
});
