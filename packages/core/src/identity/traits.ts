import { DomainError } from '../errors/domain-error.ts';

export const sexes = ['M', 'F', 'I'] as const;
/** M male, F female, I undetermined (RNIV 2021, volet 1: the INSi service itself only returns M or F). */
export type Sex = (typeof sexes)[number];

/** Fields holding a name, named as the API names them (errors point at them). */
export type NameField = 'birthName' | 'birthGivenNames' | 'usedName' | 'usedGivenName';

/**
 * Strict traits (traits stricts), stored normalised. `birthDate` is an ISO date `YYYY-MM-DD`;
 * `birthPlaceCode` the 5-character INSEE code (commune, or 99xxx country), null when unknown.
 */
export interface StrictTraits {
  birthName: string;
  birthGivenNames: string[];
  birthDate: string;
  sex: Sex;
  birthPlaceCode: string | null;
}

/** Complementary traits: what the patient is called; never used in place of strict traits. */
export interface ComplementaryTraits {
  usedName: string;
  usedGivenName: string;
}

export const strictTraitFields = [
  'birthName',
  'birthGivenNames',
  'birthDate',
  'sex',
  'birthPlaceCode',
] as const;
export type StrictTraitField = (typeof strictTraitFields)[number];

/** RNIV 2021 volet 1: 130 years is the oldest plausible birth date. */
export const maxAgeYears = 130;

const ligatures: Record<string, string> = { Œ: 'OE', œ: 'OE', Æ: 'AE', æ: 'AE', ß: 'SS' };
const apostrophes = /[’‘`´ʼ′]/g;
const hyphens = /[‐‑‒–—−]/g;

/**
 * Upper case without diacritics, typographic apostrophes and dashes folded to ASCII. Does not
 * refuse anything: `normalizeName` does, this is also used by search where anything goes.
 */
export function foldDiacritics(value: string): string {
  return value
    .replace(/[ŒœÆæß]/g, (c) => ligatures[c] ?? c)
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(apostrophes, "'")
    .replace(hyphens, '-')
    .toUpperCase();
}

/**
 * Normalises a name for storage as a strict or complementary trait.
 * RNIV 2021 volet 1 (saisie des traits): upper case, no diacritics, letters A–Z, space, hyphen
 * and apostrophe only, no double separators, none leading or trailing. Anything else is refused
 * rather than silently dropped, naming the field. Returns '' for an empty value.
 */
export function normalizeName(value: string, field: NameField): string {
  const folded = foldDiacritics(value)
    .replace(/\s+/g, ' ')
    .replace(/ ?- ?/g, '-')
    .replace(/ ?' ?/g, "'")
    .replace(/-+/g, '-')
    .replace(/'+/g, "'")
    .replace(/^[ '-]+|[ '-]+$/g, '');
  if (!/^[A-Z '-]*$/.test(folded)) {
    throw new DomainError('name_invalid_characters', { field });
  }
  if (/[ '-]{2,}/.test(folded)) {
    throw new DomainError('name_invalid_characters', { field });
  }
  return folded;
}

/** A required name: normalised and not empty. */
export function requireName(value: string | undefined | null, field: NameField): string {
  const name = normalizeName(value ?? '', field);
  if (name === '') throw new DomainError('required', { field });
  return name;
}

/**
 * The ordered list of birth given names. Given as a list, or as one string where the given names
 * are separated by spaces or commas (the INSi service returns them separated by spaces; a composed
 * given name keeps its hyphen: JEAN-PIERRE).
 */
export function normalizeGivenNames(
  value: string | readonly string[],
  field: NameField = 'birthGivenNames',
): string[] {
  const parts = typeof value === 'string' ? value.split(/[\s,;]+/) : value;
  return parts.flatMap((part) => normalizeName(part, field).split(' ')).filter((name) => name !== '');
}

/** The first birth given name (premier prénom de naissance) is the first of the ordered list. */
export function firstGivenName(traits: { birthGivenNames: readonly string[] }): string {
  return traits.birthGivenNames[0] ?? '';
}

const isoDatePattern = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True when `value` is an ISO date `YYYY-MM-DD` that exists in the calendar. */
export function isCalendarDate(value: string): boolean {
  const match = isoDatePattern.exec(value);
  if (!match) return false;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  // Year 0000 (1 BC) is refused as by the calendarDate schema: PostgreSQL cannot read it.
  if (year < 1 || month < 1 || month > 12 || day < 1) return false;
  return day <= daysInMonth(year, month);
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/**
 * Birth date checks: an existing calendar date, not after `today`, not more than 130 years before
 * it. Both dates are ISO `YYYY-MM-DD` (the caller passes today in Europe/Paris).
 */
export function checkBirthDate(birthDate: string, today: string, field = 'birthDate'): void {
  if (!isCalendarDate(birthDate)) throw new DomainError('birth_date_invalid', { field });
  if (birthDate > today) throw new DomainError('birth_date_in_future', { field });
  const oldest = `${String(Number(today.slice(0, 4)) - maxAgeYears).padStart(4, '0')}${today.slice(4)}`;
  if (birthDate < oldest)
    throw new DomainError('birth_date_too_old', { field, params: { years: maxAgeYears } });
}

export function isSex(value: string): value is Sex {
  return (sexes as readonly string[]).includes(value);
}

export interface StrictTraitsInput {
  birthName: string;
  birthGivenNames: string | readonly string[];
  birthDate: string;
  sex: string;
  birthPlaceCode?: string | null;
}

/**
 * Normalises and checks a full set of strict traits. The birth place is only checked for its
 * shape here; `validateBirthPlaceCode` checks it against the INSEE lists.
 */
export function normalizeStrictTraits(input: StrictTraitsInput, today: string): StrictTraits {
  const birthName = requireName(input.birthName, 'birthName');
  const birthGivenNames = normalizeGivenNames(input.birthGivenNames);
  if (birthGivenNames.length === 0) throw new DomainError('required', { field: 'birthGivenNames' });
  checkBirthDate(input.birthDate, today);
  const sex = input.sex.trim().toUpperCase();
  if (!isSex(sex)) throw new DomainError('sex_invalid', { field: 'sex' });
  const code = (input.birthPlaceCode ?? '').trim().toUpperCase();
  if (code !== '' && !/^(\d{5}|2[AB]\d{3})$/.test(code)) {
    throw new DomainError('birth_place_malformed', { field: 'birthPlaceCode' });
  }
  return {
    birthName,
    birthGivenNames,
    birthDate: input.birthDate,
    sex,
    birthPlaceCode: code === '' ? null : code,
  };
}

/** Which strict traits differ between two versions of an identity (given names compared in order). */
export function changedStrictTraits(before: StrictTraits, after: StrictTraits): StrictTraitField[] {
  return strictTraitFields.filter((field) => {
    if (field === 'birthGivenNames')
      return before.birthGivenNames.join(' ') !== after.birthGivenNames.join(' ');
    return before[field] !== after[field];
  });
}
