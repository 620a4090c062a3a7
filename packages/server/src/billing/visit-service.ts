import { DomainError } from '@pivot/core';
import {
  type ActCatalogue,
  addDays,
  addMonths,
  buildClaim,
  type ComplementaryContract,
  complementaryContractInput,
  computeFeeSplit,
  type FeeSplit,
  findAct,
  formatInvoiceNumber,
  isoDate,
  ngapAmount,
  nonNegativeCents,
  type Sector,
  tariffOn,
  type VisitBilling,
} from '@pivot/core/billing';
import { id, text } from '@pivot/core/input';
import type { ComplementaryInsurance, MandatoryInsurance } from '@pivot/core/patients';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { auditFrom } from '../audit/index.ts';
import type { Database } from '../db/schema.ts';
import type { Actor } from '../http/request-context.ts';
import { loadCoverage } from '../patients/index.ts';
import { addRecordItem } from '../records/index.ts';
import { loadCatalogue } from './catalogue-service.ts';
import { insertClaim } from './claim-repository.ts';
import { incrementInvoiceCounter, insertInvoice, insertInvoiceLines } from './invoice-repository.ts';
import { insertReceivables } from './receivable-repository.ts';
import { findPatientToBill, findPractitionerToBill } from './repository.ts';
import { assertAppointmentBillable, specialtyKey } from './visit-draft.ts';
import { flatContributionsOfYear, insertVisit } from './visit-repository.ts';

export const visitActInput = z.object({
  code: text().trim().toUpperCase().min(1).max(13),
  /** NGAP coefficient (K 20, G 1); CCAM acts are billed at 1. */
  coefficient: z.number().positive().max(1000).optional(),
  /** The fee asked; defaults to the reimbursement base. Above it is overbilling. */
  feeCents: nonNegativeCents.optional(),
  aldRelated: z.boolean().default(false),
});

export const visitInput = z.object({
  patientId: id,
  practitionerId: id,
  date: isoDate,
  appointmentId: id.optional(),
  carePathway: z.enum(['in', 'out']).default('in'),
  acts: z.array(visitActInput).min(1).max(20),
  /** Terms of the complementary contract; by default it pays the ticket modérateur only. */
  complementaryContract: complementaryContractInput.optional(),
  thirdPartyPayment: z.object({ amo: z.boolean(), amc: z.boolean() }).optional(),
  occupationalInjury: z.boolean().default(false),
  patientDemand: z.boolean().default(false),
  quoteGiven: z.boolean().default(false),
  vitaleCard: z.boolean().default(false),
  flatContributionRecoveredLater: z.boolean().default(false),
});
export type VisitInput = z.infer<typeof visitInput>;

export const defaultComplementaryContract: ComplementaryContract = {
  paysCopayment: true,
  overbillingShare: 0,
  overbillingCapOfBase: 0,
};

const activeOn = (date: string) => (p: { validFrom: string; validTo?: string | null | undefined }) =>
  p.validFrom <= date && (!p.validTo || p.validTo >= date);

export interface PreparedVisit {
  input: VisitInput;
  billing: VisitBilling;
  split: FeeSplit;
  sector: Sector;
  practitioner: { id: string; display_name: string; rpps: string | null; specialty: string | null };
  patient: {
    id: string;
    birth_name: string;
    first_given_name: string;
    used_name: string;
    birth_date: string;
  };
  mandatory: MandatoryInsurance | undefined;
  complementary: ComplementaryInsurance | undefined;
  lines: { code: string; label: string; coefficient: number | undefined }[];
  catalogue: ActCatalogue;
}

/**
 * A visit priced for display, without saving (the form's preview, the written quote): the
 * patient's coverage and identity it reads are traced.
 */
