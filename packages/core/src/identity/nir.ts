import { DomainError } from '../errors/domain-error.ts';
import type { Sex, StrictTraits } from './traits.ts';

/** INS OIDs (ANS, guide d'implémentation de l'INS): the NIR, or the NIA while the NIR is pending. */
export const insNirOid = 'urn:oid:1.2.250.1.213.1.4.8';
export const insNiaOid = 'urn:oid:1.2.250.1.213.1.4.9';
export type InsKind = 'nir' | 'nia';

export function insSystem(kind: InsKind): string {
  return kind === 'nir' ? insNirOid : insNiaOid;
}

export function insKindOfSystem(system: string): InsKind | null {
  if (system === insNirOid) return 'nir';
  if (system === insNiaOid) return 'nia';
  return null;
}

/** NIR month field (INSEE): real month, fictitious (no month on the civil-status document) or pseudo-fictitious. */
export type NirMonth =
  | { kind: 'real'; month: number }
  | { kind: 'pseudo_fictitious'; month: number }
  | { kind: 'fictitious'; month: null };

export type NirBirthPlace =
  | { kind: 'metropolitan'; departement: string; commune: string; code: string }
  | { kind: 'corsica_before_1976'; departement: '20'; commune: string; code: string }
  | { kind: 'overseas'; departement: string; commune: string; code: string }
  | { kind: 'abroad'; countryCode: string; code: string };

export interface NirParts {
  /** 15 characters, no spaces, upper case. */
  value: string;
  /** The 13 characters before the key. */
  number: string;
  key: string;
  sexDigit: string;
  /** 1 or 7 → M, 2 or 8 → F. */
  sex: 'M' | 'F';
  /** 7 and 8 mark a temporary number. */
  temporary: boolean;
  /** Two digits only: the century is not in the NIR. */
  year: string;
  month: NirMonth;
  birthPlace: NirBirthPlace;
  order: string;
}

/** Removes spaces, dots and dashes a NIR is often written with; upper-cases 2a/2b. */
export function compactNir(input: string): string {
  return input.replace(/[\s.\-_]/g, '').toUpperCase();
}

/** NIR shape: S YY MM then a département of 2 digits, 2A or 2B, then 8 digits (commune, order, key). */
const nirPattern = /^[1278]\d{4}(\d{2}|2A|2B)\d{6}(\d{2})?$/;

/**
 * Key = 97 − (N mod 97), N the 13 characters read as an integer after 2A → 19 and 2B → 18
 * (INSEE). N exceeds 2^53, hence BigInt. A remainder of 0 gives 97.
 */
export function nirKey(number13: string): string {
  const compact = compactNir(number13);
  if (!/^\d{5}(\d{2}|2A|2B)\d{6}$/.test(compact)) throw new DomainError('nir_malformed', { field: 'nir' });
  const digits = compact.replace(/^(\d{5})2A/, '$119').replace(/^(\d{5})2B/, '$118');
  const key = 97n - (BigInt(digits) % 97n);
  return key.toString().padStart(2, '0');
}

/** True for a well-formed 15-character NIR (spaces allowed) whose key matches. */
export function isValidNir(input: string): boolean {
  const value = compactNir(input);
  if (value.length !== 15 || !nirPattern.test(value)) return false;
  return nirKey(value.slice(0, 13)) === value.slice(13);
}

function decodeMonth(mm: number): NirMonth {
  if (mm >= 1 && mm <= 12) return { kind: 'real', month: mm };
  if (mm >= 31 && mm <= 42) return { kind: 'pseudo_fictitious', month: mm - 30 };
  return { kind: 'fictitious', month: null };
}

function decodeBirthPlace(place: string): NirBirthPlace {
  if (place.startsWith('99')) return { kind: 'abroad', countryCode: place, code: place };
  if (place.startsWith('97') || place.startsWith('98')) {
    return { kind: 'overseas', departement: place.slice(0, 3), commune: place.slice(3), code: place };
  }
  if (place.startsWith('20')) {
    return { kind: 'corsica_before_1976', departement: '20', commune: place.slice(2), code: place };
  }
  return { kind: 'metropolitan', departement: place.slice(0, 2), commune: place.slice(2), code: place };
}

/**
 * Parses a NIR written with or without spaces and decomposes it (INSEE structure
 * S YY MM DD CCC OOO KK). Refuses a malformed number and a key that does not match.
 */
