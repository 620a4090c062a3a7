import { describe, expect, it } from 'vitest';
import { ageLabel, ageOn, isMinorOn } from './age.ts';

describe('ageOn', () => {
  it('counts completed years', () => {
    expect(ageOn('1975-03-14', '2025-03-13').years).toBe(49);
    expect(ageOn('1975-03-14', '2025-03-14').years).toBe(50);
  });

  it('counts completed months and days for infants', () => {
    expect(ageOn('2025-01-15', '2025-03-14')).toEqual({ years: 0, totalMonths: 1, days: 27 });
    expect(ageOn('2025-03-01', '2025-03-10')).toEqual({ years: 0, totalMonths: 0, days: 9 });
  });

  it('completes a year of someone born on 29 February on 1 March of a common year', () => {
    expect(ageOn('2008-02-29', '2026-02-28').years).toBe(17);
    expect(ageOn('2008-02-29', '2026-03-01').years).toBe(18);
  });

  it('gives zero before birth', () => {
    expect(ageOn('2025-03-14', '2025-03-01')).toEqual({ years: 0, totalMonths: 0, days: 0 });
  });
});

describe('minors', () => {
  it('is a minor until the 18th birthday', () => {
    expect(isMinorOn('2007-06-15', '2025-06-14')).toBe(true);
    expect(isMinorOn('2007-06-15', '2025-06-15')).toBe(false);
  });
});

describe('ageLabel', () => {
  it('shows days, then months under two years, then years', () => {
    expect(ageLabel(ageOn('2025-06-01', '2025-06-10'), 'fr')).toBe('9 j');
    expect(ageLabel(ageOn('2024-01-01', '2025-06-10'), 'fr')).toBe('17 mois');
    expect(ageLabel(ageOn('1975-03-14', '2025-06-10'), 'fr')).toBe('50 ans');
    expect(ageLabel(ageOn('1975-03-14', '2025-06-10'), 'en')).toBe('50 y');
  });
});
