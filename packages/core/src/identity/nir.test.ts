import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors/domain-error.ts';
import {
  checkNirAgainstTraits,
  compactNir,
  formatNir,
  insKindOfSystem,
  insNiaOid,
  insNirOid,
  insSystem,
  isValidNir,
  nirKey,
  parseNir,
} from './nir.ts';

function codeOf(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    if (error instanceof DomainError) return error.code;
    throw error;
  }
  return 'no error';
}

describe('NIR key (identity.md worked examples)', () => {
  it('computes key 91 for 1 85 05 78 006 084', () => {
    expect(nirKey('1 85 05 78 006 084')).toBe('91');
  });

  it('computes key 23 for 2 69 01 49 350 112', () => {
    expect(nirKey('2 69 01 49 350 112')).toBe('23');
  });

  it('computes key 73 for 1 80 02 2A 004 012 (Corsica, 2A read as 19)', () => {
    expect(nirKey('1 80 02 2A 004 012')).toBe('73');
  });

  it('computes key 96 for 2 55 08 2B 123 045 (Corsica, 2B read as 18)', () => {
    expect(nirKey('2 55 08 2B 123 045')).toBe('96');
  });

  it('accepts the four worked examples with their keys', () => {
    for (const nir of [
      '1 85 05 78 006 084 91',
      '2 69 01 49 350 112 23',
      '1 80 02 2A 004 012 73',
      '2 55 08 2B 123 045 96',
    ]) {
      expect(isValidNir(nir)).toBe(true);
    }
  });

  it('writes a key below 10 with two digits', () => {
    const orders = Array.from({ length: 999 }, (_, i) => String(i + 1).padStart(3, '0'));
    const number = orders.map((order) => `1850578006${order}`).find((n) => Number(nirKey(n)) < 10);
    expect(number).toBeDefined();
    expect(nirKey(number!)).toMatch(/^0\d$/);
  });

  it('gives 97 when the number is a multiple of 97', () => {
    const multiple = (97n * 12345678901n).toString();
    expect(multiple).toHaveLength(13);
    expect(nirKey(multiple)).toBe('97');
  });
});

describe('parseNir', () => {
  it('parses a NIR with or without spaces', () => {
    expect(parseNir('185057800608491').value).toBe('185057800608491');
    expect(parseNir('1 85 05 78 006 084 91').value).toBe('185057800608491');
    expect(parseNir('1.85.05.78.006.084-91').value).toBe('185057800608491');
  });

  it('refuses a NIR whose key does not match', () => {
    expect(codeOf(() => parseNir('1 85 05 78 006 084 92'))).toBe('nir_key_mismatch');
  });

  it('refuses a NIR of the wrong length', () => {
    expect(codeOf(() => parseNir('1 85 05 78 006 084'))).toBe('nir_malformed');
    expect(codeOf(() => parseNir('1 85 05 78 006 084 911'))).toBe('nir_malformed');
  });

  it('refuses a NIR with a first digit other than 1, 2, 7 or 8', () => {
    expect(codeOf(() => parseNir('5 85 05 78 006 084 91'))).toBe('nir_malformed');
  });

  it('refuses letters other than 2A/2B in the département', () => {
    expect(codeOf(() => parseNir('1 80 02 2C 004 012 73'))).toBe('nir_malformed');
  });

  it('decomposes sex, year, real month, département, commune and order', () => {
    const nir = parseNir('1 85 05 78 006 084 91');
    expect(nir).toMatchObject({
      sex: 'M',
      temporary: false,
      year: '85',
      month: { kind: 'real', month: 5 },
      birthPlace: { kind: 'metropolitan', departement: '78', commune: '006', code: '78006' },
      order: '084',
      key: '91',
    });
    expect(parseNir('2 69 01 49 350 112 23').sex).toBe('F');
  });

  it('decomposes a Corsican birth place 2A/2B', () => {
    expect(parseNir('1 80 02 2A 004 012 73').birthPlace).toEqual({
      kind: 'metropolitan',
      departement: '2A',
      commune: '004',
      code: '2A004',
    });
  });

  it('reads a fictitious month (20–30, 50–99) as no month', () => {
    const number = '1852078006084';
    expect(parseNir(number + nirKey(number)).month).toEqual({ kind: 'fictitious', month: null });
    const high = '1859978006084';
    expect(parseNir(high + nirKey(high)).month).toEqual({ kind: 'fictitious', month: null });
  });

  it('reads a pseudo-fictitious month (31–42) as MM − 30', () => {
    const number = '1853578006084';
    expect(parseNir(number + nirKey(number)).month).toEqual({ kind: 'pseudo_fictitious', month: 5 });
  });

  it('decomposes a birth abroad as 99 + the INSEE country code', () => {
    const number = '2900399134012';
    expect(parseNir(number + nirKey(number)).birthPlace).toEqual({
      kind: 'abroad',
      countryCode: '99134',
      code: '99134',
    });
  });

  it('decomposes an overseas birth place as a 3-digit département and 2-digit commune', () => {
    const number = '1900397411012';
    expect(parseNir(number + nirKey(number)).birthPlace).toEqual({
      kind: 'overseas',
      departement: '974',
      commune: '11',
      code: '97411',
    });
  });

  it('marks 7 and 8 as temporary numbers', () => {
    const number = '8900399134012';
    expect(parseNir(number + nirKey(number))).toMatchObject({ temporary: true, sex: 'F' });
  });

  it('formats a NIR the usual way', () => {
    expect(formatNir('185057800608491')).toBe('1 85 05 78 006 084 91');
    expect(formatNir('190039741101218')).toBe('1 90 03 974 11 012 18');
    expect(compactNir(' 2 55 08 2b 123 045 96')).toBe('255082B12304596');
  });
});

