import { mergeFieldNodeType, type RichTextDoc, type RichTextNode, richTextPlainText } from './rich-text.ts';
import { type Token, tokenize } from './term-tokens.ts';

/** A range of offsets in a document's plain text. */
export interface TextRange {
  start: number;
  end: number;
}

/** `{{field}}` in a template's text: the place of a value, not a word of the template. */
const fieldPattern = /\{\{[^{}]*\}\}/g;

/**
 * The template's own words, as text: its headings and fixed sentences, each merge field replaced
 * by a line break (the value filled in is the patient's, not the template's).
 */
export function templateFixedText(template: RichTextDoc): string {
  const withoutChips = (node: RichTextNode): RichTextNode =>
    node.type === mergeFieldNodeType
      ? { type: 'hardBreak' }
      : node.content
        ? { ...node, content: node.content.map(withoutChips) }
        : node;
  return richTextPlainText(withoutChips(template)).replace(fieldPattern, '\n');
}

/**
 * Words Pivot itself writes into a document: a merge field left as a chip (`{{patient.weight}}`)
 * and the marker of a value missing when the template was filled (`[à compléter : Poids]`).
 */
const pivotMarkers = /\{\{[^{}]*\}\}|\[(?:à compléter|missing) ?: [^\]\n]*\]/g;

/**
 * The longest common subsequence of the two token lists, leftmost in the document: indexes of the
 * document's tokens matched by a template token. A sentence of the template that the secretary
 * completed ("pour avis et prise en charge de son diabète") keeps its words as the template's,
 * and what she added is hers.
 */
function alignedTokens(document: readonly Token[], template: readonly Token[]): Set<number> {
  const n = document.length;
  const m = template.length;
  const matched = new Set<number>();
  if (n === 0 || m === 0) return matched;
  // suffix[i][j]: the longest common subsequence of document[i..] and template[j..].
  const width = m + 1;
  const suffix = new Uint32Array((n + 1) * width);
  for (let i = n - 1; i >= 0; i--)
    for (let j = m - 1; j >= 0; j--)
      suffix[i * width + j] =
        document[i]!.key === template[j]!.key
          ? suffix[(i + 1) * width + j + 1]! + 1
          : Math.max(suffix[(i + 1) * width + j]!, suffix[i * width + j + 1]!);
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (
      document[i]!.key === template[j]!.key &&
      suffix[i * width + j] === suffix[(i + 1) * width + j + 1]! + 1
    ) {
      matched.add(i);
      i++;
      j++;
      // Passing a template word first keeps this document word for a later one: leftmost.
    } else if (suffix[i * width + j + 1]! >= suffix[(i + 1) * width + j]!) j++;
    else i++;
  }
  return matched;
}

/**
 * Where the words of the template are in a document's text: its words aligned with the template's
 * fixed text (headings, fixed sentences, the labels Pivot prints), the merge-field chips and
 * missing-value markers, and the names of the people it is about (`names`: the patient's names,
 * filled in by the merge fields, which CIM-10's eponyms would flag: "BERNARD", "Bernard-Soulier").
 * What remains was written about the patient.
 */
export function templateWordRanges(
  text: string,
  templateText: string,
  names: readonly string[] = [],
): TextRange[] {
  const ranges: TextRange[] = [];
  const tokens = tokenize(text);
  const nameKeys = new Set(names.flatMap((name) => tokenize(name).map((t) => t.key)));
  const aligned = alignedTokens(tokens, tokenize(templateText));
  const matched = new Set(tokens.flatMap((t, at) => (aligned.has(at) || nameKeys.has(t.key) ? [at] : [])));
  for (const [at, token] of tokens.entries()) {
    if (!matched.has(at)) continue;
    const last = ranges[ranges.length - 1];
    // Neighbouring words of the template make one range ("Motif de l'hospitalisation").
    if (last && matched.has(at - 1) && /^[^\p{L}\p{N}]*$/u.test(text.slice(last.end, token.start)))
      last.end = token.end;
    else ranges.push({ start: token.start, end: token.end });
  }
  for (const marker of text.matchAll(pivotMarkers))
    ranges.push({ start: marker.index, end: marker.index + marker[0].length });
  return ranges.sort((a, b) => a.start - b.start);
}

/** Whether a span lies wholly in the template's words (a term half written by the user is kept). */
export function isTemplateWording(span: TextRange, ranges: readonly TextRange[]): boolean {
  return ranges.some((r) => r.start <= span.start && span.end <= r.end);
}
