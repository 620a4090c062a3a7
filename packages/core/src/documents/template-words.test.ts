import { describe, expect, it } from 'vitest';
import { buildMedicalTermIndex, checkBeforeSending, findWrittenMedicalTerms } from './confidentiality.ts';
import { printedContent, printedLabels } from './prescription-print.ts';
import { richTextPlainText } from './rich-text.ts';
import { isTemplateWording, templateFixedText, templateWordRanges } from './template-words.ts';

const index = buildMedicalTermIndex(
  [
    { code: 'R69', label: 'Constatation anormale, sans précision' },
    { code: 'Z75', label: 'Demande de prise en charge' },
    { code: 'E11', label: 'Diabète de type 2' },
    { code: 'Z518', label: 'Autres soins, prise en charge' },
  ],
  ['METFORMINE'],
  // Terms a practice may add: the words of its own templates must still not be flagged.
  ['demande de prise en charge', 'demande', 'prise en charge'],
);

const certificateTemplate = {
  type: 'doc' as const,
  content: [
    { type: 'heading', attrs: { level: 1 }, content: [{ type: 'text', text: 'Certificat médical' }] },
    {
      type: 'paragraph',
      content: [
        { type: 'text', text: 'Je certifie avoir examiné ' },
        { type: 'mergeField', attrs: { field: 'patient.fullName' } },
        { type: 'text', text: ', né(e) le {{patient.birthDate}}.' },
      ],
    },
    {
      type: 'paragraph',
      content: [
        {
          type: 'text',
          text: 'Certificat établi à la demande de l’intéressé(e), pour avis et prise en charge.',
        },
      ],
    },
  ],
};

describe('templateFixedText', () => {
  it('keeps headings and fixed sentences and drops the merge fields, chips and {{…}} alike', () => {
    const text = templateFixedText(certificateTemplate);
    expect(text).toContain('Certificat médical');
    expect(text).toContain('Je certifie avoir examiné');
    expect(text).not.toContain('patient.fullName');
    expect(text).not.toContain('patient.birthDate');
  });
});

describe('templateWordRanges', () => {
  const template = templateFixedText(certificateTemplate);

  it('does not flag the template’s own words (“demande”, “prise en charge”)', () => {
    const text =
      'Certificat médical\nJe certifie avoir examiné Marie DURAND, née le 02/03/1970.\n' +
      'Certificat établi à la demande de l’intéressée, pour avis et prise en charge.';
    const ranges = templateWordRanges(text, template);
    expect(findWrittenMedicalTerms(text, index, ranges)).toEqual([]);
    expect(findWrittenMedicalTerms(text, index).map((s) => s.text)).toEqual(['demande', 'prise en charge']);
  });

  it('flags what the secretary added to a template sentence, not the sentence’s words', () => {
    const text =
      'Certificat établi à la demande de l’intéressée, pour avis et prise en charge de son diabète de type 2.';
    const spans = findWrittenMedicalTerms(text, index, templateWordRanges(text, template));
    expect(spans.map((s) => s.text)).toEqual(['diabète de type 2']);
  });

  it('flags a template word written a second time about the patient', () => {
    const text =
      'Certificat établi à la demande de l’intéressée, pour avis et prise en charge.\n' +
      'Nouvelle demande de prise en charge en cours.';
    const spans = findWrittenMedicalTerms(text, index, templateWordRanges(text, template));
    expect(spans.map((s) => [s.text, s.start > 80])).toEqual([['demande de prise en charge', true]]);
  });

  it('treats the missing-value markers and merge-field chips as Pivot’s words', () => {
    const text = 'Poids : [à compléter : Poids], {{patient.weight}}, sous metformine.';
    const ranges = templateWordRanges(text, '');
    expect(ranges.map((r) => text.slice(r.start, r.end))).toEqual([
      '[à compléter : Poids]',
      '{{patient.weight}}',
    ]);
    expect(findWrittenMedicalTerms(text, index, ranges).map((s) => s.text)).toEqual(['metformine']);
  });

  it('leaves out the labels Pivot prints for a certificate (“Constatations”), not the findings', () => {
    const printed = printedContent(
      { type: 'doc', content: [] },
      'certificate',
      { certificate: { observations: 'Constatation anormale du diabète', handedOver: true } },
      'fr',
    );
    const text = richTextPlainText(printed);
    const ranges = templateWordRanges(text, printedLabels('certificate', 'fr').join('\n'));
    expect(findWrittenMedicalTerms(text, index, ranges).map((s) => s.text)).toEqual([
      'Constatation anormale',
      'diabète',
    ]);
    expect(text.startsWith('Constatations :')).toBe(true);
  });

  it('counts a term as the template’s only when all of it is', () => {
    expect(isTemplateWording({ start: 2, end: 6 }, [{ start: 0, end: 6 }])).toBe(true);
    expect(isTemplateWording({ start: 2, end: 9 }, [{ start: 0, end: 6 }])).toBe(false);
  });

  it('lets checkBeforeSending leave the template’s words out', () => {
    const text = 'Certificat établi à la demande de l’intéressée, pour avis et prise en charge.';
    const ranges = templateWordRanges(text, template);
    expect(checkBeforeSending(text, { category: 'employer' }, index, [], ranges)).toEqual({
      needsConfirmation: false,
      spans: [],
    });
  });
});
