import { describe, expect, it } from 'vitest';
import { closeBirthDates } from './close-dates.ts';
import { birthDatesClose } from './duplicates.ts';

describe('closeBirthDates', () => {
  it('lists day and month swapped', () => {
    expect(closeBirthDates('1975-03-04')).toContain('1975-04-03');
  });

  it('lists one digit changed and two adjacent digits swapped', () => {
    const dates = closeBirthDates('1975-03-14');
    expect(dates).toContain('1975-03-15');
    expect(dates).toContain('1957-03-14');
    expect(dates).not.toContain('1975-03-41');
  });

  it('lists only valid calendar dates, never the date itself', () => {
    const dates = closeBirthDates('2000-02-29');
    expect(dates).not.toContain('2000-02-29');
    expect(dates).not.toContain('2000-02-30');
    expect(dates.every((d) => /^\d{4}-\d{2}-\d{2}$/.test(d))).toBe(true);
  });

  it('never proposes a year before 1850', () => {
    expect(closeBirthDates('1851-01-01').some((d) => d < '1850')).toBe(false);
    expect(closeBirthDates('1921-10-21').some((d) => d < '1850')).toBe(false);
  });

  it('agrees with birthDatesClose for every date it lists', () => {
    for (const date of ['1960-01-01', '1985-12-31', '2019-07-10']) {
      for (const close of closeBirthDates(date)) expect(birthDatesClose(date, close)).toBe(true);
    }
  });
});
