import { addDays, addMonths, ageOn, assertIsoDate, type IsoDate } from '../calendar/index.ts';
import { DomainError } from '../errors/domain-error.ts';
import { applyRate, assertNonNegativeCents, type BasisPoints, type Cents, sumCents } from '../money/index.ts';
import type { Sector } from './catalogue.ts';
import { type BillingRates, shippedBillingRates, valueOn } from './rates-data.ts';

/** Reasons for 100 % cover by the mandatory insurer (GLOSSARY: exemption kinds). */
export type ExemptionReason = 'occupational_injury' | 'maternity' | 'ald' | 'c2s' | 'ame';

/** Why no flat contribution is charged (billing.md § Who pays what, 2). */
export type FlatContributionExemption = 'minor' | 'c2s' | 'ame' | 'maternity' | 'occupational_injury';

export interface BilledAct {
  code: string;
  feeCents: Cents;
  /** Reimbursement base (BR) from the catalogue. */
  baseCents: Cents;
  /** The act relates to the patient's ALD (upper zone of the two-zone prescription form). */
  aldRelated?: boolean | undefined;
}

export interface Pregnancy {
  /** Start of pregnancy as declared (date de début de grossesse). */
  startDate: IsoDate;
  deliveryDate?: IsoDate | undefined;
}

/** The patient's situation on the date of the visit. */
export interface PatientSituation {
  birthDate: IsoDate;
  carePathway: 'in' | 'out';
  pregnancy?: Pregnancy | undefined;
  /** The visit relates to a recognised work accident or occupational disease (AT/MP). */
  occupationalInjury?: boolean | undefined;
  c2s?: boolean | undefined;
  ame?: boolean | undefined;
}

export interface ComplementaryContract {
  paysCopayment: boolean;
  /** Share of the overbilling the contract pays (10 000 = all of it)... */
  overbillingShare: BasisPoints;
  /** ...capped at this share of the reimbursement base (10 000 = 100 % BR). */
  overbillingCapOfBase: BasisPoints;
}

export interface VisitBilling {
  date: IsoDate;
  sector: Sector;
  acts: readonly BilledAct[];
  patient: PatientSituation;
  complementary: ComplementaryContract | null;
  /** Flat contributions already charged to this person today and this calendar year. */
  flatContributionAlready: { today: Cents; thisYear: Cents };
  thirdPartyPayment: { amo: boolean; amc: boolean };
  /** Explicit patient demand (exigence particulière, DE): allows overbilling in sector 1. */
  patientDemand?: boolean | undefined;
  /** The written quote (information écrite préalable) was given. */
  quoteGiven?: boolean | undefined;
  /**
   * With third-party payment, the insurer pays the whole AMO part and recovers the flat
   * contribution later from the patient's reimbursements, instead of it being paid at the desk.
   */
  flatContributionRecoveredLater?: boolean | undefined;
}

export interface ActSplit {
  code: string;
  feeCents: Cents;
  baseCents: Cents;
  amoRate: BasisPoints;
  exemption: ExemptionReason | null;
  amoGrossCents: Cents;
  flatContributionCents: Cents;
  amoCents: Cents;
  /** Part of the AMO payment that is the C2S complement (C2S pays up to 100 % BR). */
  c2sPartCents: Cents;
  copaymentCents: Cents;
  overbillingCents: Cents;
  amcCopaymentCents: Cents;
  amcOverbillingCents: Cents;
  amcCents: Cents;
  patientCents: Cents;
}

export interface FeeSplit {
  acts: ActSplit[];
  feeCents: Cents;
  baseCents: Cents;
  amoGrossCents: Cents;
  flatContributionCents: Cents;
  flatContributionExemption: FlatContributionExemption | null;
  /** Paid by the mandatory insurer, flat contribution deducted. */
  amoCents: Cents;
  copaymentCents: Cents;
  overbillingCents: Cents;
  amcCents: Cents;
  /** What the patient bears in the end: fee − AMO − AMC. */
  patientRemainderCents: Cents;
  patientPaysAtDeskCents: Cents;
  claimFromAmoCents: Cents;
  claimFromAmcCents: Cents;
  /** Paid by the insurers to the patient afterwards (no third-party payment). */
  refundToPatientByAmoCents: Cents;
  refundToPatientByAmcCents: Cents;
  thirdPartyPaymentDue: ExemptionReason[];
  quoteRequired: boolean;
}

