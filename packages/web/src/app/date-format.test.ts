import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime } from './date-format.ts';

describe('date format', () => {
  it('writes an ISO date or timestamp as dd/mm/yyyy, and nothing when there is none', () => {
    expect(formatDate('1980-03-09')).toBe('09/03/1980');
    expect(formatDate('2026-12-02T14:00:00Z')).toBe('02/12/2026');
    expect(formatDate(null)).toBe('');
    expect(formatDate(undefined)).toBe('');
  });

  it('writes an instant in Paris time, French or English', () => {
    expect(formatDateTime('2026-07-15T12:05:00Z', 'fr')).toBe('15/07/2026 14:05');
    expect(formatDateTime('2026-07-15T12:05:00Z', 'en')).toBe('15/07/2026, 14:05');
  });

  it('gives back what it cannot read as a date unchanged', () => {
    expect(formatDateTime('pas une date', 'fr')).toBe('pas une date');
    expect(formatDateTime(null, 'fr')).toBe('');
  });
});
