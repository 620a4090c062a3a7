import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors/domain-error.ts';
import { addDays } from './calendar-date.ts';
import {
  datesBetween,
  minutesOfTime,
  parisDateText,
  parisInstant,
  parisStartOfDay,
  parisTimeText,
  parseInstant,
  resolveParisLocalTime,
  toParisLocal,
  weekdayOfDate,
} from './paris-time.ts';

const at = Date.parse;

describe('Paris wall-clock times', () => {
  it('converts a winter time at UTC+1 and a summer time at UTC+2', () => {
    expect(resolveParisLocalTime('2025-01-15', '09:00')).toEqual({
      kind: 'unique',
      instant: at('2025-01-15T08:00:00Z'),
    });
    expect(resolveParisLocalTime('2025-07-15', '09:00')).toEqual({
      kind: 'unique',
      instant: at('2025-07-15T07:00:00Z'),
    });
  });

  it('reports 02:30 on the spring-forward day as nonexistent, with the instant the clocks jump', () => {
    expect(resolveParisLocalTime('2025-03-30', '02:30')).toEqual({
      kind: 'nonexistent',
      transition: at('2025-03-30T01:00:00Z'),
    });
  });

  it('reports 02:30 on the fall-back day as ambiguous, summer occurrence first', () => {
    expect(resolveParisLocalTime('2025-10-26', '02:30')).toEqual({
      kind: 'ambiguous',
      earlier: at('2025-10-26T00:30:00Z'),
      later: at('2025-10-26T01:30:00Z'),
    });
  });

  it('refuses a nonexistent time under the reject policy', () => {
    expect(() => parisInstant('2025-03-30', '02:30', { nonexistent: 'reject', ambiguous: 'reject' })).toThrow(
      expect.objectContaining({ code: 'nonexistent_local_time' }),
    );
  });

  it('refuses an ambiguous time under the reject policy and picks either occurrence otherwise', () => {
    expect(() => parisInstant('2025-10-26', '02:30', { nonexistent: 'reject', ambiguous: 'reject' })).toThrow(
      DomainError,
    );
    expect(parisInstant('2025-10-26', '02:30', { nonexistent: 'reject', ambiguous: 'later' })).toBe(
      at('2025-10-26T01:30:00Z'),
    );
  });

  it('reads an instant as Paris date, weekday and minutes', () => {
    expect(toParisLocal(at('2025-03-30T01:30:00Z'))).toEqual({
      date: '2025-03-30',
      weekday: 7,
      minutes: 3 * 60 + 30,
    });
    expect(toParisLocal(at('2025-12-31T23:30:00Z'))).toEqual({ date: '2026-01-01', weekday: 4, minutes: 30 });
  });

  it('finds local midnight on both sides of a DST change', () => {
    expect(parisStartOfDay('2025-03-30')).toBe(at('2025-03-29T23:00:00Z'));
    expect(parisStartOfDay('2025-03-31')).toBe(at('2025-03-30T22:00:00Z'));
  });

  it('does calendar arithmetic on dates', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2025-01-01', -1)).toBe('2024-12-31');
    expect(weekdayOfDate('2025-06-09')).toBe(1);
    expect(datesBetween('2025-03-29', '2025-03-31')).toEqual(['2025-03-29', '2025-03-30', '2025-03-31']);
  });

  it('refuses impossible dates and times', () => {
    expect(() => addDays('2025-02-30', 1)).toThrow(expect.objectContaining({ code: 'invalid_date' }));
    expect(() => minutesOfTime('24:30')).toThrow(expect.objectContaining({ code: 'invalid_time' }));
    expect(minutesOfTime('24:00')).toBe(1440);
  });

  it('requires an offset on exchanged instants', () => {
    expect(parseInstant('2025-01-15T08:00:00Z')).toBe(at('2025-01-15T08:00:00Z'));
    expect(parseInstant('2025-01-15T09:00:00+01:00')).toBe(at('2025-01-15T08:00:00Z'));
    expect(() => parseInstant('2025-01-15T09:00:00')).toThrow(
      expect.objectContaining({ code: 'instant_without_offset' }),
    );
    expect(() => parseInstant('2025-13-45T09:00:00Z')).toThrow(
      expect.objectContaining({ code: 'invalid_instant' }),
    );
  });
});

describe('date and time texts in Paris', () => {
  it('writes the weekday, day, month and year in French and in English, without padding', () => {
    const instant = Date.parse('2027-01-04T08:05:00Z'); // winter: 09:05 in Paris
    expect(parisDateText(instant, 'fr')).toBe('lundi 4 janvier 2027');
    expect(parisDateText(instant, 'en')).toBe('Monday 4 January 2027');
    expect(parisTimeText(instant)).toBe('09:05');
  });

  it('takes the date and time of Paris, not of UTC, across midnight and in summer time', () => {
    const instant = Date.parse('2027-03-28T22:30:00Z'); // summer time: 00:30 on Monday 29 in Paris
    expect(parisDateText(instant, 'fr')).toBe('lundi 29 mars 2027');
    expect(parisDateText(instant, 'en')).toBe('Monday 29 March 2027');
    expect(parisTimeText(instant)).toBe('00:30');
  });
});
