import {
  addDays,
  DAY_MS,
  datesBetween,
  dateToUtcMidnight,
  type IsoWeekday,
  type LocalTimePolicy,
  minutesOfTime,
  parisInstant,
  weekdayOfDate,
} from '../calendar/index.ts';
import { DomainError } from '../errors/domain-error.ts';
import { publicHolidayDates } from './holidays.ts';
import { containsInterval, type Interval, mergeIntervals } from './intervals.ts';

export const weekdayNames = [
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
  'sunday',
] as const;
export type WeekdayName = (typeof weekdayNames)[number];

export function weekdayName(weekday: IsoWeekday): WeekdayName {
  return weekdayNames[weekday - 1]!;
}

/** A wall-clock range of one day, 'HH:MM' to 'HH:MM' ('24:00' allowed as an end). */
export interface DailyRange {
  start: string;
  end: string;
  /** Kept for same-day urgent care: only urgent requests on that very day may use it. */
  reservedSameDay?: boolean;
}

export interface OpeningHoursTemplate {
  id: string;
  /** The practitioner, room or equipment whose agenda this is. */
  resourceId: string;
  siteId: string;
  validFrom: string;
  /** Last day included; null for open-ended. */
  validTo?: string | null;
  /** Alternating weeks, by ISO week number. */
  weekParity?: 'all' | 'even' | 'odd';
  /** Several ranges a day; the gaps between them are the breaks. */
  days: Partial<Record<WeekdayName, DailyRange[]>>;
}

/** Replaces every template of the resource for that date: empty ranges close it, ranges open it (even a holiday). */
export interface OpeningException {
  resourceId: string;
  siteId: string;
  date: string;
  ranges: DailyRange[];
  reason?: string;
}

export interface OpenInterval extends Interval {
  resourceId: string;
  siteId: string;
  reservedSameDay: boolean;
}

/**
 * Template times are recurring, so a DST edge must not break a whole agenda: a boundary in the
 * spring-forward gap becomes the instant the clocks jump (02:30 → 03:00 summer time), and an
 * autumn time that happens twice is taken at its first occurrence (summer time). Appointments,
 * which are one-off, reject both instead (see appointment-type.ts).
 */
export const templateTimePolicy: LocalTimePolicy = { nonexistent: 'transition', ambiguous: 'earlier' };

export function isoWeekNumber(date: string): number {
  const day = dateToUtcMidnight(date);
  const thursday = day + (4 - weekdayOfDate(date)) * DAY_MS;
  const yearStart = Date.UTC(new Date(thursday).getUTCFullYear(), 0, 1);
  return Math.floor((thursday - yearStart) / DAY_MS / 7) + 1;
}

function templateApplies(template: OpeningHoursTemplate, date: string): boolean {
  if (date < template.validFrom) return false;
  if (template.validTo && date > template.validTo) return false;
  const parity = template.weekParity ?? 'all';
  if (parity === 'all') return true;
  return (isoWeekNumber(date) % 2 === 0) === (parity === 'even');
}

export function rangeToInterval(date: string, range: DailyRange): Interval {
  const start = parisInstant(date, range.start, templateTimePolicy);
  const end =
    range.end === '24:00'
      ? parisInstant(addDays(date, 1), '00:00', templateTimePolicy)
      : parisInstant(date, range.end, templateTimePolicy);
  return { start, end };
}

/** Throws when ranges of one day overlap or end before they start. */
export function checkDailyRanges(ranges: readonly DailyRange[], field = 'ranges'): void {
  const sorted = [...ranges].sort((a, b) => minutesOfTime(a.start) - minutesOfTime(b.start));
  let previousEnd = -1;
  for (const range of sorted) {
    const start = minutesOfTime(range.start);
    const end = minutesOfTime(range.end);
    if (end <= start) throw new DomainError('end_before_start', { field });
    if (start < previousEnd) throw new DomainError('opening_ranges_overlap', { field });
    previousEnd = end;
  }
}

export interface ExpandOptions {
  templates: readonly OpeningHoursTemplate[];
  exceptions?: readonly OpeningException[];
  /** First and last local dates, both included. */
  from: string;
  to: string;
  /** Holiday dates to close; defaults to the French public holidays of the years covered. */
  holidays?: ReadonlySet<string>;
}

/** Concrete opening intervals (UTC instants), sorted by resource then start. */
export function expandOpeningHours(options: ExpandOptions): OpenInterval[] {
  const holidays = options.holidays ?? publicHolidayDates(options.from, options.to);
  const exceptions = new Map<string, OpeningException>();
  for (const exception of options.exceptions ?? []) {
    exceptions.set(`${exception.resourceId}|${exception.date}`, exception);
  }
  const byResource = new Map<string, OpeningHoursTemplate[]>();
  for (const template of options.templates) {
    const list = byResource.get(template.resourceId) ?? [];
    list.push(template);
    byResource.set(template.resourceId, list);
  }
  for (const exception of options.exceptions ?? []) {
    if (!byResource.has(exception.resourceId)) byResource.set(exception.resourceId, []);
  }
  const dates = datesBetween(options.from, options.to);
  const result: OpenInterval[] = [];
  for (const [resourceId, templates] of byResource) {
    const intervals: OpenInterval[] = [];
    for (const date of dates) {
      const exception = exceptions.get(`${resourceId}|${date}`);
      if (exception) {
        for (const range of exception.ranges) {
          intervals.push({
            ...rangeToInterval(date, range),
            resourceId,
            siteId: exception.siteId,
            reservedSameDay: !!range.reservedSameDay,
          });
        }
        continue;
      }
      if (holidays.has(date)) continue;
      const day = weekdayName(weekdayOfDate(date));
      for (const template of templates) {
        if (!templateApplies(template, date)) continue;
        for (const range of template.days[day] ?? []) {
          intervals.push({
            ...rangeToInterval(date, range),
            resourceId,
            siteId: template.siteId,
            reservedSameDay: !!range.reservedSameDay,
          });
        }
      }
    }
    intervals.sort((a, b) => a.start - b.start);
    for (const interval of intervals) if (interval.end > interval.start) result.push(interval);
  }
  return result;
}

/** Whether [start, end) lies inside the opening hours of the resource (reserved ranges count as open). */
export function isWithinOpeningHours(
  openIntervals: readonly OpenInterval[],
  resourceId: string,
  start: number,
  end: number,
): boolean {
  const merged = mergeIntervals(openIntervals.filter((i) => i.resourceId === resourceId));
  return containsInterval(merged, start, end);
}
