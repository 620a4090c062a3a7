import { z } from 'zod';
import { patientSummaryView } from '../identity/index.ts';
import { ageingBuckets, paymentMethodKinds } from './payments.ts';

// What billing's routes answer, declared from what its services return: the server checks and
// strips what it sends against them, the web reads their wire types (z.input: what travels as
// JSON). PDF answers (invoice, quote, deposit slip) have none.

const debtorKinds = ['patient', 'amo', 'amc'] as const;
const debtorView = z.object({ kind: z.enum(debtorKinds), id: z.string() });
const exemptionReasons = ['occupational_injury', 'maternity', 'ald', 'c2s', 'ame'] as const;

// --- practitioners and catalogue -----------------------------------------------------------

export const billingPractitionerView = z.object({
  id: z.string(),
  name: z.string(),
  specialty: z.string().nullable(),
  sector: z.string().nullable(),
  rpps: z.string().nullable(),
});
export type BillingPractitionerView = z.input<typeof billingPractitionerView>;

/** An act of the catalogue with the tariffs in force on the date asked. */
export const catalogueActView = z.object({
  kind: z.enum(['ngap', 'ccam']),
  code: z.string(),
  label: z.string(),
  /** CCAM acts only. */
  activity: z.number().optional(),
  /** CCAM acts only. */
  phase: z.number().optional(),
  tariffs: z.array(
    z.object({
      sector: z.string(),
      amountCents: z.number(),
      validFrom: z.string(),
      validTo: z.string().nullable(),
      specialty: z.string().nullable(),
    }),
  ),
});
export type CatalogueActView = z.input<typeof catalogueActView>;

/** The catalogue with its source and date. */
export const catalogueView = z.object({
  edition: z.string(),
  source: z.string(),
  publishedOn: z.string(),
  acts: z.array(catalogueActView),
});
export type CatalogueView = z.input<typeof catalogueView>;

/** A newer catalogue loaded: its edition and how many acts and tariffs it now holds. */
export const catalogueUpdatedView = z.object({
  edition: z.string(),
  acts: z.number(),
  tariffs: z.number(),
});
export type CatalogueUpdatedView = z.input<typeof catalogueUpdatedView>;

// --- visits --------------------------------------------------------------------------------

/** One act's share between the mandatory insurer, the complementary and the patient (core computeFeeSplit). */
export const actSplitView = z.object({
  code: z.string(),
  feeCents: z.number(),
  baseCents: z.number(),
  amoRate: z.number(),
  exemption: z.enum(exemptionReasons).nullable(),
  amoGrossCents: z.number(),
  flatContributionCents: z.number(),
  amoCents: z.number(),
  c2sPartCents: z.number(),
  copaymentCents: z.number(),
  overbillingCents: z.number(),
  amcCopaymentCents: z.number(),
  amcOverbillingCents: z.number(),
  amcCents: z.number(),
  patientCents: z.number(),
});

/** Who pays what for a visit (core computeFeeSplit). */
export const feeSplitView = z.object({
  acts: z.array(actSplitView),
  feeCents: z.number(),
  baseCents: z.number(),
  amoGrossCents: z.number(),
  flatContributionCents: z.number(),
  flatContributionExemption: z.enum(['minor', 'c2s', 'ame', 'maternity', 'occupational_injury']).nullable(),
  amoCents: z.number(),
  copaymentCents: z.number(),
  overbillingCents: z.number(),
  amcCents: z.number(),
  patientRemainderCents: z.number(),
  patientPaysAtDeskCents: z.number(),
  claimFromAmoCents: z.number(),
  claimFromAmcCents: z.number(),
  refundToPatientByAmoCents: z.number(),
  refundToPatientByAmcCents: z.number(),
  thirdPartyPaymentDue: z.array(z.enum(exemptionReasons)),
  quoteRequired: z.boolean(),
});
export type FeeSplitView = z.input<typeof feeSplitView>;

