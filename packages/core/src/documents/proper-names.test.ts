import { describe, expect, it } from 'vitest';
import { isProperName, properNameWords, startsWithCapital } from './proper-names.ts';

describe('proper names for the spell-checker', () => {
  const names = properNameWords([
    'DUPONTEL',
    'Camille',
    'Dr Paul Kerjean',
    'SAINT-EXUPÉRY Anne',
    'd’Almeida',
    null,
  ]);

  it('folds each name to lower case, with the parts of hyphenated and elided names', () => {
    expect([...names]).toEqual(
      expect.arrayContaining([
        'dupontel',
        'camille',
        'kerjean',
        'saint-exupéry',
        'saint',
        'exupéry',
        'almeida',
      ]),
    );
  });

  it('accepts a known name written with its capital, in any of its forms', () => {
    expect(isProperName('Dupontel', names)).toBe(true);
    expect(isProperName('Kerjean', names)).toBe(true);
    expect(isProperName('Saint-Exupéry', names)).toBe(true);
    expect(isProperName('Exupéry', names)).toBe(true);
    expect(isProperName('d’Almeida', names)).toBe(true);
    expect(isProperName("D'Almeida", names)).toBe(true);
  });

  it('checks a name written without its capital, and unknown names, as any word', () => {
    expect(isProperName('dupontel', names)).toBe(false);
    expect(isProperName('d’almeida', names)).toBe(false);
    expect(isProperName('Duponte', names)).toBe(false);
    expect(isProperName('Saint-Exupéri', names)).toBe(false);
  });

  it('knows a capital letter, accented ones included', () => {
    expect(startsWithCapital('Émile')).toBe(true);
    expect(startsWithCapital('émile')).toBe(false);
  });
});
