import { DomainError } from '@pivot/core';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import {
  attendingPhysicianMember,
  correspondentRow,
  deleteAttendingPhysicianPlace,
  insertCareTeamMember,
  setPatientAttendingPhysician,
} from './repository.ts';

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
    const correspondent = await correspondentRow(tx, actor.organizationId, correspondentId);
    if (!correspondent) throw new DomainError('not_found', { field: 'attendingPhysicianId' });
    if (!correspondent.active)
      throw new DomainError('correspondent_inactive', { field: 'attendingPhysicianId' });
    if (correspondent.kind !== 'practitioner') {
      throw new DomainError('attending_physician_not_practitioner', { field: 'attendingPhysicianId' });
    }
  }
  await deleteAttendingPhysicianPlace(tx, actor.organizationId, patientId, correspondentId);
  if (correspondentId) {
    await insertCareTeamMember(tx, actor.organizationId, {
      patientId,
      correspondentId,
      role: 'attending_physician',
      addedBy: actor.userId,
    });
  }
  await mirrorAttendingPhysician(tx, actor.organizationId, patientId);
}

/** Copies the care team's attending physician onto the patient row. */
export async function mirrorAttendingPhysician(
  tx: Kysely<Database>,
  organizationId: string,
  patientId: string,
) {
  const member = await attendingPhysicianMember(tx, organizationId, patientId);
  await setPatientAttendingPhysician(tx, organizationId, patientId, member?.correspondent_id ?? null);
}
