import { describe, expect, it } from 'vitest';
import { errorCodeOf } from '../errors/error-code-of.ts';
import {
  assertInvoiceDeletable,
  buildInvoice,
  checkInvoiceSequence,
  creditNoteFor,
  formatInvoiceNumber,
  invoiceNetTotal,
  nextInvoiceNumber,
  parseInvoiceNumber,
} from './invoice-number.ts';

describe('invoice numbers: one unbroken sequence per organisation and year', () => {
  it('writes 2026-000123', () => expect(formatInvoiceNumber(2026, 123)).toBe('2026-000123'));
  it('keeps going past 999 999', () => expect(formatInvoiceNumber(2026, 1_000_000)).toBe('2026-1000000'));
  it('reads a number back', () =>
    expect(parseInvoiceNumber('2026-000123')).toEqual({ year: 2026, sequence: 123 }));
  it('refuses a malformed number', () =>
    expect(errorCodeOf(() => parseInvoiceNumber('26-12'))).toBe('invoice_number_malformed'));
  it('refuses sequence 0', () =>
    expect(errorCodeOf(() => parseInvoiceNumber('2026-000000'))).toBe('invoice_number_malformed'));

  const next: [string | null, number, string][] = [
    [null, 2026, '2026-000001'],
    ['2026-000122', 2026, '2026-000123'],
    ['2025-004711', 2026, '2026-000001'],
  ];
  for (const [last, year, expected] of next) {
    it(`follows ${last ?? 'nothing'} with ${expected}`, () =>
      expect(nextInvoiceNumber(last, year)).toBe(expected));
  }
  it('refuses to number in a year before the last invoice', () =>
    expect(errorCodeOf(() => nextInvoiceNumber('2026-000001', 2025))).toBe('invoice_year_before_last'));

  it('finds gaps and duplicates per year', () => {
    expect(checkInvoiceSequence(['2026-000001', '2026-000003', '2026-000003', '2025-000002'])).toEqual({
      missing: ['2025-000001', '2026-000002'],
      duplicates: ['2026-000003'],
    });
  });
  it('finds nothing wrong in an unbroken sequence', () =>
    expect(checkInvoiceSequence(['2026-000002', '2026-000001'])).toEqual({ missing: [], duplicates: [] }));
});

describe('credit notes', () => {
  const invoice = buildInvoice('2026-000010', '2026-03-01', [
    { label: 'Consultation', actCode: 'G', amountCents: 3_000 },
    { label: 'ECG', actCode: 'DEQP003', amountCents: 1_452 },
  ]);

  it('totals an invoice', () => expect(invoice.totalCents).toBe(4_452));
  it('refuses an invoice without lines', () =>
    expect(errorCodeOf(() => buildInvoice('2026-000011', '2026-03-01', []))).toBe('invoice_without_lines'));

  it('references the invoice and negates every amount', () => {
    const credit = creditNoteFor(invoice, {
      number: '2026-000011',
      issuedOn: '2026-03-02',
      reason: 'Erreur de cotation',
    });
    expect(credit).toMatchObject({
      kind: 'credit_note',
      creditedInvoiceNumber: '2026-000010',
      totalCents: -4_452,
    });
    expect(credit.lines.map((l) => l.amountCents)).toEqual([-3_000, -1_452]);
    expect(invoiceNetTotal(invoice, [credit])).toBe(0);
  });
  it('credits an invoice only once', () => {
    const credit = creditNoteFor(invoice, { number: '2026-000011', issuedOn: '2026-03-02', reason: 'x' });
    expect(
      errorCodeOf(() =>
        creditNoteFor(invoice, { number: '2026-000012', issuedOn: '2026-03-02', reason: 'x' }, [credit]),
      ),
    ).toBe('invoice_already_credited');
  });
  it('never credits a credit note', () => {
    const credit = creditNoteFor(invoice, { number: '2026-000011', issuedOn: '2026-03-02', reason: 'x' });
    expect(
      errorCodeOf(() =>
        creditNoteFor(credit, { number: '2026-000012', issuedOn: '2026-03-02', reason: 'x' }),
      ),
    ).toBe('credit_note_of_credit_note');
  });
  it('requires a reason', () =>
    expect(
      errorCodeOf(() =>
        creditNoteFor(invoice, { number: '2026-000011', issuedOn: '2026-03-02', reason: ' ' }),
      ),
    ).toBe('required'));
  it('refuses a credit note dated before its invoice', () =>
    expect(
      errorCodeOf(() =>
        creditNoteFor(invoice, { number: '2026-000011', issuedOn: '2026-02-28', reason: 'x' }),
      ),
    ).toBe('credit_note_before_invoice'));
  it('never deletes an invoice', () =>
    expect(errorCodeOf(() => assertInvoiceDeletable(invoice))).toBe('invoice_never_deleted'));
});
