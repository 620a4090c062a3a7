import { DomainError } from '@pivot/core';
import { auditFrom } from '../audit/index.ts';
import type { Db } from '../db/connection.ts';
import type { Actor } from '../http/request-context.ts';
import { addRecordItem } from '../records/index.ts';
import { loadMergeState } from './duplicate-check.ts';
import {
  insertMerge,
  markMergeUndone,
  mergeRow,
  mergesOfPatient,
  moveItems,
  moveItemsBack,
  patientItemTables,
  setMergedInto,
} from './repository.ts';

/**
 * Merges a duplicate into the surviving record: every item of the merged record moves to the
 * survivor, the merged identity stays as a searchable alias pointing to it, and which rows moved
 * is kept so that an administrator can undo the merge exactly (RNIV 2021 volet 2, fusion).
 */
export async function mergePatients(db: Db, actor: Actor, survivorId: string, mergedId: string) {
  if (survivorId === mergedId) throw new DomainError('merge_same_patient', { field: 'mergedId' });
  return db.kysely.transaction().execute(async (tx) => {
    const survivor = await loadMergeState(tx, actor.organizationId, survivorId);
    const merged = await loadMergeState(tx, actor.organizationId, mergedId);
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
    await setMergedInto(tx, mergedId, survivorId);
    const merge = {
      id: await insertMerge(tx, actor.organizationId, {
        survivorId,
        mergedId,
        mergedBy: actor.userId,
        moved,
      }),
    };
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
    const merge = await mergeRow(tx, actor.organizationId, mergeId);
    if (!merge) throw new DomainError('not_found');
    if (merge.undone_at) throw new DomainError('merge_already_undone');
    for (const [table, ids] of Object.entries(merge.moved as Record<string, string[]>)) {
      await moveItemsBack(tx, table, ids, merge.survivor_id, merge.merged_id);
    }
    await setMergedInto(tx, merge.merged_id, null);
    await markMergeUndone(tx, mergeId, actor.userId);
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
    await loadMergeState(tx, actor.organizationId, patientId);
    const merges = await mergesOfPatient(tx, actor.organizationId, patientId);
    await auditFrom(actor)(tx, { action: 'read', entity: 'patient_merges', entityId: patientId, patientId });
    return merges;
  });
}
