import { type Kysely, sql } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { PatientIdentityRow } from '../patients/index.ts';

// Every SQL statement of identity vigilance: duplicate candidates and decisions, merges.

/** A patient's id and the survivor it was merged into, if it is one of this organization's. */
export async function patientMergeState(tx: Kysely<Database>, organizationId: string, patientId: string) {
  return tx
    .selectFrom('patients')
    .select(['id', 'merged_into'])
    .where('id', '=', patientId)
    .where('organization_id', '=', organizationId)
    .executeTakeFirst();
}

// --- duplicates ------------------------------------------------------------------------------

/** Unmerged records sharing the birth date, a NIR/INS, or a close birth date with a name that sounds alike. */
export async function duplicateCandidateRows(
  tx: Kysely<Database>,
  organizationId: string,
  incoming: { birthDate: string; numbers: string[]; phoneticKeys: string[]; closeBirthDates: string[] },
  excludeId?: string,
) {
  const { numbers, phoneticKeys: keys, closeBirthDates: close } = incoming;
  const { rows } = await sql<PatientIdentityRow>`
    SELECT id, birth_name, used_name, birth_given_names, used_given_name, birth_date, sex, birth_place_code,
      identity_status, nir, ins, merged_into
    FROM patients
    WHERE organization_id = ${organizationId} AND merged_into IS NULL
      ${excludeId ? sql`AND id <> ${excludeId}` : sql``}
      AND (birth_date = ${incoming.birthDate}
        ${numbers.length ? sql`OR nir = ANY(${numbers}::text[]) OR ins = ANY(${numbers}::text[])` : sql``}
        ${keys.length && close.length ? sql`OR (birth_date = ANY(${close}::date[]) AND phonetic_keys && ${keys}::text[])` : sql``})
    LIMIT 500`.execute(tx);
  return rows;
}

/** The pairs of `patientId` with one of `others` already judged two different persons. */
export async function decisionsBetween(tx: Kysely<Database>, patientId: string, others: string[]) {
  return tx
    .selectFrom('duplicate_decisions')
    .select(['patient_a', 'patient_b'])
    .where((eb) =>
      eb.or([
        eb.and([eb('patient_a', '=', patientId), eb('patient_b', 'in', others)]),
        eb.and([eb('patient_b', '=', patientId), eb('patient_a', 'in', others)]),
      ]),
    )
    .execute();
}

export async function organizationDecisions(tx: Kysely<Database>, organizationId: string) {
  return tx
    .selectFrom('duplicate_decisions')
    .select(['patient_a', 'patient_b'])
    .where('organization_id', '=', organizationId)
    .execute();
}

/** Records "two different persons" for a pair stored in id order (once: a second time is a no-op). */
export async function insertDifferentDecision(
  tx: Kysely<Database>,
  organizationId: string,
  pair: { patientA: string; patientB: string; decidedBy: string | null },
) {
  await tx
    .insertInto('duplicate_decisions')
    .values({
      organization_id: organizationId,
      patient_a: pair.patientA,
      patient_b: pair.patientB,
      decision: 'different',
      decided_by: pair.decidedBy,
    })
    .onConflict((oc) => oc.columns(['patient_a', 'patient_b']).doNothing())
    .execute();
}

/** Unmerged records sharing their birth date with another one, by birth date. */
export async function sharedBirthDateRows(tx: Kysely<Database>, organizationId: string) {
  const { rows } = await sql<PatientIdentityRow>`
    SELECT p.* FROM patients p
    JOIN (
      SELECT birth_date FROM patients
      WHERE organization_id = ${organizationId} AND merged_into IS NULL
      GROUP BY birth_date HAVING count(*) > 1
    ) shared ON shared.birth_date = p.birth_date
    WHERE p.organization_id = ${organizationId} AND p.merged_into IS NULL
    ORDER BY p.birth_date, p.id
    LIMIT 20000`.execute(tx);
  return rows;
}

// --- merges ----------------------------------------------------------------------------------

// Traces of the identity itself stay with it: the audit log, its identity events, the merges.
const identityTables = new Set(['audit_log', 'identity_events', 'patient_merges', 'patient_name_tokens']);

