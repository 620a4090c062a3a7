import type { IdentityEvent } from '@pivot/core/identity';
import { type Kysely, sql } from 'kysely';
import { namesPatient } from '../audit/index.ts';
import type { Database } from '../db/schema.ts';
import type { Actor } from '../http/request-context.ts';
import type { patientColumns } from './patient-row.ts';

// Every SQL statement of the patient file, but search as you type (search-repository.ts).

/**
 * The columns of a patient that identity vigilance compares and lists show: one row type for the
 * search, the duplicate check, the duplicate worklist and the import (each reads the part it needs).
 */
export interface PatientIdentityRow {
  id: string;
  birth_name: string;
  used_name: string;
  birth_given_names: string[];
  used_given_name: string;
  birth_date: string;
  sex: string;
  birth_place_code: string | null;
  identity_status: string;
  nir: string | null;
  ins: string | null;
  merged_into: string | null;
}

type PatientColumns = ReturnType<typeof patientColumns>;

export async function patientRow(tx: Kysely<Database>, organizationId: string, patientId: string) {
  return tx
    .selectFrom('patients')
    .selectAll()
    .where('id', '=', patientId)
    .where('organization_id', '=', organizationId)
    .executeTakeFirst();
}

export async function insertPatient(
  tx: Kysely<Database>,
  organizationId: string,
  columns: PatientColumns,
): Promise<string> {
  const row = await tx
    .insertInto('patients')
    .values({ organization_id: organizationId, ...columns })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Inserts many patients in one statement (demo data, benchmarks), returning nothing. */
export async function insertPatientBatch(
  tx: Kysely<Database>,
  organizationId: string,
  rows: PatientColumns[],
) {
  await tx
    .insertInto('patients')
    .values(rows.map((columns) => ({ organization_id: organizationId, ...columns })))
    .execute();
}

/** Inserts many patients in one statement, returning their ids in order. */
export async function insertPatients(tx: Kysely<Database>, organizationId: string, rows: PatientColumns[]) {
  return tx
    .insertInto('patients')
    .values(rows.map((columns) => ({ organization_id: organizationId, ...columns })))
    .returning('id')
    .execute();
}

/** Writes the identity (status, state, INS) and the details of a patient, bumping its version. */
export async function setPatientIdentity(
  tx: Kysely<Database>,
  patientId: string,
  identity: { status: string; state: string; ins: string | null; details: string },
) {
  await tx
    .updateTable('patients')
    .set({
      identity_status: identity.status,
      identity: identity.state,
      ins: identity.ins,
      details: identity.details,
      updated_at: new Date(),
      version: (eb) => eb('version', '+', 1),
    })
    .where('id', '=', patientId)
    .execute();
}

// --- identity events -------------------------------------------------------------------------

export async function insertIdentityEvent(
  tx: Kysely<Database>,
  actor: Actor,
  patientId: string,
  event: IdentityEvent,
) {
  await tx
    .insertInto('identity_events')
    .values({
      organization_id: actor.organizationId,
      patient_id: patientId,
      at: event.at,
      actor_id: actor.userId,
      reason: event.reason,
      status_before: event.from,
      status_after: event.to,
      evidence: JSON.stringify(event.evidence),
    })
    .execute();
}

export async function identityEventRows(tx: Kysely<Database>, organizationId: string, patientId: string) {
  return tx
    .selectFrom('identity_events')
    .leftJoin('users', 'users.id', 'identity_events.actor_id')
    .select([
      'identity_events.id',
      'at',
      'reason',
      'status_before',
      'status_after',
      'evidence',
      'users.display_name as actor',
    ])
    .where('identity_events.organization_id', '=', organizationId)
    .where('patient_id', '=', patientId)
    .orderBy('at', 'desc')
    .execute();
}

// --- coverage --------------------------------------------------------------------------------

export async function coverageRows(tx: Kysely<Database>, organizationId: string, patientId: string) {
  return tx
    .selectFrom('coverage_items')
    .selectAll()
    .where('patient_id', '=', patientId)
    .where('organization_id', '=', organizationId)
    .orderBy('valid_from', 'desc')
    .execute();
}

export async function insertCoverageItem(
  tx: Kysely<Database>,
  organizationId: string,
  item: {
    patientId: string;
    kind: 'mandatory' | 'complementary' | 'exemption';
    data: unknown;
    validFrom: string;
    validTo: string | null;
  },
) {
  return tx
    .insertInto('coverage_items')
    .values({
      organization_id: organizationId,
      patient_id: item.patientId,
      kind: item.kind,
      data: JSON.stringify(item.data),
      valid_from: item.validFrom,
      valid_to: item.validTo,
    })
    .returning(['id', 'version'])
    .executeTakeFirstOrThrow();
}

/** Deletes a coverage line of this patient; says how many rows went (0: not found). */
export async function deleteCoverageItem(
  tx: Kysely<Database>,
  organizationId: string,
  patientId: string,
  itemId: string,
) {
  const result = await tx
    .deleteFrom('coverage_items')
    .where('id', '=', itemId)
    .where('patient_id', '=', patientId)
    .where('organization_id', '=', organizationId)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

// --- import ----------------------------------------------------------------------------------

/** Unmerged records sharing a birth date or a NIR with lines of an import. */
export async function importCandidateRows(
  tx: Kysely<Database>,
  organizationId: string,
  dates: string[],
  nirs: string[],
) {
  const { rows } = await sql<Omit<PatientIdentityRow, 'identity_status' | 'merged_into'>>`
    SELECT id, birth_name, used_name, birth_given_names, used_given_name, birth_date, sex, birth_place_code, nir, ins
    FROM patients WHERE organization_id = ${organizationId} AND merged_into IS NULL
    AND (birth_date = ANY(${dates}::date[]) OR nir = ANY(${nirs}::text[]))`.execute(tx);
  return rows;
}

/**
 * The record items and audit entries of imported patients, one statement each per batch: an
 * import of a whole practice would otherwise cost a statement per patient and per trace.
 */
export async function insertImportTraces(tx: Kysely<Database>, actor: Actor, patientIds: string[]) {
  await tx
    .insertInto('record_items')
    .values(
      patientIds.map((id) => ({
        organization_id: actor.organizationId,
        patient_id: id,
        kind: 'registration',
        title: 'import',
        author_id: actor.userId,
        data: '{}',
      })),
    )
    .execute();
  await tx
    .insertInto('audit_log')
    .values(
      patientIds.map((id) => ({
        organization_id: actor.organizationId,
        user_id: actor.userId,
        action: 'import',
        entity: 'patient',
        entity_id: id,
        patient_id: id,
        ip: actor.ip,
        user_agent: actor.userAgent,
        details: '{}',
      })),
    )
    .execute();
}

// --- access log ------------------------------------------------------------------------------

/** Who accessed this record, when, from where: the last 500 audit entries naming the patient. */
export async function accessLogRows(tx: Kysely<Database>, organizationId: string, patientId: string) {
  return tx
    .selectFrom('audit_log')
    .leftJoin('users', 'users.id', 'audit_log.user_id')
    .select([
      'audit_log.id',
      'audit_log.at',
      'audit_log.action',
      'audit_log.entity',
      'audit_log.ip',
      'users.display_name as user',
      'users.role',
    ])
    .where('audit_log.organization_id', '=', organizationId)
    .where(namesPatient(patientId))
    .orderBy('audit_log.id', 'desc')
    .limit(500)
    .execute();
}
