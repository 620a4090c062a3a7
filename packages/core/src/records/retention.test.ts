import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors/domain-error.ts';
import { isRetentionOver, retentionEnd } from './retention.ts';

describe('retention of the patient record (CSP R1112-7)', () => {
  it('keeps an adult record 20 years from the last visit (born 1950, last visit 2010-03-15 → 2030-03-15)', () => {
    expect(retentionEnd({ birthDate: '1950-06-01', lastVisitDate: '2010-03-15' })).toEqual({
      endDate: '2030-03-15',
      rule: 'twenty_years_after_last_visit',
      suspendedDays: 0,
      openClaim: false,
    });
  });

  it('keeps a child record until the 28th birthday when later (born 2015-09-10, last visit 2020-01-20 → 2043-09-10)', () => {
    expect(retentionEnd({ birthDate: '2015-09-10', lastVisitDate: '2020-01-20' })).toMatchObject({
      endDate: '2043-09-10',
      rule: 'until_28th_birthday',
    });
  });

  it('keeps the record 10 years from a death less than 10 years after the last visit (died 2022-07-01 → 2032-07-01)', () => {
    expect(
      retentionEnd({ birthDate: '1940-01-01', lastVisitDate: '2020-05-05', deathDate: '2022-07-01' }),
    ).toMatchObject({
      endDate: '2032-07-01',
      rule: 'ten_years_after_death',
    });
  });

  it('applies the 20 years when the death comes 10 years or more after the last visit', () => {
    expect(
      retentionEnd({ birthDate: '1940-01-01', lastVisitDate: '2000-05-05', deathDate: '2012-01-01' }),
    ).toMatchObject({
      endDate: '2020-05-05',
      rule: 'twenty_years_after_last_visit',
    });
  });

  it('keeps 20 years when the 28th birthday comes earlier', () => {
    expect(retentionEnd({ birthDate: '2000-01-01', lastVisitDate: '2010-01-01' }).endDate).toBe('2030-01-01');
  });

  it('suspends the period for the duration of a closed claim', () => {
    const retention = retentionEnd({
      birthDate: '1950-06-01',
      lastVisitDate: '2010-03-15',
      claims: [{ from: '2015-01-01', to: '2015-01-31' }],
    });
    expect(retention).toMatchObject({ endDate: '2030-04-14', suspendedDays: 30 });
  });

  it('counts overlapping claims once', () => {
    const retention = retentionEnd({
      birthDate: '1950-06-01',
      lastVisitDate: '2010-03-15',
      claims: [
        { from: '2015-01-11', to: '2015-01-31' },
        { from: '2015-01-01', to: '2015-01-21' },
      ],
    });
    expect(retention.suspendedDays).toBe(30);
  });

  it('ignores a claim that starts after the period ended', () => {
    const retention = retentionEnd({
      birthDate: '1950-06-01',
      lastVisitDate: '2010-03-15',
      claims: [{ from: '2031-01-01', to: null }],
    });
    expect(retention).toMatchObject({ endDate: '2030-03-15', openClaim: false });
  });

  it('keeps the record with no end date while a claim is open', () => {
    const claims = [{ from: '2020-01-01', to: null }];
    expect(retentionEnd({ birthDate: '1950-06-01', lastVisitDate: '2010-03-15', claims })).toMatchObject({
      endDate: null,
      openClaim: true,
    });
    expect(
      isRetentionOver({ birthDate: '1950-06-01', lastVisitDate: '2010-03-15', claims }, '2099-01-01'),
    ).toBe(false);
  });

  it('says the record may be destroyed from the end date on', () => {
    const input = { birthDate: '1950-06-01', lastVisitDate: '2010-03-15' };
    expect(isRetentionOver(input, '2030-03-14')).toBe(false);
    expect(isRetentionOver(input, '2030-03-15')).toBe(true);
  });

  it('refuses a last visit before birth or a death before the last visit', () => {
    expect(() => retentionEnd({ birthDate: '2000-01-01', lastVisitDate: '1999-01-01' })).toThrow(DomainError);
    expect(() =>
      retentionEnd({ birthDate: '2000-01-01', lastVisitDate: '2010-01-01', deathDate: '2009-01-01' }),
    ).toThrow(DomainError);
    expect(() => retentionEnd({ birthDate: 'not a date', lastVisitDate: '2010-01-01' })).toThrow(DomainError);
  });
});
