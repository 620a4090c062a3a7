import { describe, expect, it } from 'vitest';
import { errorCodeOf } from '../errors/error-code-of.ts';
import { applyRate, applyRatio, formatCents, formatEuros, parseEuros, splitProportionally } from './money.ts';

describe('money in integer cents', () => {
  const rates: [number, number, number][] = [
    [3_000, 7_000, 2_100],
    [1_455, 7_000, 1_019], // 10,185 rounds half up to 10,19
    [1_452, 7_000, 1_016], // 10,164 rounds down to 10,16
    [5, 5_000, 3], // 2,5 cents rounds half up to 3
    [-5, 5_000, -3], // a credit note negates the rounded share
    [2_300, 3_000, 690],
    [0, 7_000, 0],
  ];
  for (const [amount, rate, expected] of rates) {
    it(`rounds ${amount} × ${rate / 100} % half up to ${expected} cents`, () =>
      expect(applyRate(amount, rate)).toBe(expected));
  }

  it('applies a rational ratio half up (K 1.5 of 1,92 € = 2,88 €)', () =>
    expect(applyRatio(192, 150, 100)).toBe(288));
  it('rounds a ratio of 1/3 of 1 cent to 0 and of 2 cents to 1', () => {
    expect(applyRatio(1, 1, 3)).toBe(0);
    expect(applyRatio(2, 1, 3)).toBe(1);
  });

  it('refuses fractions of a cent', () =>
    expect(errorCodeOf(() => applyRate(10.5, 7_000))).toBe('amount_not_integer_cents'));
  it('refuses a negative or fractional rate', () =>
    expect(errorCodeOf(() => applyRate(100, -1))).toBe('rate_invalid'));

  const splits: [number, number[], number[]][] = [
    [100, [1, 1, 1], [34, 33, 33]],
    [1_000, [7, 3], [700, 300]],
    [-100, [1, 1, 1], [-34, -33, -33]],
    [1, [1, 1], [1, 0]],
  ];
  for (const [total, weights, parts] of splits) {
    it(`splits ${total} by ${weights.join(':')} into parts adding up exactly`, () => {
      const result = splitProportionally(total, weights);
      expect(result).toEqual(parts);
      expect(result.reduce((a, b) => a + b, 0)).toBe(total);
    });
  }
  it('refuses to split between no parts', () =>
    expect(errorCodeOf(() => splitProportionally(100, [0, 0]))).toBe('split_without_parts'));

  const formats: [number, string][] = [
    [3_000, '30,00'],
    [5, '0,05'],
    [-1_234_56, '-1234,56'],
    [0, '0,00'],
  ];
  for (const [cents, text] of formats) {
    it(`writes ${cents} cents as ${text}`, () => expect(formatCents(cents)).toBe(text));
  }
  it('writes a decimal point on request', () => expect(formatCents(1_950, '.')).toBe('19.50'));

  const parses: [string, number][] = [
    ['30,00', 3_000],
    ['1 234,56', 123_456],
    ['1234.5', 123_450],
    ['-12,5', -1_250],
    ['+7', 700],
    ['0,07 €', 7],
    ['19,99', 1_999],
  ];
  for (const [text, cents] of parses) {
    it(`reads "${text}" as ${cents} cents without floating point`, () =>
      expect(parseEuros(text)).toBe(cents));
  }
  for (const bad of ['', 'abc', '1,234', '12,345', '1.2.3']) {
    it(`refuses "${bad}"`, () => expect(errorCodeOf(() => parseEuros(bad))).toBe('amount_malformed'));
  }
});

describe('euros as the desk reads them', () => {
  it('writes French with a decimal comma and English with a dot', () => {
    expect(formatEuros(123_456, 'fr')).toBe('1234,56 €');
    expect(formatEuros(-50, 'en')).toBe('€-0.50');
  });
});
