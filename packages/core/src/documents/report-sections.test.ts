import { describe, expect, it } from 'vitest';
import { reportSectionOfHeading, reportSectionsFromContent } from './report-sections.ts';
import type { RichTextDoc } from './rich-text.ts';

const h = (text: string) => ({ type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text }] });
const p = (text?: string) => ({ type: 'paragraph', content: text ? [{ type: 'text', text }] : [] });

describe('report sections read from the headings of the text', () => {
  it('knows a section by its French or English heading, accents and colon optional', () => {
    expect(reportSectionOfHeading('Motif de consultation')).toBe('reason');
    expect(reportSectionOfHeading('EXAMEN CLINIQUE :')).toBe('examination');
    expect(reportSectionOfHeading('Conduite a tenir')).toBe('plan');
    expect(reportSectionOfHeading('Post-operative instructions')).toBe('post_operative_instructions');
    expect(reportSectionOfHeading("Description de l'intervention")).toBe('procedure');
    expect(reportSectionOfHeading('Consignes post-opératoires')).toBe('post_operative_instructions');
    expect(reportSectionOfHeading('Incidents per-opératoires')).toBe('incidents');
    expect(reportSectionOfHeading('Compte rendu de consultation')).toBeNull();
  });

  it('takes what follows a heading up to the next one, and leaves empty sections out', () => {
    const doc: RichTextDoc = {
      type: 'doc',
      content: [
        h('Compte rendu de consultation'),
        p('Mme LEROY, 41 ans'),
        h('Motif de consultation'),
        p('Douleurs thoraciques'),
        p('depuis 3 jours.'),
        h('Examen clinique'),
        p(),
        h('Conclusion'),
        { type: 'bulletList', content: [{ type: 'listItem', content: [p('Angor stable')] }] },
      ],
    };
    expect(reportSectionsFromContent(doc)).toEqual({
      reason: 'Douleurs thoraciques\ndepuis 3 jours.',
      conclusion: 'Angor stable',
    });
  });
});
