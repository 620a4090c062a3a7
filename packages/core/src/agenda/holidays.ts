import { addDays } from '../calendar/index.ts';

export const publicHolidayNames = [
  'new_year',
  'good_friday',
  'easter_monday',
  'labour_day',
  'victory_1945',
  'ascension',
  'whit_monday',
  'bastille_day',
  'assumption',
  'all_saints',
  'armistice_1918',
  'christmas',
  'st_stephen',
] as const;
export type PublicHolidayName = (typeof publicHolidayNames)[number];

export interface PublicHoliday {
  date: string;
  name: PublicHolidayName;
}

export const publicHolidayLabels: Record<PublicHolidayName, { fr: string; en: string }> = {
  new_year: { fr: 'Jour de l’an', en: 'New Year’s Day' },
  good_friday: { fr: 'Vendredi saint', en: 'Good Friday' },
  easter_monday: { fr: 'Lundi de Pâques', en: 'Easter Monday' },
  labour_day: { fr: 'Fête du Travail', en: 'Labour Day' },
  victory_1945: { fr: 'Victoire 1945', en: 'Victory in Europe Day' },
  ascension: { fr: 'Ascension', en: 'Ascension Day' },
  whit_monday: { fr: 'Lundi de Pentecôte', en: 'Whit Monday' },
  bastille_day: { fr: 'Fête nationale', en: 'Bastille Day' },
  assumption: { fr: 'Assomption', en: 'Assumption Day' },
  all_saints: { fr: 'Toussaint', en: 'All Saints’ Day' },
  armistice_1918: { fr: 'Armistice 1918', en: 'Armistice Day' },
  christmas: { fr: 'Noël', en: 'Christmas Day' },
  st_stephen: { fr: 'Saint-Étienne', en: 'St Stephen’s Day' },
};

/** Easter Sunday by the anonymous Gregorian algorithm (Meeus/Jones/Butcher). */
export function easterSunday(year: number): string {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export interface HolidayOptions {
  /** Bas-Rhin, Haut-Rhin and Moselle add Good Friday and 26 December (Code du travail, L3134-13). */
  alsaceMoselle?: boolean;
}

/** French public holidays (Code du travail, art. L3133-1), in date order. */
export function frenchPublicHolidays(year: number, options: HolidayOptions = {}): PublicHoliday[] {
  const easter = easterSunday(year);
  const y = String(year).padStart(4, '0');
  const holidays: PublicHoliday[] = [
    { date: `${y}-01-01`, name: 'new_year' },
    { date: addDays(easter, 1), name: 'easter_monday' },
    { date: `${y}-05-01`, name: 'labour_day' },
    { date: `${y}-05-08`, name: 'victory_1945' },
    { date: addDays(easter, 39), name: 'ascension' },
    { date: addDays(easter, 50), name: 'whit_monday' },
    { date: `${y}-07-14`, name: 'bastille_day' },
    { date: `${y}-08-15`, name: 'assumption' },
    { date: `${y}-11-01`, name: 'all_saints' },
    { date: `${y}-11-11`, name: 'armistice_1918' },
    { date: `${y}-12-25`, name: 'christmas' },
  ];
  if (options.alsaceMoselle) {
    holidays.push(
      { date: addDays(easter, -2), name: 'good_friday' },
      { date: `${y}-12-26`, name: 'st_stephen' },
    );
  }
  // Ascension can fall on 1 or 8 May (e.g. 2008): two holidays on one date are kept, both named.
  return holidays.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

/** Set of holiday dates for every year touched by [from, to]. */
export function publicHolidayDates(from: string, to: string, options: HolidayOptions = {}): Set<string> {
  const dates = new Set<string>();
  for (let year = Number(from.slice(0, 4)); year <= Number(to.slice(0, 4)); year++) {
    for (const holiday of frenchPublicHolidays(year, options)) dates.add(holiday.date);
  }
  return dates;
}

export function isFrenchPublicHoliday(date: string, options: HolidayOptions = {}): boolean {
  return frenchPublicHolidays(Number(date.slice(0, 4)), options).some((h) => h.date === date);
}
