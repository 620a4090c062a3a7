import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { gunzipSync, gzipSync } from 'node:zlib';
import dictionaryFr from 'dictionary-fr';
import nspell from 'nspell';
import {
  cim10File,
  drugNamesFile,
  frenchWordFormsFile,
  medicalWordsFile,
  spellingDir,
} from './reference-files.ts';
import { WordSet } from './word-set.ts';

/**
 * The word lists of the spell-checker, built once and shipped in reference/spelling:
 * - the French word forms of `dictionary-fr`, expanded from its affix rules. nspell expands the
 *   Hunspell dictionary at every start (3 million forms, about 8 seconds); reading the expanded
 *   list back takes a few hundred milliseconds. The forms an elision prefix only adds ("l'",
 *   "d'", "qu'"...) are left out: 2.6 million of the 3 million, found again at look-up time
 *   through their bare word (`withoutElision`);
 * - the medical words of the CIM-10 labels and drug names (parsing the 7 MB CIM-10 file takes
 *   longer than reading the word forms).
 * Each list starts with the sha256 of what it was built from; a list that no longer matches is
 * ignored (the checker then builds its words at start, slowly) and a test says to rebuild it with
 * `node --import tsx packages/server/src/documents/build-spelling-lists.ts`.
 */

/** The special Hunspell flags a form keeps in the list; the others only drove the expansion. */
const keptFlags = ['KEEPCASE', 'NOSUGGEST', 'FORBIDDENWORD', 'ONLYINCOMPOUND'] as const;
export type KeptFlag = (typeof keptFlags)[number];

export interface WordForms {
  /** Forms without any special flag: nearly all of them. */
  plain: { has(form: string): boolean; readonly size: number } & Iterable<string>;
  /** Forms with special flags, by flag name (`KEEPCASE`...). */
  flagged: Map<string, KeptFlag[]>;
}

/**
 * An elided article or pronoun at the start of a word. The checker accepts any word after it
 * (nspell's expansion did too: it produced "l'requitteront" as well as "l'artère"), so the list
 * leaves out every form this prefix adds to a listed word.
 */
export const elision = /^(?:jusqu|lorsqu|puisqu|quoiqu|qu|[cdjlmnst]|ç)['’]/iu;
// French elision proper (before a vowel or a mute h): the forms suggestions may offer.
const elisionBeforeVowel = /^(?:jusqu|lorsqu|puisqu|quoiqu|qu|[cdjlmnst]|ç)'(?=[aeiouyhàâäéèêëîïôöùûüÿœæ])/iu;

/** The word without its elided article or pronoun before a vowel ("l'artère" → "artère"). */
export function withoutElision(word: string): string | undefined {
  const match = elisionBeforeVowel.exec(word);
  return match ? word.slice(match[0].length) : undefined;
}

function sha256(...parts: (string | Uint8Array)[]): string {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part);
  return hash.digest('hex');
}

/** sha256 of the installed dictionary-fr, to know whether the shipped forms still match it. */
export function dictionaryFingerprint(): string {
  return sha256(dictionaryFr.aff, dictionaryFr.dic);
}

/** sha256 of the CIM-10 and drug files the medical words come from. */
export function medicalFingerprint(): string {
  return sha256(readFileSync(cim10File), readFileSync(drugNamesFile));
}

/** Whether nspell accepts `word` given these forms: as is, or in sentence or lower case. */
function accepts(forms: ReadonlyMap<string, KeptFlag[]>, word: string): boolean {
  const usable = (form: string, exact: boolean) => {
    const flags = forms.get(form);
    return flags !== undefined && !flags.includes('FORBIDDENWORD') && (exact || !flags.includes('KEEPCASE'));
  };
  if (usable(word, true)) return true;
  if (word.toUpperCase() === word && usable(word.charAt(0) + word.slice(1).toLowerCase(), false)) return true;
  return word.toLowerCase() !== word && usable(word.toLowerCase(), false);
}