/** From the first day of the 6th month of pregnancy to 12 days after birth (billing.md, 1). */
export function isInMaternityPeriod(pregnancy: Pregnancy | undefined, date: IsoDate): boolean {
  if (!pregnancy) return false;
  const start = addMonths(assertIsoDate(pregnancy.startDate, 'pregnancy.startDate'), 5);
  if (date < start) return false;
  return pregnancy.deliveryDate === undefined || date <= addDays(pregnancy.deliveryDate, 12);
}

/**
 * Situations where third-party payment on AMO is due (billing.md, 5): ALD-related acts, maternity,
 * AT/MP, C2S and AME. An empty list means it is optional.
 */
export function thirdPartyPaymentDue(
  patient: PatientSituation,
  acts: readonly Pick<BilledAct, 'aldRelated'>[],
  date: IsoDate,
): ExemptionReason[] {
  const reasons: ExemptionReason[] = [];
  if (patient.occupationalInjury) reasons.push('occupational_injury');
  if (isInMaternityPeriod(patient.pregnancy, date)) reasons.push('maternity');
  if (acts.some((a) => a.aldRelated)) reasons.push('ald');
  if (patient.c2s) reasons.push('c2s');
  if (patient.ame) reasons.push('ame');
  return reasons;
}

function exemptionOf(patient: PatientSituation, act: BilledAct, maternity: boolean): ExemptionReason | null {
  if (patient.occupationalInjury) return 'occupational_injury';
  if (maternity) return 'maternity';
  if (act.aldRelated) return 'ald';
  if (patient.c2s) return 'c2s';
  if (patient.ame) return 'ame';
  return null;
}

function flatContributionExemptionOf(
  patient: PatientSituation,
  age: number,
  exemptUnderAge: number,
  maternity: boolean,
): FlatContributionExemption | null {
  if (age < exemptUnderAge) return 'minor';
  if (patient.c2s) return 'c2s';
  if (patient.ame) return 'ame';
  if (maternity) return 'maternity';
  if (patient.occupationalInjury) return 'occupational_injury';
  return null;
}

/**
 * Who pays what for one visit (billing.md § Who pays what). Each share is rounded half up to the
 * cent per act; AMO + AMC + patient remainder add up to the fee exactly.
 */
