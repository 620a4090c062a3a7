import { foldDiacritics, phoneticKeys } from '@pivot/core/identity';

export interface SearchableTraits {
  birthName: string;
  birthGivenNames: readonly string[];
  usedName: string;
  usedGivenName: string;
}

/**
 * What the patients table stores for search as you type: every name (birth, used, given) folded
 * to lower case without accents or separators, and their French phonetic keys (RNIV: search by
 * any mix of birth name, used name and given names, accents and hyphens optional).
 */
export function patientSearchFields(traits: SearchableTraits): {
  searchText: string;
  phoneticKeys: string[];
} {
  const names = [traits.birthName, traits.usedName, ...traits.birthGivenNames, traits.usedGivenName].filter(
    Boolean,
  );
  const words = names
    .flatMap((n) =>
      foldDiacritics(n)
        .toLowerCase()
        .split(/[\s'-]+/),
    )
    .filter(Boolean);
  // Compound names are also stored glued (DUPONT-MARTIN → dupontmartin, O'BRIEN → obrien).
  const glued = names
    .map((n) =>
      foldDiacritics(n)
        .toLowerCase()
        .replace(/[\s'-]+/g, ''),
    )
    .filter((w) => !words.includes(w));
  const keys = new Set(names.flatMap((n) => phoneticKeys(n)));
  return { searchText: [...new Set([...words, ...glued])].join(' '), phoneticKeys: [...keys] };
}
