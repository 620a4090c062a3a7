import type { IsoDate } from '../calendar/index.ts';
import { DomainError } from '../errors/domain-error.ts';
import { assertCents, assertNonNegativeCents, type Cents, sumCents } from '../money/index.ts';

/** Euro banknotes and coins, in cents, largest first. */
export const euroDenominations = [
  50_000, 20_000, 10_000, 5_000, 2_000, 1_000, 500, 200, 100, 50, 20, 10, 5, 2, 1,
] as const;
export const euroBanknotes = [50_000, 20_000, 10_000, 5_000, 2_000, 1_000, 500] as const;

/** How many of each denomination (key: denomination in cents). */
export type DenominationCount = Readonly<Record<number, number>>;

export interface DenominationLine {
  denominationCents: Cents;
  kind: 'banknote' | 'coin';
  count: number;
  totalCents: Cents;
}

export function countDenominations(counts: DenominationCount): {
  lines: DenominationLine[];
  totalCents: Cents;
} {
  const lines: DenominationLine[] = [];
  for (const [key, count] of Object.entries(counts)) {
    const denomination = Number(key);
    if (!(euroDenominations as readonly number[]).includes(denomination)) {
      throw new DomainError('denomination_unknown', {
        field: 'denominations',
        params: { denomination: key },
      });
    }
    if (!Number.isSafeInteger(count) || count < 0) {
      throw new DomainError('denomination_count_invalid', {
        field: 'denominations',
        params: { denomination: key },
      });
    }
    if (count === 0) continue;
    lines.push({
      denominationCents: denomination,
      kind: (euroBanknotes as readonly number[]).includes(denomination) ? 'banknote' : 'coin',
      count,
      totalCents: denomination * count,
    });
  }
  lines.sort((a, b) => b.denominationCents - a.denominationCents);
  return { lines, totalCents: sumCents(lines.map((l) => l.totalCents)) };
}

export interface CashDay {
  date: IsoDate;
  openingFloatCents: Cents;
  status: 'open' | 'closed';
  closing?: CashClosing | undefined;
}

export interface CashClosing {
  cashPaymentsCents: Cents;
  cashDepositedCents: Cents;
  expectedCents: Cents;
  countedCents: Cents;
  /** counted − expected: negative when cash is missing. */
  differenceCents: Cents;
  reason?: string | undefined;
  closedBy: string;
}

export function openCashDay(date: IsoDate, openingFloatCents: Cents): CashDay {
  assertNonNegativeCents(openingFloatCents, 'openingFloatCents');
  return { date, openingFloatCents, status: 'open' };
}

/** Expected cash in the drawer = opening float + cash payments − cash deposited (refunds are negative payments). */
export function expectedCash(
  openingFloatCents: Cents,
  cashPayments: readonly Cents[],
  cashDepositedCents: Cents,
): Cents {
  assertNonNegativeCents(openingFloatCents, 'openingFloatCents');
  assertNonNegativeCents(cashDepositedCents, 'cashDepositedCents');
  for (const [i, c] of cashPayments.entries()) assertCents(c, `cashPayments.${i}`);
  return openingFloatCents + sumCents(cashPayments) - cashDepositedCents;
}

/** Anything that changes a day's cash (a payment, a deposit, a correction) first checks the day is open. */
export function assertCashDayOpen(day: CashDay): CashDay {
  if (day.status === 'closed')
    throw new DomainError('day_closed', { field: 'date', params: { date: day.date } });
  return day;
}

/** Daily closing: the counted cash is compared with the expected; any difference needs a reason. */
export function closeCashDay(
  day: CashDay,
  input: {
    cashPayments: readonly Cents[];
    cashDepositedCents: Cents;
    countedCents: Cents;
    reason?: string | undefined;
    closedBy: string;
  },
): CashDay {
  assertCashDayOpen(day);
  assertNonNegativeCents(input.countedCents, 'countedCents');
  const expectedCents = expectedCash(day.openingFloatCents, input.cashPayments, input.cashDepositedCents);
  const differenceCents = input.countedCents - expectedCents;
  const reason = input.reason?.trim() ?? '';
  if (differenceCents !== 0 && reason === '') {
    throw new DomainError('cash_difference_reason_required', {
      field: 'reason',
      params: { difference: differenceCents },
    });
  }
  return {
    ...day,
    status: 'closed',
    closing: {
      cashPaymentsCents: sumCents(input.cashPayments),
      cashDepositedCents: input.cashDepositedCents,
      expectedCents,
      countedCents: input.countedCents,
      differenceCents,
      reason: reason === '' ? undefined : reason,
      closedBy: input.closedBy,
    },
  };
}

/** The next day opens with the cash left in the drawer at closing. */
export function nextOpeningFloat(closed: CashDay): Cents {
  if (closed.status !== 'closed' || !closed.closing)
    throw new DomainError('day_not_closed', { field: 'date' });
  return closed.closing.countedCents;
}
