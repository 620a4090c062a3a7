import { IANAZone } from 'luxon';
import { DomainError } from '../errors/domain-error.ts';
import type { IsoDate } from './calendar-date.ts';

export const PARIS_ZONE = 'Europe/Paris';
const paris = IANAZone.create(PARIS_ZONE);

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
export const DAY_MS = 24 * HOUR;

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export type IsoWeekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

const datePattern = /^(\d{4})-(\d{2})-(\d{2})$/;
const timePattern = /^([01]\d|2[0-4]):([0-5]\d)$/;

/** 1980-01-01T00:00:00Z; before it, Paris did not always change offset on a whole UTC hour. */
const WHOLE_HOUR_RULES_FROM = 315_532_800_000;
const offsetByHour = new Map<number, number>();

/**
 * The UTC offset of Paris at an instant. Luxon asks Intl for it, which is slow in the booking and
 * slot paths; since 1976 Paris changes offset only at 01:00 UTC (EU summer-time rules), so the
 * offset of each UTC hour is kept once read.
 */
export function parisOffsetMinutes(instant: number): number {
  if (instant < WHOLE_HOUR_RULES_FROM) return paris.offset(instant);
  const hour = Math.floor(instant / HOUR);
  let offset = offsetByHour.get(hour);
  if (offset === undefined) {
    offset = paris.offset(hour * HOUR);
    if (offsetByHour.size >= 200_000) offsetByHour.clear();
    offsetByHour.set(hour, offset);
  }
  return offset;
}

function parseDate(date: string): { year: number; month: number; day: number } {
  const match = datePattern.exec(date);
  if (!match) throw new DomainError('invalid_date', { params: { value: date } });
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const check = new Date(Date.UTC(year, month - 1, day));
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) {
    throw new DomainError('invalid_date', { params: { value: date } });
  }
  return { year, month, day };
}

/** Minutes since midnight of an 'HH:MM' wall-clock time; '24:00' means the end of the day. */
export function minutesOfTime(time: string): number {
  const match = timePattern.exec(time);
  if (!match || (match[1] === '24' && match[2] !== '00')) {
    throw new DomainError('invalid_time', { params: { value: time } });
  }
  return Number(match[1]) * 60 + Number(match[2]);
}

