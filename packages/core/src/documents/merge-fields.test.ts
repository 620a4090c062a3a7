import { describe, expect, it } from 'vitest';
import { errorMessage } from '../error-catalogue.ts';
import { DomainError } from '../errors/domain-error.ts';
import {
  ageAt,
  fillTemplate,
  formatAge,
  formatDate,
  isMergeField,
  type MergeContext,
  mergeFieldLabel,
  mergeFields,
  validateTemplate,
} from './merge-fields.ts';
import { type RichTextDoc, richTextDoc, richTextPlainText } from './rich-text.ts';

const context: MergeContext = {
  documentDate: '2025-06-15',
  patient: {
    birthName: 'MARTIN',
    firstGivenName: 'MARIE',
    birthGivenNames: ['MARIE', 'LOUISE'],
    usedName: 'DURAND',
    birthDate: '1980-02-29',
    sex: 'F',
    weightKg: 61.5,
  },
  practitioner: {
    title: 'Dr',
    firstName: 'Jean',
    lastName: 'DUPONT',
    specialty: 'Cardiologie',
    rpps: '10003456789',
    address: { line1: '12 rue de la Paix', postalCode: '75002', city: 'Paris', country: 'France' },
  },
  organization: { name: 'Cabinet du Parc' },
  appointment: { start: '2025-07-01T07:30:00Z', typeLabel: 'Consultation' },
};

