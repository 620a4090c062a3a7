import { type Insertable, type Kysely, sql } from 'kysely';
import { likeContaining } from '../db/like-pattern.ts';
import type { Database } from '../db/schema.ts';
import type { CorrespondentsTable, PatientCareTeamTable } from './tables.ts';

// Every SQL statement of the directory: correspondents, distribution lists, care teams.

type CorrespondentColumns = Omit<Insertable<CorrespondentsTable>, 'organization_id'>;

// --- correspondents --------------------------------------------------------------------------

export async function correspondentRow(tx: Kysely<Database>, organizationId: string, id: string) {
  return tx
    .selectFrom('correspondents')
    .selectAll()
    .where('id', '=', id)
    .where('organization_id', '=', organizationId)
    .executeTakeFirst();
}

export async function insertCorrespondent(
  tx: Kysely<Database>,
  organizationId: string,
  columns: CorrespondentColumns,
) {
  return tx
    .insertInto('correspondents')
    .values({ organization_id: organizationId, ...columns })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Many correspondents in one statement (the demo directory). */
export async function insertCorrespondents(
  tx: Kysely<Database>,
  organizationId: string,
  rows: CorrespondentColumns[],
) {
  await tx
    .insertInto('correspondents')
    .values(rows.map((columns) => ({ organization_id: organizationId, ...columns })))
    .execute();
}

/** Every token must occur in the folded search text (trigram index: any part of a word). */
export async function correspondentRows(
  tx: Kysely<Database>,
  organizationId: string,
  search: {
    tokens: string[];
    kind?: 'practitioner' | 'body' | undefined;
    bodyType?: string | undefined;
    includeInactive?: boolean | undefined;
    limit: number;
  },
) {
  let query = tx.selectFrom('correspondents').selectAll().where('organization_id', '=', organizationId);
  for (const token of search.tokens) {
    query = query.where('search_text', 'like', likeContaining(token));
  }
  if (search.kind) query = query.where('kind', '=', search.kind);
  if (search.bodyType) query = query.where('body_type', '=', search.bodyType);
  if (!search.includeInactive) query = query.where('active', '=', true);
  return query
    .orderBy(sql`CASE WHEN kind = 'practitioner' THEN upper(family_name) ELSE upper(name) END`)
    .orderBy('given_name')
    .limit(search.limit)
    .execute();
}

/** How many of these ids are correspondents of the organization. */
export async function countCorrespondents(tx: Kysely<Database>, organizationId: string, ids: string[]) {
  const rows = await tx
    .selectFrom('correspondents')
    .select('id')
    .where('organization_id', '=', organizationId)
    .where('id', 'in', ids)
    .execute();
  return rows.length;
}

// --- distribution lists ----------------------------------------------------------------------

export async function distributionListRow(tx: Kysely<Database>, organizationId: string, id: string) {
  return tx
    .selectFrom('distribution_lists')
    .selectAll()
    .where('id', '=', id)
    .where('organization_id', '=', organizationId)
    .executeTakeFirst();
}

/** The correspondents of a list, in the list's order. */
export async function distributionListMemberRows(
  tx: Kysely<Database>,
  organizationId: string,
  listId: string,
) {
  return tx
    .selectFrom('distribution_list_members')
    .innerJoin('correspondents', 'correspondents.id', 'distribution_list_members.correspondent_id')
    .selectAll('correspondents')
    .where('distribution_list_members.list_id', '=', listId)
    .where('distribution_list_members.organization_id', '=', organizationId)
    .orderBy('distribution_list_members.position')
    .execute();
}

/** The organization's lists by name, with their number of members. */
export async function distributionListRows(tx: Kysely<Database>, organizationId: string) {
  return tx
    .selectFrom('distribution_lists')
    .leftJoin('distribution_list_members', 'distribution_list_members.list_id', 'distribution_lists.id')
    .select(({ fn }) => [
      'distribution_lists.id',
      'distribution_lists.name',
      'distribution_lists.description',
      'distribution_lists.version',
      fn.count<string>('distribution_list_members.correspondent_id').as('member_count'),
    ])
    .where('distribution_lists.organization_id', '=', organizationId)
    .groupBy('distribution_lists.id')
    .orderBy('distribution_lists.name')
    .execute();
}

export async function insertDistributionList(
  tx: Kysely<Database>,
  organizationId: string,
  list: { name: string; description: string },
): Promise<string> {
  const row = await tx
    .insertInto('distribution_lists')
    .values({ organization_id: organizationId, name: list.name, description: list.description })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function replaceDistributionListMembers(
  tx: Kysely<Database>,
  organizationId: string,
  listId: string,
  correspondentIds: string[],
) {
  await tx.deleteFrom('distribution_list_members').where('list_id', '=', listId).execute();
  if (correspondentIds.length === 0) return;
  await tx
    .insertInto('distribution_list_members')
    .values(
      correspondentIds.map((id, position) => ({
        organization_id: organizationId,
        list_id: listId,
        correspondent_id: id,
        position,
      })),
    )
    .execute();
}

/** Deletes a list at this version; undefined when no list of that id and version was there. */
export async function deleteDistributionList(
  tx: Kysely<Database>,
  organizationId: string,
  id: string,
  version: number,
) {
  return tx
    .deleteFrom('distribution_lists')
    .where('id', '=', id)
    .where('organization_id', '=', organizationId)
    .where('version', '=', version)
    .returning('id')
    .executeTakeFirst();
}

// --- care teams ------------------------------------------------------------------------------

/** Whether this patient is one of the organization's. */
export async function patientExists(tx: Kysely<Database>, organizationId: string, patientId: string) {
  const patient = await tx
    .selectFrom('patients')
    .select('id')
    .where('id', '=', patientId)
    .where('organization_id', '=', organizationId)
    .executeTakeFirst();
  return patient !== undefined;
}

/** The members of a patient's care team with their correspondents, by date added. */
export async function careTeamRows(tx: Kysely<Database>, organizationId: string, patientId: string) {
  return tx
    .selectFrom('patient_care_team')
    .innerJoin('correspondents', 'correspondents.id', 'patient_care_team.correspondent_id')
    .selectAll('correspondents')
    .select([
      'patient_care_team.id as member_id',
      'patient_care_team.role as member_role',
      'patient_care_team.note as member_note',
      'patient_care_team.added_at as member_added_at',
    ])
    .where('patient_care_team.patient_id', '=', patientId)
    .where('patient_care_team.organization_id', '=', organizationId)
    .orderBy('patient_care_team.added_at')
    .execute();
}

export async function careTeamMemberRoles(tx: Kysely<Database>, organizationId: string, patientId: string) {
  return tx
    .selectFrom('patient_care_team')
    .select(['correspondent_id', 'role'])
    .where('patient_id', '=', patientId)
    .where('organization_id', '=', organizationId)
    .execute();
}

export async function insertCareTeamMember(
  tx: Kysely<Database>,
  organizationId: string,
  member: {
    patientId: string;
    correspondentId: string;
    role: PatientCareTeamTable['role'];
    note?: string | undefined;
    addedBy: string;
  },
): Promise<string> {
  const row = await tx
    .insertInto('patient_care_team')
    .values({
      organization_id: organizationId,
      patient_id: member.patientId,
      correspondent_id: member.correspondentId,
      role: member.role,
      note: member.note,
      added_by: member.addedBy,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Removes a member of a patient's care team; says who it was, or undefined if none. */
export async function deleteCareTeamMember(
  tx: Kysely<Database>,
  organizationId: string,
  patientId: string,
  memberId: string,
) {
  return tx
    .deleteFrom('patient_care_team')
    .where('id', '=', memberId)
    .where('patient_id', '=', patientId)
    .where('organization_id', '=', organizationId)
    .returning(['role', 'correspondent_id'])
    .executeTakeFirst();
}

/** The attending physician's place in a care team is taken; with `correspondentId`, its membership too. */
export async function deleteAttendingPhysicianPlace(
  tx: Kysely<Database>,
  organizationId: string,
  patientId: string,
  correspondentId: string | null,
) {
  await tx
    .deleteFrom('patient_care_team')
    .where('patient_id', '=', patientId)
    .where('organization_id', '=', organizationId)
    .where((eb) =>
      correspondentId
        ? eb.or([eb('role', '=', 'attending_physician'), eb('correspondent_id', '=', correspondentId)])
        : eb('role', '=', 'attending_physician'),
    )
    .execute();
}

export async function attendingPhysicianMember(
  tx: Kysely<Database>,
  organizationId: string,
  patientId: string,
) {
  return tx
    .selectFrom('patient_care_team')
    .select('correspondent_id')
    .where('patient_id', '=', patientId)
    .where('organization_id', '=', organizationId)
    .where('role', '=', 'attending_physician')
    .executeTakeFirst();
}

/** The patient row's mirror of its care team's attending physician. */
export async function setPatientAttendingPhysician(
  tx: Kysely<Database>,
  organizationId: string,
  patientId: string,
  correspondentId: string | null,
) {
  await tx
    .updateTable('patients')
    .set({ attending_physician_id: correspondentId })
    .where('id', '=', patientId)
    .where('organization_id', '=', organizationId)
    .execute();
}