export function timeOfMinutes(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/** The calendar date as if it were UTC midnight: date arithmetic without any time zone. */
export function dateToUtcMidnight(date: string): number {
  const { year, month, day } = parseDate(date);
  return Date.UTC(year, month - 1, day);
}

export function utcMidnightToDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

export function weekdayOfDate(date: string): IsoWeekday {
  const day = new Date(dateToUtcMidnight(date)).getUTCDay();
  return (day === 0 ? 7 : day) as IsoWeekday;
}

/** Dates from `from` to `to`, both included. */
export function datesBetween(from: string, to: string): string[] {
  const dates: string[] = [];
  const end = dateToUtcMidnight(to);
  for (let ms = dateToUtcMidnight(from); ms <= end; ms += DAY_MS) dates.push(utcMidnightToDate(ms));
  return dates;
}

export interface ParisLocal {
  date: string;
  weekday: IsoWeekday;
  /** Minutes since local midnight. */
  minutes: number;
}

/** The Paris wall-clock reading of an instant. */
export function toParisLocal(instant: number): ParisLocal {
  const local = new Date(instant + parisOffsetMinutes(instant) * MINUTE);
  const day = local.getUTCDay();
  return {
    date: local.toISOString().slice(0, 10),
    weekday: (day === 0 ? 7 : day) as IsoWeekday,
    minutes: local.getUTCHours() * 60 + local.getUTCMinutes(),
  };
}

export function parisDateOf(instant: number): string {
  return toParisLocal(instant).date;
}

/** Today's date in Paris: the practice's calendar day, whatever the zone of the machine. */
export function parisToday(now: Date = new Date()): IsoDate {
  return parisDateOf(now.getTime());
}

const dateFormats = {
  fr: new Intl.DateTimeFormat('fr-FR', {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: PARIS_ZONE,
  }),
  en: new Intl.DateTimeFormat('en-GB', {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: PARIS_ZONE,
  }),
};

/**
 * "lundi 7 juin 2027" / "Monday 7 June 2027", the date in Paris, for the texts sent to patients and
 * colleagues. The names come from Intl (its formatters are built once: each booking writes two such
 * texts); the order is fixed here so that the text does not depend on the ICU version's punctuation.
 */
export function parisDateText(instant: number, language: 'fr' | 'en'): string {
  const parts = dateFormats[language].formatToParts(instant);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('weekday')} ${part('day')} ${part('month')} ${part('year')}`;
}

/** "09:05", the wall-clock time in Paris. */
export function parisTimeText(instant: number): string {
  return timeOfMinutes(toParisLocal(instant).minutes);
}

export type LocalTimeResolution =
  | { kind: 'unique'; instant: number }
  /** Autumn fall-back: the wall-clock time happens twice (summer time first, then winter time). */
  | { kind: 'ambiguous'; earlier: number; later: number }
  /** Spring-forward: the wall-clock time is skipped; `transition` is the instant the clocks jump. */
  | { kind: 'nonexistent'; transition: number };

/**
 * Resolves a Paris wall-clock date and time by trying the offsets in force around it: an offset
 * is right when the instant it gives really has that offset.
 */
export function resolveParisLocalTime(date: string, time: string): LocalTimeResolution {
  const wall = dateToUtcMidnight(date) + minutesOfTime(time) * MINUTE;
  const offsets = new Set([parisOffsetMinutes(wall - 14 * HOUR), parisOffsetMinutes(wall + 14 * HOUR)]);
  const valid = [...offsets]
    .map((offset) => wall - offset * MINUTE)
    .filter((instant) => parisOffsetMinutes(instant) * MINUTE === wall - instant)
    .sort((a, b) => a - b);
  if (valid.length === 1) return { kind: 'unique', instant: valid[0]! };
  if (valid.length === 2) return { kind: 'ambiguous', earlier: valid[0]!, later: valid[1]! };
  return { kind: 'nonexistent', transition: transitionBetween(wall - 14 * HOUR, wall + 14 * HOUR) };
}

function transitionBetween(low: number, high: number): number {
  const before = parisOffsetMinutes(low);
  let lo = low;
  let hi = high;
  while (hi - lo > MINUTE) {
    const mid = Math.floor((lo + hi) / 2 / MINUTE) * MINUTE;
    if (parisOffsetMinutes(mid) === before) lo = mid;
    else hi = mid;
  }
  return hi;
}

export interface LocalTimePolicy {
  /** `reject` throws nonexistent_local_time; `transition` uses the instant the clocks jump. */
  nonexistent: 'reject' | 'transition';
  /** `reject` throws ambiguous_local_time; otherwise the first or second occurrence. */
  ambiguous: 'reject' | 'earlier' | 'later';
}

/** Instant (epoch ms UTC) of a Paris wall-clock time, with an explicit policy for DST edges. */
export function parisInstant(date: string, time: string, policy: LocalTimePolicy): number {
  const resolution = resolveParisLocalTime(date, time);
  switch (resolution.kind) {
    case 'unique':
      return resolution.instant;
    case 'nonexistent':
      if (policy.nonexistent === 'reject') {
        throw new DomainError('nonexistent_local_time', { params: { date, time } });
      }
      return resolution.transition;
    case 'ambiguous':
      if (policy.ambiguous === 'reject') {
        throw new DomainError('ambiguous_local_time', { params: { date, time } });
      }
      return policy.ambiguous === 'earlier' ? resolution.earlier : resolution.later;
  }
}

/** Local midnight of a Paris date (midnight always exists in Europe/Paris). */
export function parisStartOfDay(date: string): number {
  return parisInstant(date, '00:00', { nonexistent: 'transition', ambiguous: 'earlier' });
}

/** Parses an ISO instant that carries its offset ('Z' or ±hh:mm); wall-clock strings are refused. */
export function parseInstant(value: string, field = 'instant'): number {
  if (!/(Z|[+-]\d{2}:?\d{2})$/i.test(value)) throw new DomainError('instant_without_offset', { field });
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) throw new DomainError('invalid_instant', { field });
  return ms;
}

export function toIsoInstant(instant: number): string {
  return new Date(instant).toISOString();
}
