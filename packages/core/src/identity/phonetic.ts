import { foldDiacritics } from './traits.ts';

/** Letters only, upper case, no diacritics: the form names are compared in. */
export function lettersOnly(value: string): string {
  return foldDiacritics(value).replace(/[^A-Z]/g, '');
}

const vowel = '[AEIOUY]';

/**
 * Rewrite rules of the French phonetic key, applied in order. Hand-written in the spirit of
 * Soundex 2 and Phonex (which are tuned for French), without their 4-letter truncation: the key
 * serves duplicate detection, where truncation merges too many different people.
 */
const rules: Array<[RegExp, string]> = [
  [/Y/g, 'I'],
  [/PH/g, 'F'],
  [/SCH/g, 'CH'],
  [/SH/g, 'CH'],
  [/CH(?=[RL])/g, 'K'],
  [/CH/g, 'S'],
  [/([^CS])H/g, '$1'],
  [/^H/g, ''],
  // Hard G before E/I (GUE, GUI) is kept apart from the soft G of GE, GI.
  [/GU(?=[EI])/g, 'g'],
  [/G(?=[EI])/g, 'J'],
  [/g/g, 'G'],
  [/QU/g, 'K'],
  [/Q/g, 'K'],
  [/SC(?=[EI])/g, 'S'],
  [/C(?=[EI])/g, 'S'],
  [/CK/g, 'K'],
  [/C/g, 'K'],
  [/X$/g, ''],
  [/X/g, 'KS'],
  [/EAU/g, 'O'],
  [/AU/g, 'O'],
  [/OE/g, 'E'],
  [/[AE]I/g, 'E'],
  [/OI/g, 'OA'],
  [/(ER|EZ|ET)$/g, 'E'],
  [new RegExp(`(AI|EI)N(?!${vowel})`, 'g'), 'IN'],
  [new RegExp(`(A|E)[NM](?!${vowel}|N|M)`, 'g'), 'AN'],
  [new RegExp(`(I|U)[NM](?!${vowel}|N|M)`, 'g'), 'IN'],
  [new RegExp(`O[NM](?!${vowel}|N|M)`, 'g'), 'ON'],
  [/W/g, 'V'],
  [/Z/g, 'S'],
  [/BV/g, 'V'],
  [/PF/g, 'F'],
  [/GN/g, 'N'],
  [/(.)\1+/g, '$1'],
  [/E$/g, ''],
  [/[STDX]+$/g, ''],
  [/(.)\1+/g, '$1'],
];

/**
 * French phonetic key of one word, so that spellings pronounced alike compare equal
 * (LEFEBVRE ~ LEFEVRE, DUPONT ~ DUPOND, GAUTIER ~ GAUTHIER, PHILIPPE ~ FILIPE).
 * Returns '' for a word without letters.
 */
export function phoneticKey(word: string): string {
  let key = lettersOnly(word);
  if (key === '') return '';
  for (const [pattern, replacement] of rules) key = key.replace(pattern, replacement);
  return key === '' ? lettersOnly(word).slice(0, 1) : key;
}

/** Phonetic keys of each word of a name (words split on space, hyphen, apostrophe). */
export function phoneticKeys(name: string): string[] {
  return foldDiacritics(name)
    .split(/[\s'-]+/)
    .map(phoneticKey)
    .filter((key) => key !== '');
}

/** True when the two names sound alike, word for word or taken whole. */
export function soundsAlike(a: string, b: string): boolean {
  const keyA = phoneticKey(a);
  return keyA !== '' && keyA === phoneticKey(b);
}