describe('INS systems', () => {
  it('uses the NIR and NIA OIDs', () => {
    expect(insSystem('nir')).toBe('urn:oid:1.2.250.1.213.1.4.8');
    expect(insSystem('nia')).toBe('urn:oid:1.2.250.1.213.1.4.9');
    expect(insKindOfSystem(insNirOid)).toBe('nir');
    expect(insKindOfSystem(insNiaOid)).toBe('nia');
    expect(insKindOfSystem('urn:oid:1.2.3')).toBeNull();
  });
});

describe('checkNirAgainstTraits', () => {
  const nir = '1 85 05 78 006 084 91';
  const traits = { sex: 'M' as const, birthDate: '1985-05-12', birthPlaceCode: '78006' };

  it('finds nothing when the NIR agrees with the traits', () => {
    expect(checkNirAgainstTraits(nir, traits)).toEqual([]);
  });

  it('warns when the sex digit does not match the sex', () => {
    expect(checkNirAgainstTraits(nir, { ...traits, sex: 'F' })).toEqual([
      { code: 'nir_sex_mismatch', field: 'sex' },
    ]);
  });

  it('warns when the sex is undetermined, since the NIR carries M or F', () => {
    expect(checkNirAgainstTraits(nir, { ...traits, sex: 'I' }).map((w) => w.code)).toEqual([
      'nir_sex_mismatch',
    ]);
  });

  it('warns when the year does not match the birth date', () => {
    expect(checkNirAgainstTraits(nir, { ...traits, birthDate: '1986-05-12' }).map((w) => w.code)).toEqual([
      'nir_year_mismatch',
    ]);
  });

  it('warns when the month does not match the birth date', () => {
    expect(checkNirAgainstTraits(nir, { ...traits, birthDate: '1985-06-12' }).map((w) => w.code)).toEqual([
      'nir_month_mismatch',
    ]);
  });

  it('compares a pseudo-fictitious month as MM − 30', () => {
    const number = '1853578006084';
    const parsed = parseNir(number + nirKey(number));
    expect(checkNirAgainstTraits(parsed, traits)).toEqual([]);
    expect(checkNirAgainstTraits(parsed, { ...traits, birthDate: '1985-04-12' }).map((w) => w.code)).toEqual([
      'nir_month_mismatch',
    ]);
  });

  it('does not compare a fictitious month', () => {
    const number = '1852078006084';
    expect(checkNirAgainstTraits(number + nirKey(number), { ...traits, birthDate: '1985-11-30' })).toEqual(
      [],
    );
  });

  it('warns when the birth place differs from the traits', () => {
    expect(checkNirAgainstTraits(nir, { ...traits, birthPlaceCode: '75056' })).toEqual([
      { code: 'nir_birth_place_mismatch', field: 'birthPlaceCode' },
    ]);
  });

  it('does not compare the birth place when it is unknown', () => {
    expect(checkNirAgainstTraits(nir, { ...traits, birthPlaceCode: null })).toEqual([]);
  });

  it('accepts 20 in a NIR for a Corsican commune now coded 2A or 2B (born before 1976)', () => {
    const number = '1600320004012';
    expect(
      checkNirAgainstTraits(number + nirKey(number), {
        sex: 'M',
        birthDate: '1960-03-01',
        birthPlaceCode: '2A004',
      }),
    ).toEqual([]);
  });

  it('accepts 91–96 for a birth in Algeria, Morocco or Tunisia before independence', () => {
    const number = '1500391352012';
    expect(
      checkNirAgainstTraits(number + nirKey(number), {
        sex: 'M',
        birthDate: '1950-03-01',
        birthPlaceCode: '99352',
      }),
    ).toEqual([]);
  });

  it('reports every mismatch at once', () => {
    expect(
      checkNirAgainstTraits(nir, { sex: 'F', birthDate: '1990-01-01', birthPlaceCode: '75056' }).map(
        (w) => w.code,
      ),
    ).toEqual(['nir_sex_mismatch', 'nir_year_mismatch', 'nir_month_mismatch', 'nir_birth_place_mismatch']);
  });
});
