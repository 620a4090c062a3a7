import { describe, expect, it } from 'vitest';
import type { RichTextDoc } from './rich-text.ts';
import { spellingRange, spellingText } from './spelling-text.ts';

const doc: RichTextDoc = {
  type: 'doc',
  content: [
    { type: 'heading', attrs: { level: 1 }, content: [{ type: 'text', text: 'Compte rendu' }] },
    {
      type: 'paragraph',
      content: [
        { type: 'text', text: 'Chère ' },
        { type: 'mergeField', attrs: { field: 'patient.fullName' } },
        { type: 'text', text: ', une ' },
        { type: 'text', text: 'hyper', marks: [{ type: 'bold' }] },
        { type: 'text', text: 'tention' },
      ],
    },
    {
      type: 'bulletList',
      content: [
        {
          type: 'listItem',
          content: [
            { type: 'paragraph', content: [{ type: 'text', text: 'Dr {{practitioner.fullName}} vu' }] },
          ],
        },
      ],
    },
    { type: 'paragraph' },
    {
      type: 'table',
      content: [
        {
          type: 'tableRow',
          content: [
            {
              type: 'tableCell',
              content: [{ type: 'paragraph', content: [{ type: 'text', text: 'amlo' }] }],
            },
            {
              type: 'tableCell',
              content: [{ type: 'paragraph', content: [{ type: 'text', text: '5 mg' }] }],
            },
          ],
        },
      ],
    },
  ],
};

describe('spelling text of a document', () => {
  const spelling = spellingText(doc);
  const rangeOf = (word: string) => {
    const start = spelling.text.indexOf(word);
    return spellingRange(spelling, start, start + word.length);
  };

  it('puts each text block on its own line and blanks out merge fields', () => {
    expect(spelling.text).toBe(
      `Compte rendu\nChère  , une hypertention\nDr ${' '.repeat(25)} vu\n\namlo\n5 mg`,
    );
    expect(spelling.positions).toHaveLength(spelling.text.length);
  });

  it('maps a word to its editor positions, across marks and after a merge-field chip', () => {
    // heading: 0 opens, text 1..13, closes 13 → 14; paragraph opens at 14, text from 15.
    expect(rangeOf('Compte')).toEqual({ from: 1, to: 7 });
    expect(rangeOf('Chère')).toEqual({ from: 15, to: 20 });
    // "Chère " 15..21, chip at 21, ", une " 22..28, "hyper" 28..33, "tention" 33..40.
    expect(rangeOf('hypertention')).toEqual({ from: 28, to: 40 });
  });

  it('maps words inside lists and table cells', () => {
    // paragraph closes at 40 → 41; bulletList opens 41, listItem 42, paragraph 43, text from 44.
    expect(rangeOf('Dr')).toEqual({ from: 44, to: 46 });
    const vu = rangeOf('vu');
    expect(vu).toEqual({ from: 44 + 29, to: 44 + 31 });
    // text ends 75, closes paragraph 76, listItem 77, bulletList 78; empty paragraph 78..80;
    // table opens 80, row 81, cell 82, paragraph 83, text from 84.
    expect(rangeOf('amlo')).toEqual({ from: 84, to: 88 });
  });

  it('refuses a span that crosses two blocks', () => {
    const start = spelling.text.indexOf('rendu');
    expect(spellingRange(spelling, start, start + 8)).toBeNull();
  });
});
