import { z } from 'zod';
import { instantView } from '../calendar/index.ts';

// What the accounting routes answer, declared from what its services return: the server checks
// and strips what it sends against them, the web reads their wire types (z.input: what travels
// as JSON).

export const entryLineView = z.object({
  account: z.string(),
  accountLabel: z.string(),
  debitCents: z.number(),
  creditCents: z.number(),
});

/** A journal entry as the journal lists it, with whether a bank transaction settles it. */
export const journalEntryView = z.object({
  id: z.string(),
  journal: z.string(),
  date: z.string(),
  label: z.string(),
  pieceRef: z.string(),
  pieceDate: z.string(),
  category: z.string(),
  paymentMethod: z.string(),
  amountCents: z.number(),
  privateCents: z.number(),
  counterparty: z.string().optional(),
  depositSlipId: z.string().optional(),
  lines: z.array(entryLineView),
  reconciled: z.boolean(),
});
export type JournalEntryView = z.input<typeof journalEntryView>;

export const expenseView = z.object({
  id: z.string(),
  date: z.string(),
  label: z.string(),
  pieceRef: z.string(),
  amountCents: z.number(),
  category: z.string(),
  professionalShare: z.number(),
  paymentMethod: z.string(),
  supplier: z.string().nullable(),
});
export type ExpenseView = z.input<typeof expenseView>;

/** An expense entered: its private share and the journal lines it wrote. */
export const expenseEntered = z.object({
  id: z.string(),
  privateCents: z.number(),
  lines: z.array(entryLineView),
});
export type ExpenseEnteredView = z.input<typeof expenseEntered>;

/** The chart of accounts and the lines of the 2035 return (what an expense is classified by). */
export const chartView = z.object({
  accounts: z.array(z.object({ number: z.string(), label: z.string() })).readonly(),
  form2035Lines: z
    .array(
      z.object({
        key: z.string(),
        line: z.number(),
        box: z.string(),
        label: z.string(),
        side: z.enum(['receipt', 'expense']),
        account: z.string(),
      }),
    )
    .readonly(),
});
export type ChartView = z.input<typeof chartView>;

/** A year's totals per 2035 line, private shares excluded. */
export const yearlyTotalsView = z.object({
  year: z.number(),
  receiptsCents: z.number(),
  deductibleExpensesCents: z.number(),
  privateExcludedCents: z.number(),
  resultCents: z.number(),
  byCategory: z.record(z.string(), z.number()),
});
export type YearlyTotalsView = z.input<typeof yearlyTotalsView>;

/** A bank statement imported (or recognised as already imported), with the lines it could not read. */
export const bankImportView = z.object({
  id: z.string(),
  alreadyImported: z.boolean(),
  transactions: z.number(),
  errors: z.array(z.object({ line: z.number(), code: z.string() })),
});
export type BankImportView = z.input<typeof bankImportView>;

/** The journal entries proposed to settle a bank transaction. */
export const matchProposalView = z.object({
  transactionId: z.string(),
  entryIds: z.array(z.string()),
  kind: z.enum(['entry', 'deposit_slip']),
  daysApart: z.number(),
});
export type MatchProposalView = z.input<typeof matchProposalView>;

/** The unreconciled bank transactions, each with its proposal (or null), and all the proposals. */
export const reconciliationProposalsView = z.object({
  transactions: z.array(
    z.object({
      id: z.string(),
      date: z.string(),
      amountCents: z.number(),
      label: z.string(),
      proposal: matchProposalView.nullable(),
    }),
  ),
  proposals: z.array(matchProposalView),
});
export type ReconciliationProposalsView = z.input<typeof reconciliationProposalsView>;

/** A reconciliation confirmed: the bank transaction, the entries it settles and their total. */
export const reconciliationView = z.object({
  transactionId: z.string(),
  entryIds: z.array(z.string()),
  amountCents: z.number(),
});
export type ReconciliationView = z.input<typeof reconciliationView>;

/** A reconciled bank transaction with the journal entries it settles. */
export const reconciledTransactionView = z.object({
  id: z.string(),
  date: z.string(),
  amountCents: z.number(),
  label: z.string(),
  /** Never null here (only reconciled ones are listed); the column is nullable. */
  reconciledAt: instantView.nullable(),
  entries: z.array(
    z.object({
      id: z.string(),
      date: z.string(),
      label: z.string(),
      pieceRef: z.string(),
      amountCents: z.number(),
    }),
  ),
});
export type ReconciledTransactionView = z.input<typeof reconciledTransactionView>;

/** A reconciliation undone: the bank transaction and the entries open again. */
export const reconciliationUndoneView = z.object({
  transactionId: z.string(),
  entryIds: z.array(z.string()),
});
export type ReconciliationUndoneView = z.input<typeof reconciliationUndoneView>;