/** Expands dictionary-fr with nspell (seconds of CPU): what the shipped forms are built from. */
export function expandFrenchWordForms(): WordForms {
  const speller = nspell(dictionaryFr) as unknown as {
    data: Record<string, string[]>;
    flags: Record<string, string | undefined>;
  };
  const all = new Map<string, KeptFlag[]>();
  for (const [form, codes] of Object.entries(speller.data)) {
    all.set(
      form,
      keptFlags.filter((name) => speller.flags[name] !== undefined && codes.includes(speller.flags[name]!)),
    );
  }
  const plain = new Set<string>();
  const flagged = new Map<string, KeptFlag[]>();
  for (const [form, flags] of all) {
    const bare = elision.test(form) ? form.replace(elision, '') : undefined;
    if (flags.length > 0) flagged.set(form, flags);
    else if (bare === undefined || !accepts(all, bare)) plain.add(form);
  }
  return { plain, flagged };
}

/**
 * The medical words from the shipped CIM-10 and drug files (about a second, most of it loading the
 * domain core and parsing the CIM-10: imported here only when the shipped list is stale).
 */
export async function buildMedicalWords(): Promise<string[]> {
  const [{ buildMedicalWordList }, { medicalReference }] = await Promise.all([
    import('@pivot/core/documents'),
    import('./medical-reference.ts'),
  ]);
  const { cim10, drugNames } = medicalReference();
  return buildMedicalWordList(cim10, drugNames);
}

const formsHeader = '# pivot dictionary-fr forms v1 sha256=';
const flaggedHeader = '# flagged';
const medicalHeader = '# pivot medical words v1 sha256=';
const byCodePoint = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** One form a line, sorted (it compresses well); then the flagged forms, flags after a tab. */
export function writeSpellingLists(forms: WordForms, medicalWords: readonly string[]): void {
  const lines = [
    ...[...forms.plain].sort(byCodePoint),
    flaggedHeader,
    ...[...forms.flagged]
      .sort(([a], [b]) => byCodePoint(a, b))
      .map(([form, flags]) => `${form}\t${flags.join(',')}`),
  ];
  mkdirSync(spellingDir, { recursive: true });
  writeFileSync(
    frenchWordFormsFile,
    gzipSync(`${formsHeader}${dictionaryFingerprint()}\n${lines.join('\n')}\n`, { level: 9 }),
  );
  writeFileSync(medicalWordsFile, `${medicalHeader}${medicalFingerprint()}\n${medicalWords.join('\n')}\n`);
}

/** The text of a shipped list after its header, when the header names this fingerprint. */
function listBody(text: string, header: string): string | undefined {
  const firstLine = text.indexOf('\n');
  return firstLine >= 0 && text.slice(0, firstLine) === header ? text.slice(firstLine + 1) : undefined;
}

/** The shipped forms when built from the installed dictionary-fr, else `undefined`. */
export function readFrenchWordForms(): WordForms | undefined {
  if (!existsSync(frenchWordFormsFile)) return undefined;
  const body = listBody(
    gunzipSync(readFileSync(frenchWordFormsFile)).toString('utf8'),
    `${formsHeader}${dictionaryFingerprint()}`,
  );
  const split = body?.indexOf(`\n${flaggedHeader}\n`) ?? -1;
  if (body === undefined || split < 0) return undefined;
  const flagged = new Map<string, KeptFlag[]>();
  for (const line of body.slice(split + flaggedHeader.length + 2).split('\n')) {
    const tab = line.indexOf('\t');
    if (tab > 0) flagged.set(line.slice(0, tab), line.slice(tab + 1).split(',') as KeptFlag[]);
  }
  return { plain: new WordSet(body.slice(0, split + 1)), flagged };
}

/** The shipped medical words when built from the shipped CIM-10 and drug files, else `undefined`. */
export function readMedicalWords(): string[] | undefined {
  if (!existsSync(medicalWordsFile)) return undefined;
  const body = listBody(readFileSync(medicalWordsFile, 'utf8'), `${medicalHeader}${medicalFingerprint()}`);
  return body?.split('\n').filter((word) => word !== '');
}