export async function prepareVisitForDisplay(
  db: Kysely<Database>,
  actor: Actor,
  input: VisitInput,
  purpose: 'preview' | 'quote',
) {
  return db.transaction().execute(async (tx) => {
    const prepared = await prepareVisit(tx, actor.organizationId, input);
    await auditFrom(actor)(tx, {
      action: purpose === 'quote' ? 'print' : 'read',
      entity: `visit_${purpose}`,
      patientId: prepared.patient.id,
    });
    return prepared;
  });
}

/** The fee split of a visit, computed without saving. */
export async function previewVisit(db: Kysely<Database>, actor: Actor, input: VisitInput) {
  const prepared = await prepareVisitForDisplay(db, actor, input, 'preview');
  return {
    sector: prepared.sector,
    thirdPartyPayment: prepared.billing.thirdPartyPayment,
    complementary: prepared.billing.complementary,
    acts: prepared.lines.map((l, i) => ({ ...l, ...prepared.billing.acts[i] })),
    split: prepared.split,
  };
}

/** Loads everything the fee split needs and computes it (the rule itself is core's computeFeeSplit). */
export async function prepareVisit(
  tx: Kysely<Database>,
  organizationId: string,
  input: VisitInput,
): Promise<PreparedVisit> {
  const patient = await findPatientToBill(tx, organizationId, input.patientId);
  if (!patient) throw new DomainError('not_found', { field: 'patientId' });
  if (patient.merged_into)
    throw new DomainError('patient_merged', { params: { survivor: patient.merged_into } });
  const practitioner = await findPractitionerToBill(tx, organizationId, input.practitionerId);
  if (practitioner?.role !== 'practitioner') throw new DomainError('not_found', { field: 'practitionerId' });
  const sector = (practitioner.sector ?? '1') as Sector;
  const catalogue = await loadCatalogue(tx, organizationId);
  const coverage = await loadCoverage(tx, organizationId, patient.id);
  const on = activeOn(input.date);
  const mandatory = coverage.mandatory.find(on);
  const complementary = coverage.complementary.find(on);
  const exemptions = coverage.exemptions.filter((e) => on({ validFrom: e.startDate, validTo: e.endDate }));
  const has = (kind: string) => exemptions.some((e) => e.kind === kind);
  const maternity = exemptions.find((e) => e.kind === 'maternity');
  const specialty = specialtyKey(practitioner.specialty);
  if (input.appointmentId)
    await assertAppointmentBillable(tx, organizationId, {
      appointmentId: input.appointmentId,
      patientId: patient.id,
    });

  const lines: PreparedVisit['lines'] = [];
  const acts = input.acts.map((act, i) => {
    const definition = findAct(catalogue, act.code);
    let tariff: ReturnType<typeof tariffOn>;
    try {
      tariff = tariffOn(catalogue, act.code, input.date, sector, { specialty });
    } catch (error) {
      if (error instanceof DomainError) {
        throw new DomainError(error.code, { field: `acts.${i}.code`, params: error.params });
      }
      throw error;
    }
    const baseCents =
      definition.kind === 'ngap' && act.coefficient !== undefined
        ? ngapAmount(tariff.amountCents, act.coefficient)
        : tariff.amountCents;
    if (act.aldRelated && !has('ald'))
      throw new DomainError('ald_exemption_missing', { field: `acts.${i}.aldRelated` });
    lines.push({ code: act.code, label: definition.label, coefficient: act.coefficient });
    return { code: act.code, baseCents, feeCents: act.feeCents ?? baseCents, aldRelated: act.aldRelated };
  });

  const flat = await flatContributionsOfYear(tx, organizationId, patient.id, input.date);

  const billing: VisitBilling = {
    date: input.date,
    sector,
    acts,
    patient: {
      birthDate: patient.birth_date,
      carePathway: input.carePathway,
      // The maternity exemption period is recorded from its first day (6th month): the pregnancy
      // start is set back five months so core's maternity period begins on that day.
      pregnancy: maternity
        ? {
            startDate: addMonths(maternity.startDate, -5),
            deliveryDate: maternity.endDate ? addDays(maternity.endDate, -12) : undefined,
          }
        : undefined,
      occupationalInjury: input.occupationalInjury || has('work_accident'),
      c2s: has('c2s'),
      ame: has('ame'),
    },
    complementary: complementary ? (input.complementaryContract ?? defaultComplementaryContract) : null,
    flatContributionAlready: { today: flat?.today ?? 0, thisYear: flat?.year ?? 0 },
    thirdPartyPayment: input.thirdPartyPayment ?? {
      amo: false,
      amc: false,
    },
    patientDemand: input.patientDemand,
    quoteGiven: input.quoteGiven,
    flatContributionRecoveredLater: input.flatContributionRecoveredLater,
  };
  if (!input.thirdPartyPayment) {
    // By default third-party payment is applied where it is due, and on both insurers when the
    // complementary contract offers it (tiers payant intégral).
    const amc = Boolean(complementary?.thirdPartyPayment);
    billing.thirdPartyPayment = { amo: computeDefaults(billing) || (amc && mandatory !== undefined), amc };
  }
  const split = computeFeeSplit(billing);
  if ((split.claimFromAmoCents > 0 || input.vitaleCard) && !mandatory)
    throw new DomainError('mandatory_coverage_missing', { field: 'patientId' });
  return {
    input,
    billing,
    split,
    sector,
    practitioner,
    patient,
    mandatory,
    complementary,
    lines,
    catalogue,
  };
}

