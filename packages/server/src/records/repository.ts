import type { ClassificationPlan, RequiredRecordItem } from '@pivot/core/records';
import { type Kysely, sql } from 'kysely';
import type { Database } from '../db/schema.ts';

// Every SQL statement of the record but its visibility rule (visibility-repository.ts).

/**
 * The patient whose record is read or written, of this organization: its id and the survivor it
 * was merged into, if any. The record needs no more of the patient file, and asks the patients
 * capability nothing (patients writes in the record: the dependency goes that way).
 */
export async function recordPatient(tx: Kysely<Database>, organizationId: string, patientId: string) {
  return tx
    .selectFrom('patients')
    .select(['id', 'merged_into'])
    .where('id', '=', patientId)
    .where('organization_id', '=', organizationId)
    .executeTakeFirst();
}

// --- record items ----------------------------------------------------------------------------

/** How many of these ids are active users of the organization. */
export async function countActiveUsers(tx: Kysely<Database>, organizationId: string, userIds: string[]) {
  const known = await tx
    .selectFrom('users')
    .select('id')
    .where('organization_id', '=', organizationId)
    .where('active', '=', true)
    .where('id', 'in', userIds)
    .execute();
  return known.length;
}

export async function insertRecordItem(
  tx: Kysely<Database>,
  item: {
    organizationId: string;
    patientId: string;
    kind: string;
    title: string;
    body: string;
    authorId: string | null;
    confidentiality: 'normal' | 'restricted' | 'practitioner_only';
    attachmentId: string | null;
    occurredAt: Date;
    data: Record<string, unknown>;
    allowedUserIds: string[];
  },
): Promise<string> {
  const row = await tx
    .insertInto('record_items')
    .values({
      organization_id: item.organizationId,
      patient_id: item.patientId,
      kind: item.kind,
      title: item.title,
      body: item.body,
      author_id: item.authorId,
      confidentiality: item.confidentiality,
      attachment_id: item.attachmentId,
      occurred_at: item.occurredAt,
      data: JSON.stringify(item.data),
      allowed_user_ids: item.allowedUserIds,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

// --- classification plan ---------------------------------------------------------------------

export async function classificationPlanRows(tx: Kysely<Database>, organizationId: string) {
  return tx
    .selectFrom('classification_plan')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .orderBy('position')
    .execute();
}

export async function replaceClassificationPlanRows(
  tx: Kysely<Database>,
  organizationId: string,
  plan: ClassificationPlan,
) {
  await tx.deleteFrom('classification_plan').where('organization_id', '=', organizationId).execute();
  await tx
    .insertInto('classification_plan')
    .values(
      plan.map((c, i) => ({
        organization_id: organizationId,
        code: c.code,
        label_fr: c.labels.fr,
        label_en: c.labels.en,
        parent_code: c.parentCode,
        position: i,
        active: c.active,
      })),
    )
    .execute();
}

// --- attachments -----------------------------------------------------------------------------

export async function insertAttachment(
  tx: Kysely<Database>,
  organizationId: string,
  attachment: {
    patientId: string;
    fileName: string;
    mediaType: string;
    sizeBytes: number;
    sha256: string;
    storageKey: string;
    classification: string;
    uploadedBy: string | null;
  },
): Promise<string> {
  const row = await tx
    .insertInto('attachments')
    .values({
      organization_id: organizationId,
      patient_id: attachment.patientId,
      file_name: attachment.fileName,
      media_type: attachment.mediaType,
      size_bytes: attachment.sizeBytes,
      sha256: attachment.sha256,
      storage_key: attachment.storageKey,
      classification: attachment.classification,
      uploaded_by: attachment.uploadedBy,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** A patient's attachments, with what the completeness checklist compares. */
export async function attachmentsOfPatient(tx: Kysely<Database>, organizationId: string, patientId: string) {
  return tx
    .selectFrom('attachments')
    .select(['id', 'classification', 'uploaded_at'])
    .where('patient_id', '=', patientId)
    .where('organization_id', '=', organizationId)
    .execute();
}

// --- completeness requirements ---------------------------------------------------------------

export async function requirementRows(
  tx: Kysely<Database>,
  organizationId: string,
  appointmentType?: string,
) {
  let query = tx
    .selectFrom('completeness_requirements')
    .selectAll()
    .where('organization_id', '=', organizationId);
  if (appointmentType !== undefined) query = query.where('appointment_type_code', '=', appointmentType);
  else query = query.orderBy('appointment_type_code');
  return query.execute();
}

export async function replaceRequirementRows(
  tx: Kysely<Database>,
  organizationId: string,
  appointmentType: string,
  requirements: RequiredRecordItem[],
) {
  await tx
    .deleteFrom('completeness_requirements')
    .where('organization_id', '=', organizationId)
    .where('appointment_type_code', '=', appointmentType)
    .execute();
  if (requirements.length) {
    await tx
      .insertInto('completeness_requirements')
      .values(
        requirements.map((r) => ({
          organization_id: organizationId,
          appointment_type_code: appointmentType,
          classification: r.classificationCode,
          label_fr: r.labels.fr,
          label_en: r.labels.en,
          max_age_days: r.maxAgeDays,
        })),
      )
      .execute();
  }
}

// --- break-glass accesses --------------------------------------------------------------------

function accessesQuery(tx: Kysely<Database>, organizationId: string) {
  return tx
    .selectFrom('break_glass_accesses as b')
    .innerJoin('users as u', 'u.id', 'b.user_id')
    .innerJoin('patients as p', 'p.id', 'b.patient_id')
    .select([
      'b.id',
      'b.patient_id',
      'b.user_id',
      'u.display_name',
      'u.role',
      'b.reason',
      'b.started_at',
      'b.expires_at',
      sql<boolean>`b.expires_at > now()`.as('active'),
      'p.birth_name',
      'p.used_name',
      'p.first_given_name',
    ])
    .where('b.organization_id', '=', organizationId);
}

export type AccessRow = Awaited<ReturnType<ReturnType<typeof accessesQuery>['execute']>>[number];

export async function insertBreakGlassAccess(
  tx: Kysely<Database>,
  organizationId: string,
  access: { patientId: string; userId: string; reason: string; startedAt: Date; expiresAt: Date },
): Promise<string> {
  const row = await tx
    .insertInto('break_glass_accesses')
    .values({
      organization_id: organizationId,
      patient_id: access.patientId,
      user_id: access.userId,
      reason: access.reason,
      started_at: access.startedAt,
      expires_at: access.expiresAt,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function breakGlassAccess(tx: Kysely<Database>, organizationId: string, accessId: string) {
  return accessesQuery(tx, organizationId).where('b.id', '=', accessId).executeTakeFirstOrThrow();
}

/** The break-glass accesses to one patient's record, newest first. */
export async function patientBreakGlassAccessRows(
  tx: Kysely<Database>,
  organizationId: string,
  patientId: string,
) {
  return accessesQuery(tx, organizationId)
    .where('b.patient_id', '=', patientId)
    .orderBy('b.started_at', 'desc')
    .limit(200)
    .execute();
}

/**
 * The break-glass accesses of the last `days` days to a practitioner's patients: those they are
 * the attending physician of, see in appointments, or wrote in the record of.
 */
export async function practitionerBreakGlassAccessRows(
  tx: Kysely<Database>,
  organizationId: string,
  practitionerId: string,
  days: number,
) {
  return accessesQuery(tx, organizationId)
    .where('b.started_at', '>', sql<Date>`now() - make_interval(days => ${days})`)
    .where((eb) =>
      eb.or([
        eb('p.attending_physician_id', '=', practitionerId),
        eb.exists(
          eb
            .selectFrom('appointments as a')
            .select(sql`1`.as('one'))
            .where('a.organization_id', '=', organizationId)
            .whereRef('a.patient_id', '=', 'b.patient_id')
            .where('a.practitioner_id', '=', practitionerId),
        ),
        eb.exists(
          eb
            .selectFrom('record_items as r')
            .select(sql`1`.as('one'))
            .where('r.organization_id', '=', organizationId)
            .whereRef('r.patient_id', '=', 'b.patient_id')
            .where('r.author_id', '=', practitionerId),
        ),
      ]),
    )
    .orderBy('b.started_at', 'desc')
    .limit(200)
    .execute();
}

/** Requirements of the demo practice's motifs, written as they are given. */
export async function insertRequirementRows(
  tx: Kysely<Database>,
  organizationId: string,
  rows: {
    appointment_type_code: string;
    classification: string;
    label_fr: string;
    label_en: string;
    max_age_days: number | null;
  }[],
) {
  await tx
    .insertInto('completeness_requirements')
    .values(rows.map((row) => ({ organization_id: organizationId, ...row })))
    .execute();
}
