import { DateTime } from 'luxon';
import { DomainError } from '../errors/domain-error.ts';

/** A calendar date `YYYY-MM-DD` (Europe/Paris calendar day; no time, no zone). */
export type IsoDate = string;

const isoDatePattern = /^(\d{4})-(\d{2})-(\d{2})$/;

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

const monthLengths = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * Checked by arithmetic on the proleptic Gregorian calendar rather than by a date library: the
 * month-end journal and FEC check tens of thousands of dates, where parsing each cost seconds.
 */
export function isIsoDate(value: string): boolean {
  const match = isoDatePattern.exec(value);
  if (!match) return false;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  // Year 0000 (1 BC) is refused as by the calendarDate schema: PostgreSQL cannot read it.
  if (year < 1 || month < 1 || month > 12 || day < 1) return false;
  return day <= (month === 2 && isLeapYear(year) ? 29 : monthLengths[month - 1]!);
}

/** Days since 1970-01-01 of a valid ISO date (H. Hinnant's days_from_civil, integers only). */
function epochDay(date: IsoDate): number {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  const day = Number(date.slice(8, 10));
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

export function assertIsoDate(value: string, field = 'date'): IsoDate {
  if (!isIsoDate(value)) throw new DomainError('date_invalid', { field });
  return value;
}

function toDateTime(value: IsoDate, field: string): DateTime {
  assertIsoDate(value, field);
  return DateTime.fromISO(value, { zone: 'utc' });
}

const DAY_MS = 86_400_000;

/**
 * The one `addDays` of Pivot (the agenda and billing each had one). Integer arithmetic, no date
 * library: the slot and opening-hours paths call it for every day they look at.
 */
export function addDays(date: IsoDate, days: number): IsoDate {
  if (!isIsoDate(date)) throw new DomainError('invalid_date', { params: { value: date } });
  return new Date((epochDay(date) + days) * DAY_MS).toISOString().slice(0, 10);
}

export function addMonths(date: IsoDate, months: number): IsoDate {
  return toDateTime(date, 'date').plus({ months }).toISODate()!;
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  assertIsoDate(from, 'from');
  assertIsoDate(to, 'to');
  return epochDay(to) - epochDay(from);
}

/** Age in completed years on `date` (a person born on 29 February has a birthday on 1 March). */
export function ageOn(birthDate: IsoDate, date: IsoDate): number {
  const birth = toDateTime(birthDate, 'birthDate');
  const on = toDateTime(date, 'date');
  let age = on.year - birth.year;
  if (on.month < birth.month || (on.month === birth.month && on.day < birth.day)) age -= 1;
  return age;
}

/** `2026-03-14` → `20260314` (FEC and claim files). */
export function compactDate(date: IsoDate): string {
  assertIsoDate(date);
  return date.replaceAll('-', '');
}

/** `20260314` → `2026-03-14`, or null when it is not a real date. */
export function expandCompactDate(value: string): IsoDate | null {
  if (!/^\d{8}$/.test(value)) return null;
  const date = `${value.slice(0, 4)}-${value.slice(4, 6)}-${value.slice(6, 8)}`;
  return isIsoDate(date) ? date : null;
}

/** `14/03/2026` → `2026-03-14`, or null when it is not a real date. */
export function parseFrenchDate(value: string): IsoDate | null {
  const match = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(value.trim());
  if (!match) return null;
  const date = `${match[3]}-${match[2]}-${match[1]}`;
  return isIsoDate(date) ? date : null;
}

/** A validity period: `validFrom` inclusive, `validTo` inclusive (the last day), open when absent. */
export interface Validity {
  validFrom: IsoDate;
  validTo?: IsoDate | undefined;
}

export function isValidOn(period: Validity, date: IsoDate): boolean {
  return period.validFrom <= date && (period.validTo === undefined || date <= period.validTo);
}