function computeDefaults(billing: VisitBilling): boolean {
  const p = billing.patient;
  return Boolean(
    p.occupationalInjury || p.c2s || p.ame || p.pregnancy || billing.acts.some((a) => a.aldRelated),
  );
}

/** Next number of the organisation's unbroken invoice sequence for `year`, locked by this transaction. */
export async function nextInvoiceSequence(tx: Kysely<Database>, organizationId: string, year: number) {
  const sequence = await incrementInvoiceCounter(tx, organizationId, year);
  return { sequence, number: formatInvoiceNumber(year, sequence) };
}

export function amoDebtorId(mandatory: MandatoryInsurance): string {
  return `${mandatory.regimeCode}${mandatory.caisseCode}`;
}

export function amcDebtorId(complementary: ComplementaryInsurance): string {
  return complementary.organizationId ?? complementary.organizationName ?? 'amc';
}

/** Bills a visit: visit, invoice numbered in sequence, lines, receivables, claim, timeline item, audit. */
export async function billVisit(db: Kysely<Database>, actor: Actor, input: VisitInput) {
  try {
    return await billVisitOnce(db, actor, input);
  } catch (error) {
    // Two secretaries billing the same appointment at once: the partial unique index decides.
    if ((error as { code?: string } | null)?.code === '23505' && input.appointmentId)
      throw new DomainError('appointment_already_billed', { field: 'appointmentId', params: { number: '' } });
    throw error;
  }
}

