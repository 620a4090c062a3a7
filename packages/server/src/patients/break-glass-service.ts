import { DomainError } from '@pivot/core';
import { type BreakGlassAccess, type BreakGlassInput, breakGlassExpiry } from '@pivot/core/records';
import { type Kysely, sql } from 'kysely';
import { auditFrom } from '../audit/index.ts';
import type { Db } from '../db/connection.ts';
import type { Database } from '../db/schema.ts';
import type { Actor } from '../http/request-context.ts';
import { loadPatient } from './patient-service.ts';

/** Accesses shown to practitioners: the last 90 days, as a hospital's review of break-glass use. */
const reviewDays = 90;

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

type AccessRow = Awaited<ReturnType<ReturnType<typeof accessesQuery>['execute']>>[number];

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
    const patient = await loadPatient(tx, actor.organizationId, patientId);
    if (patient.mergedInto)
      throw new DomainError('patient_merged', { params: { survivor: patient.mergedInto } });
    const startedAt = new Date();
    const row = await tx
      .insertInto('break_glass_accesses')
      .values({
        organization_id: actor.organizationId,
        patient_id: patient.id,
        user_id: actor.userId,
        reason: input.reason,
        started_at: startedAt,
        expires_at: breakGlassExpiry(startedAt),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await auditFrom(actor)(tx, {
      action: 'break_glass',
      entity: 'record',
      entityId: row.id,
      patientId: patient.id,
      details: { reasonGiven: true, expiresAt: breakGlassExpiry(startedAt).toISOString() },
    });
    return accessView(
      await accessesQuery(tx, actor.organizationId).where('b.id', '=', row.id).executeTakeFirstOrThrow(),
    );
  });
}

/** The break-glass accesses to one patient's record, newest first (the read is traced). */
export async function patientBreakGlassAccesses(db: Db, actor: Actor, patientId: string) {
  return db.kysely.transaction().execute(async (tx) => {
    await loadPatient(tx, actor.organizationId, patientId);
    const rows = await accessesQuery(tx, actor.organizationId)
      .where('b.patient_id', '=', patientId)
      .orderBy('b.started_at', 'desc')
      .limit(200)
      .execute();
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
    const rows = await accessesQuery(tx, actor.organizationId)
      .where('b.started_at', '>', sql<Date>`now() - make_interval(days => ${reviewDays})`)
      .where((eb) =>
        eb.or([
          eb('p.attending_physician_id', '=', actor.userId),
          eb.exists(
            eb
              .selectFrom('appointments as a')
              .select(sql`1`.as('one'))
              .where('a.organization_id', '=', actor.organizationId)
              .whereRef('a.patient_id', '=', 'b.patient_id')
              .where('a.practitioner_id', '=', actor.userId),
          ),
          eb.exists(
            eb
              .selectFrom('record_items as r')
              .select(sql`1`.as('one'))
              .where('r.organization_id', '=', actor.organizationId)
              .whereRef('r.patient_id', '=', 'b.patient_id')
              .where('r.author_id', '=', actor.userId),
          ),
        ]),
      )
      .orderBy('b.started_at', 'desc')
      .limit(200)
      .execute();
    for (const patientId of new Set(rows.map((r) => r.patient_id)))
      await auditFrom(actor)(tx, { action: 'read', entity: 'break_glass', patientId });
    return rows.map((row) => ({
      ...accessView(row),
      patientName: `${row.used_name || row.birth_name} ${row.first_given_name}`,
    }));
  });
}