function caught(fn: () => unknown): DomainError {
  try {
    fn();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected a DomainError');
}

function text(doc: RichTextDoc): string {
  return richTextPlainText(doc);
}

describe('merge field catalogue', () => {
  it('labels every field in French and English for the insert list', () => {
    expect(mergeFields.length).toBeGreaterThan(25);
    for (const field of mergeFields) {
      expect(field.labels.fr).not.toBe('');
      expect(field.labels.en).not.toBe('');
    }
    expect(new Set(mergeFields.map((f) => f.field)).size).toBe(mergeFields.length);
  });

  it('covers patient, practitioner, organisation, appointment and dates', () => {
    for (const field of [
      'patient.birthName',
      'patient.age',
      'practitioner.rpps',
      'organization.name',
      'appointment.date',
      'today',
    ]) {
      expect(isMergeField(field)).toBe(true);
    }
    expect(new Set(mergeFields.map((f) => f.group))).toEqual(
      new Set(['patient', 'practitioner', 'organization', 'appointment', 'dates']),
    );
  });

  it('names a field by its label in the language asked', () => {
    expect(mergeFieldLabel('patient.birthName', 'fr')).toBe('Nom de naissance');
    expect(mergeFieldLabel('patient.birthName', 'en')).toBe('Birth name');
  });
});

describe('validateTemplate', () => {
  it('accepts known fields written as text and as merge field nodes', () => {
    const doc: RichTextDoc = {
      type: 'doc',
      content: [
        {
          type: 'paragraph',
          content: [
            { type: 'text', text: 'Patient : {{patient.birthName}} né(e) le {{ patient.birthDate }} ' },
            { type: 'mergeField', attrs: { field: 'practitioner.rpps' } },
          ],
        },
      ],
    };
    expect(validateTemplate(doc)).toEqual(['patient.birthName', 'patient.birthDate', 'practitioner.rpps']);
  });

  it('refuses an unknown merge field in text at save, naming it', () => {
    const error = caught(() => validateTemplate(richTextDoc('Bonjour {{patient.nickname}}')));
    expect(error.code).toBe('unknown_merge_field');
    expect(error.params.name).toBe('patient.nickname');
    expect(errorMessage(error.code, 'fr', error.params)).toContain('patient.nickname');
  });

  it('refuses an unknown merge field node, naming it', () => {
    const doc: RichTextDoc = {
      type: 'doc',
      content: [
        { type: 'paragraph', content: [{ type: 'mergeField', attrs: { field: 'patient.shoeSize' } }] },
      ],
    };
    expect(caught(() => validateTemplate(doc)).params.name).toBe('patient.shoeSize');
  });

  it('refuses an unknown field nested deep in a table', () => {
    const doc: RichTextDoc = {
      type: 'doc',
      content: [
        {
          type: 'table',
          content: [
            {
              type: 'tableRow',
              content: [{ type: 'tableCell', content: richTextDoc('{{foo.bar}}').content }],
            },
          ],
        },
      ],
    };
    expect(caught(() => validateTemplate(doc)).params.name).toBe('foo.bar');
  });

  it('refuses an unclosed merge field', () => {
    expect(caught(() => validateTemplate(richTextDoc('Cher {{patient.birthName'))).code).toBe(
      'merge_field_unclosed',
    );
  });

  it('refuses content that is not an editor document', () => {
    expect(caught(() => validateTemplate({ type: 'paragraph' } as unknown as RichTextDoc)).code).toBe(
      'template_not_a_document',
    );
  });

  it('sees a field split over text nodes with different marks as one field', () => {
    const doc: RichTextDoc = {
      type: 'doc',
      content: [
        {
          type: 'paragraph',
          content: [
            { type: 'text', text: 'Nom : {{patient.' },
            { type: 'text', text: 'birthName}}', marks: [{ type: 'bold' }] },
          ],
        },
      ],
    };
    expect(validateTemplate(doc)).toEqual(['patient.birthName']);
    expect(text(fillTemplate(doc, context, 'fr').doc)).toBe('Nom : MARTIN');
  });
});

describe('fillTemplate', () => {
  it('replaces text fields and merge field nodes with the values', () => {
    const doc: RichTextDoc = {
      type: 'doc',
      content: [
        {
          type: 'paragraph',
          content: [
            { type: 'text', text: '{{patient.civility}} {{patient.fullName}}, ' },
            { type: 'mergeField', attrs: { field: 'practitioner.fullName' }, marks: [{ type: 'italic' }] },
          ],
        },
      ],
    };
    const { doc: filled, missing } = fillTemplate(doc, context, 'fr');
    expect(text(filled)).toBe('Madame Marie MARTIN, Dr Jean DUPONT');
    expect(filled.content[0]!.content![1]).toEqual({
      type: 'text',
      text: 'Dr Jean DUPONT',
      marks: [{ type: 'italic' }],
    });
    expect(missing).toEqual([]);
  });

  it('formats dates dd/mm/yyyy in French and in words in English', () => {
    const doc = richTextDoc('{{patient.birthDate}} {{today}}');
    expect(text(fillTemplate(doc, context, 'fr').doc)).toBe('29/02/1980 15/06/2025');
    expect(text(fillTemplate(doc, context, 'en').doc)).toBe('29 February 1980 15 June 2025');
    expect(formatDate('2025-01-05', 'fr')).toBe('05/01/2025');
  });

  it('writes the long document date in the language of the template', () => {
    expect(text(fillTemplate(richTextDoc('{{todayLong}}'), context, 'fr').doc)).toBe('15 juin 2025');
  });

  it('computes the age at the document date, not today', () => {
    const doc = richTextDoc('{{patient.age}}');
    expect(text(fillTemplate(doc, context, 'fr').doc)).toBe('45 ans');
    expect(text(fillTemplate(doc, { ...context, documentDate: '2025-02-27' }, 'en').doc)).toBe('44 years');
  });

  it('gives the age of a child under 2 in months and of a newborn in days', () => {
    expect(formatAge(ageAt('2024-01-10', '2025-06-15'), 'fr')).toBe('17 mois');
    expect(formatAge(ageAt('2025-06-01', '2025-06-15'), 'fr')).toBe('14 jours');
    expect(formatAge(ageAt('2025-05-14', '2025-06-15'), 'en')).toBe('1 month');
    expect(formatAge(ageAt('2020-06-15', '2025-06-15'), 'fr')).toBe('5 ans');
  });

  it('refuses an age when the birth date is after the document date', () => {
    expect(caught(() => ageAt('2026-01-01', '2025-06-15')).code).toBe('age_date_invalid');
  });

  it('leaves a missing value visibly marked and lists it', () => {
    const { doc, missing } = fillTemplate(
      richTextDoc('INS : {{patient.ins}} / {{practitioner.phone}}'),
      context,
      'fr',
    );
    expect(text(doc)).toBe('INS : [à compléter : INS] / [à compléter : Téléphone du praticien]');
    expect(missing).toEqual(['patient.ins', 'practitioner.phone']);
    const en = fillTemplate(richTextDoc('{{patient.ins}}'), context, 'en');
    expect(text(en.doc)).toBe('[missing: INS]');
  });

  it('marks patient fields missing when no patient is given', () => {
    const { missing } = fillTemplate(
      richTextDoc('{{patient.birthName}} {{patient.age}}'),
      { documentDate: '2025-06-15' },
      'fr',
    );
    expect(missing).toEqual(['patient.birthName', 'patient.age']);
  });

  it('shows the appointment date and time in Paris time', () => {
    const doc = richTextDoc('{{appointment.date}} à {{appointment.time}}');
    expect(text(fillTemplate(doc, context, 'fr').doc)).toBe('01/07/2025 à 09h30');
    expect(text(fillTemplate(doc, context, 'en').doc)).toBe('1 July 2025 à 09:30');
  });

  it('writes addresses on one line and the weight with a French decimal comma', () => {
    const doc = richTextDoc('{{practitioner.address}} — {{patient.weight}}');
    expect(text(fillTemplate(doc, context, 'fr').doc)).toBe('12 rue de la Paix, 75002 Paris — 61,5 kg');
  });

  it('uses the birth name when no used name differs', () => {
    const ctx: MergeContext = { ...context, patient: { ...context.patient!, usedName: null } };
    expect(text(fillTemplate(richTextDoc('{{patient.usedName}}'), ctx, 'fr').doc)).toBe('MARTIN');
    expect(text(fillTemplate(richTextDoc('{{patient.usedName}}'), context, 'fr').doc)).toBe('DURAND');
  });

  it('drops a text node that becomes empty, as ProseMirror refuses empty text', () => {
    const ctx: MergeContext = { ...context, patient: { ...context.patient!, sex: 'I' } };
    const { doc } = fillTemplate(richTextDoc('{{patient.civility}}'), ctx, 'fr');
    expect(doc.content[0]!.content).toEqual([]);
  });

  it('does not change the template it fills', () => {
    const template = richTextDoc('{{patient.birthName}}');
    const copy = structuredClone(template);
    fillTemplate(template, context, 'fr');
    expect(template).toEqual(copy);
  });

  it('refuses to fill a template with an unknown field', () => {
    expect(caught(() => fillTemplate(richTextDoc('{{nope}}'), context, 'fr')).code).toBe(
      'unknown_merge_field',
    );
  });
});
