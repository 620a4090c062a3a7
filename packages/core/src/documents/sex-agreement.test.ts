import { describe, expect, it } from 'vitest';
import { fillTemplate } from './merge-fields.ts';
import { familyNameCase, givenNameCase } from './name-case.ts';
import { formatPhoneNumber } from './phone-format.ts';
import { richTextDoc, richTextPlainText } from './rich-text.ts';
import { agreeWithSex } from './sex-agreement.ts';

describe('agreeWithSex', () => {
  it('agrees the participle, the noun, the civility and the pronoun with a woman', () => {
    expect(
      ['born', 'concerned', 'civility', 'pronoun'].map((w) => agreeWithSex(w as never, 'F', 'fr')),
    ).toEqual(['née', 'l’intéressée', 'Madame', 'elle']);
  });

  it('agrees them with a man', () => {
    expect(
      ['born', 'concerned', 'civility', 'pronoun'].map((w) => agreeWithSex(w as never, 'M', 'fr')),
    ).toEqual(['né', 'l’intéressé', 'Monsieur', 'il']);
  });

  it('keeps the inclusive forms when the sex is undetermined or unknown, and guesses no civility', () => {
    for (const sex of ['I', null, undefined] as const) {
      expect(agreeWithSex('born', sex, 'fr')).toBe('né(e)');
      expect(agreeWithSex('concerned', sex, 'fr')).toBe('l’intéressé(e)');
      expect(agreeWithSex('civility', sex, 'fr')).toBe('');
    }
  });
});

describe('names as printed', () => {
  it('capitalises a given name as a name, hyphens and spaces included', () => {
    expect(givenNameCase('MARIE-HÉLÈNE')).toBe('Marie-Hélène');
    expect(givenNameCase('jean pierre')).toBe('Jean Pierre');
    expect(givenNameCase('ÉLODIE')).toBe('Élodie');
  });

  it('keeps the birth name in capitals', () => {
    expect(familyNameCase('Le Gall')).toBe('LE GALL');
  });
});

describe('formatPhoneNumber', () => {
  it('prints a French number in the national format whatever its stored form', () => {
    expect(formatPhoneNumber('+33143000000')).toBe('01 43 00 00 00');
    expect(formatPhoneNumber('01.43.00.00.00')).toBe('01 43 00 00 00');
    expect(formatPhoneNumber('+262262123456')).toBe('0262 12 34 56');
  });

  it('prints a foreign number internationally and leaves what is not a number as typed', () => {
    expect(formatPhoneNumber('+442079460958')).toBe('+44 20 7946 0958');
    expect(formatPhoneNumber('poste 12')).toBe('poste 12');
    expect(formatPhoneNumber('')).toBeNull();
  });
});

describe('a letter filled for a woman', () => {
  it('says “Madame … née”, her given name as a name and the practice’s phone formatted', () => {
    const { doc } = fillTemplate(
      richTextDoc(
        '{{patient.civility}} {{patient.fullName}}, {{patient.born}} le {{patient.birthDate}}, à la demande de {{patient.concerned}}. {{patient.pronounCapitalized}} — tél. {{organization.phone}}',
      ),
      {
        documentDate: '2026-03-02',
        patient: { birthName: 'Durand', firstGivenName: 'MARIE-HÉLÈNE', birthDate: '1968-02-14', sex: 'F' },
        organization: { name: 'Cabinet', phone: '+33143000000' },
      },
      'fr',
    );
    expect(richTextPlainText(doc)).toBe(
      'Madame Marie-Hélène DURAND, née le 14/02/1968, à la demande de l’intéressée. Elle — tél. 01 43 00 00 00',
    );
  });
});
