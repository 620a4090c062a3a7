import { z } from 'zod';
import { isValidNir } from '../identity/index.ts';
import { calendarDate, id, integer, text } from '../input/schemas.ts';
import { isValidRpps } from '../organization/index.ts';
import { euroDenominations } from './cash-register.ts';
import { sectors } from './catalogue.ts';
import { isValidIban } from './deposit-slip.ts';
import { paymentMethodKinds } from './payments.ts';

/** Input schemas shared by server validation, OpenAPI and web forms. Money: integer cents. */
export const isoDate = calendarDate;
export const cents = integer;
export const nonNegativeCents = cents.nonnegative();
export const basisPoints = integer.min(0).max(10_000);
export const sectorSchema = z.enum(sectors);

export const billedActInput = z.object({
  code: text().trim().min(1).max(13),
  feeCents: nonNegativeCents,
  baseCents: nonNegativeCents,
  aldRelated: z.boolean().default(false),
});

export const patientSituationInput = z.object({
  birthDate: isoDate,
  carePathway: z.enum(['in', 'out']),
  pregnancy: z.object({ startDate: isoDate, deliveryDate: isoDate.optional() }).optional(),
  occupationalInjury: z.boolean().default(false),
  c2s: z.boolean().default(false),
  ame: z.boolean().default(false),
});

export const complementaryContractInput = z.object({
  paysCopayment: z.boolean(),
  overbillingShare: basisPoints,
  overbillingCapOfBase: integer.min(0).max(100_000),
});

export const visitBillingInput = z.object({
  date: isoDate,
  sector: sectorSchema,
  acts: z.array(billedActInput).min(1).max(20),
  patient: patientSituationInput,
  complementary: complementaryContractInput.nullable(),
  flatContributionAlready: z.object({ today: nonNegativeCents, thisYear: nonNegativeCents }),
  thirdPartyPayment: z.object({ amo: z.boolean(), amc: z.boolean() }),
  patientDemand: z.boolean().default(false),
  quoteGiven: z.boolean().default(false),
  flatContributionRecoveredLater: z.boolean().default(false),
});
export type VisitBillingInput = z.infer<typeof visitBillingInput>;

export const tariffInput = z
  .object({
    code: text().trim().toUpperCase().min(1).max(13),
    kind: z.enum(['ngap', 'ccam']),
    sector: z.enum([...sectors, 'all']),
    amountCents: nonNegativeCents,
    validFrom: isoDate,
    validTo: isoDate.optional(),
    activity: integer.min(1).max(9).optional(),
    specialty: text().trim().max(60).optional(),
    source: text().trim().min(1).max(300),
  })
  .refine((t) => t.validTo === undefined || t.validTo >= t.validFrom, {
    message: 'validity_reversed',
    path: ['validTo'],
  });

const required = text().trim().min(1).max(120);

export const paymentMethodInput = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('cash') }),
  z.object({ kind: z.literal('cheque'), bank: required, number: required, drawer: required }),
  z.object({ kind: z.literal('card'), reference: text().trim().max(120).optional() }),
  z.object({ kind: z.literal('transfer'), reference: text().trim().max(120).optional() }),
]);

/** A patient is named by their record's id; an insurer (AMO, AMC) by its debtor code. */
export const debtorInput = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('patient'), id }),
  z.object({ kind: z.enum(['amo', 'amc']), id: text().min(1).max(64) }),
]);

export const paymentInput = z.object({
  date: isoDate,
  amountCents: cents.refine((v) => v !== 0, { message: 'payment_zero' }),
  method: paymentMethodInput,
  payer: debtorInput,
  practitionerId: id.optional(),
  targetDueIds: z.array(id).max(200).default([]),
});
export const paymentMethodKindSchema = z.enum(paymentMethodKinds);

export const creditNoteInput = z.object({
  invoiceNumber: text().regex(/^\d{4}-\d{6,}$/),
  reason: required,
});

export const denominationCountInput = z
  .record(text(), integer.min(0).max(100_000))
  .refine(
    (counts) =>
      Object.keys(counts).every((k) => (euroDenominations as readonly number[]).includes(Number(k))),
    {
      message: 'denomination_unknown',
    },
  );

export const cashClosingInput = z.object({
  date: isoDate,
  countedCents: nonNegativeCents,
  denominations: denominationCountInput.optional(),
  reason: text().trim().max(500).optional(),
});

export const ibanSchema = text()
  .transform((v) => v.replace(/[\s-]/g, '').toUpperCase())
  .refine(isValidIban, { message: 'invalid_iban' });

export const chequeDepositSlipInput = z.object({
  bank: required,
  iban: ibanSchema,
  date: isoDate,
  paymentIds: z.array(id).min(1).max(500),
});

export const cashDepositSlipInput = z.object({
  bank: required,
  iban: ibanSchema,
  date: isoDate,
  denominations: denominationCountInput,
});

export const coveredPersonInput = z.object({
  nir: text().refine(isValidNir, { message: 'invalid_nir' }),
  rank: integer.min(1).max(9),
  regime: text().regex(/^\d{2}$/),
  fund: text().regex(/^\d{3}$/),
});

export const rppsSchema = text()
  .transform((v) => v.replace(/\s/g, ''))
  .refine(isValidRpps, { message: 'invalid_rpps' });

export const claimInput = z.object({
  practitionerRpps: rppsSchema,
  insured: coveredPersonInput,
  beneficiary: coveredPersonInput.optional(),
  prescriber: z.object({ rpps: rppsSchema, prescribedOn: isoDate }).optional(),
  mode: z.enum(['secure', 'degraded']),
  amcId: text().trim().max(64).optional(),
});
