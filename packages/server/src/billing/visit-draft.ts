import { DomainError } from '@pivot/core';
import { parisDateOf } from '@pivot/core/agenda';
import { type Sector, suggestedActs, tariffOn } from '@pivot/core/billing';
import type { Kysely } from 'kysely';
import { auditFrom } from '../audit/index.ts';
import type { Database } from '../db/schema.ts';
import type { Actor } from '../http/request-context.ts';
import { loadPatient } from '../patients/index.ts';
import { loadCatalogue } from './catalogue-service.ts';
import {
  findAppointmentToBill,
  findAppointmentWithType,
  findPractitionerForVisitDraft,
} from './repository.ts';
import { invoiceOfAppointment } from './visit-repository.ts';

/** Statuses of an appointment that did not take place: nothing to bill. */
const notHeld = new Set(['cancelled', 'no_show']);

/**
 * The appointment a visit bills: of this organisation and this patient, held, and not billed yet
 * (an appointment is billed once; a credit note frees it).
 */
export async function assertAppointmentBillable(
  tx: Kysely<Database>,
  organizationId: string,
  input: { appointmentId: string; patientId: string },
) {
  const appointment = await findAppointmentToBill(tx, organizationId, input.appointmentId);
  if (!appointment) throw new DomainError('not_found', { field: 'appointmentId' });
  if (appointment.patient_id !== input.patientId)
    throw new DomainError('appointment_other_patient', { field: 'appointmentId' });
  if (notHeld.has(appointment.status))
    throw new DomainError('appointment_not_held', { field: 'appointmentId' });
  const billed = await invoiceOfAppointment(tx, organizationId, appointment.id);
  if (billed)
    throw new DomainError('appointment_already_billed', {
      field: 'appointmentId',
      params: { number: billed.number },
    });
  return appointment;
}

/**
 * What the bill-visit form starts from when opened from the agenda or the reception's billing
 * queue: the patient, the practitioner, today's date, the appointment and the act its motif suggests.
 */
export async function visitDraft(
  db: Kysely<Database>,
  actor: Actor,
  query: { patientId: string; practitionerId: string; appointmentId?: string | undefined; date: string },
) {
  return db.transaction().execute(async (tx) => {
    const patient = await loadPatient(tx, actor.organizationId, query.patientId);
    const practitioner = await findPractitionerForVisitDraft(tx, actor.organizationId, query.practitionerId);
    if (practitioner?.role !== 'practitioner')
      throw new DomainError('not_found', { field: 'practitionerId' });
    let appointment = null;
    let alreadyBilled = null;
    const suggestions: { code: string; label: string; feeCents: number }[] = [];
    if (query.appointmentId) {
      const row = await findAppointmentWithType(tx, actor.organizationId, query.appointmentId);
      if (!row) throw new DomainError('not_found', { field: 'appointmentId' });
      if (row.patient_id !== patient.id)
        throw new DomainError('appointment_other_patient', { field: 'appointmentId' });
      const label = row.label as { fr?: string; en?: string };
      const startsAt = new Date(row.starts_at as unknown as string | Date);
      appointment = {
        id: row.id,
        date: parisDateOf(startsAt.getTime()),
        startsAt: startsAt.toISOString(),
        status: row.status,
        type: { fr: label.fr ?? '', en: label.en ?? label.fr ?? '' },
      };
      alreadyBilled = (await invoiceOfAppointment(tx, actor.organizationId, row.id)) ?? null;
      const sector = (practitioner.sector ?? '1') as Sector;
      const catalogue = await loadCatalogue(tx, actor.organizationId);
      for (const code of suggestedActs({
        appointmentType: label.fr ?? '',
        specialty: practitioner.specialty,
        sector,
        patientBirthDate: patient.birthDate,
        date: query.date,
      })) {
        const act = catalogue.acts.find((a) => a.code === code);
        if (!act) continue;
        try {
          const tariff = tariffOn(catalogue, code, query.date, sector, {
            specialty: specialtyKey(practitioner.specialty),
          });
          suggestions.push({ code, label: act.label, feeCents: tariff.amountCents });
        } catch (error) {
          // No tariff in force for this sector on that date: the act is not suggested.
          if (!(error instanceof DomainError)) throw error;
        }
      }
    }
    await auditFrom(actor)(tx, {
      action: 'read',
      entity: 'visit_draft',
      entityId: query.appointmentId ?? null,
      patientId: patient.id,
    });
    return {
      patient: {
        id: patient.id,
        birthName: patient.birthName,
        usedName: patient.usedName,
        birthGivenNames: patient.birthGivenNames,
        usedGivenName: patient.usedGivenName,
        birthDate: patient.birthDate,
        sex: patient.sex,
        identityStatus: patient.identity.status,
        nir: patient.nir,
        mergedInto: patient.mergedInto,
      },
      practitionerId: practitioner.id,
      date: query.date,
      appointment,
      alreadyBilled,
      suggestedActs: suggestions,
    };
  });
}

/** Practitioner specialties as written on accounts → specialty keys of specialty-specific tariffs. */
export function specialtyKey(specialty: string | null): string | undefined {
  const keys: Record<string, string> = {
    'Gynécologie médicale': 'medical_gynaecology',
    Psychiatrie: 'psychiatry',
    Pédiatrie: 'paediatrics',
  };
  return specialty ? keys[specialty] : undefined;
}
