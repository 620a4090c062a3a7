import type { Payment, PaymentMethodKind } from '../billing/index.ts';
import type { IsoDate } from '../calendar/index.ts';
import { DomainError } from '../errors/domain-error.ts';
import {
  applyRate,
  assertNonNegativeCents,
  type BasisPoints,
  type Cents,
  fullRate,
  sumCents,
} from '../money/index.ts';
import { accountLabel, treasuryAccounts } from './chart-of-accounts.ts';
import { type Form2035Key, form2035Line } from './form-2035.ts';

export interface EntryLine {
  account: string;
  accountLabel: string;
  debitCents: Cents;
  creditCents: Cents;
  auxiliary?: { number: string; label: string } | undefined;
}

/** Journals of a receipts-and-expenses book. */
export const journals = {
  RE: 'Recettes',
  DE: 'Dépenses',
} as const;
export type JournalCode = keyof typeof journals;

/** One entry of the receipts-and-expenses journal, dated on its payment date (cash basis). */
export interface JournalEntry {
  id: string;
  journal: JournalCode;
  date: IsoDate;
  label: string;
  pieceRef: string;
  pieceDate: IsoDate;
  category: Form2035Key;
  paymentMethod: PaymentMethodKind;
  /** The treasury movement: positive when money comes in. */
  amountCents: Cents;
  /** Part of an expense that is private, hence not deductible. */
  privateCents: Cents;
  counterparty?: string | undefined;
  depositSlipId?: string | undefined;
  lines: EntryLine[];
}

export function treasuryAccountOf(method: PaymentMethodKind): string {
  return method === 'cash' ? treasuryAccounts.cash.number : treasuryAccounts.bank.number;
}

function line(account: string, debitCents: Cents, creditCents: Cents): EntryLine {
  return { account, accountLabel: accountLabel(account), debitCents, creditCents };
}

/**
 * Every payment received becomes a receipt on its payment date (BNC: comptabilité de trésorerie,
 * CGI art. 93). A refund (negative payment) reverses the sides.
 */
export function receiptFromPayment(
  payment: Payment,
  options: { id: string; label: string; pieceRef?: string; depositSlipId?: string | undefined },
): JournalEntry {
  if (payment.amountCents === 0) throw new DomainError('payment_zero', { field: 'amountCents' });
  const amount = Math.abs(payment.amountCents);
  const treasury = treasuryAccountOf(payment.method.kind);
  const incoming = payment.amountCents > 0;
  return {
    id: options.id,
    journal: 'RE',
    date: payment.date,
    label: options.label,
    pieceRef: options.pieceRef ?? payment.id,
    pieceDate: payment.date,
    category: 'receipts',
    paymentMethod: payment.method.kind,
    amountCents: payment.amountCents,
    privateCents: 0,
    counterparty: `${payment.payer.kind}:${payment.payer.id}`,
    depositSlipId: options.depositSlipId,
    lines: incoming
      ? [line(treasury, amount, 0), line('706', 0, amount)]
      : [line('706', amount, 0), line(treasury, 0, amount)],
  };
}

export interface ExpenseInput {
  id: string;
  date: IsoDate;
  label: string;
  pieceRef: string;
  pieceDate?: IsoDate | undefined;
  amountCents: Cents;
  category: Form2035Key;
  /** Professional share of a mixed expense (10 000 = fully professional). */
  professionalShare?: BasisPoints | undefined;
  paymentMethod: PaymentMethodKind;
  supplier?: string | undefined;
}

/**
 * An expense paid: the professional share goes to its 2035 line account, the private share of a
 * mixed expense to the owner's account 108, so it is excluded from the deductible expenses.
 */
export function expenseEntry(input: ExpenseInput): JournalEntry {
  assertNonNegativeCents(input.amountCents, 'amountCents');
  if (input.amountCents === 0) throw new DomainError('payment_zero', { field: 'amountCents' });
  const category = form2035Line(input.category);
  if (category?.side !== 'expense') throw new DomainError('expense_category_invalid', { field: 'category' });
  const share = input.professionalShare ?? fullRate;
  if (!Number.isInteger(share) || share < 0 || share > fullRate) {
    throw new DomainError('professional_share_invalid', { field: 'professionalShare' });
  }
  const professional = applyRate(input.amountCents, share);
  const privateCents = input.amountCents - professional;
  const lines = [
    ...(professional > 0 ? [line(category.account, professional, 0)] : []),
    ...(privateCents > 0 ? [line(treasuryAccounts.owner.number, privateCents, 0)] : []),
    line(treasuryAccountOf(input.paymentMethod), 0, input.amountCents),
  ];
  return {
    id: input.id,
    journal: 'DE',
    date: input.date,
    label: input.label,
    pieceRef: input.pieceRef,
    pieceDate: input.pieceDate ?? input.date,
    category: input.category,
    paymentMethod: input.paymentMethod,
    amountCents: -input.amountCents,
    privateCents,
    counterparty: input.supplier,
    lines,
  };
}

export function isBalanced(entry: Pick<JournalEntry, 'lines'>): boolean {
  return sumCents(entry.lines.map((l) => l.debitCents)) === sumCents(entry.lines.map((l) => l.creditCents));
}

export interface YearlyTotals {
  year: number;
  receiptsCents: Cents;
  deductibleExpensesCents: Cents;
  privateExcludedCents: Cents;
  /** Receipts − deductible expenses (before depreciation and adjustments of the 2035). */
  resultCents: Cents;
  /** Per 2035 line key: receipts positive, expenses as positive deductible amounts. */
  byCategory: Partial<Record<Form2035Key, Cents>>;
}

/** Totals of one calendar year per 2035 line, private shares excluded. */
export function yearlyTotals(entries: readonly JournalEntry[], year: number): YearlyTotals {
  const byCategory: Partial<Record<Form2035Key, Cents>> = {};
  let receipts = 0;
  let expenses = 0;
  let excluded = 0;
  for (const e of entries) {
    if (!e.date.startsWith(`${year}-`)) continue;
    const amount = e.journal === 'RE' ? e.amountCents : -e.amountCents - e.privateCents;
    if (e.journal === 'RE') receipts += amount;
    else {
      expenses += amount;
      excluded += e.privateCents;
    }
    byCategory[e.category] = (byCategory[e.category] ?? 0) + amount;
  }
  return {
    year,
    receiptsCents: receipts,
    deductibleExpensesCents: expenses,
    privateExcludedCents: excluded,
    resultCents: receipts - expenses,
    byCategory,
  };
}
