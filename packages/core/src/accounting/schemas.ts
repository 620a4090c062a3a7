import { z } from 'zod';
import { basisPoints, isoDate, nonNegativeCents, paymentMethodKindSchema } from '../billing/index.ts';
import { integer, text } from '../input/schemas.ts';
import { form2035Lines } from './form-2035.ts';

const expenseKeys = form2035Lines.filter((l) => l.side === 'expense').map((l) => l.key) as [
  string,
  ...string[],
];

export const expenseInput = z.object({
  date: isoDate,
  label: text().trim().min(1).max(200),
  pieceRef: text().trim().min(1).max(60),
  pieceDate: isoDate.optional(),
  amountCents: nonNegativeCents.refine((v) => v > 0, { message: 'payment_zero' }),
  category: z.enum(expenseKeys),
  professionalShare: basisPoints.default(10_000),
  paymentMethod: paymentMethodKindSchema,
  supplier: text().trim().max(200).optional(),
});
export type ExpenseFormInput = z.infer<typeof expenseInput>;

export const fecExportInput = z
  .object({
    siren: text().regex(/^\d{9}$/),
    fiscalYearStart: isoDate,
    closingDate: isoDate,
  })
  .refine((v) => v.fiscalYearStart <= v.closingDate, { message: 'validity_reversed', path: ['closingDate'] });

export const bankImportInput = z.object({
  format: z.enum(['csv', 'ofx']),
  maxDaysApart: integer.min(0).max(60).default(5),
});
