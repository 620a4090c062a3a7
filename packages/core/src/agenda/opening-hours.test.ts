import { describe, expect, it } from 'vitest';
import {
  checkDailyRanges,
  expandOpeningHours,
  isoWeekNumber,
  isWithinOpeningHours,
  type OpeningHoursTemplate,
} from './opening-hours.ts';

const at = Date.parse;
const iso = (ms: number) => new Date(ms).toISOString();

const weekdaysWithLunchBreak: OpeningHoursTemplate = {
  id: 't1',
  resourceId: 'dr-a',
  siteId: 'site-1',
  validFrom: '2025-01-01',
  validTo: null,
  days: {
    monday: [
      { start: '08:30', end: '12:00' },
      { start: '14:00', end: '18:30' },
    ],
    tuesday: [{ start: '09:00', end: '12:00' }],
    sunday: [{ start: '01:00', end: '04:00' }],
  },
};

function spans(intervals: { start: number; end: number }[]) {
  return intervals.map((i) => [iso(i.start), iso(i.end)]);
}

describe('expandOpeningHours', () => {
  it('expands a weekly template with a lunch break into UTC intervals', () => {
    const result = expandOpeningHours({
      templates: [weekdaysWithLunchBreak],
      from: '2025-01-13',
      to: '2025-01-14',
    });
    expect(spans(result)).toEqual([
      ['2025-01-13T07:30:00.000Z', '2025-01-13T11:00:00.000Z'],
      ['2025-01-13T13:00:00.000Z', '2025-01-13T17:30:00.000Z'],
      ['2025-01-14T08:00:00.000Z', '2025-01-14T11:00:00.000Z'],
    ]);
    expect(result[0]).toMatchObject({ resourceId: 'dr-a', siteId: 'site-1', reservedSameDay: false });
  });

  it('uses the summer offset after the spring change', () => {
    const [first] = expandOpeningHours({
      templates: [weekdaysWithLunchBreak],
      from: '2025-03-31',
      to: '2025-03-31',
    });
    expect(iso(first!.start)).toBe('2025-03-31T06:30:00.000Z');
  });

  it('makes 01:00–04:00 local on the spring-forward day two real hours long', () => {
    const [night] = expandOpeningHours({
      templates: [weekdaysWithLunchBreak],
      from: '2025-03-30',
      to: '2025-03-30',
    });
    expect(spans([night!])).toEqual([['2025-03-30T00:00:00.000Z', '2025-03-30T02:00:00.000Z']]);
  });

  it('makes 01:00–04:00 local on the fall-back day four real hours long', () => {
    const [night] = expandOpeningHours({
      templates: [weekdaysWithLunchBreak],
      from: '2025-10-26',
      to: '2025-10-26',
    });
    expect(night!.end - night!.start).toBe(4 * 3_600_000);
  });

  it('starts a range beginning in the spring-forward gap when the clocks jump', () => {
    const template: OpeningHoursTemplate = {
      ...weekdaysWithLunchBreak,
      days: { sunday: [{ start: '02:30', end: '05:00' }] },
    };
    const [range] = expandOpeningHours({ templates: [template], from: '2025-03-30', to: '2025-03-30' });
    expect(spans([range!])).toEqual([['2025-03-30T01:00:00.000Z', '2025-03-30T03:00:00.000Z']]);
  });

  it('takes an autumn time that happens twice at its first occurrence', () => {
    const template: OpeningHoursTemplate = {
      ...weekdaysWithLunchBreak,
      days: { sunday: [{ start: '02:30', end: '05:00' }] },
    };
    const [range] = expandOpeningHours({ templates: [template], from: '2025-10-26', to: '2025-10-26' });
    expect(iso(range!.start)).toBe('2025-10-26T00:30:00.000Z');
  });

  it('closes public holidays (Easter Monday) unless an exception opens them', () => {
    const closed = expandOpeningHours({
      templates: [weekdaysWithLunchBreak],
      from: '2025-04-21',
      to: '2025-04-21',
    });
    expect(closed).toEqual([]);
    const opened = expandOpeningHours({
      templates: [weekdaysWithLunchBreak],
      exceptions: [
        {
          resourceId: 'dr-a',
          siteId: 'site-1',
          date: '2025-04-21',
          ranges: [{ start: '09:00', end: '12:00' }],
        },
      ],
      from: '2025-04-21',
      to: '2025-04-21',
    });
    expect(spans(opened)).toEqual([['2025-04-21T07:00:00.000Z', '2025-04-21T10:00:00.000Z']]);
  });

  it('closes a normal day when an exception has no ranges', () => {
    const result = expandOpeningHours({
      templates: [weekdaysWithLunchBreak],
      exceptions: [{ resourceId: 'dr-a', siteId: 'site-1', date: '2025-01-13', ranges: [] }],
      from: '2025-01-13',
      to: '2025-01-13',
    });
    expect(result).toEqual([]);
  });

  it('honours validity periods: a new template replaces the old one from its first day', () => {
    const old: OpeningHoursTemplate = { ...weekdaysWithLunchBreak, validTo: '2025-08-31' };
    const next: OpeningHoursTemplate = {
      ...weekdaysWithLunchBreak,
      id: 't2',
      validFrom: '2025-09-01',
      days: { monday: [{ start: '10:00', end: '16:00' }] },
    };
    const result = expandOpeningHours({ templates: [old, next], from: '2025-08-25', to: '2025-09-01' });
    expect(spans(result.filter((r) => iso(r.start).startsWith('2025-09-01')))).toEqual([
      ['2025-09-01T08:00:00.000Z', '2025-09-01T14:00:00.000Z'],
    ]);
    expect(result.filter((r) => iso(r.start).startsWith('2025-08-25'))).toHaveLength(2);
  });

  it('applies even/odd-week templates on alternating ISO weeks', () => {
    const even: OpeningHoursTemplate = {
      ...weekdaysWithLunchBreak,
      weekParity: 'even',
      days: { monday: [{ start: '09:00', end: '10:00' }] },
    };
    expect(isoWeekNumber('2025-01-06')).toBe(2);
    expect(isoWeekNumber('2024-12-30')).toBe(1);
    const result = expandOpeningHours({ templates: [even], from: '2025-01-06', to: '2025-01-19' });
    expect(result).toHaveLength(1);
    expect(iso(result[0]!.start)).toBe('2025-01-06T08:00:00.000Z');
  });

  it('marks ranges kept for same-day urgent care', () => {
    const template: OpeningHoursTemplate = {
      ...weekdaysWithLunchBreak,
      days: { monday: [{ start: '08:00', end: '09:00', reservedSameDay: true }] },
    };
    const [range] = expandOpeningHours({ templates: [template], from: '2025-01-13', to: '2025-01-13' });
    expect(range!.reservedSameDay).toBe(true);
  });

  it('accepts 24:00 as the end of the day', () => {
    const template: OpeningHoursTemplate = {
      ...weekdaysWithLunchBreak,
      days: { monday: [{ start: '20:00', end: '24:00' }] },
    };
    const [range] = expandOpeningHours({ templates: [template], from: '2025-01-13', to: '2025-01-13' });
    expect(iso(range!.end)).toBe('2025-01-13T23:00:00.000Z');
  });
});

