import {
  expandSnippetAt,
  mergeFieldNodeType,
  type RichTextDoc,
  type RichTextNode,
  richTextPlainText,
  type Snippet,
} from '@pivot/core/documents';
import { Extension, mergeAttributes, Node } from '@tiptap/core';
import { TableKit } from '@tiptap/extension-table';
import type { Schema } from '@tiptap/pm/model';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import StarterKit from '@tiptap/starter-kit';

/**
 * A merge field chip (`{ type: 'mergeField', attrs: { field } }`, the core's node): one unit the
 * cursor steps over, filled in when a document is created from the template.
 */
export const MergeField = Node.create({
  name: mergeFieldNodeType,
  group: 'inline',
  inline: true,
  atom: true,
  selectable: true,
  addAttributes() {
    return {
      field: {
        default: '',
        parseHTML: (element) => element.getAttribute('data-merge-field') ?? '',
        renderHTML: (attributes) => ({ 'data-merge-field': String(attributes.field) }),
      },
    };
  },
  parseHTML() {
    return [{ tag: 'span[data-merge-field]' }];
  },
  renderHTML({ node, HTMLAttributes }) {
    return [
      'span',
      mergeAttributes(HTMLAttributes, { class: 'pivot-merge-field' }),
      `{{${node.attrs.field}}}`,
    ];
  },
  renderText({ node }) {
    return `{{${node.attrs.field}}}`;
  },
});

/** Typing a snippet's shortcut then a space or Tab replaces it with the snippet's text. */
export const SnippetExpansion = Extension.create<{ snippets: () => readonly Snippet[] }>({
  name: 'snippetExpansion',
  addOptions() {
    return { snippets: () => [] };
  },
  addKeyboardShortcuts() {
    const expand = (space: boolean) => {
      const { state } = this.editor;
      const { $from, empty } = state.selection;
      if (!empty || !$from.parent.isTextblock) return false;
      const before = $from.parent.textBetween(0, $from.parentOffset, undefined, '\ufffc');
      const expansion = expandSnippetAt(before, before.length, this.options.snippets());
      if (!expansion) return false;
      const shortcutLength = before.length - (expansion.caret - expansion.snippet.text.length);
      return this.editor
        .chain()
        .insertContentAt(
          { from: $from.pos - shortcutLength, to: $from.pos },
          expansion.snippet.text + (space ? ' ' : ''),
        )
        .run();
    };
    return { Space: () => expand(true), Tab: () => expand(false) };
  },
});

export interface MisspeltRange {
  from: number;
  to: number;
  word: string;
}

export const spellingKey = new PluginKey<DecorationSet>('spelling');

/**
 * Underlines the misspelt words the server found. The ranges are set with a transaction meta
 * (`spellingKey`) and follow the text as the user types until the next check replaces them.
 */
export const Spelling = Extension.create({
  name: 'spelling',
  addProseMirrorPlugins() {
    return [
      new Plugin<DecorationSet>({
        key: spellingKey,
        state: {
          init: () => DecorationSet.empty,
          apply(tr, set) {
            const ranges = tr.getMeta(spellingKey) as MisspeltRange[] | undefined;
            if (ranges)
              return DecorationSet.create(
                tr.doc,
                ranges.map((r) =>
                  Decoration.inline(r.from, r.to, { class: 'pivot-misspelt', 'data-word': r.word }, r),
                ),
              );
            return set.map(tr.mapping, tr.doc);
          },
        },
        props: {
          decorations: (state) => spellingKey.getState(state),
        },
      }),
    ];
  },
});

/** The misspelt word under a position, if the last check underlined one there. */
export function misspeltAt(set: DecorationSet | undefined, pos: number): MisspeltRange | null {
  const found = set?.find(pos, pos)[0];
  return found ? { from: found.from, to: found.to, word: String((found.spec as MisspeltRange).word) } : null;
}

/**
 * What a document may hold, as the PDF and DOCX output render it: headings, paragraphs, bold and
 * italic, bullet and numbered lists, tables, line breaks, merge fields.
 */
export function documentExtensions(snippets: () => readonly Snippet[]) {
  return [
    StarterKit.configure({
      heading: { levels: [1, 2, 3] },
      blockquote: false,
      code: false,
      codeBlock: false,
      horizontalRule: false,
      link: false,
      strike: false,
      underline: false,
    }),
    TableKit.configure({ table: { resizable: false } }),
    MergeField,
    SnippetExpansion.configure({ snippets }),
    Spelling,
  ];
}

function fit(node: RichTextNode, schema: Schema, inTextblock: boolean): RichTextNode[] {
  if (node.type === 'text') {
    if (!node.text) return [];
    const marks = node.marks?.filter((m) => schema.marks[m.type] !== undefined);
    const { marks: _dropped, ...rest } = node;
    return [marks && marks.length > 0 ? { ...rest, marks } : rest];
  }
  const type = schema.nodes[node.type];
  const children = (node.content ?? []).flatMap((child) =>
    fit(child, schema, type ? type.isTextblock : inTextblock),
  );
  if (type) return [node.content ? { ...node, content: children } : node];
  // A node this editor does not know (made by another tool through the API): its text is kept.
  if (children.length === 0 || inTextblock) return children;
  const inline = children.every((c) => c.type === 'text' || schema.nodes[c.type]?.isInline);
  return inline ? [{ type: 'paragraph', content: children }] : children;
}

/**
 * The stored document as this editor can hold it. ProseMirror refuses a document with a node or
 * mark its schema lacks, and TipTap then shows an empty page that a save would store: unknown
 * marks are dropped, unknown nodes give way to their text, and a document still refused is
 * shown as its plain text, one paragraph a line — the text is never lost.
 */
export function editorDoc(doc: RichTextDoc, schema: Schema): RichTextDoc {
  const fitted: RichTextDoc = { type: 'doc', content: doc.content.flatMap((n) => fit(n, schema, false)) };
  if (fitted.content.length === 0) fitted.content = [{ type: 'paragraph' }];
  try {
    schema.nodeFromJSON(fitted).check();
    return fitted;
  } catch {
    return {
      type: 'doc',
      content: richTextPlainText(doc)
        .split('\n')
        .map((line) => ({ type: 'paragraph', content: line ? [{ type: 'text', text: line }] : [] })),
    };
  }
}
