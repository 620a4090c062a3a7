import { DomainError } from '@pivot/core';
import type { CareTeamMemberInput } from '@pivot/core/directory';
import type { Kysely } from 'kysely';
import { auditFrom } from '../audit/index.ts';
import type { Db } from '../db/connection.ts';
import type { Database } from '../db/schema.ts';
import type { Actor } from '../http/request-context.ts';
import { mirrorAttendingPhysician } from './attending-physician.ts';
import { correspondentView, loadCorrespondent } from './correspondents.ts';
import {
  careTeamMemberRoles,
  careTeamRows,
  deleteCareTeamMember,
  insertCareTeamMember,
  patientExists,
} from './repository.ts';

/** Only the patient's own organization may see or change who cares for them. */
async function checkPatient(tx: Kysely<Database>, organizationId: string, patientId: string) {
  if (!(await patientExists(tx, organizationId, patientId))) throw new DomainError('not_found');
}

async function careTeamOf(tx: Kysely<Database>, organizationId: string, patientId: string) {
  const rows = await careTeamRows(tx, organizationId, patientId);
  // The attending physician first, then specialists, then the others.
  const order = { attending_physician: 0, specialist: 1, other: 2 };
  return rows
    .map(({ member_id, member_role, member_note, member_added_at, ...correspondent }) => ({
      id: member_id,
      role: member_role,
      note: member_note,
      addedAt: member_added_at,
      correspondent: correspondentView(correspondent),
    }))
    .sort((a, b) => order[a.role] - order[b.role]);
}

/** The care team of a patient (the read is traced). */
export async function readCareTeam(db: Db, actor: Actor, patientId: string) {
  return db.kysely.transaction().execute(async (tx) => {
    await checkPatient(tx, actor.organizationId, patientId);
    const team = await careTeamOf(tx, actor.organizationId, patientId);
    await auditFrom(actor)(tx, { action: 'read', entity: 'care_team', entityId: patientId, patientId });
    return team;
  });
}

/** Adds a correspondent to the care team of a patient (one attending physician at most). */
export async function addCareTeamMember(db: Db, actor: Actor, patientId: string, input: CareTeamMemberInput) {
  return db.kysely.transaction().execute(async (tx) => {
    await checkPatient(tx, actor.organizationId, patientId);
    const correspondent = await loadCorrespondent(tx, actor.organizationId, input.correspondentId).catch(
      () => {
        throw new DomainError('not_found', { field: 'correspondentId' });
      },
    );
    if (!correspondent.active) throw new DomainError('correspondent_inactive', { field: 'correspondentId' });
    if (input.role === 'attending_physician' && correspondent.kind !== 'practitioner')
      throw new DomainError('attending_physician_not_practitioner', { field: 'correspondentId' });
    const existing = await careTeamMemberRoles(tx, actor.organizationId, patientId);
    if (existing.some((m) => m.correspondent_id === input.correspondentId))
      throw new DomainError('already_in_care_team', { field: 'correspondentId' });
    if (input.role === 'attending_physician' && existing.some((m) => m.role === 'attending_physician'))
      throw new DomainError('attending_physician_taken', { field: 'role' });
    const memberId = await insertCareTeamMember(tx, actor.organizationId, {
      patientId,
      correspondentId: input.correspondentId,
      role: input.role,
      note: input.note,
      addedBy: actor.userId,
    });
    await auditFrom(actor)(tx, {
      action: 'create',
      entity: 'care_team',
      entityId: memberId,
      patientId,
      details: { role: input.role, correspondentId: input.correspondentId },
    });
    await mirrorAttendingPhysician(tx, actor.organizationId, patientId);
    return careTeamOf(tx, actor.organizationId, patientId);
  });
}

/** Removes a correspondent from the care team of a patient. */
export async function removeCareTeamMember(db: Db, actor: Actor, patientId: string, memberId: string) {
  return db.kysely.transaction().execute(async (tx) => {
    await checkPatient(tx, actor.organizationId, patientId);
    const removed = await deleteCareTeamMember(tx, actor.organizationId, patientId, memberId);
    if (!removed) throw new DomainError('not_found');
    await auditFrom(actor)(tx, {
      action: 'delete',
      entity: 'care_team',
      entityId: memberId,
      patientId,
      details: { role: removed.role, correspondentId: removed.correspondent_id },
    });
    await mirrorAttendingPhysician(tx, actor.organizationId, patientId);
    return careTeamOf(tx, actor.organizationId, patientId);
  });
}
