import { describe, expect, it } from 'vitest';
import { errorCodeOf } from '../errors/error-code-of.ts';
import type { Payment } from './payments.ts';
import { dailyTakings, monthlyTakings, takingsBy } from './reports.ts';

const payments: Payment[] = [
  {
    id: '1',
    date: '2026-03-10',
    amountCents: 3_000,
    method: { kind: 'cash' },
    payer: { kind: 'patient', id: 'p1' },
    practitionerId: 'dr-a',
  },
  {
    id: '2',
    date: '2026-03-10',
    amountCents: 5_000,
    method: { kind: 'cheque', bank: 'LCL', number: '1', drawer: 'X' },
    payer: { kind: 'patient', id: 'p2' },
    practitionerId: 'dr-b',
  },
  {
    id: '3',
    date: '2026-03-11',
    amountCents: 19_000,
    method: { kind: 'transfer' },
    payer: { kind: 'amo', id: '01751' },
    practitionerId: 'dr-a',
  },
  {
    id: '4',
    date: '2026-04-01',
    amountCents: 900,
    method: { kind: 'transfer' },
    payer: { kind: 'amc', id: 'mut-9' },
  },
];

describe('takings reports', () => {
  it('sums one day by practitioner, method and payer', () => {
    const day = dailyTakings(payments, '2026-03-10');
    expect(day).toMatchObject({
      count: 2,
      totalCents: 8_000,
      byPractitioner: { 'dr-a': 3_000, 'dr-b': 5_000 },
    });
    expect(day.byMethod).toEqual({ cash: 3_000, cheque: 5_000, card: 0, transfer: 0 });
    expect(day.byPayerKind).toEqual({ patient: 8_000, amo: 0, amc: 0 });
  });
  it('sums one month with takings per insurer', () => {
    const month = monthlyTakings(payments, '2026-03');
    expect(month.totalCents).toBe(27_000);
    expect(month.byInsurer).toEqual({ 'amo:01751': 19_000 });
  });
  it('puts payments without practitioner under "unassigned"', () =>
    expect(monthlyTakings(payments, '2026-04').byPractitioner).toEqual({ unassigned: 900 }));
  it('lists periods in date order', () => {
    expect(takingsBy(payments, 'day').map((s) => [s.period, s.totalCents])).toEqual([
      ['2026-03-10', 8_000],
      ['2026-03-11', 19_000],
      ['2026-04-01', 900],
    ]);
    expect(takingsBy(payments, 'month').map((s) => s.period)).toEqual(['2026-03', '2026-04']);
  });
  it('refuses a malformed month', () =>
    expect(errorCodeOf(() => monthlyTakings(payments, '2026-13'))).toBe('month_invalid'));
});
