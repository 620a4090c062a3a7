import type { IsoDate } from '../calendar/index.ts';
import { DomainError } from '../errors/domain-error.ts';
import { assertCents, type Cents, sumCents } from '../money/index.ts';

/**
 * Invoice numbers: one unbroken sequence per organisation and year, `YYYY-NNNNNN` (billing.md,
 * last rule; CGI art. 242 nonies A: chronological sequence without gaps). Credit notes take their
 * number in the same sequence, so the sequence stays unbroken.
 */
export interface InvoiceNumber {
  year: number;
  sequence: number;
}

const pattern = /^(\d{4})-(\d{6,})$/;

export function formatInvoiceNumber(year: number, sequence: number): string {
  if (!Number.isInteger(year) || year < 1000 || year > 9999)
    throw new DomainError('invoice_year_invalid', { field: 'year' });
  if (!Number.isSafeInteger(sequence) || sequence < 1)
    throw new DomainError('invoice_sequence_invalid', { field: 'sequence' });
  return `${year}-${String(sequence).padStart(6, '0')}`;
}

export function parseInvoiceNumber(value: string): InvoiceNumber {
  const match = pattern.exec(value.trim());
  if (!match || Number(match[2]) < 1) throw new DomainError('invoice_number_malformed', { field: 'number' });
  return { year: Number(match[1]), sequence: Number(match[2]) };
}

/** The number after `lastIssued` (the organisation's last number of any year), restarting at 1 each year. */
export function nextInvoiceNumber(lastIssued: string | null, year: number): string {
  if (lastIssued === null) return formatInvoiceNumber(year, 1);
  const last = parseInvoiceNumber(lastIssued);
  if (last.year > year) throw new DomainError('invoice_year_before_last', { field: 'year' });
  return formatInvoiceNumber(year, last.year === year ? last.sequence + 1 : 1);
}

export interface SequenceCheck {
  missing: string[];
  duplicates: string[];
}

/** Gaps and duplicates in a set of issued numbers, per year (an audit check, numbers in any order). */
export function checkInvoiceSequence(numbers: readonly string[]): SequenceCheck {
  const byYear = new Map<number, number[]>();
  const duplicates: string[] = [];
  const seen = new Set<string>();
  for (const n of numbers) {
    const { year, sequence } = parseInvoiceNumber(n);
    const key = formatInvoiceNumber(year, sequence);
    if (seen.has(key)) duplicates.push(key);
    seen.add(key);
    byYear.set(year, [...(byYear.get(year) ?? []), sequence]);
  }
  const missing: string[] = [];
  for (const [year, sequences] of [...byYear].sort(([a], [b]) => a - b)) {
    const max = Math.max(...sequences);
    const present = new Set(sequences);
    for (let s = 1; s <= max; s++) if (!present.has(s)) missing.push(formatInvoiceNumber(year, s));
  }
  return { missing, duplicates };
}

export interface InvoiceLine {
  label: string;
  actCode?: string | undefined;
  amountCents: Cents;
}

export interface Invoice {
  number: string;
  issuedOn: IsoDate;
  kind: 'invoice' | 'credit_note';
  /** For a credit note: the number of the invoice it cancels. */
  creditedInvoiceNumber?: string | undefined;
  reason?: string | undefined;
  lines: InvoiceLine[];
  totalCents: Cents;
}

export function buildInvoice(number: string, issuedOn: IsoDate, lines: readonly InvoiceLine[]): Invoice {
  parseInvoiceNumber(number);
  if (lines.length === 0) throw new DomainError('invoice_without_lines', { field: 'lines' });
  for (const [i, l] of lines.entries()) assertCents(l.amountCents, `lines.${i}.amountCents`);
  return {
    number,
    issuedOn,
    kind: 'invoice',
    lines: [...lines],
    totalCents: sumCents(lines.map((l) => l.amountCents)),
  };
}

/**
 * A wrong invoice is cancelled by a credit note that references it and negates each amount; the
 * invoice itself is never deleted (billing.md, last rule). An invoice is credited once only.
 */
export function creditNoteFor(
  invoice: Invoice,
  credit: { number: string; issuedOn: IsoDate; reason: string },
  existingCreditNotes: readonly Invoice[] = [],
): Invoice {
  if (invoice.kind === 'credit_note')
    throw new DomainError('credit_note_of_credit_note', { field: 'invoice' });
  if (existingCreditNotes.some((c) => c.creditedInvoiceNumber === invoice.number)) {
    throw new DomainError('invoice_already_credited', {
      field: 'invoice',
      params: { number: invoice.number },
    });
  }
  if (credit.reason.trim() === '') throw new DomainError('required', { field: 'reason' });
  if (credit.issuedOn < invoice.issuedOn)
    throw new DomainError('credit_note_before_invoice', { field: 'issuedOn' });
  parseInvoiceNumber(credit.number);
  return {
    number: credit.number,
    issuedOn: credit.issuedOn,
    kind: 'credit_note',
    creditedInvoiceNumber: invoice.number,
    reason: credit.reason.trim(),
    lines: invoice.lines.map((l) => ({ ...l, amountCents: -l.amountCents })),
    totalCents: -invoice.totalCents,
  };
}

/** What is still owed on an invoice once its credit notes are counted. */
export function invoiceNetTotal(invoice: Invoice, creditNotes: readonly Invoice[]): Cents {
  return (
    invoice.totalCents +
    sumCents(creditNotes.filter((c) => c.creditedInvoiceNumber === invoice.number).map((c) => c.totalCents))
  );
}

/** Invoices are kept for the legal retention period: deletion is always refused. */
export function assertInvoiceDeletable(_invoice: Invoice): never {
  throw new DomainError('invoice_never_deleted', { field: 'invoice' });
}
