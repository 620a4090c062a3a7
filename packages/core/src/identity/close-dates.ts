import { birthDatesClose } from './duplicates.ts';
import { isCalendarDate } from './traits.ts';

/**
 * Every valid date one typing slip away from `date` (one digit changed, two adjacent digits
 * swapped, day and month swapped): the birth dates among which duplicate candidates are looked
 * up with an index, before scoring (RNIV: the search starts from the birth date).
 */
export function closeBirthDates(date: string): string[] {
  const digits = date.replace(/-/g, '');
  const variants = new Set<string>();
  const add = (d: string) => {
    const iso = `${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6, 8)}`;
    // Years before 1850 are typing slips nobody alive was born in (RNIV: plausible birth dates).
    if (iso !== date && iso >= '1850-01-01' && isCalendarDate(iso)) variants.add(iso);
  };
  for (let i = 0; i < digits.length; i++) {
    for (let n = 0; n <= 9; n++) add(`${digits.slice(0, i)}${n}${digits.slice(i + 1)}`);
    if (i < digits.length - 1) add(`${digits.slice(0, i)}${digits[i + 1]}${digits[i]}${digits.slice(i + 2)}`);
  }
  add(`${digits.slice(0, 4)}${digits.slice(6, 8)}${digits.slice(4, 6)}`);
  return [...variants].filter((d) => birthDatesClose(date, d)).sort();
}
