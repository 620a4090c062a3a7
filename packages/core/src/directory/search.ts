import { parsePhoneNumberFromString } from 'libphonenumber-js';
import type { Correspondent } from './schemas.ts';

/**
 * Lower case, no diacritics, punctuation as spaces: "Hôpital Saint-Joseph" → "hopital saint joseph".
 * `%` and `_` are kept ("centre 100%", "jean_dupont@..."), so that typing them finds the texts that
 * hold them and nothing else.
 */
export function foldForSearch(value: string): string {
  return value
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .replace(/[^a-z0-9@.%_]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** A phone number as the secretary types it back: national digits ("0142345678"). */
function nationalDigits(value: string): string | undefined {
  const phone = parsePhoneNumberFromString(value, 'FR');
  if (!phone?.isValid()) return undefined;
  return phone.country === 'FR' ? phone.formatNational().replace(/\D/g, '') : phone.number.replace('+', '');
}

/**
 * The text a correspondent is found by: names, specialty, workplace, body name and type, city,
 * postal code, RPPS, FINESS and phone numbers. Stored folded beside the row, trigram-indexed.
 */
export function correspondentSearchText(c: Correspondent): string {
  const phones = c.kind === 'practitioner' ? c.phones.map((p) => p.number) : c.phone ? [c.phone] : [];
  const parts =
    c.kind === 'practitioner'
      ? [c.familyName, c.givenName, c.specialty, c.workplace, c.rpps ?? '']
      : [c.name, c.bodyType.replace('_', ' '), c.handles, c.finess ?? ''];
  parts.push(c.address.city, c.address.postalCode, c.email ?? '', c.secureEmail ?? '');
  for (const phone of phones) parts.push(nationalDigits(phone) ?? '');
  return foldForSearch(parts.join(' '));
}

/**
 * Turns what was typed into the tokens that must all occur in the search text. A query that is a
 * phone number ("01 42 34 56 78", "+33 1 42...") becomes one token of national digits.
 */
export function correspondentSearchTokens(query: string): string[] {
  const trimmed = query.trim();
  if (/^[+\d][\d\s.-]{5,}$/.test(trimmed)) {
    const digits = nationalDigits(trimmed);
    if (digits) return [digits];
    return [trimmed.replace(/\D/g, '')];
  }
  return [
    ...new Set(
      foldForSearch(trimmed)
        .split(' ')
        .filter((t) => t !== ''),
    ),
  ].slice(0, 8);
}

/** How lists show a correspondent: "DUPONT Marie" for a practitioner (French usage), the name of a body. */
export function correspondentDisplayName(
  c: { kind: 'practitioner'; familyName: string; givenName: string } | { kind: 'body'; name: string },
): string {
  if (c.kind === 'body') return c.name;
  return [c.familyName.toUpperCase(), c.givenName].filter((p) => p !== '').join(' ');
}
