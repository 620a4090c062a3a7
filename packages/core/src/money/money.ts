import { DomainError } from '../errors/domain-error.ts';

/** An amount of money in euro cents. Always an integer: no floating point in money arithmetic. */
export type Cents = number;

/** A rate in basis points: 10 000 = 100 %, 7 000 = 70 %. */
export type BasisPoints = number;

export const fullRate: BasisPoints = 10_000;

export function assertCents(value: number, field = 'amountCents'): Cents {
  if (!Number.isSafeInteger(value)) throw new DomainError('amount_not_integer_cents', { field });
  return value;
}

export function assertNonNegativeCents(value: number, field = 'amountCents'): Cents {
  assertCents(value, field);
  if (value < 0) throw new DomainError('amount_negative', { field });
  return value;
}

/**
 * `amount × rate`, rounded to the cent half up (billing.md: "round each share to the cent, half up").
 * A negative amount (credit note) is rounded symmetrically, so negating an invoice negates each share.
 */
export function applyRate(amount: Cents, rate: BasisPoints): Cents {
  assertCents(amount);
  if (!Number.isSafeInteger(rate) || rate < 0) throw new DomainError('rate_invalid', { field: 'rate' });
  if (amount < 0) return -applyRate(-amount, rate);
  return Math.floor((amount * rate + 5_000) / 10_000);
}

/** `amount × numerator / denominator`, rounded half up, for rational coefficients. */
export function applyRatio(amount: Cents, numerator: number, denominator: number): Cents {
  assertCents(amount);
  if (
    !Number.isSafeInteger(numerator) ||
    !Number.isSafeInteger(denominator) ||
    denominator <= 0 ||
    numerator < 0
  ) {
    throw new DomainError('rate_invalid', { field: 'ratio' });
  }
  if (amount < 0) return -applyRatio(-amount, numerator, denominator);
  return Math.floor((2 * amount * numerator + denominator) / (2 * denominator));
}

/**
 * Splits `total` in proportion to `weights` so that the parts add up to `total` exactly
 * (largest remainder; ties go to the earlier part).
 */
export function splitProportionally(total: Cents, weights: readonly number[]): Cents[] {
  assertCents(total, 'total');
  if (weights.length === 0) throw new DomainError('split_without_parts', { field: 'weights' });
  if (weights.some((w) => !Number.isSafeInteger(w) || w < 0))
    throw new DomainError('rate_invalid', { field: 'weights' });
  const sum = weights.reduce((a, b) => a + b, 0);
  if (sum === 0) throw new DomainError('split_without_parts', { field: 'weights' });
  const sign = total < 0 ? -1 : 1;
  const absolute = Math.abs(total);
  const parts = weights.map((w) => Math.floor((absolute * w) / sum));
  const remainders = weights.map((w, i) => ({ i, r: (absolute * w) % sum }));
  let left = absolute - parts.reduce((a, b) => a + b, 0);
  remainders.sort((a, b) => b.r - a.r || a.i - b.i);
  for (const { i } of remainders) {
    if (left === 0) break;
    parts[i]! += 1;
    left -= 1;
  }
  return parts.map((p) => p * sign);
}

export function sumCents(values: readonly Cents[]): Cents {
  return values.reduce((a, b) => a + b, 0);
}

/** `3000` → `"30,00"` (French decimal comma, no thousands separator: the FEC and bank files need it). */
export function formatCents(cents: Cents, decimalSeparator: ',' | '.' = ','): string {
  assertCents(cents);
  const sign = cents < 0 ? '-' : '';
  const absolute = Math.abs(cents);
  return `${sign}${Math.floor(absolute / 100)}${decimalSeparator}${String(absolute % 100).padStart(2, '0')}`;
}

/**
 * Reads a euro amount written by a person or a bank file: `1 234,56`, `1234.56`, `-12,5`, `30`.
 * Parsed from its digits, never through a floating-point number.
 */
export function parseEuros(text: string, field = 'amount'): Cents {
  const cleaned = text.trim().replace(/[\s\u00a0\u202f€]/g, '');
  const match = /^([+-]?)(\d+)(?:[.,](\d{1,2}))?$/.exec(cleaned);
  if (!match) throw new DomainError('amount_malformed', { field });
  const [, sign, units, decimals = ''] = match;
  const cents = Number(units) * 100 + Number(decimals.padEnd(2, '0'));
  if (!Number.isSafeInteger(cents)) throw new DomainError('amount_malformed', { field });
  return sign === '-' ? -cents : cents;
}

/** `1234` → `12,34 €` in French, `€12.34` in English: an amount as the desk reads it. */
export function formatEuros(cents: Cents, language: 'fr' | 'en'): string {
  return language === 'en' ? `€${formatCents(cents, '.')}` : `${formatCents(cents)} €`;
}