/** A visit priced without saving: the sector, third-party payment and contract applied, each act, the split. */
export const visitPreviewView = z.object({
  sector: z.string(),
  thirdPartyPayment: z.object({ amo: z.boolean(), amc: z.boolean() }),
  complementary: z
    .object({ paysCopayment: z.boolean(), overbillingShare: z.number(), overbillingCapOfBase: z.number() })
    .nullable(),
  acts: z.array(
    z.object({
      code: z.string(),
      label: z.string(),
      coefficient: z.number().optional(),
      baseCents: z.number().optional(),
      feeCents: z.number().optional(),
      aldRelated: z.boolean().optional(),
    }),
  ),
  split: feeSplitView,
});
export type VisitPreviewView = z.input<typeof visitPreviewView>;

/** A visit billed: its visit, invoice (and number), the claim when one is sent, the split. */
export const billedVisitView = z.object({
  visitId: z.string(),
  invoiceId: z.string(),
  number: z.string(),
  claimId: z.string().nullable(),
  split: feeSplitView,
});
export type BilledVisitView = z.input<typeof billedVisitView>;

/** What the bill-visit form starts from: the patient, practitioner, date, appointment and suggested acts. */
export const visitDraftView = z.object({
  patient: patientSummaryView,
  practitionerId: z.string(),
  date: z.string(),
  appointment: z
    .object({
      id: z.string(),
      date: z.string(),
      startsAt: z.string(),
      status: z.string(),
      type: z.object({ fr: z.string(), en: z.string() }),
    })
    .nullable(),
  alreadyBilled: z.object({ id: z.string(), number: z.string() }).nullable(),
  suggestedActs: z.array(z.object({ code: z.string(), label: z.string(), feeCents: z.number() })),
});
export type VisitDraftView = z.input<typeof visitDraftView>;

// --- invoices ------------------------------------------------------------------------------

const invoiceKinds = ['invoice', 'credit_note'] as const;

/** An invoice or credit note as the list shows it. */
export const invoiceRowView = z.object({
  id: z.string(),
  number: z.string(),
  kind: z.enum(invoiceKinds),
  issuedOn: z.string(),
  totalCents: z.number(),
  patientId: z.string(),
  patientName: z.string(),
  practitionerName: z.string(),
});
export type InvoiceRowView = z.input<typeof invoiceRowView>;

/** An invoice with its practitioner, lines, what was paid on it, its credit note and the visit's split. */
export const invoiceView = z.object({
  id: z.string(),
  number: z.string(),
  kind: z.enum(invoiceKinds),
  issuedOn: z.string(),
  patientId: z.string(),
  patientName: z.string(),
  patientBirthDate: z.string(),
  practitioner: z.object({
    id: z.string(),
    name: z.string(),
    rpps: z.string().nullable(),
    specialty: z.string().nullable(),
    sector: z.string().nullable(),
  }),
  totalCents: z.number(),
  amoCents: z.number(),
  amcCents: z.number(),
  patientCents: z.number(),
  reason: z.string().nullable(),
  creditedInvoiceId: z.string().nullable(),
  creditNote: z.object({ id: z.string(), number: z.string() }).nullable(),
  dueCents: z.number(),
  paidCents: z.number(),
  /** The split stored with the visit (a credit note has none). */
  split: z.record(z.string(), z.unknown()).nullable(),
  lines: z.array(
    z.object({
      code: z.string(),
      label: z.string(),
      coefficient: z.number().nullable(),
      feeCents: z.number(),
      baseCents: z.number(),
      amoCents: z.number(),
      amcCents: z.number(),
      patientCents: z.number(),
    }),
  ),
});
export type InvoiceView = z.input<typeof invoiceView>;

/** A credit note issued: its number and total, the invoice it cancels, the amount as text. */
export const creditNoteIssuedView = z.object({
  id: z.string(),
  number: z.string(),
  totalCents: z.number(),
  creditedNumber: z.string(),
  amount: z.string(),
});
export type CreditNoteIssuedView = z.input<typeof creditNoteIssuedView>;

// --- payments and refunds ------------------------------------------------------------------