export function computeFeeSplit(visit: VisitBilling, rates: BillingRates = shippedBillingRates): FeeSplit {
  const date = assertIsoDate(visit.date, 'date');
  if (visit.acts.length === 0) throw new DomainError('visit_without_acts', { field: 'acts' });
  const coverage = valueOn(rates.coverage, date, 'coverage');
  const flatRule = valueOn(rates.flatContribution, date, 'flatContribution');
  const quoteRule = valueOn(rates.quote, date, 'quote');
  const { patient } = visit;
  const age = ageOn(patient.birthDate, date);
  if (age < 0) throw new DomainError('birth_date_after_visit', { field: 'patient.birthDate' });
  const maternity = isInMaternityPeriod(patient.pregnancy, date);
  const solidarity = Boolean(patient.c2s || patient.ame);

  visit.acts.forEach((act, i) => {
    assertNonNegativeCents(act.feeCents, `acts.${i}.feeCents`);
    assertNonNegativeCents(act.baseCents, `acts.${i}.baseCents`);
    if (act.feeCents < act.baseCents)
      throw new DomainError('fee_below_base', { field: `acts.${i}.feeCents` });
  });
  const feeCents = sumCents(visit.acts.map((a) => a.feeCents));
  const overbillingCents = sumCents(visit.acts.map((a) => a.feeCents - a.baseCents));
  if (overbillingCents > 0) {
    if (patient.c2s)
      throw new DomainError('overbilling_not_allowed', { field: 'acts', params: { reason: 'c2s' } });
    if (visit.sector === '1' && !visit.patientDemand) {
      throw new DomainError('overbilling_not_allowed_in_sector_1', { field: 'acts' });
    }
  }
  // The quote rule sits with overbilling in billing.md § 3: due when fees with overbilling reach the threshold.
  const quoteRequired = overbillingCents > 0 && feeCents >= quoteRule.threshold;
  if (quoteRequired && !visit.quoteGiven) {
    throw new DomainError('quote_required', {
      field: 'quoteGiven',
      params: { threshold: quoteRule.threshold },
    });
  }
  const tpDue = thirdPartyPaymentDue(patient, visit.acts, date);
  if (tpDue.length > 0 && !visit.thirdPartyPayment.amo) {
    throw new DomainError('third_party_payment_required', {
      field: 'thirdPartyPayment.amo',
      params: { reason: tpDue[0]! },
    });
  }
  if (visit.thirdPartyPayment.amc && !visit.complementary) {
    throw new DomainError('complementary_contract_missing', { field: 'thirdPartyPayment.amc' });
  }

  const flatExemption = flatContributionExemptionOf(patient, age, flatRule.exemptUnderAge, maternity);
  let flatLeftToday = Math.max(0, flatRule.dailyCap - visit.flatContributionAlready.today);
  let flatLeftThisYear = Math.max(0, flatRule.yearlyCap - visit.flatContributionAlready.thisYear);
  // C2S is paid with the AMO part; contrats responsables pay neither the flat contribution nor the
  // extra copayment outside the care pathway (CSS art. L871-1), hence the standard-rate cap below.
  const amcContract = solidarity ? null : visit.complementary;

  const acts: ActSplit[] = visit.acts.map((act) => {
    const exemption = exemptionOf(patient, act, maternity);
    const standardRate = coverage.carePathway;
    const amoRate =
      exemption !== null
        ? coverage.fullCover
        : patient.carePathway === 'in'
          ? standardRate
          : coverage.outOfPathway;
    const amoGrossCents = applyRate(act.baseCents, amoRate);
    const c2sPartCents =
      exemption === 'c2s' || exemption === 'ame' ? amoGrossCents - applyRate(act.baseCents, standardRate) : 0;
    let flatContributionCents = 0;
    if (flatExemption === null && amoGrossCents > 0) {
      flatContributionCents = Math.min(flatRule.perAct, flatLeftToday, flatLeftThisYear, amoGrossCents);
      flatLeftToday -= flatContributionCents;
      flatLeftThisYear -= flatContributionCents;
    }
    const amoCents = amoGrossCents - flatContributionCents;
    const copaymentCents = act.baseCents - amoGrossCents;
    const overbilling = act.feeCents - act.baseCents;
    const amcCopaymentCents =
      amcContract?.paysCopayment === true
        ? Math.min(copaymentCents, act.baseCents - applyRate(act.baseCents, standardRate))
        : 0;
    const amcOverbillingCents = amcContract
      ? Math.min(
          applyRate(overbilling, amcContract.overbillingShare),
          applyRate(act.baseCents, amcContract.overbillingCapOfBase),
          overbilling,
        )
      : 0;
    const amcCents = amcCopaymentCents + amcOverbillingCents;
    return {
      code: act.code,
      feeCents: act.feeCents,
      baseCents: act.baseCents,
      amoRate,
      exemption,
      amoGrossCents,
      flatContributionCents,
      amoCents,
      c2sPartCents,
      copaymentCents,
      overbillingCents: overbilling,
      amcCopaymentCents,
      amcOverbillingCents,
      amcCents,
      patientCents: act.feeCents - amoCents - amcCents,
    };
  });

  const total = (pick: (a: ActSplit) => Cents) => sumCents(acts.map(pick));
  const amoCents = total((a) => a.amoCents);
  const amcCents = total((a) => a.amcCents);
  const flatContributionCents = total((a) => a.flatContributionCents);
  const claimFromAmoCents = visit.thirdPartyPayment.amo
    ? amoCents + (visit.flatContributionRecoveredLater ? flatContributionCents : 0)
    : 0;
  const claimFromAmcCents = visit.thirdPartyPayment.amc ? amcCents : 0;
  return {
    acts,
    feeCents,
    baseCents: total((a) => a.baseCents),
    amoGrossCents: total((a) => a.amoGrossCents),
    flatContributionCents,
    flatContributionExemption: flatExemption,
    amoCents,
    copaymentCents: total((a) => a.copaymentCents),
    overbillingCents,
    amcCents,
    patientRemainderCents: feeCents - amoCents - amcCents,
    patientPaysAtDeskCents: feeCents - claimFromAmoCents - claimFromAmcCents,
    claimFromAmoCents,
    claimFromAmcCents,
    refundToPatientByAmoCents: visit.thirdPartyPayment.amo ? 0 : amoCents,
    refundToPatientByAmcCents: visit.thirdPartyPayment.amc ? 0 : amcCents,
    thirdPartyPaymentDue: tpDue,
    quoteRequired,
  };
}
