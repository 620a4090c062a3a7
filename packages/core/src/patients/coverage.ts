import type { ComplementaryInsurance, Exemption, ExemptionKind, MandatoryInsurance } from './schemas.ts';

export const coverageStates = ['valid', 'expiring', 'expired', 'missing'] as const;
export type CoverageState = (typeof coverageStates)[number];

/** Rights ending within this many days are shown as expiring, so the secretary asks for the update. */
export const coverageExpiringDays = 30;

export interface Period {
  validFrom: string;
  validTo?: string | null;
}

function dayNumber(iso: string): number {
  return (
    Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / 86_400_000
  );
}

/** State on `date` of the best of several validity periods (an open end means no end). */
export function periodsStateOn(periods: readonly Period[], date: string): CoverageState {
  const current = periods.filter((p) => p.validFrom <= date && (!p.validTo || p.validTo >= date));
  if (current.length > 0) {
    if (current.some((p) => !p.validTo)) return 'valid';
    const lastEnd = current
      .map((p) => p.validTo!)
      .sort()
      .at(-1)!;
    return dayNumber(lastEnd) - dayNumber(date) <= coverageExpiringDays ? 'expiring' : 'valid';
  }
  return periods.some((p) => p.validTo && p.validTo < date) ? 'expired' : 'missing';
}

export interface Coverage {
  mandatory: readonly MandatoryInsurance[];
  complementary: readonly ComplementaryInsurance[];
  exemptions: readonly Exemption[];
}

export const coverageFlags = [
  'mandatory_missing',
  'mandatory_expired',
  'mandatory_expiring',
  'complementary_missing',
  'complementary_expired',
  'complementary_expiring',
  'exemption_active',
  'exemption_expiring',
  'third_party_payment',
] as const;
export type CoverageFlag = (typeof coverageFlags)[number];

export interface CoverageStatus {
  mandatory: CoverageState;
  complementary: CoverageState;
  /** Exemptions in force on the date. */
  activeExemptions: ExemptionKind[];
  /** Third-party payment by the complementary insurer in force on the date. */
  thirdPartyPayment: boolean;
  /** What the patient banner shows, most urgent first. */
  flags: CoverageFlag[];
}

/** Coverage status on a date, for the banner and before billing. */
export function coverageStatusOn(coverage: Coverage, date: string): CoverageStatus {
  const mandatory = periodsStateOn(coverage.mandatory, date);
  const complementary = periodsStateOn(coverage.complementary, date);
  const exemptionPeriods = coverage.exemptions.map((e) => ({
    kind: e.kind,
    validFrom: e.startDate,
    validTo: e.endDate,
  }));
  const active = exemptionPeriods.filter((e) => {
    const state = periodsStateOn([e], date);
    return state === 'valid' || state === 'expiring';
  });
  const thirdPartyPayment = coverage.complementary.some(
    (c) => c.thirdPartyPayment && c.validFrom <= date && (!c.validTo || c.validTo >= date),
  );

  const flags: CoverageFlag[] = [];
  if (mandatory !== 'valid') flags.push(`mandatory_${mandatory}`);
  if (complementary !== 'valid') flags.push(`complementary_${complementary}`);
  if (active.length > 0) flags.push('exemption_active');
  if (active.some((e) => periodsStateOn([e], date) === 'expiring')) flags.push('exemption_expiring');
  if (thirdPartyPayment) flags.push('third_party_payment');

  return {
    mandatory,
    complementary,
    activeExemptions: [...new Set(active.map((e) => e.kind))],
    thirdPartyPayment,
    flags,
  };
}
