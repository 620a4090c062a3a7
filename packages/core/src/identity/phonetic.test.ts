import { describe, expect, it } from 'vitest';
import { lettersOnly, phoneticKey, phoneticKeys, soundsAlike } from './phonetic.ts';

describe('French phonetic key', () => {
  it.each([
    ['LEFEBVRE', 'LEFEVRE'],
    ['DUPONT', 'DUPOND'],
    ['GAUTIER', 'GAUTHIER'],
    ['PHILIPPE', 'FILIPE'],
    ['CATHERINE', 'KATHERINE'],
    ['HELENE', 'ELENE'],
    ['BERNARD', 'BERNART'],
    ['THOMAS', 'TOMAS'],
    ['MOREAU', 'MOREAUX'],
    ['ROUSSEAU', 'ROUSSO'],
    ['MICHEL', 'MICHELLE'],
    ['LAURENT', 'LORENT'],
    ['SCHMIDT', 'CHMIT'],
    ['CHRISTOPHE', 'CRISTOF'],
    ['GERARD', 'JERARD'],
    ['Hélène', 'HELENE'],
  ])('gives %s and %s the same key', (a, b) => {
    expect(phoneticKey(a)).toBe(phoneticKey(b));
    expect(soundsAlike(a, b)).toBe(true);
  });

  it.each([
    ['MARTIN', 'MARTEL'],
    ['DUPONT', 'DURAND'],
    ['GUERIN', 'GERIN'],
    ['LEFEBVRE', 'LEBRUN'],
  ])('keeps %s and %s apart', (a, b) => {
    expect(phoneticKey(a)).not.toBe(phoneticKey(b));
  });

  it('gives an empty key to a word without letters', () => {
    expect(phoneticKey("'-")).toBe('');
    expect(soundsAlike('', '')).toBe(false);
  });

  it('never returns an empty key for a word with letters', () => {
    expect(phoneticKey('H')).toBe('H');
    expect(phoneticKey('Y')).not.toBe('');
  });

  it('keys each word of a composed name', () => {
    expect(phoneticKeys('Dupont-Martin')).toEqual([phoneticKey('DUPONT'), phoneticKey('MARTIN')]);
    expect(phoneticKeys("O'Brien")).toHaveLength(2);
  });

  it('compares letters only', () => {
    expect(lettersOnly("d'Artagnan-Lœuvre")).toBe('DARTAGNANLOEUVRE');
  });
});
