import { describe, expect, it } from 'vitest';
import {
  birthDatesClose,
  compareNames,
  duplicateThresholds,
  findDuplicateCandidates,
  type IdentityForMatching,
  scoreDuplicate,
} from './duplicates.ts';

const helene: IdentityForMatching = {
  birthName: 'LEFEBVRE',
  usedName: null,
  birthGivenNames: ['HELENE', 'MARIE'],
  usedGivenName: null,
  birthDate: '1975-03-14',
  sex: 'F',
  birthPlaceCode: '75056',
};

const codes = (result: { reasons: { code: string }[] }) => result.reasons.map((r) => r.code);

describe('compareNames', () => {
  it('grades names from exact to none', () => {
    expect(compareNames('DUPONT', 'DUPONT')).toBe('exact');
    expect(compareNames('DUPONT-MARTIN', 'Dupont Martin')).toBe('same_letters');
    expect(compareNames("O'BRIEN", 'OBRIEN')).toBe('same_letters');
    expect(compareNames('LEFEBVRE', 'LEFEVRE')).toBe('phonetic');
    expect(compareNames('MARTIN', 'MARITN')).toBe('close');
    expect(compareNames('DUPONT MARTIN', 'MARTIN-DUPONT')).toBe('reordered');
    expect(compareNames('DUPONT-MARTIN', 'MARTIN')).toBe('partial');
    expect(compareNames('DUPONT', 'DURAND')).toBe('none');
    expect(compareNames('DUPONT', null)).toBe('none');
  });

  it('ignores accents', () => {
    expect(compareNames('HÉLÈNE', 'HELENE')).toBe('exact');
  });
});

describe('birthDatesClose', () => {
  it('sees one digit, two swapped digits or day/month swapped as a typing slip', () => {
    expect(birthDatesClose('1975-03-14', '1975-03-15')).toBe(true);
    expect(birthDatesClose('1975-03-14', '1957-03-14')).toBe(true);
    expect(birthDatesClose('1975-03-04', '1975-04-03')).toBe(true);
    expect(birthDatesClose('1975-03-14', '1980-06-01')).toBe(false);
    expect(birthDatesClose('1975-03-14', '1975-03-14')).toBe(false);
  });
});

