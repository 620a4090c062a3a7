import { describe, expect, it } from 'vitest';
import { type ExternalEvent, planBusyImport } from './busy-import.ts';

const H = 3_600_000;
const from = Date.parse('2027-03-01T00:00:00Z');
const until = from + 30 * 24 * H;
const event = (uid: string, startHours: number, hours: number, extra: Partial<ExternalEvent> = {}) => ({
  uid,
  summary: uid,
  start: from + startHours * H,
  end: from + (startHours + hours) * H,
  transparent: false,
  cancelled: false,
  ...extra,
});

describe('busy periods import', () => {
  it('merges overlapping and touching events into one period so no two absences overlap', () => {
    const plan = planBusyImport({
      events: [event('b', 10, 2), event('a', 9, 2), event('c', 12, 1), event('d', 20, 1)],
      absences: [],
      from,
      until,
    });
    expect(plan.periods).toEqual([
      { start: from + 9 * H, end: from + 13 * H },
      { start: from + 20 * H, end: from + 21 * H },
    ]);
    expect(plan.lines.map((l) => l.uid)).toEqual(['a', 'b', 'c', 'd']);
    expect(plan.lines.every((l) => l.outcome === 'imported')).toBe(true);
  });

  it('leaves out free, cancelled, past, far-future and inverted events with their reason', () => {
    const plan = planBusyImport({
      events: [
        event('free', 1, 1, { transparent: true }),
        event('cancelled', 2, 1, { cancelled: true }),
        event('past', -5, 1),
        event('far', 31 * 24, 1),
        event('inverted', 3, -1),
      ],
      absences: [],
      from,
      until,
    });
    expect(plan.periods).toEqual([]);
    expect(Object.fromEntries(plan.lines.map((l) => [l.uid, l.reason]))).toEqual({
      free: 'free_time',
      cancelled: 'cancelled',
      past: 'past',
      far: 'beyond_horizon',
      inverted: 'end_before_start',
    });
  });

  it('cuts an event straddling the start of the window and skips one inside a declared absence', () => {
    const plan = planBusyImport({
      events: [event('straddle', -1, 3), event('holiday', 48, 2)],
      absences: [{ id: 'x', personId: 'p', kind: 'holiday', start: from + 24 * H, end: from + 72 * H }],
      from,
      until,
    });
    expect(plan.periods).toEqual([{ start: from, end: from + 2 * H }]);
    expect(plan.lines.find((l) => l.uid === 'holiday')).toMatchObject({
      outcome: 'skipped',
      reason: 'overlaps_absence',
    });
  });
});
