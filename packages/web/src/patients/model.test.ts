import { describe, expect, it } from 'vitest';
import { parseTypedDate, titleCase } from './model.ts';

describe('patients model: typed dates', () => {
  it('reads dd/mm/yyyy, d/m/yyyy, dots, dashes, spaces and ddmmyyyy as the day first', () => {
    expect(parseTypedDate('09/03/1980')).toBe('1980-03-09');
    expect(parseTypedDate('9/3/1980')).toBe('1980-03-09');
    expect(parseTypedDate('09.03.1980')).toBe('1980-03-09');
    expect(parseTypedDate('09-03-1980')).toBe('1980-03-09');
    expect(parseTypedDate(' 09 03 1980 ')).toBe('1980-03-09');
    expect(parseTypedDate('09031980')).toBe('1980-03-09');
  });

  it('keeps a date already in ISO form', () => {
    expect(parseTypedDate('1980-03-09')).toBe('1980-03-09');
  });

  it('refuses a day that does not exist in the calendar', () => {
    expect(parseTypedDate('31/02/2020')).toBeNull();
    expect(parseTypedDate('29/02/2023')).toBeNull();
    expect(parseTypedDate('2023-13-01')).toBeNull();
    expect(parseTypedDate('00/01/2020')).toBeNull();
  });

  it('accepts the 29th of February of a leap year', () => {
    expect(parseTypedDate('29/02/2024')).toBe('2024-02-29');
  });

  it('refuses what is not a full date (a two-digit year, words, nothing)', () => {
    expect(parseTypedDate('09/03/80')).toBeNull();
    expect(parseTypedDate('hier')).toBeNull();
    expect(parseTypedDate('')).toBeNull();
  });
});

describe('patients model: title case', () => {
  it('capitalizes each word, after hyphens and apostrophes too, whatever the typed case', () => {
    expect(titleCase('JEAN-PIERRE')).toBe('Jean-Pierre');
    expect(titleCase("marie d'ARC")).toBe("Marie D'Arc");
    expect(titleCase('éloïse')).toBe('Éloïse');
  });
});
