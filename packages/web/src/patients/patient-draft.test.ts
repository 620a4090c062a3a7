import { describe, expect, it } from 'vitest';
import { todayIso } from './model.ts';
import {
  bodyFromDraft,
  clientErrors,
  emptyDraft,
  firstGivenNamePreview,
  isMinorDraft,
  type PatientDraft,
  traitsFromDraft,
} from './PatientFormFields.tsx';

const draft = (over: Partial<PatientDraft> = {}): PatientDraft => ({
  ...emptyDraft,
  birthName: 'MARTIN',
  givenNames: 'Marie Claire',
  birthDate: '09/03/1980',
  sex: 'F',
  ...over,
});

/** dd/mm/yyyy of today plus `years` (negative for the past). */
const yearsFromToday = (years: number) => {
  const [y, m, d] = todayIso().split('-');
  return `${d}/${m}/${Number(y) + years}`;
};

describe('patient draft: instant checks', () => {
  it('finds nothing to say about a complete, plausible identity', () => {
    expect(clientErrors(draft({ nir: '1 80 03 75 123 456 92' }))).toEqual({});
  });

  it('flags a NIR whose key does not match once the 15 characters are typed, not before', () => {
    expect(clientErrors(draft({ nir: '180037512345693' })).nir).toBe('nirKey');
    expect(clientErrors(draft({ nir: '1800375123456' })).nir).toBeUndefined();
  });

  it('refuses a birth date in the future and one that is not a date', () => {
    expect(clientErrors(draft({ birthDate: yearsFromToday(1) })).birthDate).toBe('dateFuture');
    expect(clientErrors(draft({ birthDate: '31/02/1980' })).birthDate).toBe('dateFormat');
  });

  it('accepts a five-digit INSEE birthplace code or a Corsican one, nothing else', () => {
    expect(clientErrors(draft({ birthPlaceCode: '75056' })).birthPlaceCode).toBeUndefined();
    expect(clientErrors(draft({ birthPlaceCode: '2A004' })).birthPlaceCode).toBeUndefined();
    expect(clientErrors(draft({ birthPlaceCode: '7505' })).birthPlaceCode).toBe('birthPlace');
  });

  it('flags names with characters the identity rules refuse', () => {
    expect(clientErrors(draft({ birthName: 'MARTIN3' })).birthName).toBe('nameCharacters');
    expect(clientErrors(draft({ givenNames: 'Marie_Claire' })).birthGivenNames).toBe('nameCharacters');
  });

  it('leaves empty fields to the server (required fields are not flagged as you type)', () => {
    expect(clientErrors(emptyDraft)).toEqual({});
  });
});

describe('patient draft: minors', () => {
  it('counts a patient born ten years ago as a minor and one born forty years ago as not', () => {
    expect(isMinorDraft(draft({ birthDate: yearsFromToday(-10) }))).toBe(true);
    expect(isMinorDraft(draft({ birthDate: yearsFromToday(-40) }))).toBe(false);
  });

  it('does not count an unborn (future) or unreadable date as a minor', () => {
    expect(isMinorDraft(draft({ birthDate: yearsFromToday(1) }))).toBe(false);
    expect(isMinorDraft(draft({ birthDate: 'bientôt' }))).toBe(false);
  });
});

describe('patient draft: request body', () => {
  it('sends the birth date in ISO form and leaves empty optional fields out on registration', () => {
    const body = bodyFromDraft(draft());
    expect(body.birthDate).toBe('1980-03-09');
    expect(body).not.toHaveProperty('nir');
    expect(body).not.toHaveProperty('email');
    expect(body).not.toHaveProperty('address');
    expect(body.phones).toEqual([]);
  });

  it('sends cleared fields as null on update, so that they are cleared', () => {
    const body = bodyFromDraft(draft(), true);
    expect(body.nir).toBeNull();
    expect(body.email).toBeNull();
    expect(body.address).toBeNull();
    expect(body.trustedPerson).toBeNull();
  });

  it('sends a legal representative only for a minor', () => {
    const rep = { name: 'Anne Martin', phone: '0600000000', relation: 'mother', email: '' };
    const minor = bodyFromDraft(draft({ birthDate: yearsFromToday(-10), legalRepresentative: rep }));
    expect(minor.legalRepresentative).toEqual({
      name: 'Anne Martin',
      phone: '0600000000',
      relation: 'mother',
    });
    const adult = bodyFromDraft(draft({ legalRepresentative: rep }));
    expect(adult).not.toHaveProperty('legalRepresentative');
  });

  it('keeps only the phones that have a number, trimmed', () => {
    const body = bodyFromDraft(
      draft({
        phones: [
          { kind: 'mobile', number: ' 06 12 34 56 78 ' },
          { kind: 'home', number: '  ' },
        ],
      }),
    );
    expect(body.phones).toEqual([{ kind: 'mobile', number: '06 12 34 56 78' }]);
  });

  it('sends the other language only when the preferred language is "other"', () => {
    expect(bodyFromDraft(draft({ otherLanguage: 'breton' }))).not.toHaveProperty('otherLanguage');
    expect(bodyFromDraft(draft({ preferredLanguage: 'other', otherLanguage: 'breton' })).otherLanguage).toBe(
      'breton',
    );
  });

  it('compares the strict traits, and the used names and NIR only when given, for the duplicate check', () => {
    expect(traitsFromDraft(draft())).toEqual({
      birthName: 'MARTIN',
      birthGivenNames: 'Marie Claire',
      birthDate: '1980-03-09',
      sex: 'F',
    });
    expect(traitsFromDraft(draft({ usedName: 'DUPONT' })).usedName).toBe('DUPONT');
  });

  it('previews the first given name as the identity rules normalize it', () => {
    expect(firstGivenNamePreview('jean-pierre  paul')).toBe('JEAN-PIERRE');
    expect(firstGivenNamePreview('')).toBe('');
  });
});