/** A payment received (a refund is a negative one, with its reason). */
export const paymentRowView = z.object({
  id: z.string(),
  date: z.string(),
  amountCents: z.number(),
  creditCents: z.number(),
  method: z.enum(paymentMethodKinds),
  payer: debtorView,
  payerName: z.string(),
  cheque: z
    .object({ bank: z.string().nullable(), number: z.string().nullable(), drawer: z.string().nullable() })
    .nullable(),
  depositSlipId: z.string().nullable(),
  refund: z.object({ reason: z.string().nullable(), creditNoteId: z.string().nullable() }).nullable(),
});
export type PaymentRowView = z.input<typeof paymentRowView>;

/** A payment recorded: what it settled and the overpayment kept as credit. */
export const paymentRecordedView = z.object({
  id: z.string(),
  amountCents: z.number(),
  creditCents: z.number(),
  allocations: z.array(z.object({ receivableId: z.string(), amountCents: z.number() })),
});
export type PaymentRecordedView = z.input<typeof paymentRecordedView>;

/** A payer the practice owes money to, and why (core refundableBalance). */
export const refundBalanceView = z.object({
  payer: debtorView,
  payerName: z.string(),
  creditCents: z.number(),
  paidOnCancelledCents: z.number(),
  refundedCents: z.number(),
  refundableCents: z.number(),
});
export type RefundBalanceView = z.input<typeof refundBalanceView>;

/** A refund made, and what the payer may still be refunded. */
export const refundMadeView = z.object({
  id: z.string(),
  amountCents: z.number(),
  refundableCents: z.number(),
});
export type RefundMadeView = z.input<typeof refundMadeView>;

// --- receivables and reports ---------------------------------------------------------------

/** The unpaid list: open receivables with their age, and the credits payers keep. */
export const unpaidView = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      debtor: debtorView,
      dueDate: z.string(),
      amountCents: z.number(),
      paidCents: z.number(),
      outstandingCents: z.number(),
      bucket: z.enum(ageingBuckets),
      reminderCount: z.number(),
      lastReminderOn: z.string().nullable(),
      version: z.number(),
      invoiceId: z.string(),
      invoiceNumber: z.string(),
      patientId: z.string(),
      patientName: z.string(),
    }),
  ),
  credits: z.array(z.object({ payer: debtorView, creditCents: z.number() })),
});
export type UnpaidView = z.input<typeof unpaidView>;

export const reminderRecorded = z.object({
  id: z.string(),
  reminderCount: z.number(),
  lastReminderOn: z.string().nullable(),
});
export type ReminderRecordedView = z.input<typeof reminderRecorded>;

/** Takings per day or month (core takingsBy), and the practitioners' names by id. */
export const takingsView = z.object({
  periods: z.array(
    z.object({
      period: z.string(),
      count: z.number(),
      totalCents: z.number(),
      byPractitioner: z.record(z.string(), z.number()),
      byMethod: z.record(z.string(), z.number()),
      byPayerKind: z.record(z.string(), z.number()),
      byInsurer: z.record(z.string(), z.number()),
    }),
  ),
  practitioners: z.record(z.string(), z.string()),
});
export type TakingsView = z.input<typeof takingsView>;

/** Receivables ageing on a date: per kind of debtor, and per debtor (core receivablesByDebtor). */
export const ageingView = z.object({
  asOf: z.string(),
  byKind: z.record(z.string(), z.record(z.string(), z.number())),
  byDebtor: z.array(
    z.object({ debtor: debtorView, totalCents: z.number(), buckets: z.record(z.string(), z.number()) }),
  ),
});
export type AgeingView = z.input<typeof ageingView>;

// --- cash desk and deposit slips -----------------------------------------------------------

/** The cash desk of a day: float, cash expected, and the closing once made. */
export const cashDayView = z.object({
  date: z.string(),
  status: z.enum(['open', 'closed']),
  opened: z.boolean(),
  openingFloatCents: z.number(),
  cashPaymentsCents: z.number(),
  cashDepositedCents: z.number(),
  expectedCents: z.number(),
  countedCents: z.number().nullable(),
  differenceCents: z.number().nullable(),
  reason: z.string().nullable(),
  version: z.number().nullable(),
});
export type CashDayView = z.input<typeof cashDayView>;

