const wordPattern = /\p{L}+(?:['’-]\p{L}+)*/gu;
const elision = /^(?:jusqu|lorsqu|puisqu|quoiqu|qu|[cdjlmnst])'/u;

const fold = (word: string) => word.toLocaleLowerCase('fr').replace(/’/g, "'");

/**
 * The words of people's and bodies' names — the patient's birth and used names, the practitioners',
 * the correspondents' of the directory — as the spell-checker looks them up: lower case, each
 * hyphenated or elided name also by its parts ("Saint-Exupéry", "d’Almeida" → "almeida").
 */
export function properNameWords(names: Iterable<string | null | undefined>): Set<string> {
  const words = new Set<string>();
  for (const name of names) {
    if (!name) continue;
    for (const match of name.matchAll(wordPattern)) {
      const word = fold(match[0]);
      words.add(word);
      const bare = word.replace(elision, '');
      words.add(bare);
      for (const part of bare.split(/['-]/)) if (part !== '') words.add(part);
    }
  }
  return words;
}

/** Starts with a capital letter: how a proper name is written in a sentence ("Dupont", "Le Goff"). */
export function startsWithCapital(word: string): boolean {
  const first = word.charAt(0);
  return first !== first.toLocaleLowerCase('fr');
}

/**
 * A word the spell-checker leaves alone because it is a known name written as a name: with its
 * capital ("Dupont", "Saint-Exupéry", "d’Almeida"). The same word in lower case is checked as any
 * other ("dupont" is a misspelling of nothing but stays flagged), so a name does not hide a typo
 * of a common word.
 */
export function isProperName(word: string, nameWords: ReadonlySet<string>): boolean {
  const folded = fold(word);
  const bare = folded.replace(elision, '');
  const named = word.slice(word.length - bare.length);
  if (!startsWithCapital(named)) return false;
  if (nameWords.has(folded) || nameWords.has(bare)) return true;
  const parts = bare.split(/['-]/).filter((p) => p !== '');
  return parts.length > 1 && parts.every((part) => nameWords.has(part));
}
