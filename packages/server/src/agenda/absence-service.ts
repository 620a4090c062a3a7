import { DomainError } from '@pivot/core';
import { type AbsenceInput, type AbsenceKind, absenceNoticeText } from '@pivot/core/agenda';
import type { Insertable } from 'kysely';
import { auditFrom, auditOfPatientsFrom } from '../audit/index.ts';
import type { Db } from '../db/connection.ts';
import type { Database } from '../db/schema.ts';
import type { Actor } from '../http/request-context.ts';
import { absencesBetween, deleteAbsence, findAbsence, insertAbsence } from './absence-repository.ts';
import { displacedAppointments } from './appointment-repository.ts';
import { appointmentsNotifiedOfAbsenceSince, insertNotices } from './notice-repository.ts';
import { absenceConsequences } from './planning-service.ts';
import { organizationPhone, userExists, userNames } from './resource-repository.ts';
import { absenceView } from './row-views.ts';
import { guardSlots } from './slot-taken.ts';

function absenceRow(r: {
  id: string;
  person_id: string;
  kind: AbsenceKind;
  starts_at: Date;
  ends_at: Date;
  note: string;
  version: number;
}) {
  return {
    id: r.id,
    personId: r.person_id,
    kind: r.kind,
    start: new Date(r.starts_at).toISOString(),
    end: new Date(r.ends_at).toISOString(),
    note: r.note,
    version: r.version,
  };
}

export async function absences(db: Db, actor: Actor, range: { from: string; to: string }) {
  const rows = await absencesBetween(db.kysely, actor.organizationId, range);
  return rows.map((r) => ({ ...absenceRow(r), personName: r.display_name }));
}

/** Declares an absence; answers the affected appointments, rebooking proposals and patients to notify. */
export async function declareAbsence(db: Db, actor: Actor, input: AbsenceInput) {
  return guardSlots(() =>
    db.kysely.transaction().execute(async (tx) => {
      if (!(await userExists(tx, actor.organizationId, input.personId)))
        throw new DomainError('not_found', { field: 'personId' });
      const row = await insertAbsence(tx, {
        organization_id: actor.organizationId,
        person_id: input.personId,
        kind: input.kind,
        starts_at: new Date(input.start),
        ends_at: new Date(input.end),
        note: input.note,
        created_by: actor.userId,
      });
      await auditFrom(actor)(tx, {
        action: 'create',
        entity: 'absence',
        entityId: row.id,
        details: { kind: input.kind },
      });
      return {
        absence: absenceRow(row),
        ...(await absenceConsequences(tx, actor.organizationId, absenceView(row))),
      };
    }),
  );
}

export async function absenceImpactOf(db: Db, actor: Actor, id: string) {
  return db.kysely.transaction().execute(async (tx) => {
    const row = await findAbsence(tx, actor.organizationId, id);
    if (!row) throw new DomainError('not_found');
    const consequences = await absenceConsequences(tx, actor.organizationId, absenceView(row));
    await auditOfPatientsFrom(actor)(
      tx,
      { action: 'read', entity: 'absence_impact', entityId: row.id },
      consequences.affected.map((a) => a.patientId),
    );
    return { absence: absenceRow(row), ...consequences };
  });
}

export async function withdrawAbsence(db: Db, actor: Actor, id: string, version: number) {
  await db.kysely.transaction().execute(async (tx) => {
    await deleteAbsence(tx, actor.organizationId, id, version);
    await auditFrom(actor)(tx, { action: 'delete', entity: 'absence', entityId: id });
  });
}

/**
 * Queues a message to each patient whose appointment the absence displaces (e-mail and SMS, in
 * their language, with the proposed slot).
 */
export async function notifyDisplacedPatients(db: Db, actor: Actor, id: string) {
  return db.kysely.transaction().execute(async (tx) => {
    const row = await findAbsence(tx, actor.organizationId, id);
    if (!row) throw new DomainError('not_found');
    const consequences = await absenceConsequences(tx, actor.organizationId, absenceView(row));
    const affectedIds = consequences.affected.map((a) => a.id);
    if (affectedIds.length === 0) return { queued: 0, alreadyNotified: 0, withoutContact: [] };
    const details = await displacedAppointments(tx, affectedIds);
    // Declared once per absence: a second click does not send the same message twice.
    const already = await appointmentsNotifiedOfAbsenceSince(
      tx,
      actor.organizationId,
      affectedIds,
      row.created_at,
    );
    const practitioners = await userNames(tx, actor.organizationId);
    const phone = await organizationPhone(tx, actor.organizationId);
    const rows: Insertable<Database['notices']>[] = [];
    const withoutContact: { appointmentId: string; patientName: string }[] = [];
    let alreadyNotified = 0;
    for (const a of details) {
      if (already.has(a.id)) {
        alreadyNotified++;
        continue;
      }
      const patient = a.details as { email?: string | null; preferredLanguage?: string };
      const lang: 'fr' | 'en' = patient.preferredLanguage === 'en' ? 'en' : 'fr';
      const slot = consequences.proposals.find((p) => p.appointmentId === a.id)?.slot ?? null;
      const text = absenceNoticeText({
        language: lang,
        start: new Date(a.starts_at).getTime(),
        practitionerName: a.display_name,
        motif: a.label,
        proposal: slot
          ? {
              start: Date.parse(slot.start),
              practitionerName: practitioners.get(slot.practitionerId) ?? '',
            }
          : null,
        sitePhone: phone || null,
      });
      const base = {
        organization_id: actor.organizationId,
        patient_id: a.patient_id,
        appointment_id: a.id,
        kind: 'absence',
        language: lang,
      };
      const email = patient.email ?? null;
      const sms = a.phones[0] ?? null;
      if (email)
        rows.push({
          ...base,
          channel: 'email',
          recipient: email,
          subject: text.subject,
          body: text.body,
        });
      if (sms) rows.push({ ...base, channel: 'sms', recipient: sms, body: text.sms });
      if (!email && !sms)
        withoutContact.push({
          appointmentId: a.id,
          patientName: consequences.affected.find((x) => x.id === a.id)?.patientName ?? '',
        });
    }
    await insertNotices(tx, rows);
    await auditFrom(actor)(tx, {
      action: 'notify',
      entity: 'absence',
      entityId: row.id,
      details: { notices: rows.length, withoutContact: withoutContact.length },
    });
    return { queued: rows.length, alreadyNotified, withoutContact };
  });
}
