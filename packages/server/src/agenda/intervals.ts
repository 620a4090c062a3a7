import { addDays, parisDateOf } from '@pivot/core/agenda';

/** The text of an interval as a PostgreSQL tstzrange, [start, end): the period of a hold. */
export function period(start: number, end: number): string {
  return `[${new Date(start).toISOString()},${new Date(end).toISOString()})`;
}

/** The local dates an interval touches, padded by one day for intervals crossing midnight. */
export function datesAround(start: number, end: number): { from: string; to: string } {
  return { from: addDays(parisDateOf(start), -1), to: addDays(parisDateOf(end), 1) };
}
