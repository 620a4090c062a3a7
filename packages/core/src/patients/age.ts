import { daysInMonth } from '../identity/index.ts';

/** Civil majority (Code civil, art. 414). */
export const majorityAge = 18;

export interface Age {
  /** Completed years. */
  years: number;
  /** Completed months since birth (for infants' banners). */
  totalMonths: number;
  /** Days since the last completed month. */
  days: number;
}

function parts(iso: string): [number, number, number] {
  return [Number(iso.slice(0, 4)), Number(iso.slice(5, 7)), Number(iso.slice(8, 10))];
}

/**
 * Age on a date (both ISO `YYYY-MM-DD`). A month is completed on the same day of a later month;
 * someone born on the 29 February completes a year on the 1 March of a common year.
 */
export function ageOn(birthDate: string, date: string): Age {
  const [by, bm, bd] = parts(birthDate);
  const [y, m, d] = parts(date);
  let totalMonths = (y - by) * 12 + (m - bm);
  let days = d - bd;
  if (days < 0) {
    totalMonths -= 1;
    const previousMonth = m === 1 ? 12 : m - 1;
    const previousYear = m === 1 ? y - 1 : y;
    days += daysInMonth(previousYear, previousMonth);
    if (days < 0) days = d;
  }
  if (totalMonths < 0) return { years: 0, totalMonths: 0, days: 0 };
  return { years: Math.floor(totalMonths / 12), totalMonths, days };
}

export function isMinorOn(birthDate: string, date: string): boolean {
  return ageOn(birthDate, date).years < majorityAge;
}

/** Short label for banners: days under 1 month, months under 2 years, then years. */
export function ageLabel(age: Age, language: 'fr' | 'en'): string {
  if (age.totalMonths === 0) return language === 'fr' ? `${age.days} j` : `${age.days} d`;
  if (age.years < 2) return language === 'fr' ? `${age.totalMonths} mois` : `${age.totalMonths} mo`;
  return language === 'fr' ? `${age.years} ans` : `${age.years} y`;
}
