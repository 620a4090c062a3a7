import { describe, expect, it } from 'vitest';
import type { Payment } from '../billing/index.ts';
import { errorCodeOf } from '../errors/error-code-of.ts';
import { chartOfAccounts } from './chart-of-accounts.ts';
import { form2035Lines } from './form-2035.ts';
import { expenseEntry, isBalanced, receiptFromPayment, yearlyTotals } from './journal.ts';

const cash: Payment = {
  id: 'pay-1',
  date: '2026-03-10',
  amountCents: 3_000,
  method: { kind: 'cash' },
  payer: { kind: 'patient', id: 'p1' },
};
const transfer: Payment = {
  id: 'pay-2',
  date: '2026-03-20',
  amountCents: 19_000,
  method: { kind: 'transfer' },
  payer: { kind: 'amo', id: '01751' },
};

describe('receipts-and-expenses journal (BNC, cash basis)', () => {
  it('turns a cash payment into a receipt on its payment date: 531 debit, 706 credit', () => {
    const entry = receiptFromPayment(cash, { id: 'e1', label: 'Honoraires Martin' });
    expect(entry).toMatchObject({
      journal: 'RE',
      date: '2026-03-10',
      category: 'receipts',
      amountCents: 3_000,
    });
    expect(entry.lines.map((l) => [l.account, l.debitCents, l.creditCents])).toEqual([
      ['531', 3_000, 0],
      ['706', 0, 3_000],
    ]);
  });
  it('books a transfer on the bank account 512', () =>
    expect(receiptFromPayment(transfer, { id: 'e2', label: 'CPAM' }).lines[0]!.account).toBe('512'));
  it('reverses the sides for a refund', () => {
    const entry = receiptFromPayment({ ...cash, amountCents: -3_000 }, { id: 'e3', label: 'Remboursement' });
    expect(entry.lines.map((l) => [l.account, l.debitCents, l.creditCents])).toEqual([
      ['706', 3_000, 0],
      ['531', 0, 3_000],
    ]);
  });

  it('books a professional expense on its 2035 line account', () => {
    const entry = expenseEntry({
      id: 'x1',
      date: '2026-03-05',
      label: 'Loyer mars',
      pieceRef: 'Q-03',
      amountCents: 80_000,
      category: 'rent',
      paymentMethod: 'transfer',
    });
    expect(entry.lines.map((l) => [l.account, l.debitCents, l.creditCents])).toEqual([
      ['613', 80_000, 0],
      ['512', 0, 80_000],
    ]);
    expect(isBalanced(entry)).toBe(true);
  });
  it('excludes the private share of a mixed expense (to the owner’s account 108)', () => {
    const entry = expenseEntry({
      id: 'x2',
      date: '2026-03-06',
      label: 'Téléphone',
      pieceRef: 'F-77',
      amountCents: 5_999,
      category: 'office_documentation_phone',
      professionalShare: 7_000,
      paymentMethod: 'card',
    });
    expect(entry.privateCents).toBe(1_800);
    expect(entry.lines.map((l) => [l.account, l.debitCents, l.creditCents])).toEqual([
      ['626', 4_199, 0],
      ['108', 1_800, 0],
      ['512', 0, 5_999],
    ]);
    expect(isBalanced(entry)).toBe(true);
  });
  const invalid: [string, object, string][] = [
    ['a receipt line as an expense category', { category: 'receipts' }, 'expense_category_invalid'],
    ['a professional share above 100 %', { professionalShare: 10_001 }, 'professional_share_invalid'],
    ['a zero expense', { amountCents: 0 }, 'payment_zero'],
  ];
  for (const [name, overrides, code] of invalid) {
    it(`refuses ${name}`, () =>
      expect(
        errorCodeOf(() =>
          expenseEntry({
            id: 'x',
            date: '2026-01-01',
            label: 'x',
            pieceRef: 'x',
            amountCents: 100,
            category: 'purchases',
            paymentMethod: 'cash',
            ...overrides,
          } as Parameters<typeof expenseEntry>[0]),
        ),
      ).toBe(code));
  }

  it('totals a year per 2035 line, private shares excluded', () => {
    const entries = [
      receiptFromPayment(cash, { id: 'e1', label: 'a' }),
      receiptFromPayment(transfer, { id: 'e2', label: 'b' }),
      receiptFromPayment({ ...cash, date: '2025-12-31' }, { id: 'e0', label: 'last year' }),
      expenseEntry({
        id: 'x1',
        date: '2026-03-05',
        label: 'Loyer',
        pieceRef: 'Q',
        amountCents: 80_000,
        category: 'rent',
        paymentMethod: 'transfer',
      }),
      expenseEntry({
        id: 'x2',
        date: '2026-03-06',
        label: 'Tél',
        pieceRef: 'F',
        amountCents: 5_999,
        category: 'office_documentation_phone',
        professionalShare: 7_000,
        paymentMethod: 'card',
      }),
    ];
    expect(yearlyTotals(entries, 2026)).toEqual({
      year: 2026,
      receiptsCents: 22_000,
      deductibleExpensesCents: 84_199,
      privateExcludedCents: 1_800,
      resultCents: -62_199,
      byCategory: { receipts: 22_000, rent: 80_000, office_documentation_phone: 4_199 },
    });
  });
});

describe('2035 lines and chart of accounts', () => {
  it('gives every 2035 line a unique key and box', () => {
    expect(new Set(form2035Lines.map((l) => l.key)).size).toBe(form2035Lines.length);
    expect(new Set(form2035Lines.map((l) => l.box)).size).toBe(form2035Lines.length);
  });
  it('has bank 512, cash 531, fees 706 and the owner’s 108 in the chart', () => {
    for (const n of ['512', '531', '706', '108', '613'])
      expect(chartOfAccounts.some((a) => a.number === n)).toBe(true);
  });
  it('has each account number once', () =>
    expect(new Set(chartOfAccounts.map((a) => a.number)).size).toBe(chartOfAccounts.length));
});