export const depositSlipRow = z.object({
  id: z.string(),
  number: z.string(),
  kind: z.enum(['cheque', 'cash']),
  bank: z.string(),
  iban: z.string(),
  date: z.string(),
  count: z.number(),
  totalCents: z.number(),
});
export type DepositSlipRow = z.input<typeof depositSlipRow>;

/** What every deposit slip made says of itself, after its id and kind. */
const depositSlipHeading = {
  number: z.string(),
  bank: z.string(),
  iban: z.string(),
  date: z.string(),
};

/** A cheque deposit slip made: one line per cheque. */
export const chequeDepositSlipView = z.object({
  id: z.string(),
  kind: z.literal('cheque'),
  ...depositSlipHeading,
  lines: z.array(
    z.object({
      paymentId: z.string(),
      drawer: z.string(),
      bank: z.string(),
      number: z.string(),
      amountCents: z.number(),
    }),
  ),
  count: z.number(),
  totalCents: z.number(),
});
export type ChequeDepositSlipView = z.input<typeof chequeDepositSlipView>;

/** A cash deposit slip made: one line per denomination. */
export const cashDepositSlipView = z.object({
  id: z.string(),
  kind: z.literal('cash'),
  ...depositSlipHeading,
  lines: z.array(
    z.object({
      denominationCents: z.number(),
      kind: z.enum(['banknote', 'coin']),
      count: z.number(),
      totalCents: z.number(),
    }),
  ),
  totalCents: z.number(),
});
export type CashDepositSlipView = z.input<typeof cashDepositSlipView>;

// --- claims --------------------------------------------------------------------------------

/** A claim to an insurer, with its rejection when there is one. */
export const claimRowView = z.object({
  id: z.string(),
  number: z.string(),
  destination: z.string(),
  date: z.string(),
  feeCents: z.number(),
  amoCents: z.number(),
  amcCents: z.number(),
  status: z.string(),
  rejection: z.object({ code: z.string(), label: z.string().nullable() }).nullable(),
  batchNumber: z.string().nullable(),
  patientId: z.string(),
  patientName: z.string(),
});
export type ClaimRowView = z.input<typeof claimRowView>;

/** A rejected claim queued again for the next batches, to its (possibly new) destination. */
export const claimResentView = z.object({
  id: z.string(),
  number: z.string(),
  status: z.literal('pending'),
  destination: z.string(),
});
export type ClaimResentView = z.input<typeof claimResentView>;

/** A claim batch sent. */
export const claimBatchView = z.object({
  id: z.string(),
  number: z.string(),
  destination: z.string(),
  createdOn: z.string(),
  count: z.number(),
  totalFeeCents: z.number(),
  totalAmoCents: z.number(),
  adapter: z.string(),
  fileName: z.string(),
  status: z.string(),
});
export type ClaimBatchView = z.input<typeof claimBatchView>;

/** The batches just sent, one per destination insurer. */
export const claimBatchesSentView = z.object({
  batches: z.array(
    z.object({
      id: z.string(),
      number: z.string(),
      destination: z.string(),
      count: z.number(),
      fileName: z.string(),
    }),
  ),
});
export type ClaimBatchesSentView = z.input<typeof claimBatchesSentView>;

/**
 * A remittance imported, or recognised as already imported (then its summary is the one stored
 * at the first import, typed as optional).
 */
export const remittanceImportView = z.object({
  alreadyImported: z.boolean(),
  id: z.string(),
  returnId: z.string().optional(),
  payments: z.number().optional(),
  paidCents: z.number().optional(),
  rejections: z.number().optional(),
  acknowledgements: z.number().optional(),
  unknownClaims: z.array(z.string()).optional(),
  differences: z
    .array(z.object({ claimNumber: z.string(), expectedCents: z.number(), paidCents: z.number() }))
    .optional(),
});
export type RemittanceImportView = z.input<typeof remittanceImportView>;
