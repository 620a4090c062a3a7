import type { IsoDate } from '../calendar/index.ts';
import { DomainError } from '../errors/domain-error.ts';
import type { Cents } from '../money/index.ts';
import type { DebtorKind, Payment, PaymentMethodKind } from './payments.ts';

export interface TakingsSummary {
  /** `YYYY-MM-DD` for a day, `YYYY-MM` for a month. */
  period: string;
  count: number;
  totalCents: Cents;
  byPractitioner: Record<string, Cents>;
  byMethod: Record<PaymentMethodKind, Cents>;
  byPayerKind: Record<DebtorKind, Cents>;
  /** Per insurer (`amo:<id>`, `amc:<id>`); patients are summed in `byPayerKind.patient`. */
  byInsurer: Record<string, Cents>;
}

export const unassignedPractitioner = 'unassigned';

function emptySummary(period: string): TakingsSummary {
  return {
    period,
    count: 0,
    totalCents: 0,
    byPractitioner: {},
    byMethod: { cash: 0, cheque: 0, card: 0, transfer: 0 },
    byPayerKind: { patient: 0, amo: 0, amc: 0 },
    byInsurer: {},
  };
}

function add(summary: TakingsSummary, p: Payment): void {
  summary.count += 1;
  summary.totalCents += p.amountCents;
  const practitioner = p.practitionerId ?? unassignedPractitioner;
  summary.byPractitioner[practitioner] = (summary.byPractitioner[practitioner] ?? 0) + p.amountCents;
  summary.byMethod[p.method.kind] += p.amountCents;
  summary.byPayerKind[p.payer.kind] += p.amountCents;
  if (p.payer.kind !== 'patient') {
    const key = `${p.payer.kind}:${p.payer.id}`;
    summary.byInsurer[key] = (summary.byInsurer[key] ?? 0) + p.amountCents;
  }
}

/** Takings per day or per month, in date order (payments counted on their payment date). */
export function takingsBy(payments: readonly Payment[], granularity: 'day' | 'month'): TakingsSummary[] {
  const periods = new Map<string, TakingsSummary>();
  for (const p of payments) {
    const period = granularity === 'day' ? p.date : p.date.slice(0, 7);
    const summary = periods.get(period) ?? emptySummary(period);
    add(summary, p);
    periods.set(period, summary);
  }
  return [...periods.values()].sort((a, b) => (a.period < b.period ? -1 : 1));
}

export function dailyTakings(payments: readonly Payment[], date: IsoDate): TakingsSummary {
  const summary = emptySummary(date);
  for (const p of payments) if (p.date === date) add(summary, p);
  return summary;
}

export function monthlyTakings(payments: readonly Payment[], month: string): TakingsSummary {
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(month)) throw new DomainError('month_invalid', { field: 'month' });
  const summary = emptySummary(month);
  for (const p of payments) if (p.date.startsWith(`${month}-`)) add(summary, p);
  return summary;
}
