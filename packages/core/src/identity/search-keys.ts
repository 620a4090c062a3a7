import { lettersOnly, phoneticKey } from './phonetic.ts';
import { foldDiacritics } from './traits.ts';

/**
 * Search tokens of one name: each word (split on space and hyphen), a word with an apostrophe
 * both joined and split (O'BRIEN → OBRIEN, O, BRIEN; D'ALMEIDA → DALMEIDA, D, ALMEIDA), and the
 * whole name joined when it has several words (DUPONT-MARTIN → DUPONTMARTIN), so that accents,
 * hyphens, apostrophes and spaces are all optional when typing.
 */
export function nameTokens(name: string | null | undefined): string[] {
  if (!name) return [];
  const tokens = new Set<string>();
  const words = foldDiacritics(name).split(/[\s-]+/);
  for (const word of words) {
    const joined = lettersOnly(word);
    if (joined) tokens.add(joined);
    if (word.includes("'")) {
      for (const part of word.split("'")) {
        const letters = lettersOnly(part);
        if (letters) tokens.add(letters);
      }
    }
  }
  const whole = lettersOnly(name);
  if (whole) tokens.add(whole);
  return [...tokens];
}

export interface SearchableTraits {
  birthName: string;
  usedName?: string | null;
  birthGivenNames: readonly string[];
  usedGivenName?: string | null;
  birthDate: string;
}

export interface SearchKeys {
  birthDate: string;
  /** Normalised name tokens (letters A–Z only) of every name and given name. */
  tokens: string[];
  /** French phonetic keys of those tokens. */
  phoneticKeys: string[];
  /** First three letters of the birth name, used name and first given name. */
  prefixes: string[];
}

/**
 * What the server stores beside an identity for indexed search and duplicate candidate retrieval.
 * RNIV 2021 volet 1: the primary search starts from the birth date, narrowed by the first three
 * letters of the name or given name.
 */
export function searchKeysFor(traits: SearchableTraits): SearchKeys {
  const names = [traits.birthName, traits.usedName, ...traits.birthGivenNames, traits.usedGivenName];
  const tokens = [...new Set(names.flatMap(nameTokens))];
  const phoneticKeys = [...new Set(tokens.map(phoneticKey).filter((key) => key !== ''))];
  const prefixes = [
    ...new Set(
      [traits.birthName, traits.usedName, traits.birthGivenNames[0], traits.usedGivenName]
        .map((name) => lettersOnly(name ?? '').slice(0, 3))
        .filter((prefix) => prefix !== ''),
    ),
  ];
  return { birthDate: traits.birthDate, tokens, phoneticKeys, prefixes };
}
