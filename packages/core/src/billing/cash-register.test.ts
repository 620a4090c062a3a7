import { describe, expect, it } from 'vitest';
import { errorCodeOf } from '../errors/error-code-of.ts';
import {
  assertCashDayOpen,
  closeCashDay,
  countDenominations,
  expectedCash,
  nextOpeningFloat,
  openCashDay,
} from './cash-register.ts';

describe('cash register daily closing', () => {
  const day = openCashDay('2026-03-10', 15_000);

  it('expects opening float + cash payments − cash deposited', () =>
    expect(expectedCash(15_000, [3_000, 2_500, -500], 10_000)).toBe(10_000));

  it('closes with no difference and no reason', () => {
    const closed = closeCashDay(day, {
      cashPayments: [3_000, 2_000],
      cashDepositedCents: 0,
      countedCents: 20_000,
      closedBy: 'u1',
    });
    expect(closed.status).toBe('closed');
    expect(closed.closing).toMatchObject({ expectedCents: 20_000, differenceCents: 0 });
    expect(nextOpeningFloat(closed)).toBe(20_000);
  });
  it('requires a reason for a difference', () => {
    expect(
      errorCodeOf(() =>
        closeCashDay(day, {
          cashPayments: [3_000],
          cashDepositedCents: 0,
          countedCents: 17_900,
          closedBy: 'u1',
        }),
      ),
    ).toBe('cash_difference_reason_required');
  });
  it('records a missing amount as a negative difference with its reason', () => {
    const closed = closeCashDay(day, {
      cashPayments: [3_000],
      cashDepositedCents: 0,
      countedCents: 17_900,
      reason: 'Rendu de monnaie erroné',
      closedBy: 'u1',
    });
    expect(closed.closing).toMatchObject({ differenceCents: -100, reason: 'Rendu de monnaie erroné' });
  });
  it('refuses to change a closed day', () => {
    const closed = closeCashDay(day, {
      cashPayments: [],
      cashDepositedCents: 0,
      countedCents: 15_000,
      closedBy: 'u1',
    });
    expect(errorCodeOf(() => assertCashDayOpen(closed))).toBe('day_closed');
    expect(
      errorCodeOf(() =>
        closeCashDay(closed, {
          cashPayments: [],
          cashDepositedCents: 0,
          countedCents: 15_000,
          closedBy: 'u1',
        }),
      ),
    ).toBe('day_closed');
  });
  it('has no next float before closing', () =>
    expect(errorCodeOf(() => nextOpeningFloat(day))).toBe('day_not_closed'));
});

describe('denomination counting', () => {
  it('counts banknotes and coins in cents', () => {
    const { lines, totalCents } = countDenominations({ 5000: 2, 1000: 3, 200: 4, 1: 7 });
    expect(totalCents).toBe(13_807);
    expect(lines.map((l) => [l.denominationCents, l.kind, l.totalCents])).toEqual([
      [5_000, 'banknote', 10_000],
      [1_000, 'banknote', 3_000],
      [200, 'coin', 800],
      [1, 'coin', 7],
    ]);
  });
  it('refuses a denomination that does not exist', () =>
    expect(errorCodeOf(() => countDenominations({ 300: 1 }))).toBe('denomination_unknown'));
  it('refuses a negative count', () =>
    expect(errorCodeOf(() => countDenominations({ 100: -1 }))).toBe('denomination_count_invalid'));
});