describe('isWithinOpeningHours', () => {
  const open = expandOpeningHours({
    templates: [weekdaysWithLunchBreak],
    from: '2025-01-13',
    to: '2025-01-13',
  });

  it('accepts an appointment inside a range and refuses one across the lunch break', () => {
    expect(isWithinOpeningHours(open, 'dr-a', at('2025-01-13T10:30:00Z'), at('2025-01-13T11:00:00Z'))).toBe(
      true,
    );
    expect(isWithinOpeningHours(open, 'dr-a', at('2025-01-13T10:45:00Z'), at('2025-01-13T11:15:00Z'))).toBe(
      false,
    );
    expect(isWithinOpeningHours(open, 'dr-b', at('2025-01-13T10:30:00Z'), at('2025-01-13T11:00:00Z'))).toBe(
      false,
    );
  });
});

describe('checkDailyRanges', () => {
  it('refuses overlapping ranges and ranges ending before they start', () => {
    expect(() =>
      checkDailyRanges([
        { start: '08:00', end: '12:00' },
        { start: '11:00', end: '13:00' },
      ]),
    ).toThrow(expect.objectContaining({ code: 'opening_ranges_overlap' }));
    expect(() => checkDailyRanges([{ start: '12:00', end: '08:00' }])).toThrow(
      expect.objectContaining({ code: 'end_before_start' }),
    );
    expect(() =>
      checkDailyRanges([
        { start: '08:00', end: '12:00' },
        { start: '12:00', end: '13:00' },
      ]),
    ).not.toThrow();
  });
});
