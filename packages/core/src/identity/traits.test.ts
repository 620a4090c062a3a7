import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors/domain-error.ts';
import {
  changedStrictTraits,
  checkBirthDate,
  firstGivenName,
  isCalendarDate,
  normalizeGivenNames,
  normalizeName,
  normalizeStrictTraits,
  requireName,
} from './traits.ts';

function errorOf(fn: () => unknown): DomainError {
  try {
    fn();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected a DomainError');
}

describe('normalizeName', () => {
  it('stores names in upper case without diacritics', () => {
    expect(normalizeName('Hélène', 'birthGivenNames')).toBe('HELENE');
    expect(normalizeName('François', 'birthGivenNames')).toBe('FRANCOIS');
    expect(normalizeName('Noël Müller-Lüdenscheid', 'birthName')).toBe('NOEL MULLER-LUDENSCHEID');
  });

  it('writes the ligatures Œ and Æ as two letters', () => {
    expect(normalizeName('Œuvrard', 'birthName')).toBe('OEUVRARD');
    expect(normalizeName('cœur', 'birthName')).toBe('COEUR');
    expect(normalizeName('Lætitia', 'birthGivenNames')).toBe('LAETITIA');
  });

  it('keeps hyphens and apostrophes, folding typographic ones to ASCII', () => {
    expect(normalizeName('d’Artagnan', 'birthName')).toBe("D'ARTAGNAN");
    expect(normalizeName("O'Brien", 'birthName')).toBe("O'BRIEN");
    expect(normalizeName('Dupont–Martin', 'birthName')).toBe('DUPONT-MARTIN');
  });

  it('collapses spaces and removes spaces around hyphens and apostrophes', () => {
    expect(normalizeName('  de   la  Fontaine ', 'birthName')).toBe('DE LA FONTAINE');
    expect(normalizeName('Dupont - Martin', 'birthName')).toBe('DUPONT-MARTIN');
    expect(normalizeName("d ' Arc", 'birthName')).toBe("D'ARC");
  });

  it('trims leading and trailing separators and doubled hyphens', () => {
    expect(normalizeName('-Martin-', 'birthName')).toBe('MARTIN');
    expect(normalizeName("'Martin '", 'birthName')).toBe('MARTIN');
    expect(normalizeName('Dupont--Martin', 'birthName')).toBe('DUPONT-MARTIN');
  });

  it('refuses digits, naming the field', () => {
    const error = errorOf(() => normalizeName('Dupont2', 'birthName'));
    expect(error.code).toBe('name_invalid_characters');
    expect(error.field).toBe('birthName');
  });

  it.each([
    ['usedName', 'Martin!'],
    ['usedGivenName', 'Jean.'],
    ['birthGivenNames', 'Marie@'],
    ['birthName', 'Dupont/Martin'],
  ] as const)('refuses other symbols in %s', (field, value) => {
    const error = errorOf(() => normalizeName(value, field));
    expect(error.code).toBe('name_invalid_characters');
    expect(error.field).toBe(field);
  });

  it('refuses a hyphen next to an apostrophe', () => {
    expect(errorOf(() => normalizeName("D'-ARC", 'birthName')).code).toBe('name_invalid_characters');
  });

  it('refuses an empty required name', () => {
    const error = errorOf(() => requireName('  - ', 'birthName'));
    expect(error.code).toBe('required');
    expect(error.field).toBe('birthName');
  });
});

describe('given names', () => {
  it('keeps the birth given names in order and the first one apart', () => {
    const names = normalizeGivenNames(['Marie', 'Anne', 'Élise']);
    expect(names).toEqual(['MARIE', 'ANNE', 'ELISE']);
    expect(firstGivenName({ birthGivenNames: names })).toBe('MARIE');
  });

  it('splits a list typed as one string on spaces and commas, keeping composed given names', () => {
    expect(normalizeGivenNames('Jean-Pierre  Marie, Joseph')).toEqual(['JEAN-PIERRE', 'MARIE', 'JOSEPH']);
  });

  it('has no first given name when the list is empty', () => {
    expect(firstGivenName({ birthGivenNames: [] })).toBe('');
  });
});

describe('birth date', () => {
  const today = '2025-06-15';

  it('accepts a past calendar date', () => {
    expect(() => checkBirthDate('1980-02-29', today)).not.toThrow();
    expect(() => checkBirthDate(today, today)).not.toThrow();
  });

  it('refuses a date that does not exist', () => {
    expect(errorOf(() => checkBirthDate('1981-02-29', today)).code).toBe('birth_date_invalid');
    expect(errorOf(() => checkBirthDate('1980-13-01', today)).code).toBe('birth_date_invalid');
    expect(errorOf(() => checkBirthDate('1980-04-31', today)).code).toBe('birth_date_invalid');
    expect(errorOf(() => checkBirthDate('14/03/1975', today)).code).toBe('birth_date_invalid');
  });

  it('refuses a birth date in the future', () => {
    const error = errorOf(() => checkBirthDate('2025-06-16', today));
    expect(error.code).toBe('birth_date_in_future');
    expect(error.field).toBe('birthDate');
  });

  it('refuses a birth date more than 130 years ago', () => {
    expect(errorOf(() => checkBirthDate('1895-06-14', today)).code).toBe('birth_date_too_old');
    expect(() => checkBirthDate('1895-06-15', today)).not.toThrow();
  });

  it('knows leap years', () => {
    expect(isCalendarDate('2000-02-29')).toBe(true);
    expect(isCalendarDate('1900-02-29')).toBe(false);
  });

  it('refuses year 0000, which PostgreSQL cannot store', () => {
    expect(isCalendarDate('0000-03-01')).toBe(false);
  });
});

describe('normalizeStrictTraits', () => {
  it('normalises a full set of strict traits', () => {
    expect(
      normalizeStrictTraits(
        {
          birthName: 'Lefèbvre',
          birthGivenNames: 'Hélène Marie',
          birthDate: '1975-03-14',
          sex: 'f',
          birthPlaceCode: '2a004',
        },
        '2025-01-01',
      ),
    ).toEqual({
      birthName: 'LEFEBVRE',
      birthGivenNames: ['HELENE', 'MARIE'],
      birthDate: '1975-03-14',
      sex: 'F',
      birthPlaceCode: '2A004',
    });
  });

  it('accepts sex I (undetermined) and an unknown birth place', () => {
    const traits = normalizeStrictTraits(
      { birthName: 'X', birthGivenNames: ['Y'], birthDate: '2025-01-01', sex: 'I', birthPlaceCode: null },
      '2025-01-01',
    );
    expect(traits.sex).toBe('I');
    expect(traits.birthPlaceCode).toBeNull();
  });

  it('refuses a sex other than M, F or I', () => {
    const error = errorOf(() =>
      normalizeStrictTraits(
        { birthName: 'A', birthGivenNames: 'B', birthDate: '1990-01-01', sex: 'X' },
        '2025-01-01',
      ),
    );
    expect(error.code).toBe('sex_invalid');
    expect(error.field).toBe('sex');
  });

  it('requires at least one birth given name', () => {
    const error = errorOf(() =>
      normalizeStrictTraits(
        { birthName: 'A', birthGivenNames: [], birthDate: '1990-01-01', sex: 'M' },
        '2025-01-01',
      ),
    );
    expect(error).toMatchObject({ code: 'required', field: 'birthGivenNames' });
  });

  it('refuses a birth place code that is not 5 characters', () => {
    const error = errorOf(() =>
      normalizeStrictTraits(
        { birthName: 'A', birthGivenNames: 'B', birthDate: '1990-01-01', sex: 'M', birthPlaceCode: '7505' },
        '2025-01-01',
      ),
    );
    expect(error).toMatchObject({ code: 'birth_place_malformed', field: 'birthPlaceCode' });
  });
});

describe('changedStrictTraits', () => {
  const base = {
    birthName: 'DUPONT',
    birthGivenNames: ['MARIE', 'ANNE'],
    birthDate: '1980-01-01',
    sex: 'F' as const,
    birthPlaceCode: '75056',
  };

  it('lists the strict traits that changed', () => {
    expect(changedStrictTraits(base, { ...base, birthName: 'DURAND', sex: 'M' })).toEqual([
      'birthName',
      'sex',
    ]);
  });

  it('sees a change of order of the given names as a change', () => {
    expect(changedStrictTraits(base, { ...base, birthGivenNames: ['ANNE', 'MARIE'] })).toEqual([
      'birthGivenNames',
    ]);
  });

  it('finds nothing when nothing changed', () => {
    expect(changedStrictTraits(base, { ...base, birthGivenNames: ['MARIE', 'ANNE'] })).toEqual([]);
  });
});
