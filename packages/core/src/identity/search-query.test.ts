import { describe, expect, it } from 'vitest';
import { phoneticKey } from './phonetic.ts';
import { matchesQuery, type PatientSearchView, parseSearchQuery } from './search-query.ts';

const today = '2025-06-15';
const search = (patient: PatientSearchView, typed: string) =>
  matchesQuery(patient, parseSearchQuery(typed, today));

describe('worked search cases (identity.md)', () => {
  it('finds DUPONT-MARTIN used name MARTIN, given MARIE ANNE, by typing "martin marie"', () => {
    const patient = {
      birthName: 'DUPONT-MARTIN',
      usedName: 'MARTIN',
      birthGivenNames: ['MARIE', 'ANNE'],
      birthDate: '1980-01-01',
    };
    expect(search(patient, 'martin marie')).toBe(true);
  });

  it('finds LEFEBVRE HELENE born 1975-03-14 by typing "lefevre helene" (phonetic)', () => {
    const patient = { birthName: 'LEFEBVRE', birthGivenNames: ['HELENE'], birthDate: '1975-03-14' };
    expect(search(patient, 'lefevre helene')).toBe(true);
  });

  it('finds NGUYEN THI HOA by typing "hoa nguyen" (any order)', () => {
    const patient = { birthName: 'NGUYEN', birthGivenNames: ['THI', 'HOA'], birthDate: '1990-02-02' };
    expect(search(patient, 'hoa nguyen')).toBe(true);
  });

  it('finds O\'BRIEN SEAN by typing "obrien" (apostrophe optional)', () => {
    const patient = { birthName: "O'BRIEN", birthGivenNames: ['SEAN'], birthDate: '1970-07-07' };
    expect(search(patient, 'obrien')).toBe(true);
  });

  it('does not find MULLER JEAN born 1960-01-01 by typing "14/03/1975"', () => {
    const patient = { birthName: 'MULLER', birthGivenNames: ['JEAN'], birthDate: '1960-01-01' };
    expect(search(patient, '14/03/1975')).toBe(false);
    expect(search({ ...patient, birthDate: '1975-03-14' }, '14/03/1975')).toBe(true);
  });
});

describe('parseSearchQuery', () => {
  it('reads names in the order typed, without accents, hyphens or apostrophes', () => {
    const query = parseSearchQuery('Hélène  Lefèbvre', today);
    expect(query.nameTokens).toEqual(['HELENE', 'LEFEBVRE']);
    expect(query.phoneticKeys).toEqual([phoneticKey('HELENE'), phoneticKey('LEFEBVRE')]);
    expect(parseSearchQuery('dupont-martin', today).nameTokens).toEqual(['DUPONT', 'MARTIN', 'DUPONTMARTIN']);
    expect(parseSearchQuery("o'brien", today).nameTokens).toEqual(['OBRIEN', 'BRIEN']);
  });

  it('reads a birth date as dd/mm/yyyy, ddmmyyyy, dd.mm.yyyy or dd mm yyyy', () => {
    expect(parseSearchQuery('14/03/1975', today).birthDate).toBe('1975-03-14');
    expect(parseSearchQuery('14031975', today).birthDate).toBe('1975-03-14');
    expect(parseSearchQuery('4.3.1975', today).birthDate).toBe('1975-03-04');
    expect(parseSearchQuery('14 03 1975', today).birthDate).toBe('1975-03-14');
  });

  it('reads a two-digit year as the latest year not after today', () => {
    expect(parseSearchQuery('14/03/75', today).birthDate).toBe('1975-03-14');
    expect(parseSearchQuery('01/02/24', today).birthDate).toBe('2024-02-01');
    expect(parseSearchQuery('010226', today).birthDate).toBe('1926-02-01');
  });

  it('ignores a date that does not exist', () => {
    expect(parseSearchQuery('31/02/1975', today).birthDate).toBeUndefined();
  });

  it('reads a year alone', () => {
    expect(parseSearchQuery('dupont 1975', today)).toMatchObject({ nameTokens: ['DUPONT'], birthYear: 1975 });
  });

  it('reads a NIR with or without spaces, Corsican ones included', () => {
    expect(parseSearchQuery('1 85 05 78 006 084 91', today)).toMatchObject({
      nir: '185057800608491',
      nirValid: true,
    });
    expect(parseSearchQuery('185057800608491', today).nir).toBe('185057800608491');
    expect(parseSearchQuery('1 80 02 2A 004 012 73', today)).toMatchObject({
      nir: '180022A00401273',
      nirValid: true,
    });
  });

  it('keeps a NIR with a wrong key, marked invalid', () => {
    expect(parseSearchQuery('1 85 05 78 006 084 92', today)).toMatchObject({
      nir: '185057800608492',
      nirValid: false,
    });
  });

  it('reads a French phone number into E.164', () => {
    expect(parseSearchQuery('06 12 34 56 78', today).phone).toBe('+33612345678');
    expect(parseSearchQuery('06.12.34.56.78', today).phone).toBe('+33612345678');
    expect(parseSearchQuery('+33 6 12 34 56 78', today).phone).toBe('+33612345678');
  });

  it('reads names and a birth date together', () => {
    expect(parseSearchQuery('dupont 01/01/1980 marie', today)).toMatchObject({
      nameTokens: ['DUPONT', 'MARIE'],
      birthDate: '1980-01-01',
    });
  });
});

describe('matchesQuery', () => {
  const patient: PatientSearchView = {
    birthName: 'DUPONT',
    usedName: 'DURAND',
    birthGivenNames: ['JEAN-PIERRE', 'LOUIS'],
    usedGivenName: 'JP',
    birthDate: '1980-01-01',
    nir: '1 85 05 78 006 084 91',
    phones: ['06 12 34 56 78'],
  };

  it('finds by the beginning of a name (partial names)', () => {
    expect(search(patient, 'dup')).toBe(true);
    expect(search(patient, 'dur jean')).toBe(true);
    expect(search(patient, 'pierre')).toBe(true);
  });

  it('requires every typed name to match', () => {
    expect(search(patient, 'dupont marie')).toBe(false);
  });

  it('finds by birth date and refuses another birth date', () => {
    expect(search(patient, 'dupont 01/01/1980')).toBe(true);
    expect(search(patient, 'dupont 02/01/1980')).toBe(false);
    expect(search(patient, '1980')).toBe(true);
    expect(search(patient, '1981')).toBe(false);
  });

  it('finds by NIR and by phone', () => {
    expect(search(patient, '185057800608491')).toBe(true);
    expect(search(patient, '2 69 01 49 350 112 23')).toBe(false);
    expect(search(patient, '0612345678')).toBe(true);
    expect(search(patient, '0612345679')).toBe(false);
  });

  it('does not use phonetics for words shorter than three letters', () => {
    expect(search(patient, 'du')).toBe(true);
    expect(search(patient, 'zz')).toBe(false);
  });

  it('matches nothing for an empty query', () => {
    expect(search(patient, '   ')).toBe(false);
  });
});
