import { mergeFieldNodeType, type RichTextDoc, type RichTextNode } from './rich-text.ts';

/** Nodes that take one position in the editor and hold no text. */
const leafTypes = new Set([mergeFieldNodeType, 'hardBreak', 'horizontalRule', 'image']);
const textBlockTypes = new Set(['paragraph', 'heading', 'codeBlock']);
const placeholder = /\{\{[^{}]*\}\}/g;

export interface SpellingText {
  /** The words to check: text blocks on lines of their own, merge fields blanked out. */
  text: string;
  /** For each character of `text`, its position in the editor (ProseMirror), -1 between blocks. */
  positions: number[];
}

/**
 * The text of a document for the spell-checker, with the editor position of each character, so
 * that the misspellings the server finds (offsets in this text) are underlined in the editor.
 * Positions follow ProseMirror's counting: a node with content takes one position to open and one
 * to close, a text one per character (UTF-16 unit), a leaf (merge field, line break) one.
 * Merge fields — chips or `{{field}}` typed as text — are blanked: "patient.fullName" is no word.
 */
export function spellingText(doc: RichTextDoc): SpellingText {
  let text = '';
  const positions: number[] = [];
  const add = (chars: string, from: number) => {
    text += chars;
    for (let i = 0; i < chars.length; i++) positions.push(from + i);
  };
  const walk = (node: RichTextNode, at: number, inTextBlock: boolean): number => {
    if (node.type === 'text') {
      const value = node.text ?? '';
      add(inTextBlock ? value : '', at);
      return at + value.length;
    }
    if (leafTypes.has(node.type)) {
      if (inTextBlock) add(node.type === 'hardBreak' ? '\n' : ' ', at);
      return at + 1;
    }
    const textBlock = textBlockTypes.has(node.type);
    if (textBlock && text !== '') {
      text += '\n';
      positions.push(-1);
    }
    const blockStart = text.length;
    let inner = at + 1;
    for (const child of node.content ?? []) inner = walk(child, inner, inTextBlock || textBlock);
    if (textBlock) {
      const own = text.slice(blockStart).replace(placeholder, (field) => ' '.repeat(field.length));
      text = text.slice(0, blockStart) + own;
    }
    return inner + 1;
  };
  let at = 0;
  for (const child of doc.content) at = walk(child, at, false);
  return { text, positions };
}

/** The editor range of a span of the spelling text (`end` exclusive), or null across blocks. */
export function spellingRange(
  spelling: SpellingText,
  start: number,
  end: number,
): { from: number; to: number } | null {
  const from = spelling.positions[start];
  const last = spelling.positions[end - 1];
  if (from === undefined || last === undefined || from < 0 || last < 0 || last - from !== end - 1 - start)
    return null;
  return { from, to: last + 1 };
}
