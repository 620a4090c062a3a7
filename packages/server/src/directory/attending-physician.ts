import { DomainError } from '@pivot/core';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';

/**
 * The attending physician (médecin traitant) is a member of the care team with that role; the
 * patient row mirrors it in `attending_physician_id` for billing (care pathway) and merge fields.
 * Setting it from the patient form replaces the previous one; null removes it.
 */
export async function setAttendingPhysician(
  tx: Kysely<Database>,
  actor: { organizationId: string; userId: string },
  patientId: string,
  correspondentId: string | null,
): Promise<void> {
  if (correspondentId) {
    const correspondent = await tx
      .selectFrom('correspondents')
      .select(['kind', 'active'])
      .where('id', '=', correspondentId)
      .where('organization_id', '=', actor.organizationId)
      .executeTakeFirst();
    if (!correspondent) throw new DomainError('not_found', { field: 'attendingPhysicianId' });
    if (!correspondent.active)
      throw new DomainError('correspondent_inactive', { field: 'attendingPhysicianId' });
    if (correspondent.kind !== 'practitioner') {
      throw new DomainError('attending_physician_not_practitioner', { field: 'attendingPhysicianId' });
    }
  }
  await tx
    .deleteFrom('patient_care_team')
    .where('patient_id', '=', patientId)
    .where('organization_id', '=', actor.organizationId)
    .where((eb) =>
      correspondentId
        ? eb.or([eb('role', '=', 'attending_physician'), eb('correspondent_id', '=', correspondentId)])
        : eb('role', '=', 'attending_physician'),
    )
    .execute();
  if (correspondentId) {
    await tx
      .insertInto('patient_care_team')
      .values({
        organization_id: actor.organizationId,
        patient_id: patientId,
        correspondent_id: correspondentId,
        role: 'attending_physician',
        added_by: actor.userId,
      })
      .execute();
  }
  await mirrorAttendingPhysician(tx, actor.organizationId, patientId);
}

/** Copies the care team's attending physician onto the patient row. */
export async function mirrorAttendingPhysician(
  tx: Kysely<Database>,
  organizationId: string,
  patientId: string,
) {
  const member = await tx
    .selectFrom('patient_care_team')
    .select('correspondent_id')
    .where('patient_id', '=', patientId)
    .where('organization_id', '=', organizationId)
    .where('role', '=', 'attending_physician')
    .executeTakeFirst();
  await tx
    .updateTable('patients')
    .set({ attending_physician_id: member?.correspondent_id ?? null })
    .where('id', '=', patientId)
    .where('organization_id', '=', organizationId)
    .execute();
}
