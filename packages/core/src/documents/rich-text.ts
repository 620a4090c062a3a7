/**
 * Template and document content: a ProseMirror / TipTap JSON document. Core only walks it; the
 * editor schema (headings, lists, tables, marks) lives in the web package.
 */
export interface RichTextMark {
  type: string;
  attrs?: Record<string, unknown>;
}

export interface RichTextNode {
  type: string;
  attrs?: Record<string, unknown>;
  content?: RichTextNode[];
  text?: string;
  marks?: RichTextMark[];
}

export interface RichTextDoc extends RichTextNode {
  type: 'doc';
  content: RichTextNode[];
}

/** The node type the editor uses for a merge field chip: `{ type: 'mergeField', attrs: { field } }`. */
export const mergeFieldNodeType = 'mergeField';

const blockTypes = new Set([
  'paragraph',
  'heading',
  'listItem',
  'tableRow',
  'tableCell',
  'tableHeader',
  'blockquote',
  'codeBlock',
  'horizontalRule',
]);

export function richTextDoc(...paragraphs: string[]): RichTextDoc {
  return {
    type: 'doc',
    content: paragraphs.map((text) => ({
      type: 'paragraph',
      content: text === '' ? [] : [{ type: 'text', text }],
    })),
  };
}

/**
 * The text a reader sees, blocks separated by a line break, merge field chips shown as
 * `{{field}}`. Confidentiality spans are offsets in this text.
 */
export function richTextPlainText(node: RichTextNode): string {
  const parts: string[] = [];
  const walk = (n: RichTextNode): void => {
    if (n.type === 'text') {
      parts.push(n.text ?? '');
      return;
    }
    if (n.type === mergeFieldNodeType) {
      parts.push(`{{${String(n.attrs?.field ?? '')}}}`);
      return;
    }
    if (n.type === 'hardBreak') {
      parts.push('\n');
      return;
    }
    for (const child of n.content ?? []) walk(child);
    // A list item or table cell ends with its paragraph: one line break, not two.
    if (blockTypes.has(n.type) && parts[parts.length - 1] !== '\n') parts.push('\n');
  };
  walk(node);
  return parts.join('').replace(/\n+$/, '');
}

/** A copy of the tree with every node passed through `map` (children first). */
export function mapRichText(node: RichTextNode, map: (node: RichTextNode) => RichTextNode[]): RichTextNode[] {
  const children = node.content?.flatMap((child) => mapRichText(child, map));
  const copy: RichTextNode = children === undefined ? { ...node } : { ...node, content: children };
  return map(copy);
}
