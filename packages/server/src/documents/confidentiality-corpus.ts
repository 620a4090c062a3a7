import { readFileSync } from 'node:fs';
import {
  findWrittenMedicalTerms,
  isDocumentKind,
  type MedicalTermIndex,
  printedLabels,
  type TextRange,
  templateWordRanges,
} from '@pivot/core/documents';

/**
 * The confidentiality check measured on invented French letters (`confidentiality-corpus.json`):
 * consultation letters, certificates, liaison letters, prescriptions and administrative letters,
 * each with the spans a careful secretary expects flagged marked `[[…]]`. Read by its test
 * (floors on precision and recall) and by the bench suite `confidentiality`.
 */
interface CorpusFile {
  templates: Record<string, string>;
  /** The practice's and practitioners' names, filled in by the merge fields of every letter. */
  staff: string[];
  letters: { id: string; kind: string; template: string; names: string[]; text: string }[];
}

export interface CorpusLetter {
  id: string;
  text: string;
  expected: TextRange[];
  /** The template's fixed text and the labels Pivot prints for the kind. */
  templateText: string;
  names: string[];
}

/** `[[…]]` marks an expected span; the marks are taken out of the text. */
function unmark(marked: string): { text: string; expected: TextRange[] } {
  const expected: TextRange[] = [];
  let text = '';
  let at = 0;
  for (const match of marked.matchAll(/\[\[([^\]]+)\]\]/g)) {
    text += marked.slice(at, match.index);
    expected.push({ start: text.length, end: text.length + match[1]!.length });
    text += match[1];
    at = match.index + match[0].length;
  }
  return { text: text + marked.slice(at), expected };
}

export function readConfidentialityCorpus(): CorpusLetter[] {
  const file = JSON.parse(
    readFileSync(new URL('./confidentiality-corpus.json', import.meta.url), 'utf8'),
  ) as CorpusFile;
  return file.letters.map((letter) => {
    if (!isDocumentKind(letter.kind)) throw new Error(`${letter.id}: unknown kind ${letter.kind}`);
    const template = file.templates[letter.template];
    if (template === undefined) throw new Error(`${letter.id}: unknown template ${letter.template}`);
    return {
      id: letter.id,
      ...unmark(letter.text),
      templateText: [template, ...printedLabels(letter.kind, 'fr')].join('\n'),
      names: [...letter.names, ...file.staff],
    };
  });
}

export interface CorpusScore {
  letters: number;
  expected: number;
  flagged: number;
  /** Flagged spans that overlap an expected one, over all flagged spans. */
  precision: number;
  /** Expected spans overlapped by a flagged one, over all expected spans. */
  recall: number;
  msPerLetter: number;
  missed: { id: string; text: string }[];
  falseAlarms: { id: string; text: string }[];
}

const overlaps = (a: TextRange, b: TextRange) => a.start < b.end && b.start < a.end;

/** Runs the check as the server does (template words and the patient's names left out) on each letter. */
export function scoreConfidentialityCorpus(
  index: MedicalTermIndex,
  letters: CorpusLetter[] = readConfidentialityCorpus(),
  rounds = 1,
): CorpusScore {
  let expected = 0;
  let flagged = 0;
  let truePositives = 0;
  let found = 0;
  const missed: CorpusScore['missed'] = [];
  const falseAlarms: CorpusScore['falseAlarms'] = [];
  const started = performance.now();
  for (let round = 0; round < rounds; round++)
    for (const letter of letters) {
      const ranges = templateWordRanges(letter.text, letter.templateText, letter.names);
      const spans = findWrittenMedicalTerms(letter.text, index, ranges);
      if (round > 0) continue;
      expected += letter.expected.length;
      flagged += spans.length;
      for (const span of spans) {
        if (letter.expected.some((e) => overlaps(e, span))) truePositives++;
        else falseAlarms.push({ id: letter.id, text: span.text });
      }
      for (const e of letter.expected) {
        if (spans.some((span) => overlaps(e, span))) found++;
        else missed.push({ id: letter.id, text: letter.text.slice(e.start, e.end) });
      }
    }
  const elapsed = performance.now() - started;
  return {
    letters: letters.length,
    expected,
    flagged,
    precision: flagged === 0 ? 1 : truePositives / flagged,
    recall: expected === 0 ? 1 : found / expected,
    msPerLetter: elapsed / (letters.length * rounds),
    missed,
    falseAlarms,
  };
}
