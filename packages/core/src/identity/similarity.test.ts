import { describe, expect, it } from 'vitest';
import { editDistance, jaro, jaroWinkler, levenshtein } from './similarity.ts';

describe('edit distances', () => {
  it('counts insertions, deletions and substitutions', () => {
    expect(levenshtein('KITTEN', 'SITTING')).toBe(3);
    expect(levenshtein('', 'ABC')).toBe(3);
    expect(levenshtein('ABC', '')).toBe(3);
    expect(levenshtein('MARTIN', 'MARTIN')).toBe(0);
    expect(levenshtein('LEFEBVRE', 'LEFEVRE')).toBe(1);
  });

  it('counts a swap of two adjacent letters as one edit', () => {
    expect(levenshtein('MARTIN', 'MARITN')).toBe(2);
    expect(editDistance('MARTIN', 'MARITN')).toBe(1);
    expect(editDistance('', 'AB')).toBe(2);
  });
});

describe('Jaro–Winkler', () => {
  it('matches the textbook values', () => {
    expect(jaro('MARTHA', 'MARHTA')).toBeCloseTo(0.944, 3);
    expect(jaroWinkler('MARTHA', 'MARHTA')).toBeCloseTo(0.961, 3);
    expect(jaroWinkler('DWAYNE', 'DUANE')).toBeCloseTo(0.84, 2);
    expect(jaroWinkler('DIXON', 'DICKSONX')).toBeCloseTo(0.813, 3);
  });

  it('is 1 for equal strings and 0 when nothing matches', () => {
    expect(jaroWinkler('DUPONT', 'DUPONT')).toBe(1);
    expect(jaroWinkler('ABC', 'XYZ')).toBe(0);
    expect(jaroWinkler('', 'XYZ')).toBe(0);
  });
});
