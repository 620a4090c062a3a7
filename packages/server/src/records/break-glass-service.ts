import { type BreakGlassAccess, type BreakGlassInput, breakGlassExpiry } from '@pivot/core/records';
import { auditFrom } from '../audit/index.ts';
import type { Db } from '../db/connection.ts';
import type { Actor } from '../http/request-context.ts';
import { loadRecordPatient } from './record-items.ts';
import {
  type AccessRow,
  breakGlassAccess,
  insertBreakGlassAccess,
  patientBreakGlassAccessRows,
  practitionerBreakGlassAccessRows,
} from './repository.ts';

/** Accesses shown to practitioners: the last 90 days, as a hospital's review of break-glass use. */
const reviewDays = 90;

function accessView(row: AccessRow): BreakGlassAccess {
  return {
    id: row.id,
    patientId: row.patient_id,
    userId: row.user_id,
    userName: row.display_name,
    userRole: row.role,
    reason: row.reason,
    startedAt: new Date(row.started_at).toISOString(),
    expiresAt: new Date(row.expires_at).toISOString(),
    active: row.active,
  };
}

/**
 * Breaks the glass: opens the normal and restricted items of one patient's record to the actor for
 * a few hours. The reason is kept with the access, for the practitioners who review it; the audit
 * entry says a reason was given, never what it says (it may describe the patient).
 */
export async function breakGlass(
  db: Db,
  actor: Actor,
  patientId: string,
  input: BreakGlassInput,
): Promise<BreakGlassAccess> {
  return db.kysely.transaction().execute(async (tx) => {
    const patient = await loadRecordPatient(tx, actor.organizationId, patientId, 'write');
    const startedAt = new Date();
    const accessId = await insertBreakGlassAccess(tx, actor.organizationId, {
      patientId: patient.id,
      userId: actor.userId,
      reason: input.reason,
      startedAt,
      expiresAt: breakGlassExpiry(startedAt),
    });
    await auditFrom(actor)(tx, {
      action: 'break_glass',
      entity: 'record',
      entityId: accessId,
      patientId: patient.id,
      details: { reasonGiven: true, expiresAt: breakGlassExpiry(startedAt).toISOString() },
    });
    return accessView(await breakGlassAccess(tx, actor.organizationId, accessId));
  });
}

/** The break-glass accesses to one patient's record, newest first (the read is traced). */
export async function patientBreakGlassAccesses(db: Db, actor: Actor, patientId: string) {
  return db.kysely.transaction().execute(async (tx) => {
    await loadRecordPatient(tx, actor.organizationId, patientId);
    const rows = await patientBreakGlassAccessRows(tx, actor.organizationId, patientId);
    await auditFrom(actor)(tx, { action: 'read', entity: 'break_glass', entityId: patientId, patientId });
    return rows.map(accessView);
  });
}

/**
 * The break-glass accesses of the last 90 days to the practitioner's patients: those they are the
 * attending physician of, see in appointments, or wrote in the record of.
 */
export async function myPatientsBreakGlassAccesses(db: Db, actor: Actor) {
  return db.kysely.transaction().execute(async (tx) => {
    const rows = await practitionerBreakGlassAccessRows(tx, actor.organizationId, actor.userId, reviewDays);
    for (const patientId of new Set(rows.map((r) => r.patient_id)))
      await auditFrom(actor)(tx, { action: 'read', entity: 'break_glass', patientId });
    return rows.map((row) => ({
      ...accessView(row),
      patientName: `${row.used_name || row.birth_name} ${row.first_given_name}`,
    }));
  });
}
