import { DateTime } from 'luxon';
import { DomainError } from '../errors/domain-error.ts';

/** A calendar date `YYYY-MM-DD` (Europe/Paris calendar day; no time, no zone). */
export type IsoDate = string;

export function isIsoDate(value: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) && DateTime.fromISO(value, { zone: 'utc' }).isValid;
}

export function assertIsoDate(value: string, field = 'date'): IsoDate {
  if (!isIsoDate(value)) throw new DomainError('date_invalid', { field });
  return value;
}

function toDateTime(value: IsoDate, field: string): DateTime {
  assertIsoDate(value, field);
  return DateTime.fromISO(value, { zone: 'utc' });
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return toDateTime(date, 'date').plus({ days }).toISODate()!;
}

export function addMonths(date: IsoDate, months: number): IsoDate {
  return toDateTime(date, 'date').plus({ months }).toISODate()!;
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return Math.round(toDateTime(to, 'to').diff(toDateTime(from, 'from'), 'days').days);
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
