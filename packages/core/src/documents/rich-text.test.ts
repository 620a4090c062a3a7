import { describe, expect, it } from 'vitest';
import { type RichTextDoc, richTextDoc, richTextPlainText } from './rich-text.ts';

describe('rich text', () => {
  it('reads blocks as lines, hard breaks as line breaks and chips as {{field}}', () => {
    const doc: RichTextDoc = {
      type: 'doc',
      content: [
        { type: 'heading', attrs: { level: 1 }, content: [{ type: 'text', text: 'Ordonnance' }] },
        {
          type: 'paragraph',
          content: [
            { type: 'text', text: 'Pour ' },
            { type: 'mergeField', attrs: { field: 'patient.fullName' } },
            { type: 'hardBreak' },
            { type: 'text', text: 'le', marks: [{ type: 'bold' }] },
          ],
        },
        {
          type: 'bulletList',
          content: [
            { type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'a' }] }] },
            { type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'b' }] }] },
          ],
        },
      ],
    };
    expect(richTextPlainText(doc)).toBe('Ordonnance\nPour {{patient.fullName}}\nle\na\nb');
  });

  it('builds a document of plain paragraphs', () => {
    expect(richTextDoc('a', '')).toEqual({
      type: 'doc',
      content: [
        { type: 'paragraph', content: [{ type: 'text', text: 'a' }] },
        { type: 'paragraph', content: [] },
      ],
    });
  });
});
