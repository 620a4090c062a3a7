import { describe, expect, it } from 'vitest';
import { centsOf, euros, frenchDate } from './money.ts';

describe('billing money', () => {
  it('shows cents as euros with a comma and the sign after in French, a dot and the sign before in English', () => {
    expect(euros(1234)).toBe('12,34 €');
    expect(euros(5, 'fr')).toBe('0,05 €');
    expect(euros(-2500, 'fr')).toBe('-25,00 €');
    expect(euros(1234, 'en')).toBe('€12.34');
    expect(euros(1234, 'en-GB')).toBe('€12.34');
  });

  it('shows a dash for an amount that is not there', () => {
    expect(euros(null)).toBe('—');
    expect(euros(undefined)).toBe('—');
  });

  it('reads euros typed with a comma, a dot, spaces or the euro sign as exact cents', () => {
    expect(centsOf('30')).toBe(3000);
    expect(centsOf('12,5')).toBe(1250);
    expect(centsOf('12.34')).toBe(1234);
    expect(centsOf(' 1 234,56 € ')).toBe(123456);
    // 0.29 * 100 is 28.999… in floating point: the amount is read from its digits.
    expect(centsOf('0,29')).toBe(29);
  });

  it('gives null for what is not an amount rather than a wrong one', () => {
    expect(centsOf('')).toBeNull();
    expect(centsOf('douze')).toBeNull();
    expect(centsOf('12,345')).toBeNull();
    expect(centsOf('12,3,4')).toBeNull();
  });

  it('writes an ISO date the French way, and a dash when there is none', () => {
    expect(frenchDate('2026-03-09')).toBe('09/03/2026');
    expect(frenchDate(null)).toBe('—');
    expect(frenchDate('')).toBe('—');
  });
});
