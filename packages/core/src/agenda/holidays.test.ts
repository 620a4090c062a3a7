import { describe, expect, it } from 'vitest';
import { easterSunday, frenchPublicHolidays, isFrenchPublicHoliday, publicHolidayDates } from './holidays.ts';

describe('easterSunday', () => {
  it.each([
    [2000, '2000-04-23'],
    [2019, '2019-04-21'],
    [2024, '2024-03-31'],
    [2025, '2025-04-20'],
    [2026, '2026-04-05'],
    [2027, '2027-03-28'],
    [2038, '2038-04-25'],
  ])('computes Easter %i on %s by the anonymous Gregorian algorithm', (year, date) => {
    expect(easterSunday(year)).toBe(date);
  });
});

describe('frenchPublicHolidays', () => {
  const byName = (year: number) =>
    Object.fromEntries(frenchPublicHolidays(year).map((h) => [h.name, h.date]));

  it('lists the eleven legal holidays of 2024 with Easter Monday, Ascension and Whit Monday', () => {
    expect(byName(2024)).toEqual({
      new_year: '2024-01-01',
      easter_monday: '2024-04-01',
      labour_day: '2024-05-01',
      victory_1945: '2024-05-08',
      ascension: '2024-05-09',
      whit_monday: '2024-05-20',
      bastille_day: '2024-07-14',
      assumption: '2024-08-15',
      all_saints: '2024-11-01',
      armistice_1918: '2024-11-11',
      christmas: '2024-12-25',
    });
  });

  it.each([
    [2025, '2025-04-21', '2025-05-29', '2025-06-09'],
    [2026, '2026-04-06', '2026-05-14', '2026-05-25'],
    [2027, '2027-03-29', '2027-05-06', '2027-05-17'],
  ])('places the movable holidays of %i after Easter', (year, easterMonday, ascension, whitMonday) => {
    const h = byName(year);
    expect([h.easter_monday, h.ascension, h.whit_monday]).toEqual([easterMonday, ascension, whitMonday]);
    expect(frenchPublicHolidays(year)).toHaveLength(11);
  });

  it('returns holidays in date order', () => {
    const dates = frenchPublicHolidays(2025).map((h) => h.date);
    expect(dates).toEqual([...dates].sort());
  });

  it('keeps both holidays when Ascension falls on 1 May (2008)', () => {
    expect(
      frenchPublicHolidays(2008)
        .filter((h) => h.date === '2008-05-01')
        .map((h) => h.name),
    ).toEqual(expect.arrayContaining(['labour_day', 'ascension']));
  });

  it('adds Good Friday and St Stephen in Alsace-Moselle only', () => {
    expect(byName(2025).good_friday).toBeUndefined();
    const alsace = Object.fromEntries(
      frenchPublicHolidays(2025, { alsaceMoselle: true }).map((h) => [h.name, h.date]),
    );
    expect(alsace.good_friday).toBe('2025-04-18');
    expect(alsace.st_stephen).toBe('2025-12-26');
  });

  it('tells whether a date is a public holiday', () => {
    expect(isFrenchPublicHoliday('2025-06-09')).toBe(true);
    expect(isFrenchPublicHoliday('2025-06-10')).toBe(false);
  });

  it('collects holiday dates across the years of a range', () => {
    const dates = publicHolidayDates('2025-12-01', '2026-01-31');
    expect(dates.has('2025-12-25')).toBe(true);
    expect(dates.has('2026-01-01')).toBe(true);
  });
});
