import { z } from 'zod';
import { DomainError } from '../errors/domain-error.ts';
import { id, integer, text } from '../input/schemas.ts';
import { type Cents, formatCents } from '../money/index.ts';
import { debtorInput, isoDate, paymentMethodInput } from './schemas.ts';

/**
 * What a payer may be refunded: overpayments kept as credit, plus what it had paid on invoices
 * since cancelled by a credit note, less the refunds already made. Nothing else leaves the till.
 */
export interface RefundableBalance {
  creditCents: Cents;
  paidOnCancelledCents: Cents;
  refundedCents: Cents;
  refundableCents: Cents;
}

export function refundableBalance(parts: {
  creditCents: Cents;
  paidOnCancelledCents: Cents;
  refundedCents: Cents;
}): RefundableBalance {
  for (const [field, value] of Object.entries(parts)) {
    if (!Number.isSafeInteger(value) || value < 0) throw new DomainError('amount_negative', { field });
  }
  return {
    ...parts,
    refundableCents: Math.max(0, parts.creditCents + parts.paidOnCancelledCents - parts.refundedCents),
  };
}

/** A refund is at most what the payer may be refunded (billing issue: "credit kept, not lost"). */
export function assertRefundable(amountCents: Cents, balance: RefundableBalance): void {
  if (!Number.isSafeInteger(amountCents) || amountCents <= 0)
    throw new DomainError('payment_zero', { field: 'amountCents' });
  if (amountCents > balance.refundableCents)
    throw new DomainError('refund_exceeds_balance', {
      field: 'amountCents',
      params: { max: formatCents(balance.refundableCents) },
    });
}

export const refundInput = z.object({
  date: isoDate,
  /** The amount given back, positive; it is booked as a negative receipt. */
  amountCents: integer.positive(),
  method: paymentMethodInput,
  payer: debtorInput,
  reason: text().trim().min(1).max(300),
  /** The credit note the refund follows, when it returns what was paid on a cancelled invoice. */
  creditNoteId: id.optional(),
});
export type RefundInput = z.infer<typeof refundInput>;
