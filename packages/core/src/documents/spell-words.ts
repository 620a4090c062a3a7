import type { Cim10Row } from './reference-lists.ts';

const wordPattern = /\p{L}+(?:['’-]\p{L}+)*/gu;
const elision = /^(?:jusqu|lorsqu|puisqu|qu|[cdjlmnst])['’]/iu;
const romanNumeral = /^(?:i{1,3}|iv|vi{0,3}|ix|xi{0,3})$/;

function wordsOf(text: string): string[] {
  const words: string[] = [];
  for (const match of text.matchAll(wordPattern)) {
    const word = match[0].toLocaleLowerCase('fr').replace(/’/g, "'").replace(elision, '');
    words.push(word);
    if (word.includes('-') || word.includes("'")) words.push(...word.split(/['-]/));
  }
  return words.filter((w) => w.length >= 3 && !romanNumeral.test(w));
}

/**
 * Single words for the spell-checker's medical word list (added to the `dictionary-fr` Hunspell
 * dictionary): CIM-10 label words and drug names, plus the users' own words. Lower case with
 * accents kept; Hunspell accepts the capitalised and upper-case forms of a lower-case word.
 */
export function buildMedicalWordList(
  cim10Rows: Iterable<Cim10Row>,
  drugNames: Iterable<string>,
  userWords: Iterable<string> = [],
): string[] {
  const words = new Set<string>();
  for (const row of cim10Rows)
    for (const w of wordsOf(row.label.replace(/\*{3}[^*]*\*{3}/g, ' '))) words.add(w);
  for (const name of drugNames) for (const w of wordsOf(name)) words.add(w);
  for (const word of userWords) for (const w of wordsOf(word)) words.add(w);
  return [...words].sort(new Intl.Collator('fr').compare);
}

/** The word list in the format of nspell's `personal()` dictionary: one word a line. */
export function personalDictionary(words: readonly string[]): string {
  return words.length === 0 ? '' : `${words.join('\n')}\n`;
}