describe('scoreDuplicate', () => {
  it('is certain when the INS is the same', () => {
    const same = scoreDuplicate(
      { ...helene, ins: '2 69 01 49 350 112 23' },
      { ...helene, ins: '269014935011223' },
    );
    expect(same).toEqual({ score: 100, level: 'certain', reasons: [{ code: 'same_ins', points: 100 }] });
  });

  it('flags a possible collision when the same INS carries another birth date', () => {
    const child = { ...helene, birthGivenNames: ['LEA'], birthDate: '2010-05-02', ins: '269014935011223' };
    const result = scoreDuplicate({ ...helene, ins: '269014935011223' }, child);
    expect(result.level).toBe('certain');
    expect(codes(result)).toEqual(['same_ins', 'possible_collision']);
  });

  it('finds LEFEVRE HELENE as a probable duplicate of LEFEBVRE HELENE born the same day (phonetic)', () => {
    const result = scoreDuplicate(helene, { ...helene, birthName: 'LEFEVRE' });
    expect(result.level).toBe('probable');
    expect(codes(result)).toContain('birth_name_phonetic');
    expect(codes(result)).toContain('first_given_name_exact');
  });

  it('finds names differing by accents, hyphens or spaces', () => {
    const a = { ...helene, birthName: 'DUPONT-MARTIN' };
    const result = scoreDuplicate(a, { ...a, birthName: 'DUPONT MARTIN', birthGivenNames: ['HÉLÈNE'] });
    expect(codes(result)).toContain('birth_name_same_letters');
    expect(result.level).toBe('probable');
  });

  it('finds a name one typing slip away (edit distance)', () => {
    const result = scoreDuplicate({ ...helene, birthName: 'MARTIN' }, { ...helene, birthName: 'MARITN' });
    expect(codes(result)).toContain('birth_name_close');
    expect(result.score).toBeGreaterThanOrEqual(duplicateThresholds.probable);
  });

  it('finds swapped given names', () => {
    const result = scoreDuplicate(helene, { ...helene, birthGivenNames: ['MARIE', 'HELENE'] });
    expect(codes(result)).toContain('given_names_swapped');
    expect(result.level).toBe('probable');
  });

  it('finds a birth name typed where the used name was', () => {
    const married = { ...helene, birthName: 'DURAND', usedName: 'LEFEBVRE' };
    const result = scoreDuplicate(married, { ...helene, birthName: 'LEFEBVRE', usedName: null });
    expect(codes(result)).toContain('used_name_exact');
    expect(result.level).toBe('probable');
  });

  it('finds the birth name and first given name inverted', () => {
    const result = scoreDuplicate(helene, { ...helene, birthName: 'HELENE', birthGivenNames: ['LEFEBVRE'] });
    expect(codes(result)).toContain('names_inverted');
    expect(result.level).toBe('probable');
  });

  it('finds a double birth name typed in the other order (MARTIN DUPONT for DUPONT MARTIN)', () => {
    const doubleName = { ...helene, birthName: 'DUPONT MARTIN' };
    const result = scoreDuplicate(doubleName, { ...helene, birthName: 'MARTIN-DUPONT' });
    expect(codes(result)).toContain('birth_name_reordered');
    expect(result.level).toBe('probable');
  });

  it('finds the given names typed as the birth name and the birth name among the given names', () => {
    const result = scoreDuplicate(helene, {
      ...helene,
      birthName: 'HELENE MARIE',
      birthGivenNames: ['LEFEBVRE'],
    });
    expect(codes(result)).toContain('names_inverted');
    expect(result.level).toBe('probable');
  });

  it('finds the birth name typed as the last given name, the first given name as the birth name', () => {
    const result = scoreDuplicate(helene, {
      ...helene,
      birthName: 'HELENE',
      birthGivenNames: ['MARIE', 'LEFEBVRE'],
    });
    expect(codes(result)).toContain('names_inverted');
    expect(result.level).toBe('probable');
  });

  it('does not call inverted two persons who only share a given name', () => {
    const result = scoreDuplicate(helene, { ...helene, birthName: 'MARIE', birthGivenNames: ['PAUL'] });
    expect(codes(result)).not.toContain('names_inverted');
  });

  it('proposes same birth date and sex with one of the names equal', () => {
    const result = scoreDuplicate(helene, {
      ...helene,
      birthName: 'LEFEBVRE',
      birthGivenNames: ['JULIE'],
      birthPlaceCode: null,
    });
    expect(codes(result)).toEqual(['same_birth_date', 'birth_name_exact', 'same_sex']);
    expect(result.score).toBe(75);
    expect(result.level).toBe('probable');
  });

  it('proposes as possible a given name found elsewhere in the list', () => {
    const result = scoreDuplicate(helene, {
      ...helene,
      birthName: 'DURAND',
      birthGivenNames: ['ANNE', 'MARIE'],
    });
    expect(codes(result)).toContain('given_name_in_list');
  });

  it('lowers the score when the sex or birth place differ', () => {
    const same = scoreDuplicate(helene, { ...helene, birthName: 'LEFEVRE' });
    const other = scoreDuplicate(helene, {
      ...helene,
      birthName: 'LEFEVRE',
      sex: 'M',
      birthPlaceCode: '69123',
    });
    expect(other.score).toBeLessThan(same.score);
    expect(codes(other)).toEqual(expect.arrayContaining(['different_sex', 'different_birth_place']));
  });

  it('lowers the score when both have a different INS', () => {
    const result = scoreDuplicate(
      { ...helene, ins: '269014935011223' },
      { ...helene, birthName: 'LEFEVRE', ins: '185057800608491' },
    );
    expect(codes(result)).toContain('ins_differs');
    expect(result.level).not.toBe('probable');
  });

  it('proposes a close birth date with the same names', () => {
    const result = scoreDuplicate(helene, { ...helene, birthDate: '1975-03-15' });
    expect(codes(result)[0]).toBe('close_birth_date');
    expect(result.level).toBe('probable');
  });

  it('does not propose homonyms born on other dates', () => {
    expect(scoreDuplicate(helene, { ...helene, birthDate: '1990-07-01' })).toEqual({
      score: 0,
      level: 'none',
      reasons: [],
    });
  });

  it('does not propose someone born the same day with no name in common', () => {
    const result = scoreDuplicate(helene, { ...helene, birthName: 'DURAND', birthGivenNames: ['JULIE'] });
    expect(result.level).toBe('none');
    expect(result.score).toBe(0);
  });

  it('never reaches 100 without the same INS', () => {
    expect(scoreDuplicate(helene, { ...helene }).score).toBe(99);
  });
});

describe('findDuplicateCandidates', () => {
  const existing = [
    { ...helene, id: 'a', birthName: 'LEFEVRE' },
    { ...helene, id: 'b', birthName: 'DURAND', birthGivenNames: ['JULIE'] },
    { ...helene, id: 'c' },
  ];

  it('returns the candidates above the threshold, best first', () => {
    expect(findDuplicateCandidates(helene, existing).map((c) => c.candidate.id)).toEqual(['c', 'a']);
  });

  it('does not propose again a pair judged different persons', () => {
    expect(
      findDuplicateCandidates(helene, existing, { excludedIds: new Set(['c']) }).map((c) => c.candidate.id),
    ).toEqual(['a']);
  });
});
