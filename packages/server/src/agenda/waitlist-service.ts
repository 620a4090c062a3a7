import { DomainError } from '@pivot/core';
import type { WaitlistEntryInput } from '@pivot/core/agenda';
import { auditFrom, auditOfPatientsFrom } from '../audit/index.ts';
import type { Db } from '../db/connection.ts';
import { updateVersioned } from '../db/versioned-update.ts';
import type { Actor } from '../http/request-context.ts';
import { checkPractitioners, loadType } from './resource-repository.ts';
import { activeWaitlist, insertWaitlistEntry, patientExists } from './waitlist-repository.ts';

/** Active waitlist entries, oldest first; the read is traced with the patients it names. */
export async function waitlist(db: Db, actor: Actor) {
  const rows = await activeWaitlist(db.kysely, actor.organizationId);
  await db.kysely.transaction().execute((tx) =>
    auditOfPatientsFrom(actor)(
      tx,
      { action: 'read', entity: 'waitlist', details: { count: rows.length } },
      rows.map((w) => w.patient_id),
    ),
  );
  return rows.map((w) => ({
    id: w.id,
    patientId: w.patient_id,
    patientName: `${w.used_name || w.birth_name} ${w.used_given_name || w.first_given_name}`,
    appointmentTypeId: w.appointment_type_id,
    preferredPractitionerId: w.preferred_practitioner_id,
    weekdays: w.weekdays,
    period: w.period,
    earliestDate: w.earliest_date,
    latestDate: w.latest_date,
    requestedAt: new Date(w.requested_at).toISOString(),
    version: w.version,
  }));
}

export async function addToWaitlist(db: Db, actor: Actor, input: WaitlistEntryInput) {
  return db.kysely.transaction().execute(async (tx) => {
    if (!(await patientExists(tx, actor.organizationId, input.patientId)))
      throw new DomainError('not_found', { field: 'patientId' });
    await loadType(tx, actor.organizationId, input.appointmentTypeId);
    if (input.preferredPractitionerId)
      await checkPractitioners(
        tx,
        actor.organizationId,
        [input.preferredPractitionerId],
        'preferredPractitionerId',
      );
    const row = await insertWaitlistEntry(tx, {
      organization_id: actor.organizationId,
      patient_id: input.patientId,
      appointment_type_id: input.appointmentTypeId,
      preferred_practitioner_id: input.preferredPractitionerId,
      weekdays: input.weekdays,
      period: input.period,
      earliest_date: input.earliestDate,
      latest_date: input.latestDate,
      created_by: actor.userId,
    });
    await auditFrom(actor)(tx, {
      action: 'create',
      entity: 'waitlist_entry',
      entityId: row.id,
      patientId: input.patientId,
    });
    return row;
  });
}

export async function closeWaitlistEntry(db: Db, actor: Actor, id: string, version: number) {
  return db.kysely.transaction().execute(async (tx) => {
    const v = await updateVersioned(
      tx,
      'waitlist_entries',
      { organizationId: actor.organizationId, id, version },
      { active: false },
    );
    await auditFrom(actor)(tx, { action: 'close', entity: 'waitlist_entry', entityId: id });
    return { id, version: v, active: false };
  });
}
