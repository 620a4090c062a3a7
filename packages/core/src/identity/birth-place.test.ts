import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors/domain-error.ts';
import {
  birthPlaceDirectory,
  birthPlaceKind,
  countryCodesFromCsv,
  parseCountriesCsv,
  parseCsvRows,
  validateBirthPlaceCode,
} from './birth-place.ts';

function codeOf(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    if (error instanceof DomainError) return error.code;
    throw error;
  }
  return 'no error';
}

const sampleCsv = [
  'code,iso2_code,iso3_code,num3_code,name,official_name,actual_id,actual_name,parent_code,first_appearance_year',
  '99100,FR,FRA,250,France,République française,1,Actuel,"",0',
  '99134,ES,ESP,724,Espagne,Royaume d’Espagne,1,Actuel,"",0',
  '99313,ES,ESP,724,Territoires espagnols en Afrique du Nord,"Ceuta, Melilla, Présides, îles Canaries",4,Territoire,99134,0',
  '',
].join('\r\n');

describe('birth place codes', () => {
  const directory = birthPlaceDirectory({
    communes: ['75056', '2A004', '97411'],
    countries: ['99134', '99352'],
  });

  it('reads the kind of a code from its shape', () => {
    expect(birthPlaceKind('75056')).toBe('commune');
    expect(birthPlaceKind('2A004')).toBe('commune');
    expect(birthPlaceKind('2B033')).toBe('commune');
    expect(birthPlaceKind('97411')).toBe('commune');
    expect(birthPlaceKind('99134')).toBe('country');
    expect(birthPlaceKind('7505')).toBeNull();
    expect(birthPlaceKind('2C004')).toBeNull();
    expect(birthPlaceKind('00123')).toBeNull();
  });

  it('accepts a known commune and a known country', () => {
    expect(validateBirthPlaceCode('75056', directory)).toEqual({ code: '75056', kind: 'commune' });
    expect(validateBirthPlaceCode(' 2a004 ', directory)).toEqual({ code: '2A004', kind: 'commune' });
    expect(validateBirthPlaceCode('99134', directory)).toEqual({ code: '99134', kind: 'country' });
  });

  it('refuses a code that is not 5 characters of the INSEE shape', () => {
    expect(codeOf(() => validateBirthPlaceCode('750', directory))).toBe('birth_place_malformed');
    expect(codeOf(() => validateBirthPlaceCode('PARIS', directory))).toBe('birth_place_malformed');
  });

  it('refuses a code missing from the INSEE lists', () => {
    expect(codeOf(() => validateBirthPlaceCode('75057', directory))).toBe('birth_place_unknown');
    expect(codeOf(() => validateBirthPlaceCode('99999', directory))).toBe('birth_place_unknown');
  });

  it('refuses the country code of France: a birth in France carries the commune code', () => {
    expect(codeOf(() => validateBirthPlaceCode('99100', directory))).toBe(
      'birth_place_france_is_not_a_country',
    );
  });

  it('checks only the shape without a directory', () => {
    expect(validateBirthPlaceCode('01001').kind).toBe('commune');
  });
});

describe('country list CSV', () => {
  it('splits quoted fields containing commas', () => {
    expect(parseCsvRows('a,"b, c",d\n"x ""y""",,z')).toEqual([
      ['a', 'b, c', 'd'],
      ['x "y"', '', 'z'],
    ]);
  });

  it('reads the INSEE countries with ISO codes and parent', () => {
    const countries = parseCountriesCsv(sampleCsv);
    expect(countries).toHaveLength(3);
    expect(countries[2]).toEqual({
      code: '99313',
      iso2: 'ES',
      iso3: 'ESP',
      name: 'Territoires espagnols en Afrique du Nord',
      officialName: 'Ceuta, Melilla, Présides, îles Canaries',
      parentCode: '99134',
    });
  });

  it('builds the set of country codes', () => {
    expect([...countryCodesFromCsv(sampleCsv)]).toEqual(['99100', '99134', '99313']);
  });

  it('refuses a file without the code column', () => {
    expect(codeOf(() => parseCountriesCsv('name,iso2_code\nFrance,FR'))).toBe('csv_column_missing');
  });

  const cogFile = fileURLToPath(
    new URL('../../../../reference/countries/cog-countries-2025.csv', import.meta.url),
  );
  it('reads the COG 2025 country list shipped in reference/', () => {
    const text = readFileSync(cogFile, 'utf8');
    const codes = countryCodesFromCsv(text);
    expect(codes.size).toBeGreaterThan(200);
    expect(codes.has('99134')).toBe(true);
    expect(codes.has('99352')).toBe(true);
  });
});
