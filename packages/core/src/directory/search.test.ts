import { describe, expect, it } from 'vitest';
import { correspondentInput } from './schemas.ts';
import {
  correspondentDisplayName,
  correspondentSearchText,
  correspondentSearchTokens,
  foldForSearch,
} from './search.ts';

describe('search normalisation', () => {
  it('folds accents, case, ligatures and punctuation', () => {
    expect(foldForSearch('  Hôpital Saint-Joseph – Cœur ')).toBe('hopital saint joseph coeur');
  });

  it('keeps % and _, so that typing them finds the texts holding them', () => {
    expect(foldForSearch('Centre 100% Santé')).toBe('centre 100% sante');
    expect(correspondentSearchTokens('jean_dupont@mssante.fr %')).toEqual(['jean_dupont@mssante.fr', '%']);
  });

  it('finds a practitioner by names, specialty, city and national phone digits', () => {
    const c = correspondentInput.parse({
      kind: 'practitioner',
      familyName: 'Lefèvre',
      givenName: 'Zoé',
      specialty: 'Cardiologie',
      address: { city: 'Évry', postalCode: '91000' },
      phones: [{ number: '+33 1 60 00 00 01' }],
    });
    const text = correspondentSearchText(c);
    for (const token of ['lefevre', 'zoe', 'cardiologie', 'evry', '91000', '0160000001'])
      expect(text).toContain(token);
  });

  it('splits words in any order and drops repeats', () => {
    expect(correspondentSearchTokens('Zoé  LEFÈVRE zoe')).toEqual(['zoe', 'lefevre']);
  });

  it('reads a typed phone number as one token of national digits', () => {
    expect(correspondentSearchTokens('+33 1 60 00 00 01')).toEqual(['0160000001']);
    expect(correspondentSearchTokens('01.60.00.00.01')).toEqual(['0160000001']);
  });

  it('names a practitioner the French way and a body by its name', () => {
    expect(correspondentDisplayName({ kind: 'practitioner', familyName: 'Lefèvre', givenName: 'Zoé' })).toBe(
      'LEFÈVRE Zoé',
    );
    expect(correspondentDisplayName({ kind: 'body', name: 'CPAM de Paris' })).toBe('CPAM de Paris');
  });
});
