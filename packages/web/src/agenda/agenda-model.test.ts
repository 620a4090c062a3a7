import { describe, expect, it } from 'vitest';
import { hhmm, isoAt, localDate, localMinutes, timeOf, wallClock } from './agenda-model.ts';

describe('agenda model: Paris wall-clock times', () => {
  it('writes minutes since midnight as HH:MM', () => {
    expect(hhmm(0)).toBe('00:00');
    expect(hhmm(7 * 60 + 5)).toBe('07:05');
    expect(hhmm(19 * 60 + 45)).toBe('19:45');
  });

  it('builds the wall-clock form the API accepts', () => {
    expect(wallClock('2026-03-09', 8 * 60 + 30)).toBe('2026-03-09T08:30');
  });

  it('reads an instant in Paris time, winter (UTC+1) and summer (UTC+2)', () => {
    expect(timeOf('2026-01-15T08:30:00.000Z')).toBe('09:30');
    expect(timeOf('2026-07-15T08:30:00.000Z')).toBe('10:30');
    expect(localMinutes('2026-07-15T08:30:00.000Z')).toBe(10 * 60 + 30);
  });

  it('gives the Paris date of an instant, which may be the next day in UTC terms', () => {
    expect(localDate('2026-07-15T22:30:00.000Z')).toBe('2026-07-16');
    expect(localDate('2026-07-15T21:59:00.000Z')).toBe('2026-07-15');
  });

  it('turns a Paris wall-clock time into the right instant on each side of a clock change', () => {
    expect(isoAt('2026-01-15', 9 * 60)).toBe('2026-01-15T08:00:00.000Z');
    expect(isoAt('2026-07-15', 9 * 60)).toBe('2026-07-15T07:00:00.000Z');
  });

  it('takes the earlier of the two instants of an hour that happens twice (clocks go back)', () => {
    // 25 October 2026: 02:30 happens at 00:30Z (summer time) and again at 01:30Z.
    expect(isoAt('2026-10-25', 2 * 60 + 30)).toBe('2026-10-25T00:30:00.000Z');
  });

  it('moves an hour that does not exist (clocks go forward) to the transition', () => {
    // 29 March 2026: from 02:00 the clocks show 03:00, i.e. 01:00Z.
    expect(isoAt('2026-03-29', 2 * 60 + 30)).toBe('2026-03-29T01:00:00.000Z');
  });
});