/** Every table holding items of a patient (a `patient_id` column), present and future capabilities alike. */
export async function patientItemTables(tx: Kysely<Database>): Promise<string[]> {
  const { rows } = await sql<{ table_name: string }>`
    SELECT c.table_name FROM information_schema.columns c
    JOIN information_schema.tables t ON t.table_name = c.table_name AND t.table_schema = c.table_schema
    WHERE c.table_schema = 'public' AND c.column_name = 'patient_id' AND t.table_type = 'BASE TABLE'
    ORDER BY c.table_name`.execute(tx);
  return rows.map((r) => r.table_name).filter((t) => !identityTables.has(t));
}

/**
 * Moves a table's items from one patient to another. When a uniqueness rule forbids a row on the
 * survivor (the same correspondent twice in a care team), that row stays with the merged
 * identity, where an undo finds it, and is counted.
 */
export async function moveItems(
  tx: Kysely<Database>,
  table: string,
  organizationId: string,
  from: string,
  to: string,
) {
  const move = (only?: string) =>
    sql<{ id: string }>`
    UPDATE ${sql.table(table)} SET patient_id = ${to}
    WHERE patient_id = ${from} AND organization_id = ${organizationId} ${only ? sql`AND id = ${only}` : sql``}
    RETURNING id`.execute(tx);
  await sql`SAVEPOINT merge_move`.execute(tx);
  try {
    const { rows } = await move();
    await sql`RELEASE SAVEPOINT merge_move`.execute(tx);
    return { moved: rows.map((r) => String(r.id)), kept: 0 };
  } catch (error) {
    if ((error as { code?: string }).code !== '23505') throw error;
    await sql`ROLLBACK TO SAVEPOINT merge_move`.execute(tx);
  }
  const { rows: ids } = await sql<{
    id: string;
  }>`SELECT id FROM ${sql.table(table)} WHERE patient_id = ${from}`.execute(tx);
  const movedIds: string[] = [];
  for (const { id } of ids) {
    await sql`SAVEPOINT merge_row`.execute(tx);
    try {
      await move(String(id));
      await sql`RELEASE SAVEPOINT merge_row`.execute(tx);
      movedIds.push(String(id));
    } catch (error) {
      if ((error as { code?: string }).code !== '23505') throw error;
      await sql`ROLLBACK TO SAVEPOINT merge_row`.execute(tx);
    }
  }
  return { moved: movedIds, kept: ids.length - movedIds.length };
}

/** Puts back the rows a merge moved (those still on the survivor). */
export async function moveItemsBack(
  tx: Kysely<Database>,
  table: string,
  ids: string[],
  from: string,
  to: string,
) {
  await sql`UPDATE ${sql.table(table)} SET patient_id = ${to}
    WHERE id::text = ANY(${ids}::text[]) AND patient_id = ${from}`.execute(tx);
}

/** Makes a record an alias of its survivor (or, with null, a record again). */
export async function setMergedInto(tx: Kysely<Database>, patientId: string, survivorId: string | null) {
  await tx
    .updateTable('patients')
    .set({ merged_into: survivorId, updated_at: new Date(), version: (eb) => eb('version', '+', 1) })
    .where('id', '=', patientId)
    .execute();
}

export async function insertMerge(
  tx: Kysely<Database>,
  organizationId: string,
  merge: { survivorId: string; mergedId: string; mergedBy: string | null; moved: Record<string, string[]> },
): Promise<string> {
  const row = await tx
    .insertInto('patient_merges')
    .values({
      organization_id: organizationId,
      survivor_id: merge.survivorId,
      merged_id: merge.mergedId,
      merged_by: merge.mergedBy,
      moved: JSON.stringify(merge.moved),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function mergeRow(tx: Kysely<Database>, organizationId: string, mergeId: string) {
  return tx
    .selectFrom('patient_merges')
    .selectAll()
    .where('id', '=', mergeId)
    .where('organization_id', '=', organizationId)
    .executeTakeFirst();
}

export async function markMergeUndone(tx: Kysely<Database>, mergeId: string, undoneBy: string | null) {
  await tx
    .updateTable('patient_merges')
    .set({ undone_at: new Date(), undone_by: undoneBy })
    .where('id', '=', mergeId)
    .execute();
}

/** Merges into or from a record, newest first. */
export async function mergesOfPatient(tx: Kysely<Database>, organizationId: string, patientId: string) {
  return tx
    .selectFrom('patient_merges')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .where((eb) => eb.or([eb('survivor_id', '=', patientId), eb('merged_id', '=', patientId)]))
    .orderBy('merged_at', 'desc')
    .execute();
}
