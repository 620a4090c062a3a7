import { DomainError } from '@pivot/core';
import { type Kysely, sql } from 'kysely';
import { auditFrom } from '../audit/index.ts';
import type { Db } from '../db/connection.ts';
import type { Database } from '../db/schema.ts';
import type { Actor } from '../http/request-context.ts';
import { loadPatient } from './patient-service.ts';
import { addRecordItem } from './record-items.ts';

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
async function moveItems(
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

/**
 * Merges a duplicate into the surviving record: every item of the merged record moves to the
 * survivor, the merged identity stays as a searchable alias pointing to it, and which rows moved
 * is kept so that an administrator can undo the merge exactly (RNIV 2021 volet 2, fusion).
 */
export async function mergePatients(db: Db, actor: Actor, survivorId: string, mergedId: string) {
  if (survivorId === mergedId) throw new DomainError('merge_same_patient', { field: 'mergedId' });
  return db.kysely.transaction().execute(async (tx) => {
    const survivor = await loadPatient(tx, actor.organizationId, survivorId);
    const merged = await loadPatient(tx, actor.organizationId, mergedId);
    if (survivor.mergedInto || merged.mergedInto) {
      throw new DomainError('patient_merged', {
        params: { survivor: (survivor.mergedInto ?? merged.mergedInto)! },
      });
    }
    const moved: Record<string, string[]> = {};
    const kept: Record<string, number> = {};
    for (const table of await patientItemTables(tx)) {
      const result = await moveItems(tx, table, actor.organizationId, mergedId, survivorId);
      if (result.moved.length) moved[table] = result.moved;
      if (result.kept) kept[table] = result.kept;
    }
    await tx
      .updateTable('patients')
      .set({ merged_into: survivorId, updated_at: new Date(), version: (eb) => eb('version', '+', 1) })
      .where('id', '=', mergedId)
      .execute();
    const merge = await tx
      .insertInto('patient_merges')
      .values({
        organization_id: actor.organizationId,
        survivor_id: survivorId,
        merged_id: mergedId,
        merged_by: actor.userId,
        moved: JSON.stringify(moved),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await addRecordItem(tx, {
      organizationId: actor.organizationId,
      patientId: survivorId,
      kind: 'merge',
      title: 'merge',
      authorId: actor.userId,
      data: { mergeId: merge.id, mergedId },
    });
    const audit = auditFrom(actor);
    await audit(tx, {
      action: 'merge',
      entity: 'patient',
      entityId: survivorId,
      patientId: survivorId,
      details: { mergedId, mergeId: merge.id },
    });
    await audit(tx, {
      action: 'merged_into',
      entity: 'patient',
      entityId: mergedId,
      patientId: mergedId,
      details: { survivorId, mergeId: merge.id },
    });
    return {
      mergeId: merge.id,
      moved: Object.fromEntries(Object.entries(moved).map(([t, ids]) => [t, ids.length])),
      keptOnMergedRecord: kept,
    };
  });
}

/** Undoes a merge: the rows that moved go back, the alias becomes a record again. Administrators only. */
export async function undoMerge(db: Db, actor: Actor, mergeId: string) {
  return db.kysely.transaction().execute(async (tx) => {
    const merge = await tx
      .selectFrom('patient_merges')
      .selectAll()
      .where('id', '=', mergeId)
      .where('organization_id', '=', actor.organizationId)
      .executeTakeFirst();
    if (!merge) throw new DomainError('not_found');
    if (merge.undone_at) throw new DomainError('merge_already_undone');
    for (const [table, ids] of Object.entries(merge.moved as Record<string, string[]>)) {
      await sql`UPDATE ${sql.table(table)} SET patient_id = ${merge.merged_id}
        WHERE id::text = ANY(${ids}::text[]) AND patient_id = ${merge.survivor_id}`.execute(tx);
    }
    await tx
      .updateTable('patients')
      .set({ merged_into: null, updated_at: new Date(), version: (eb) => eb('version', '+', 1) })
      .where('id', '=', merge.merged_id)
      .execute();
    await tx
      .updateTable('patient_merges')
      .set({ undone_at: new Date(), undone_by: actor.userId })
      .where('id', '=', mergeId)
      .execute();
    await addRecordItem(tx, {
      organizationId: actor.organizationId,
      patientId: merge.survivor_id,
      kind: 'merge_undone',
      title: 'merge_undone',
      authorId: actor.userId,
      data: { mergeId, restoredId: merge.merged_id },
    });
    const audit = auditFrom(actor);
    await audit(tx, {
      action: 'merge_undone',
      entity: 'patient',
      entityId: merge.survivor_id,
      patientId: merge.survivor_id,
      details: { mergeId },
    });
    await audit(tx, {
      action: 'merge_undone',
      entity: 'patient',
      entityId: merge.merged_id,
      patientId: merge.merged_id,
      details: { mergeId },
    });
    return { survivorId: merge.survivor_id, restoredId: merge.merged_id };
  });
}

/** Merges into or from a record; the read is traced (CSP L1110-4). */
export async function mergesOf(db: Db, actor: Actor, patientId: string) {
  return db.kysely.transaction().execute(async (tx) => {
    await loadPatient(tx, actor.organizationId, patientId);
    const merges = await tx
      .selectFrom('patient_merges')
      .selectAll()
      .where('organization_id', '=', actor.organizationId)
      .where((eb) => eb.or([eb('survivor_id', '=', patientId), eb('merged_id', '=', patientId)]))
      .orderBy('merged_at', 'desc')
      .execute();
    await auditFrom(actor)(tx, { action: 'read', entity: 'patient_merges', entityId: patientId, patientId });
    return merges;
  });
}
