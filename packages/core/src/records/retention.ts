import { DateTime } from 'luxon';
import { DomainError } from '../errors/domain-error.ts';

export interface RetentionInput {
  birthDate: string;
  /** Last stay or external consultation. */
  lastVisitDate: string;
  deathDate?: string | null;
  /** Amicable or litigation claims; `to` null while the claim is open. */
  claims?: readonly { from: string; to: string | null }[];
}

export const retentionRules = [
  'twenty_years_after_last_visit',
  'until_28th_birthday',
  'ten_years_after_death',
] as const;
export type RetentionRule = (typeof retentionRules)[number];

export interface Retention {
  /** ISO date the record may be destroyed from; null while a claim is open. */
  endDate: string | null;
  rule: RetentionRule;
  /** Days added by closed claims. */
  suspendedDays: number;
  openClaim: boolean;
}

function day(value: string, field: string): DateTime {
  const date = DateTime.fromISO(value, { zone: 'utc' }).startOf('day');
  if (!date.isValid) throw new DomainError('retention_date_invalid', { field });
  return date;
}

/** Claims merged where they overlap, so a day counts once. */
function mergedClaims(
  claims: RetentionInput['claims'],
  clockStart: DateTime,
): { from: DateTime; to: DateTime | null }[] {
  const sorted = (claims ?? [])
    .map((c) => ({
      from: DateTime.max(day(c.from, 'claims'), clockStart),
      to: c.to === null ? null : day(c.to, 'claims'),
    }))
    .filter((c) => c.to === null || c.to > c.from)
    .sort((a, b) => a.from.toMillis() - b.from.toMillis());
  const merged: { from: DateTime; to: DateTime | null }[] = [];
  for (const claim of sorted) {
    const last = merged[merged.length - 1];
    if (last && (last.to === null || claim.from <= last.to)) {
      last.to = last.to === null || claim.to === null ? null : DateTime.max(last.to, claim.to);
    } else merged.push({ ...claim });
  }
  return merged;
}

/**
 * CSP R1112-7: 20 years from the last stay or external consultation; until the 28th birthday
 * when that is later; 10 years from the death when the patient died less than 10 years after
 * the last visit. A claim suspends the period: its duration is added, and while it is open the
 * record is kept.
 */
export function retentionEnd(input: RetentionInput): Retention {
  const birth = day(input.birthDate, 'birthDate');
  const lastVisit = day(input.lastVisitDate, 'lastVisitDate');
  if (lastVisit < birth) throw new DomainError('retention_date_invalid', { field: 'lastVisitDate' });
  const death = input.deathDate ? day(input.deathDate, 'deathDate') : null;
  if (death && (death < lastVisit || death < birth))
    throw new DomainError('retention_date_invalid', { field: 'deathDate' });

  let end: DateTime;
  let rule: RetentionRule;
  let clockStart = lastVisit;
  if (death && death < lastVisit.plus({ years: 10 })) {
    end = death.plus({ years: 10 });
    rule = 'ten_years_after_death';
    clockStart = death;
  } else {
    const twentyYears = lastVisit.plus({ years: 20 });
    const birthday28 = birth.plus({ years: 28 });
    [end, rule] =
      birthday28 > twentyYears
        ? [birthday28, 'until_28th_birthday']
        : [twentyYears, 'twenty_years_after_last_visit'];
  }

  let suspendedDays = 0;
  for (const claim of mergedClaims(input.claims, clockStart)) {
    if (claim.from >= end) break;
    if (claim.to === null) return { endDate: null, rule, suspendedDays, openClaim: true };
    const days = Math.round(claim.to.diff(claim.from, 'days').days);
    suspendedDays += days;
    end = end.plus({ days });
  }
  return { endDate: end.toISODate()!, rule, suspendedDays, openClaim: false };
}

/** The record may be proposed for destruction (decided by the director, after the DIM's opinion). */
export function isRetentionOver(input: RetentionInput, today: string): boolean {
  const { endDate } = retentionEnd(input);
  return endDate !== null && today >= endDate;
}
