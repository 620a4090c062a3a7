import { describe, expect, it } from 'vitest';
import { timeOf, urgencies, urgencyColour } from './model.ts';

describe('reception model', () => {
  it('shows a time in Paris, on the 24-hour clock in both languages', () => {
    expect(timeOf('2026-07-15T12:05:00.000Z', 'fr')).toBe('14:05');
    expect(timeOf('2026-01-15T12:05:00.000Z', 'en')).toBe('13:05');
  });

  it('orders urgencies from routine to vital, vital in red', () => {
    expect(urgencies).toEqual(['routine', 'soon', 'urgent', 'vital']);
    expect(urgencyColour.vital).toBe('red');
    for (const u of urgencies) expect(urgencyColour[u]).toBeTruthy();
  });
});
