import { parsePhoneNumberFromString } from 'libphonenumber-js';
import { compactNir, isValidNir } from './nir.ts';
import { lettersOnly, phoneticKey } from './phonetic.ts';
import { nameTokens } from './search-keys.ts';
import { foldDiacritics, isCalendarDate } from './traits.ts';

/** What a secretary typed in the one search box, read into criteria (all of them must match). */
export interface SearchQuery {
  /** Name words, letters A–Z only, in the order typed. */
  nameTokens: string[];
  /** Phonetic key of each name word (same order). */
  phoneticKeys: string[];
  birthDate?: string;
  /** A four-digit year typed alone. */
  birthYear?: number;
  nir?: string;
  /** False when the NIR typed has the right shape but a wrong key (still searched, to show nothing found). */
  nirValid?: boolean;
  /** E.164. */
  phone?: string;
}

const numberToken = /^[+(]?[\d().\-/]+$/;

function readDate(text: string, today: string): string | undefined {
  let day: string;
  let month: string;
  let year: string;
  const separated = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})$/.exec(text);
  if (separated) [, day, month, year] = separated as unknown as [string, string, string, string];
  else if (/^\d{8}$/.test(text)) [day, month, year] = [text.slice(0, 2), text.slice(2, 4), text.slice(4)];
  else if (/^\d{6}$/.test(text)) [day, month, year] = [text.slice(0, 2), text.slice(2, 4), text.slice(4)];
  else return undefined;
  if (year.length === 2) {
    // A two-digit year is the most recent one not after today.
    const century = Number(today.slice(0, 2));
    const candidate = `${century}${year}`;
    year = candidate > today.slice(0, 4) ? `${century - 1}${year}` : candidate;
  }
  const iso = `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
  return isCalendarDate(iso) ? iso : undefined;
}

function readPhone(text: string): string | undefined {
  const phone = parsePhoneNumberFromString(text, 'FR');
  return phone?.isValid() ? phone.number : undefined;
}

/**
 * Reads one search box: names in any order (accents, hyphens, apostrophes optional, beginnings
 * of names allowed), a birth date (dd/mm/yyyy, dd/mm/yy, ddmmyyyy), a NIR with or without
 * spaces, or a French phone number. `today` (ISO date) resolves two-digit years.
 */
export function parseSearchQuery(text: string, today: string): SearchQuery {
  const query: SearchQuery = { nameTokens: [], phoneticKeys: [] };
  const words = text.trim().split(/\s+/).filter(Boolean);
  const runs: string[][] = [];
  let run: string[] = [];
  const flush = () => {
    if (run.length) runs.push(run);
    run = [];
  };
  for (const word of words) {
    // 2A/2B belong to a NIR being typed (Corsica).
    if (numberToken.test(word) || (run.length > 0 && /^2[AB]\d*$/i.test(word))) run.push(word);
    else {
      flush();
      for (const token of nameTokens(foldDiacritics(word).replace(/-/g, ' '))) {
        if (!query.nameTokens.includes(token) && !(word.includes("'") && token.length === 1)) {
          query.nameTokens.push(token);
        }
      }
    }
  }
  flush();

  for (const group of runs) readNumbers(group, query, today);
  query.phoneticKeys = query.nameTokens.map(phoneticKey);
  return query;
}

function readNumbers(group: string[], query: SearchQuery, today: string): void {
  const joined = group.join('');
  const compact = compactNir(joined);
  if (/^[1278]\d{4}(\d{2}|2A|2B)\d{6}(\d{2})?$/.test(compact) && compact.length === 15) {
    query.nir = compact;
    query.nirValid = isValidNir(compact);
    return;
  }
  const phone =
    /^(\+|00|0)/.test(joined) && joined.replace(/\D/g, '').length >= 10 ? readPhone(joined) : undefined;
  if (phone) {
    query.phone = phone;
    return;
  }
  const date = readDate(joined, today) ?? readDate(group.join('/'), today);
  if (date) {
    query.birthDate = date;
    return;
  }
  for (const word of group) {
    const single = readDate(word, today);
    if (single) query.birthDate = single;
    else if (/^\d{4}$/.test(word) && word >= '1850' && word <= today.slice(0, 4))
      query.birthYear = Number(word);
  }
}

/** What search needs to know of a patient. */
export interface PatientSearchView {
  birthName: string;
  usedName?: string | null;
  birthGivenNames: readonly string[];
  usedGivenName?: string | null;
  birthDate: string;
  nir?: string | null;
  ins?: string | null;
  /** E.164 or as typed (read as French numbers). */
  phones?: readonly string[];
}

/**
 * Whether a patient matches every criterion of the query. A name word matches when it begins
 * one of the patient's name tokens (birth name, used name, given names, in any order) or sounds
 * like it (French phonetic key, for words of 3 letters or more).
 */
export function matchesQuery(patient: PatientSearchView, query: SearchQuery): boolean {
  const hasCriterion =
    query.nameTokens.length > 0 ||
    query.birthDate !== undefined ||
    query.birthYear !== undefined ||
    query.nir !== undefined ||
    query.phone !== undefined;
  if (!hasCriterion) return false;
  if (query.birthDate !== undefined && patient.birthDate !== query.birthDate) return false;
  if (query.birthYear !== undefined && Number(patient.birthDate.slice(0, 4)) !== query.birthYear)
    return false;
  if (query.nir !== undefined) {
    const numbers = [patient.nir, patient.ins].filter((n): n is string => !!n).map(compactNir);
    if (!numbers.includes(query.nir)) return false;
  }
  if (query.phone !== undefined) {
    const phones = (patient.phones ?? []).map((p) => readPhone(p) ?? p);
    if (!phones.includes(query.phone)) return false;
  }
  const tokens = [
    patient.birthName,
    patient.usedName,
    ...patient.birthGivenNames,
    patient.usedGivenName,
  ].flatMap(nameTokens);
  const keys = new Set(tokens.map(phoneticKey));
  return query.nameTokens.every((typed, i) => {
    const letters = lettersOnly(typed);
    if (tokens.some((token) => token.startsWith(letters))) return true;
    const key = query.phoneticKeys[i] ?? phoneticKey(letters);
    return letters.length >= 3 && key !== '' && keys.has(key);
  });
}
