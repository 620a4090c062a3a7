import { describe, expect, it } from 'vitest';
import {
  addDays,
  addMonths,
  ageOn,
  compactDate,
  daysBetween,
  expandCompactDate,
  isIsoDate,
  isValidOn,
  parseFrenchDate,
} from './calendar-date.ts';

describe('calendar dates', () => {
  it('accepts real ISO dates only', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2025-02-29')).toBe(false);
    expect(isIsoDate('2025-2-1')).toBe(false);
  });
  it('refuses year 0000, which PostgreSQL cannot store, and keeps year 0001', () => {
    expect(isIsoDate('0000-01-01')).toBe(false);
    expect(isIsoDate('0001-01-01')).toBe(true);
  });
  it('adds days across a month end', () => expect(addDays('2025-01-30', 3)).toBe('2025-02-02'));
  it('adds months, keeping the last day of a shorter month', () =>
    expect(addMonths('2025-01-31', 1)).toBe('2025-02-28'));
  it('counts days between dates', () => {
    expect(daysBetween('2025-12-31', '2026-01-31')).toBe(31);
    expect(daysBetween('2026-01-31', '2025-12-31')).toBe(-31);
  });
  const ages: [string, string, number][] = [
    ['2008-03-10', '2026-03-10', 18],
    ['2008-03-11', '2026-03-10', 17],
    ['2000-02-29', '2018-02-28', 17],
    ['2000-02-29', '2018-03-01', 18],
  ];
  for (const [birth, on, age] of ages) {
    it(`gives age ${age} on ${on} for a birth on ${birth}`, () => expect(ageOn(birth, on)).toBe(age));
  }
  it('writes and reads AAAAMMJJ dates', () => {
    expect(compactDate('2026-03-14')).toBe('20260314');
    expect(expandCompactDate('20260314')).toBe('2026-03-14');
    expect(expandCompactDate('20260231')).toBeNull();
  });
  it('reads French dd/mm/yyyy dates', () => {
    expect(parseFrenchDate('05/01/2026')).toBe('2026-01-05');
    expect(parseFrenchDate('31/02/2026')).toBeNull();
  });
  it('treats validTo as the last valid day', () => {
    const period = { validFrom: '2025-01-01', validTo: '2025-06-30' };
    expect(isValidOn(period, '2025-06-30')).toBe(true);
    expect(isValidOn(period, '2025-07-01')).toBe(false);
    expect(isValidOn(period, '2024-12-31')).toBe(false);
    expect(isValidOn({ validFrom: '2025-01-01' }, '2099-01-01')).toBe(true);
  });
});