async function billVisitOnce(db: Kysely<Database>, actor: Actor, input: VisitInput) {
  return db.transaction().execute(async (tx) => {
    const prepared = await prepareVisit(tx, actor.organizationId, input);
    const { split, patient, practitioner, mandatory, complementary } = prepared;
    const visit = await insertVisit(tx, actor.organizationId, {
      patient_id: patient.id,
      practitioner_id: practitioner.id,
      appointment_id: input.appointmentId ?? null,
      visit_date: input.date,
      sector: prepared.sector,
      care_pathway: input.carePathway,
      third_party_amo: prepared.billing.thirdPartyPayment.amo,
      third_party_amc: prepared.billing.thirdPartyPayment.amc,
      quote_given: input.quoteGiven,
      patient_demand: input.patientDemand,
      vitale_card: input.vitaleCard,
      fee_cents: split.feeCents,
      flat_contribution_cents: split.flatContributionCents,
      split: JSON.stringify(split),
      created_by: actor.userId,
    });
    const year = Number(input.date.slice(0, 4));
    const { sequence, number } = await nextInvoiceSequence(tx, actor.organizationId, year);
    const invoice = await insertInvoice(tx, actor.organizationId, {
      patient_id: patient.id,
      visit_id: visit.id,
      practitioner_id: practitioner.id,
      number,
      year,
      sequence,
      kind: 'invoice',
      issued_on: input.date,
      credited_invoice_id: null,
      reason: null,
      total_cents: split.feeCents,
      amo_cents: split.amoCents,
      amc_cents: split.amcCents,
      patient_cents: split.patientRemainderCents,
      created_by: actor.userId,
    });
    await insertInvoiceLines(
      tx,
      actor.organizationId,
      split.acts.map((a, position) => ({
        invoice_id: invoice.id,
        position,
        act_code: a.code,
        label: prepared.lines[position]!.label,
        coefficient: prepared.lines[position]!.coefficient ?? null,
        fee_cents: a.feeCents,
        base_cents: a.baseCents,
        amo_cents: a.amoCents,
        amc_cents: a.amcCents,
        patient_cents: a.patientCents,
      })),
    );

    let claimId: string | null = null;
    const tp = prepared.billing.thirdPartyPayment;
    if ((tp.amo || tp.amc || input.vitaleCard) && mandatory) {
      if (!practitioner.rpps) throw new DomainError('practitioner_rpps_missing', { field: 'practitionerId' });
      const person = {
        nir: mandatory.beneficiaryNir,
        rank: mandatory.beneficiaryRank,
        regime: mandatory.regimeCode,
        fund: mandatory.caisseCode,
      };
      const claim = buildClaim({
        number,
        practitioner: { rpps: practitioner.rpps },
        insured: person,
        date: input.date,
        coefficients: prepared.lines.map((l) => l.coefficient),
        split,
        thirdPartyPayment: tp,
        amcId: complementary ? amcDebtorId(complementary) : undefined,
        mode: input.vitaleCard ? 'secure' : 'degraded',
      });
      const row = await insertClaim(tx, actor.organizationId, {
        patient_id: patient.id,
        visit_id: visit.id,
        number,
        destination: claim.destination,
        claim_date: input.date,
        fee_cents: claim.feeCents,
        amo_cents: split.claimFromAmoCents,
        amc_cents: split.claimFromAmcCents,
        data: JSON.stringify(claim),
        batch_id: null,
        rejection_code: null,
        rejection_label: null,
      });
      claimId = row.id;
    }
    const dues = [
      { kind: 'patient' as const, id: patient.id, amount: split.patientPaysAtDeskCents, claim: null },
      {
        kind: 'amo' as const,
        id: mandatory ? amoDebtorId(mandatory) : 'amo',
        amount: split.claimFromAmoCents,
        claim: claimId,
      },
      {
        kind: 'amc' as const,
        id: complementary ? amcDebtorId(complementary) : 'amc',
        amount: split.claimFromAmcCents,
        claim: claimId,
      },
    ].filter((d) => d.amount > 0);
    if (dues.length > 0) {
      await insertReceivables(
        tx,
        actor.organizationId,
        dues.map((d) => ({
          patient_id: patient.id,
          invoice_id: invoice.id,
          claim_id: d.claim,
          practitioner_id: practitioner.id,
          debtor_kind: d.kind,
          debtor_id: d.id,
          due_date: input.date,
          amount_cents: d.amount,
          last_reminder_on: null,
        })),
      );
    }
    await addRecordItem(tx, {
      organizationId: actor.organizationId,
      patientId: patient.id,
      kind: 'invoice',
      title: `Note d’honoraires ${number}`,
      authorId: actor.userId,
      data: { invoiceId: invoice.id, number, totalCents: split.feeCents },
    });
    await auditFrom(actor)(tx, {
      action: 'create',
      entity: 'invoice',
      entityId: invoice.id,
      patientId: patient.id,
      details: { number, totalCents: split.feeCents, acts: split.acts.map((a) => a.code) },
    });
    return { visitId: visit.id, invoiceId: invoice.id, number, claimId, split };
  });
}
