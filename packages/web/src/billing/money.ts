import { parisToday } from '@pivot/core/calendar';
import { formatEuros, parseEuros } from '@pivot/core/money';

/** `1234` → `12,34 €` (French) or `€12.34`-like with a dot in English. */
export function euros(cents: number | null | undefined, language = 'fr'): string {
  if (cents === null || cents === undefined) return '—';
  return formatEuros(cents, language.startsWith('en') ? 'en' : 'fr');
}

/** Euros typed by a user → cents, or null when it cannot be read. */
export function centsOf(text: string): number | null {
  try {
    return parseEuros(text);
  } catch {
    return null;
  }
}

export function todayIso(): string {
  return parisToday();
}

export function frenchDate(iso: string | null | undefined): string {
  if (!iso) return '—';
  return `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
}
