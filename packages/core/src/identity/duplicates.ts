import { compactNir } from './nir.ts';
import { lettersOnly, phoneticKey, phoneticKeys } from './phonetic.ts';
import { editDistance, jaroWinkler } from './similarity.ts';
import { foldDiacritics, type Sex } from './traits.ts';

/** The traits compared for duplicate detection (strict traits, used traits, INS). */
export interface IdentityForMatching {
  birthName: string;
  usedName?: string | null;
  birthGivenNames: readonly string[];
  usedGivenName?: string | null;
  birthDate: string;
  sex: Sex;
  birthPlaceCode?: string | null;
  ins?: string | null;
}

export type NameMatch = 'exact' | 'same_letters' | 'reordered' | 'phonetic' | 'close' | 'partial' | 'none';

const wordsOf = (folded: string) =>
  folded
    .split(/[\s'-]+/)
    .map(lettersOnly)
    .filter((word) => word !== '');

/**
 * How close two names are, from the strongest: same spelling; same letters once accents,
 * hyphens, apostrophes and spaces are ignored; the same words in another order (a double name
 * typed the other way round, DUPONT MARTIN / MARTIN DUPONT); same French phonetic key; a small
 * edit distance; one word in common (DUPONT-MARTIN / MARTIN).
 */
export function compareNames(a: string | null | undefined, b: string | null | undefined): NameMatch {
  const foldedA = foldDiacritics(a ?? '').trim();
  const foldedB = foldDiacritics(b ?? '').trim();
  const lettersA = lettersOnly(foldedA);
  const lettersB = lettersOnly(foldedB);
  if (lettersA === '' || lettersB === '') return 'none';
  if (foldedA === foldedB) return 'exact';
  if (lettersA === lettersB) return 'same_letters';
  const wordsA = wordsOf(foldedA);
  const wordsB = wordsOf(foldedB);
  if (wordsA.length > 1 && [...wordsA].sort().join() === [...wordsB].sort().join()) return 'reordered';
  if (
    phoneticKey(lettersA) === phoneticKey(lettersB) ||
    phoneticKeys(foldedA).join() === phoneticKeys(foldedB).join()
  ) {
    return 'phonetic';
  }
  const allowed = Math.max(lettersA.length, lettersB.length) >= 8 ? 2 : 1;
  if (editDistance(lettersA, lettersB) <= allowed || jaroWinkler(lettersA, lettersB) >= 0.94) return 'close';
  const common = wordsB.some((word) => word.length >= 2 && wordsA.includes(word));
  return common ? 'partial' : 'none';
}

/** Score levels: an equal INS is certain; otherwise the score decides. */
export const duplicateThresholds = { probable: 75, possible: 50 } as const;
export type DuplicateLevel = 'certain' | 'probable' | 'possible' | 'none';

type Graded = Exclude<NameMatch, 'none'>;
export type DuplicateReasonCode =
  | 'same_ins'
  | 'possible_collision'
  | 'ins_differs'
  | 'same_birth_date'
  | 'close_birth_date'
  | 'same_sex'
  | 'different_sex'
  | 'same_birth_place'
  | 'different_birth_place'
  | `birth_name_${Graded}`
  | `used_name_${Graded}`
  | `first_given_name_${Exclude<Graded, 'partial'>}`
  | 'given_names_swapped'
  | 'given_name_in_list'
  | 'names_inverted';

export interface DuplicateReason {
  code: DuplicateReasonCode;
  points: number;
}

export interface DuplicateScore {
  score: number;
  level: DuplicateLevel;
  reasons: DuplicateReason[];
}

const familyPoints: Record<Graded, number> = {
  exact: 30,
  same_letters: 30,
  reordered: 28,
  phonetic: 25,
  close: 20,
  partial: 15,
};
const crossFamilyPoints: Record<Graded, number> = {
  exact: 25,
  same_letters: 25,
  reordered: 23,
  phonetic: 20,
  close: 15,
  partial: 12,
};
const givenPoints: Record<Graded, number> = {
  exact: 20,
  same_letters: 20,
  reordered: 18,
  phonetic: 15,
  close: 12,
  partial: 0,
};
const strength: Record<NameMatch, number> = {
  exact: 6,
  same_letters: 5,
  reordered: 4,
  phonetic: 3,
  close: 2,
  partial: 1,
  none: 0,
};

function best(matches: NameMatch[]): NameMatch {
  return matches.reduce((a, b) => (strength[b] > strength[a] ? b : a), 'none');
}

/** Birth dates differing by one typing slip: one digit, two swapped digits, or day and month swapped. */
export function birthDatesClose(a: string, b: string): boolean {
  if (a === b) return false;
  const digitsA = a.replace(/-/g, '');
  const digitsB = b.replace(/-/g, '');
  if (editDistance(digitsA, digitsB) <= 1) return true;
  return (
    a.slice(0, 4) === b.slice(0, 4) && a.slice(5, 7) === b.slice(8, 10) && a.slice(8, 10) === b.slice(5, 7)
  );
}

function level(score: number): DuplicateLevel {
  if (score >= duplicateThresholds.probable) return 'probable';
  if (score >= duplicateThresholds.possible) return 'possible';
  return 'none';
}

/**
 * Scores an existing identity against a new or changed one (RNIV 2021 volet 2, recherche des
 * doublons avant création et à chaque modification d'un trait strict). 0–100 with the reasons.
 */
export function scoreDuplicate(existing: IdentityForMatching, incoming: IdentityForMatching): DuplicateScore {
  const reasons: DuplicateReason[] = [];
  const add = (code: DuplicateReasonCode, points: number) => reasons.push({ code, points });
  const insA = existing.ins ? compactNir(existing.ins) : '';
  const insB = incoming.ins ? compactNir(incoming.ins) : '';

  if (insA !== '' && insA === insB) {
    add('same_ins', 100);
    // One INS on two different persons' traits is a collision (e.g. a mother's INS on her child).
    if (
      existing.birthDate !== incoming.birthDate ||
      (existing.sex !== incoming.sex && existing.sex !== 'I')
    ) {
      add('possible_collision', 0);
    }
    return { score: 100, level: 'certain', reasons };
  }

  if (existing.birthDate === incoming.birthDate) add('same_birth_date', 35);
  else if (birthDatesClose(existing.birthDate, incoming.birthDate)) add('close_birth_date', 20);
  else return { score: 0, level: 'none', reasons: [] };

  const firstA = existing.birthGivenNames[0] ?? '';
  const firstB = incoming.birthGivenNames[0] ?? '';
  // Names typed in the other field: the birth name among the given names and the given names
  // (the first, or all of them) in the birth name's field.
  const givenForms = (names: readonly string[]) => [names[0] ?? '', names.join(' ')];
  const soundsLike = (name: string, forms: string[]) =>
    strength[best(forms.map((form) => compareNames(name, form)))] >= strength.phonetic;
  const inverted =
    (soundsLike(existing.birthName, givenForms(incoming.birthGivenNames)) ||
      incoming.birthGivenNames.some((name) => soundsLike(existing.birthName, [name]))) &&
    givenForms(existing.birthGivenNames).some((form) => soundsLike(form, [incoming.birthName])) &&
    compareNames(existing.birthName, incoming.birthName) === 'none';

  if (inverted) {
    add('names_inverted', 40);
  } else {
    const birth = compareNames(existing.birthName, incoming.birthName);
    const cross = best([
      compareNames(existing.birthName, incoming.usedName),
      compareNames(existing.usedName, incoming.birthName),
      compareNames(existing.usedName, incoming.usedName),
    ]);
    if (birth !== 'none' && familyPoints[birth] >= (cross === 'none' ? 0 : crossFamilyPoints[cross])) {
      add(`birth_name_${birth}`, familyPoints[birth]);
    } else if (cross !== 'none') {
      add(`used_name_${cross}`, crossFamilyPoints[cross]);
    }

    const first = compareNames(firstA, firstB);
    const listA = existing.birthGivenNames.map(lettersOnly);
    const listB = incoming.birthGivenNames.map(lettersOnly);
    const usedA = lettersOnly(existing.usedGivenName ?? '');
    const usedB = lettersOnly(incoming.usedGivenName ?? '');
    if (first !== 'none' && first !== 'partial') {
      add(`first_given_name_${first}`, givenPoints[first]);
    } else if (listA.length > 1 && [...listA].sort().join() === [...listB].sort().join()) {
      add('given_names_swapped', 18);
    } else if (
      [...listA, usedA].some((name) => name !== '' && (listB.includes(name) || name === usedB)) ||
      (usedB !== '' && listA.includes(usedB))
    ) {
      add('given_name_in_list', 12);
    }
  }

  if (existing.sex === incoming.sex && existing.sex !== 'I') add('same_sex', 10);
  else if (existing.sex !== 'I' && incoming.sex !== 'I' && existing.sex !== incoming.sex)
    add('different_sex', -25);

  if (existing.birthPlaceCode && incoming.birthPlaceCode) {
    if (existing.birthPlaceCode === incoming.birthPlaceCode) add('same_birth_place', 4);
    else add('different_birth_place', -10);
  }
  if (insA !== '' && insB !== '') add('ins_differs', -30);

  const hasName = reasons.some((r) => /name/.test(r.code));
  if (!hasName) return { score: 0, level: 'none', reasons };
  // Without an equal INS nothing is certain: the user decides.
  const score = Math.max(
    0,
    Math.min(
      99,
      reasons.reduce((sum, r) => sum + r.points, 0),
    ),
  );
  return { score, level: level(score), reasons };
}

export interface DuplicateCandidate<T> {
  candidate: T;
  score: number;
  level: DuplicateLevel;
  reasons: DuplicateReason[];
}

/**
 * The candidates worth showing, best first. Pairs already judged "different person" are passed in
 * `excludedIds` so they are not proposed again.
 */
export function findDuplicateCandidates<T extends IdentityForMatching & { id: string }>(
  incoming: IdentityForMatching,
  candidates: readonly T[],
  options: { minScore?: number; excludedIds?: ReadonlySet<string> } = {},
): DuplicateCandidate<T>[] {
  const minScore = options.minScore ?? duplicateThresholds.possible;
  return candidates
    .filter((candidate) => !options.excludedIds?.has(candidate.id))
    .map((candidate) => ({ candidate, ...scoreDuplicate(candidate, incoming) }))
    .filter((result) => result.level === 'certain' || result.score >= minScore)
    .sort((a, b) => b.score - a.score);
}
