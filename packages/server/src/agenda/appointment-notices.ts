import { type AppointmentType, noticeContent, reminderSmsText, reminderTimes } from '@pivot/core/agenda';
import type { Insertable, Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { appointmentNoticeSubject, cancelPendingReminders, insertNotices } from './notice-repository.ts';
import { noticeEmailText } from './outbox.ts';

type Tx = Kysely<Database>;

/** What a notice about an appointment says and where it goes: read once, by the booking or here. */
export interface NoticeSubject {
  patientId: string;
  start: number;
  patientDetails: { email?: string | null; preferredLanguage?: string };
  phones: string[];
  practitionerName: string;
  motif: Pick<AppointmentType, 'label' | 'preparationInstructions' | 'documentsToBring'>;
  organization: { name: string; phone: string | null; address: Record<string, string> };
}

export type NoticeRow = Omit<Insertable<Database['notices']>, 'organization_id' | 'appointment_id'>;

/** The confirmation e-mail now and the reminders (e-mail and SMS) before the appointment, or the cancellation. */
export function appointmentNotices(
  s: NoticeSubject,
  kind: 'confirmation' | 'cancellation',
  now: number,
): NoticeRow[] {
  const language: 'fr' | 'en' = s.patientDetails.preferredLanguage === 'en' ? 'en' : 'fr';
  const address = s.organization.address;
  const content = (noticeKind: 'confirmation' | 'reminder' | 'cancellation') =>
    noticeContent({
      kind: noticeKind,
      language,
      start: s.start,
      motif: s.motif,
      practitionerName: s.practitionerName,
      siteName: s.organization.name,
      siteAddress: [address.line1, address.postalCode, address.city].filter(Boolean).join(' ') || null,
      sitePhone: s.organization.phone || null,
    });
  const base = { patient_id: s.patientId, language };
  const rows: NoticeRow[] = [];
  const email = s.patientDetails.email ?? null;
  const phone = s.phones[0] ?? null;
  if (email) {
    const text = noticeEmailText(content(kind));
    rows.push({ ...base, channel: 'email', kind, recipient: email, subject: text.subject, body: text.body });
  }
  if (kind !== 'confirmation') return rows;
  const times = reminderTimes(s.start, now);
  if (times.length === 0) return rows;
  // Every reminder of one appointment says the same: written once, queued at each time.
  const reminder = content('reminder');
  const reminderEmail = email ? noticeEmailText(reminder) : null;
  const sms = phone ? reminderSmsText(reminder) : null;
  for (const at of times) {
    if (email && reminderEmail)
      rows.push({
        ...base,
        channel: 'email',
        kind: 'reminder',
        recipient: email,
        subject: reminderEmail.subject,
        body: reminderEmail.body,
        send_after: new Date(at),
      });
    if (phone && sms)
      rows.push({
        ...base,
        channel: 'sms',
        kind: 'reminder',
        recipient: phone,
        body: sms,
        send_after: new Date(at),
      });
  }
  return rows;
}

/** Queues the notices of an appointment already written; a cancellation also withdraws pending reminders. */
export async function queueNotices(
  tx: Tx,
  organizationId: string,
  appointmentId: string,
  kind: 'confirmation' | 'cancellation',
  now: number,
) {
  const a = await appointmentNoticeSubject(tx, appointmentId);
  if (kind === 'cancellation')
    // Reminders of a cancelled or moved appointment must not go out.
    await cancelPendingReminders(tx, a.id);
  const rows = appointmentNotices(
    {
      patientId: a.patient_id,
      start: new Date(a.starts_at).getTime(),
      patientDetails: a.details as NoticeSubject['patientDetails'],
      phones: a.phones,
      practitionerName: a.display_name,
      motif: {
        label: a.label,
        preparationInstructions: a.preparation_instructions,
        documentsToBring: a.documents_to_bring,
      },
      organization: {
        name: a.org_name,
        phone: a.org_phone,
        address: a.org_address as Record<string, string>,
      },
    },
    kind,
    now,
  );
  await insertNotices(
    tx,
    rows.map((r) => ({ ...r, organization_id: organizationId, appointment_id: a.id })),
  );
}