export function parseNir(input: string, field = 'nir'): NirParts {
  const value = compactNir(input);
  if (value.length !== 15 || !nirPattern.test(value)) throw new DomainError('nir_malformed', { field });
  const number = value.slice(0, 13);
  const key = value.slice(13);
  if (nirKey(number) !== key) throw new DomainError('nir_key_mismatch', { field });
  const monthDigits = Number(value.slice(3, 5));
  if (monthDigits === 0) throw new DomainError('nir_malformed', { field });
  const order = value.slice(10, 13);
  if (order === '000') throw new DomainError('nir_malformed', { field });
  const sexDigit = value[0]!;
  return {
    value,
    number,
    key,
    sexDigit,
    sex: sexDigit === '1' || sexDigit === '7' ? 'M' : 'F',
    temporary: sexDigit === '7' || sexDigit === '8',
    year: value.slice(1, 3),
    month: decodeMonth(monthDigits),
    birthPlace: decodeBirthPlace(value.slice(5, 10)),
    order,
  };
}

/** The usual written form `S YY MM DD CCC OOO KK` (overseas: `S YY MM DDD CC OOO KK`). */
export function formatNir(input: string): string {
  const v = compactNir(input);
  const overseas = v.startsWith('97', 5) || v.startsWith('98', 5);
  const place = overseas ? `${v.slice(5, 8)} ${v.slice(8, 10)}` : `${v.slice(5, 7)} ${v.slice(7, 10)}`;
  return `${v.slice(0, 1)} ${v.slice(1, 3)} ${v.slice(3, 5)} ${place} ${v.slice(10, 13)} ${v.slice(13, 15)}`.trim();
}

export type NirWarningCode =
  | 'nir_sex_mismatch'
  | 'nir_year_mismatch'
  | 'nir_month_mismatch'
  | 'nir_birth_place_mismatch';

export interface NirWarning {
  code: NirWarningCode;
  field: 'sex' | 'birthDate' | 'birthPlaceCode';
}

function sexMatches(nirSex: 'M' | 'F', sex: Sex): boolean {
  return nirSex === sex;
}

/** Codes of the former départements of Algeria (91–94) and the protectorates Morocco (95), Tunisia (96). */
const formerNorthAfrica = /^9[1-6]$/;

function birthPlaceMatches(place: NirBirthPlace, code: string, birthYear: number): boolean {
  if (place.code === code) return true;
  // INSEE: people born in Corsica before 1976 carry 20 where the commune code now reads 2A/2B.
  if (place.kind === 'corsica_before_1976') return /^2[AB]/.test(code) && code.slice(2) === place.commune;
  // INSEE: born in Algeria before 1962 (or Morocco/Tunisia before 1956) → 91–96, the country code in the traits.
  if (place.kind === 'metropolitan' && formerNorthAfrica.test(place.departement) && birthYear < 1968) {
    return code.startsWith('99');
  }
  return false;
}

/**
 * Compares the NIR with the strict traits (INS guide, ANS: sex digit vs sex; YY/MM vs birth date;
 * birth place vs birth place code when known). Every mismatch is returned as a warning for the
 * user to resolve: RNIV forbids both accepting and correcting it silently.
 */
export function checkNirAgainstTraits(
  nir: string | NirParts,
  traits: Pick<StrictTraits, 'sex' | 'birthDate' | 'birthPlaceCode'>,
): NirWarning[] {
  const parts = typeof nir === 'string' ? parseNir(nir) : nir;
  const warnings: NirWarning[] = [];
  if (!sexMatches(parts.sex, traits.sex)) warnings.push({ code: 'nir_sex_mismatch', field: 'sex' });
  if (traits.birthDate.slice(2, 4) !== parts.year)
    warnings.push({ code: 'nir_year_mismatch', field: 'birthDate' });
  if (parts.month.kind !== 'fictitious' && Number(traits.birthDate.slice(5, 7)) !== parts.month.month) {
    warnings.push({ code: 'nir_month_mismatch', field: 'birthDate' });
  }
  if (
    traits.birthPlaceCode &&
    !birthPlaceMatches(parts.birthPlace, traits.birthPlaceCode, Number(traits.birthDate.slice(0, 4)))
  ) {
    warnings.push({ code: 'nir_birth_place_mismatch', field: 'birthPlaceCode' });
  }
  return warnings;
}
