import { DomainError } from '@pivot/core';
import { auditFrom, auditOfPatientsFrom } from '../audit/index.ts';
import type { Db } from '../db/connection.ts';
import type { Actor } from '../http/request-context.ts';
import { convocationPdf, loadConvocation } from './convocation.ts';
import { findNotice, insertNotice, listNotices, requeueNotice } from './notice-repository.ts';
import type { NoticeStatus } from './tables.ts';

/** The outbox of notices and reminders with delivery status; the read is traced with the patients named. */
export async function notices(
  db: Db,
  actor: Actor,
  filter: { status?: NoticeStatus | undefined; appointmentId?: string | undefined },
) {
  const rows = await listNotices(db.kysely, actor.organizationId, filter);
  await db.kysely.transaction().execute((tx) =>
    auditOfPatientsFrom(actor)(
      tx,
      {
        action: 'read',
        entity: 'notices',
        details: { status: filter.status ?? null, count: rows.length },
      },
      rows.map((n) => n.patient_id),
    ),
  );
  return rows.map((n) => ({
    patientName: n.birth_name
      ? `${n.used_name || n.birth_name} ${n.used_given_name || n.first_given_name}`
      : null,
    id: n.id,
    patientId: n.patient_id,
    appointmentId: n.appointment_id,
    meetingId: n.meeting_id,
    channel: n.channel,
    kind: n.kind,
    language: n.language,
    recipient: n.recipient,
    subject: n.subject,
    status: n.status,
    attempts: n.attempts,
    lastError: n.last_error,
    sendAfter: new Date(n.send_after).toISOString(),
    sentAt: n.sent_at ? new Date(n.sent_at).toISOString() : null,
  }));
}

/** A failed or unsent notice is queued again, a sent one is copied; a withdrawn one cannot be. */
export async function resendNotice(db: Db, actor: Actor, noticeId: string) {
  return db.kysely.transaction().execute(async (tx) => {
    const notice = await findNotice(tx, actor.organizationId, noticeId);
    if (!notice) throw new DomainError('not_found');
    if (notice.status === 'pending') throw new DomainError('notice_pending');
    // Only the outbox withdraws a notice, when what it says is no longer true (a reminder of a
    // cancelled appointment, an outdated meeting invitation): sending it again would mislead.
    if (notice.status === 'cancelled') throw new DomainError('notice_withdrawn');
    let id = notice.id;
    if (notice.status === 'sent') {
      const copy = await insertNotice(tx, {
        organization_id: notice.organization_id,
        patient_id: notice.patient_id,
        appointment_id: notice.appointment_id,
        meeting_id: notice.meeting_id,
        channel: notice.channel,
        kind: notice.kind,
        language: notice.language,
        recipient: notice.recipient,
        subject: notice.subject,
        body: notice.body,
        attachments: JSON.stringify(notice.attachments),
      });
      id = copy.id;
    } else {
      await requeueNotice(tx, notice.id);
    }
    await auditFrom(actor)(tx, {
      action: 'resend',
      entity: 'notice',
      entityId: notice.id,
      patientId: notice.patient_id,
      details: { from: notice.status, queued: id },
    });
    return { id, status: 'pending' as const };
  });
}

/** The convocation of an appointment as PDF; the print is traced. */
export async function printConvocation(
  db: Db,
  actor: Actor,
  appointmentId: string,
  language: 'fr' | 'en' | undefined,
) {
  const data = await db.kysely.transaction().execute(async (tx) => {
    const data = await loadConvocation(tx, actor.organizationId, appointmentId, language);
    await auditFrom(actor)(tx, {
      action: 'print',
      entity: 'convocation',
      entityId: data.appointmentId,
      patientId: data.patientId,
    });
    return data;
  });
  return { appointmentId: data.appointmentId, pdf: await convocationPdf(data) };
}

/** E-mails the convocation (PDF attached) to the patient through the outbox. */
export async function sendConvocation(
  db: Db,
  actor: Actor,
  appointmentId: string,
  language: 'fr' | 'en' | undefined,
) {
  return db.kysely.transaction().execute(async (tx) => {
    const data = await loadConvocation(tx, actor.organizationId, appointmentId, language);
    if (!data.patientEmail) throw new DomainError('patient_without_email', { field: 'email' });
    const pdf = await convocationPdf(data);
    const fr = data.language === 'fr';
    const c = data.content;
    const row = await insertNotice(tx, {
      organization_id: actor.organizationId,
      patient_id: data.patientId,
      appointment_id: data.appointmentId,
      channel: 'email',
      kind: 'convocation',
      language: data.language,
      recipient: data.patientEmail,
      subject: fr ? 'Votre convocation' : 'Your appointment notice',
      body: fr
        ? `Bonjour,\n\nVous trouverez ci-joint votre convocation pour le rendez-vous du ${c.dateText} à ${c.timeText} avec ${c.practitionerName}.`
        : `Hello,\n\nPlease find attached the notice of your appointment on ${c.dateText} at ${c.timeText} with ${c.practitionerName}.`,
      attachments: JSON.stringify([
        {
          filename: fr ? 'convocation.pdf' : 'appointment-notice.pdf',
          contentType: 'application/pdf',
          content: pdf.toString('base64'),
          encoding: 'base64',
        },
      ]),
    });
    await auditFrom(actor)(tx, {
      action: 'send',
      entity: 'convocation',
      entityId: data.appointmentId,
      patientId: data.patientId,
      details: { notice: row.id },
    });
    return row;
  });
}
