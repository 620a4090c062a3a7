import { describe, expect, it } from 'vitest';
import { buildMedicalWordList, personalDictionary } from './spell-words.ts';

describe('medical word list for the spell-checker', () => {
  const words = buildMedicalWordList(
    [
      { code: 'G309', label: 'Maladie d’Alzheimer, sans précision' },
      { code: 'E11', label: 'Diabète sucré de type 2, insulinotraité' },
      { code: 'D760', label: '*** SU11 *** Histiocytose des cellules de Langerhans' },
      { code: 'K85', label: 'Pancréatite aiguë post-opératoire, stade II' },
    ],
    ['METFORMINE', 'GLYCO-THYMOLINE', 'sodium fluorure'],
    ['Kinésithérapie'],
  );

  it('holds single lower-case words with their accents', () => {
    expect(words).toContain('diabète');
    expect(words).toContain('insulinotraité');
    expect(words).toContain('pancréatite');
    expect(words).toContain('kinésithérapie');
  });

  it('holds drug names, hyphenated compounds and their parts', () => {
    expect(words).toContain('metformine');
    expect(words).toContain('glyco-thymoline');
    expect(words).toContain('thymoline');
    expect(words).toContain('post-opératoire');
    expect(words).toContain('opératoire');
  });

  it('removes elisions, numbers, roman numerals, short words and ATIH markers', () => {
    expect(words).toContain('alzheimer');
    expect(words).not.toContain('d’alzheimer');
    expect(words).not.toContain('ii');
    expect(words).not.toContain('de');
    expect(words).not.toContain('su');
    expect(words.some((w) => /\d/.test(w))).toBe(false);
  });

  it('lists each word once, in French alphabetical order', () => {
    expect(new Set(words).size).toBe(words.length);
    expect(words).toEqual([...words].sort((a, b) => a.localeCompare(b, 'fr')));
  });

  it('writes one word a line for nspell', () => {
    expect(personalDictionary(['diabète', 'metformine'])).toBe('diabète\nmetformine\n');
    expect(personalDictionary([])).toBe('');
  });
});
