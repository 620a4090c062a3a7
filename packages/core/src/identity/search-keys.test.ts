import { describe, expect, it } from 'vitest';
import { phoneticKey } from './phonetic.ts';
import { nameTokens, searchKeysFor } from './search-keys.ts';

describe('nameTokens', () => {
  it('splits on spaces and hyphens and adds the joined name', () => {
    expect(nameTokens('DUPONT-MARTIN')).toEqual(['DUPONT', 'MARTIN', 'DUPONTMARTIN']);
  });

  it('keeps a name with an apostrophe joined and split', () => {
    expect(nameTokens("O'BRIEN")).toEqual(['OBRIEN', 'O', 'BRIEN']);
  });

  it('folds accents', () => {
    expect(nameTokens('Hélène')).toEqual(['HELENE']);
    expect(nameTokens(null)).toEqual([]);
  });
});

describe('searchKeysFor', () => {
  it('produces the tokens, phonetic keys and three-letter prefixes stored for search', () => {
    const keys = searchKeysFor({
      birthName: 'DUPONT-MARTIN',
      usedName: 'MARTIN',
      birthGivenNames: ['MARIE', 'ANNE'],
      usedGivenName: null,
      birthDate: '1980-01-01',
    });
    expect(keys.birthDate).toBe('1980-01-01');
    expect(keys.tokens).toEqual(['DUPONT', 'MARTIN', 'DUPONTMARTIN', 'MARIE', 'ANNE']);
    expect(keys.phoneticKeys).toContain(phoneticKey('DUPOND'));
    expect(keys.prefixes).toEqual(['DUP', 'MAR']);
  });
});
