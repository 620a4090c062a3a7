import { type IsoDate, isValidOn, type Validity } from '../calendar/index.ts';
import { DomainError } from '../errors/domain-error.ts';
import type { BasisPoints, Cents } from '../money/index.ts';

/** A value that changes by decree: each version names its validity and its source. */
export interface Dated<T> extends Validity {
  value: T;
  source: string;
}

export interface CoverageRates {
  /** Within the coordinated care pathway (billing.md § Who pays what, 1). */
  carePathway: BasisPoints;
  /** Outside the care pathway. */
  outOfPathway: BasisPoints;
  /** ALD-related act, maternity, AT/MP, C2S and AME. */
  fullCover: BasisPoints;
}

export interface FlatContributionRule {
  perAct: Cents;
  dailyCap: Cents;
  yearlyCap: Cents;
  /** Persons younger than this are not charged. */
  exemptUnderAge: number;
}

export interface QuoteRule {
  /** A written quote (information écrite préalable) is due from this total fee, overbilling included. */
  threshold: Cents;
}

export interface BillingRates {
  coverage: readonly Dated<CoverageRates>[];
  flatContribution: readonly Dated<FlatContributionRule>[];
  quote: readonly Dated<QuoteRule>[];
}

/** Rates shipped with Pivot. An admin may load newer versions; code never hard-codes them. */
export const shippedBillingRates: BillingRates = {
  coverage: [
    {
      validFrom: '2011-05-02',
      value: { carePathway: 7_000, outOfPathway: 3_000, fullCover: 10_000 },
      source: 'billing.md (Pivot domain rules, 2026); CSS art. R160-5 / L162-5-3 — start date to verify',
    },
  ],
  flatContribution: [
    {
      validFrom: '2005-01-01',
      validTo: '2024-05-14',
      value: { perAct: 100, dailyCap: 400, yearlyCap: 5_000, exemptUnderAge: 18 },
      source: 'CSS art. L160-13 II, D160-5 — 1 € per act before 15 May 2024',
    },
    {
      validFrom: '2024-05-15',
      value: { perAct: 200, dailyCap: 400, yearlyCap: 5_000, exemptUnderAge: 18 },
      source: 'billing.md; décret 2024-113 du 16 février 2024 — 2 € per act since 15 May 2024',
    },
  ],
  quote: [
    {
      validFrom: '2012-01-01',
      value: { threshold: 7_000 },
      source: 'billing.md; arrêté du 30 mai 2018 (information écrite préalable) — start date to verify',
    },
  ],
};

/** The version of a dated value in force on `date`; the latest start wins when versions overlap. */
export function valueOn<T>(schedule: readonly Dated<T>[], date: IsoDate, name: string): T {
  let found: Dated<T> | undefined;
  for (const version of schedule) {
    if (isValidOn(version, date) && (found === undefined || version.validFrom > found.validFrom))
      found = version;
  }
  if (!found)
    throw new DomainError('rate_not_defined_on_date', { field: 'date', params: { rate: name, date } });
  return found.value;
}
