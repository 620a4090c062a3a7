import { daysBetween, type IsoDate } from '../calendar/index.ts';
import { DomainError } from '../errors/domain-error.ts';
import { assertNonNegativeCents, type Cents, sumCents } from '../money/index.ts';

export type PaymentMethod =
  | { kind: 'cash' }
  | { kind: 'cheque'; bank: string; number: string; drawer: string }
  | { kind: 'card'; reference?: string | undefined }
  | { kind: 'transfer'; reference?: string | undefined };

export type PaymentMethodKind = PaymentMethod['kind'];
export const paymentMethodKinds = ['cash', 'cheque', 'card', 'transfer'] as const;

export type DebtorKind = 'patient' | 'amo' | 'amc';

/** Who owes: a patient, a mandatory insurer (caisse) or a complementary insurer. */
export interface Debtor {
  kind: DebtorKind;
  id: string;
}

export interface Payment {
  id: string;
  date: IsoDate;
  amountCents: Cents;
  method: PaymentMethod;
  payer: Debtor;
  practitionerId?: string | undefined;
}

/** Something owed by one debtor: an invoice's patient part, or a claim's AMO or AMC part. */
export interface Due {
  id: string;
  debtor: Debtor;
  /** The date the amount became due (invoice date or claim date), for ageing. */
  date: IsoDate;
  amountCents: Cents;
  paidCents: Cents;
}

export interface Allocation {
  paymentId: string;
  dueId: string;
  amountCents: Cents;
}

export interface AllocationResult {
  allocations: Allocation[];
  /** Overpayment kept as a credit of the payer, never lost. */
  creditCents: Cents;
}

export function validatePaymentMethod(method: PaymentMethod): PaymentMethod {
  if (method.kind === 'cheque') {
    for (const field of ['bank', 'number', 'drawer'] as const) {
      if (method[field].trim() === '') throw new DomainError('required', { field: `method.${field}` });
    }
  }
  return method;
}

function sameDebtor(a: Debtor, b: Debtor): boolean {
  return a.kind === b.kind && a.id === b.id;
}

export function outstanding(due: Due): Cents {
  return due.amountCents - due.paidCents;
}

/**
 * Spreads one payment over what its payer owes: the dues it names first, in the order given (a
 * grouped payment for several invoices), then the oldest. What is left is a credit of the payer.
 */
export function allocatePayment(
  payment: Payment,
  dues: readonly Due[],
  targetDueIds: readonly string[] = [],
): AllocationResult {
  assertNonNegativeCents(payment.amountCents, 'amountCents');
  if (payment.amountCents === 0) throw new DomainError('payment_zero', { field: 'amountCents' });
  validatePaymentMethod(payment.method);
  const own = dues.filter((d) => sameDebtor(d.debtor, payment.payer) && outstanding(d) > 0);
  for (const id of targetDueIds) {
    if (!dues.some((d) => d.id === id && sameDebtor(d.debtor, payment.payer))) {
      throw new DomainError('due_not_of_payer', { field: 'targetDueIds', params: { id } });
    }
  }
  const targeted = targetDueIds
    .map((id) => own.find((d) => d.id === id))
    .filter((d): d is Due => d !== undefined);
  const rest = own
    .filter((d) => !targetDueIds.includes(d.id))
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.id < b.id ? -1 : 1));
  let left = payment.amountCents;
  const allocations: Allocation[] = [];
  for (const due of [...targeted, ...rest]) {
    if (left === 0) break;
    const amount = Math.min(left, outstanding(due));
    allocations.push({ paymentId: payment.id, dueId: due.id, amountCents: amount });
    left -= amount;
  }
  return { allocations, creditCents: left };
}

/** Dues with the allocations added to what was already paid. */
export function applyAllocations(dues: readonly Due[], allocations: readonly Allocation[]): Due[] {
  return dues.map((d) => ({
    ...d,
    paidCents: d.paidCents + sumCents(allocations.filter((a) => a.dueId === d.id).map((a) => a.amountCents)),
  }));
}

export const ageingBuckets = ['0-30', '31-60', '61-90', '90+'] as const;
export type AgeingBucket = (typeof ageingBuckets)[number];

export function ageingBucketOf(dueDate: IsoDate, asOf: IsoDate): AgeingBucket {
  const age = daysBetween(dueDate, asOf);
  if (age <= 30) return '0-30';
  if (age <= 60) return '31-60';
  if (age <= 90) return '61-90';
  return '90+';
}

export interface DebtorReceivable {
  debtor: Debtor;
  totalCents: Cents;
  buckets: Record<AgeingBucket, Cents>;
}

/** Outstanding amounts per debtor, with ageing buckets (0–30, 31–60, 61–90, over 90 days). */
export function receivablesByDebtor(dues: readonly Due[], asOf: IsoDate): DebtorReceivable[] {
  const result = new Map<string, DebtorReceivable>();
  for (const due of dues) {
    const amount = outstanding(due);
    if (amount <= 0) continue;
    const key = `${due.debtor.kind}:${due.debtor.id}`;
    const entry = result.get(key) ?? {
      debtor: due.debtor,
      totalCents: 0,
      buckets: { '0-30': 0, '31-60': 0, '61-90': 0, '90+': 0 },
    };
    entry.totalCents += amount;
    entry.buckets[ageingBucketOf(due.date, asOf)] += amount;
    result.set(key, entry);
  }
  return [...result.values()].sort((a, b) =>
    a.debtor.kind === b.debtor.kind
      ? a.debtor.id < b.debtor.id
        ? -1
        : 1
      : a.debtor.kind < b.debtor.kind
        ? -1
        : 1,
  );
}

/** Totals per kind of debtor (patients, AMO, AMC). */
export function receivablesByDebtorKind(
  dues: readonly Due[],
  asOf: IsoDate,
): Record<DebtorKind, Record<AgeingBucket, Cents>> {
  const empty = () => ({ '0-30': 0, '31-60': 0, '61-90': 0, '90+': 0 });
  const totals: Record<DebtorKind, Record<AgeingBucket, Cents>> = {
    patient: empty(),
    amo: empty(),
    amc: empty(),
  };
  for (const r of receivablesByDebtor(dues, asOf)) {
    for (const bucket of ageingBuckets) totals[r.debtor.kind][bucket] += r.buckets[bucket];
  }
  return totals;
}
