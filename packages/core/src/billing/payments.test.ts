import { describe, expect, it } from 'vitest';
import { errorCodeOf } from '../errors/error-code-of.ts';
import {
  ageingBucketOf,
  allocatePayment,
  applyAllocations,
  type Due,
  type Payment,
  receivablesByDebtor,
  receivablesByDebtorKind,
} from './payments.ts';

const patient = { kind: 'patient' as const, id: 'p1' };
const dues: Due[] = [
  { id: 'inv-2', debtor: patient, date: '2026-02-10', amountCents: 2_000, paidCents: 0 },
  { id: 'inv-1', debtor: patient, date: '2026-01-05', amountCents: 3_000, paidCents: 1_000 },
  {
    id: 'inv-3',
    debtor: { kind: 'patient', id: 'p2' },
    date: '2026-01-01',
    amountCents: 5_000,
    paidCents: 0,
  },
  { id: 'clm-1', debtor: { kind: 'amo', id: '01751' }, date: '2025-11-01', amountCents: 1_900, paidCents: 0 },
  { id: 'clm-2', debtor: { kind: 'amc', id: 'mut-9' }, date: '2026-03-01', amountCents: 900, paidCents: 0 },
];
const payment = (amountCents: number, method: Payment['method'] = { kind: 'cash' }): Payment => ({
  id: 'pay-1',
  date: '2026-03-10',
  amountCents,
  method,
  payer: patient,
});

describe('payment allocation', () => {
  it('pays the oldest due of the payer first', () => {
    expect(allocatePayment(payment(2_500), dues)).toEqual({
      allocations: [
        { paymentId: 'pay-1', dueId: 'inv-1', amountCents: 2_000 },
        { paymentId: 'pay-1', dueId: 'inv-2', amountCents: 500 },
      ],
      creditCents: 0,
    });
  });
  it('leaves a partial payment on the first due', () => {
    expect(allocatePayment(payment(500), dues).allocations).toEqual([
      { paymentId: 'pay-1', dueId: 'inv-1', amountCents: 500 },
    ]);
  });
  it('pays the named invoices first for a grouped payment', () => {
    expect(allocatePayment(payment(2_000), dues, ['inv-2']).allocations).toEqual([
      { paymentId: 'pay-1', dueId: 'inv-2', amountCents: 2_000 },
    ]);
  });
  it('keeps an overpayment as a credit of the payer', () => {
    const result = allocatePayment(payment(5_000), dues);
    expect(result.creditCents).toBe(1_000);
    expect(result.allocations.reduce((s, a) => s + a.amountCents, 0) + result.creditCents).toBe(5_000);
  });
  it('never touches another debtor’s dues', () => {
    expect(errorCodeOf(() => allocatePayment(payment(100), dues, ['inv-3']))).toBe('due_not_of_payer');
  });
  it('requires bank, number and drawer for a cheque', () => {
    expect(
      errorCodeOf(() =>
        allocatePayment(payment(100, { kind: 'cheque', bank: 'LCL', number: '', drawer: 'X' }), dues),
      ),
    ).toBe('required');
  });
  it('refuses a zero payment', () =>
    expect(errorCodeOf(() => allocatePayment(payment(0), dues))).toBe('payment_zero'));
  it('adds allocations to what was paid', () => {
    const after = applyAllocations(dues, allocatePayment(payment(2_500), dues).allocations);
    expect(after.find((d) => d.id === 'inv-1')!.paidCents).toBe(3_000);
    expect(after.find((d) => d.id === 'inv-2')!.paidCents).toBe(500);
  });
});

describe('receivables and ageing', () => {
  const buckets: [string, string][] = [
    ['2026-03-10', '0-30'],
    ['2026-02-08', '0-30'],
    ['2026-02-07', '31-60'],
    ['2026-01-09', '31-60'],
    ['2026-01-08', '61-90'],
    ['2025-12-10', '61-90'],
    ['2025-12-09', '90+'],
  ];
  for (const [date, bucket] of buckets) {
    it(`puts a due of ${date} in ${bucket} on 2026-03-10`, () =>
      expect(ageingBucketOf(date, '2026-03-10')).toBe(bucket));
  }

  it('sums what each debtor owes by bucket', () => {
    const result = receivablesByDebtor(dues, '2026-03-10');
    expect(result.find((r) => r.debtor.id === 'p1')).toMatchObject({
      totalCents: 4_000,
      buckets: { '0-30': 2_000, '31-60': 0, '61-90': 2_000, '90+': 0 },
    });
    expect(result.find((r) => r.debtor.kind === 'amo')).toMatchObject({
      totalCents: 1_900,
      buckets: { '90+': 1_900 },
    });
  });
  it('totals by kind of debtor: patients, AMO, AMC', () => {
    const totals = receivablesByDebtorKind(dues, '2026-03-10');
    expect(totals.patient).toEqual({ '0-30': 2_000, '31-60': 0, '61-90': 7_000, '90+': 0 });
    expect(totals.amo['90+']).toBe(1_900);
    expect(totals.amc['0-30']).toBe(900);
  });
  it('leaves out what is fully paid', () => {
    expect(receivablesByDebtor([{ ...dues[0]!, paidCents: 2_000 }], '2026-03-10')).toEqual([]);
  });
});
