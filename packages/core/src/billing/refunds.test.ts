import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors/domain-error.ts';
import { assertRefundable, refundableBalance } from './refunds.ts';

describe('refunds', () => {
  it('may refund an overpayment kept as credit and what was paid on a cancelled invoice, less earlier refunds', () => {
    expect(refundableBalance({ creditCents: 500, paidOnCancelledCents: 3000, refundedCents: 1000 })).toEqual({
      creditCents: 500,
      paidOnCancelledCents: 3000,
      refundedCents: 1000,
      refundableCents: 2500,
    });
  });

  it('refunds up to the refundable balance', () => {
    const balance = refundableBalance({ creditCents: 0, paidOnCancelledCents: 2000, refundedCents: 0 });
    expect(() => assertRefundable(2000, balance)).not.toThrow();
  });

  it('refuses a refund above what the payer may be refunded, naming the maximum', () => {
    const balance = refundableBalance({ creditCents: 150, paidOnCancelledCents: 0, refundedCents: 0 });
    try {
      assertRefundable(151, balance);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(DomainError);
      expect((error as DomainError).code).toBe('refund_exceeds_balance');
      expect((error as DomainError).params).toEqual({ max: '1,50' });
    }
  });

  it('refuses a zero or negative refund', () => {
    const balance = refundableBalance({ creditCents: 150, paidOnCancelledCents: 0, refundedCents: 0 });
    expect(() => assertRefundable(0, balance)).toThrow(DomainError);
    expect(() => assertRefundable(-5, balance)).toThrow(DomainError);
  });

  it('never offers a negative balance', () => {
    expect(
      refundableBalance({ creditCents: 0, paidOnCancelledCents: 0, refundedCents: 100 }).refundableCents,
    ).toBe(0);
  });
});
