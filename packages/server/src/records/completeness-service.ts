import { parisDateOf } from '@pivot/core/agenda';
import { missingBeforeVisit, type RequiredRecordItem } from '@pivot/core/records';
import type { Kysely } from 'kysely';
import { auditFrom } from '../audit/index.ts';
import type { Db } from '../db/connection.ts';
import type { Database } from '../db/schema.ts';
import type { Actor } from '../http/request-context.ts';
import { loadRecordPatient } from './record-items.ts';
import { attachmentsOfPatient, replaceRequirementRows, requirementRows } from './repository.ts';

type RequirementRow = Awaited<ReturnType<typeof requirementRows>>[number];

const requirementOf = (r: RequirementRow): RequiredRecordItem => ({
  classificationCode: r.classification,
  labels: { fr: r.label_fr, en: r.label_en },
  maxAgeDays: r.max_age_days,
});

async function requirementsOf(tx: Kysely<Database>, organizationId: string, appointmentType: string) {
  return (await requirementRows(tx, organizationId, appointmentType)).map(requirementOf);
}

/** Appointment types that require items, with their requirements. */
export async function allRequirements(db: Db, actor: Actor) {
  const rows = await requirementRows(db.kysely, actor.organizationId);
  const byType = new Map<string, RequiredRecordItem[]>();
  for (const r of rows) {
    byType.set(r.appointment_type_code, [...(byType.get(r.appointment_type_code) ?? []), requirementOf(r)]);
  }
  return [...byType.entries()].map(([appointmentType, requirements]) => ({ appointmentType, requirements }));
}

export async function requirementsOfType(db: Db, actor: Actor, appointmentType: string) {
  return requirementsOf(db.kysely, actor.organizationId, appointmentType);
}

export async function setRequirements(
  db: Db,
  actor: Actor,
  appointmentType: string,
  requirements: RequiredRecordItem[],
) {
  await db.kysely.transaction().execute(async (tx) => {
    await replaceRequirementRows(tx, actor.organizationId, appointmentType, requirements);
    await auditFrom(actor)(tx, {
      action: 'update',
      entity: 'completeness_requirements',
      entityId: appointmentType,
    });
  });
  return requirementsOf(db.kysely, actor.organizationId, appointmentType);
}

/** What the record lacks before a visit of this appointment type (the read is traced). */
export async function recordCompleteness(
  db: Db,
  actor: Actor,
  patientId: string,
  appointmentType: string,
  visitDate: string | undefined,
) {
  const patient = await loadRecordPatient(db.kysely, actor.organizationId, patientId);
  const requirements = await requirementsOf(db.kysely, actor.organizationId, appointmentType);
  const attachments = await attachmentsOfPatient(db.kysely, actor.organizationId, patient.id);
  const day = visitDate ?? parisDateOf(Date.now());
  const missing = missingBeforeVisit(
    requirements,
    attachments.map((a) => ({
      id: a.id,
      classificationCode: a.classification,
      documentDate: parisDateOf(new Date(a.uploaded_at).getTime()),
    })),
    day,
  );
  await db.kysely.transaction().execute((tx) =>
    auditFrom(actor)(tx, {
      action: 'read',
      entity: 'completeness',
      entityId: patient.id,
      patientId: patient.id,
    }),
  );
  return { visitDate: day, required: requirements.length, missing };
}
