import { z } from 'zod';
import { appointmentStatuses } from './appointment-status.ts';

// What the agenda's routes answer, declared from what its services return: the server
// serializes through these (an undeclared field is stripped), the web is typed by them.

const bilingual = z.object({ fr: z.string(), en: z.string() });

export const practitionerView = z.object({
  id: z.string(),
  name: z.string(),
  specialty: z.string().nullable(),
  rpps: z.string().nullable(),
  sector: z.string().nullable(),
  siteId: z.string().nullable(),
  active: z.boolean(),
});
export type PractitionerView = z.infer<typeof practitionerView>;

export const roomView = z.object({ id: z.string(), name: z.string(), kind: z.string(), siteId: z.string() });
export const equipmentView = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.string(),
  siteId: z.string().nullable(),
});

export const agendaResourcesView = z.object({
  practitioners: z.array(practitionerView),
  rooms: z.array(roomView),
  equipment: z.array(equipmentView),
  sites: z.array(z.object({ id: z.string(), name: z.string() })),
});
export type AgendaResourcesView = z.infer<typeof agendaResourcesView>;

export const appointmentTypeView = z.object({
  id: z.string(),
  label: bilingual,
  durationMinutes: z.number(),
  colour: z.string(),
  eligiblePractitionerIds: z.array(z.string()),
  roomKind: z.string().nullable(),
  equipmentKinds: z.array(z.string()),
  preparationInstructions: bilingual,
  documentsToBring: z.array(bilingual),
  newPatientsAllowed: z.boolean(),
  bookableOnline: z.boolean(),
  urgentSameDayOnly: z.boolean(),
  active: z.boolean(),
  version: z.number(),
});
export type AppointmentTypeView = z.infer<typeof appointmentTypeView>;

/** A motif as the day and week views show it. */
export const motifView = appointmentTypeView.pick({
  id: true,
  label: true,
  colour: true,
  durationMinutes: true,
  eligiblePractitionerIds: true,
  active: true,
});
export type MotifView = z.infer<typeof motifView>;

export const appointmentView = z.object({
  id: z.string(),
  patientId: z.string(),
  patientName: z.string(),
  practitionerId: z.string(),
  appointmentTypeId: z.string(),
  siteId: z.string().nullable(),
  roomId: z.string().nullable(),
  equipmentIds: z.array(z.string()),
  start: z.string(),
  end: z.string(),
  startIso: z.string(),
  endIso: z.string(),
  status: z.enum(appointmentStatuses),
  comment: z.string(),
  overrideReason: z.string().nullable(),
  version: z.number(),
});
export type AppointmentView = z.infer<typeof appointmentView>;

export const agendaRangeView = z.object({
  from: z.string(),
  to: z.string(),
  practitioners: z.array(practitionerView),
  rooms: z.array(roomView),
  equipment: z.array(equipmentView),
  appointmentTypes: z.array(motifView),
  openIntervals: z.array(
    z.object({ resourceId: z.string(), start: z.string(), end: z.string(), reservedSameDay: z.boolean() }),
  ),
  absences: z.array(
    z.object({ id: z.string(), personId: z.string(), kind: z.string(), start: z.string(), end: z.string() }),
  ),
  appointments: z.array(appointmentView),
  meetings: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      roomId: z.string().nullable(),
      start: z.string(),
      end: z.string(),
    }),
  ),
});
export type AgendaRangeView = z.infer<typeof agendaRangeView>;

export const appointmentWithHistoryView = appointmentView.extend({
  history: z.array(
    z.object({
      from: z.enum(appointmentStatuses).nullable(),
      to: z.enum(appointmentStatuses),
      reason: z.string().nullable(),
      at: z.string(),
      authorId: z.string().nullable(),
      authorName: z.string().nullable(),
    }),
  ),
});
export type AppointmentWithHistoryView = z.infer<typeof appointmentWithHistoryView>;

/** An appointment after a status change, with the waitlist entries the slot it freed suits. */
export const statusChangeView = appointmentView.extend({
  waitlistMatches: z.array(
    z.object({
      waitlistEntryId: z.string(),
      patientId: z.string(),
      appointmentTypeId: z.string(),
      practitionerId: z.string(),
      start: z.string(),
      end: z.string(),
    }),
  ),
});
export type StatusChangeView = z.infer<typeof statusChangeView>;

/** A unit of equipment in the settings, withdrawn ones included. */
export const equipmentSettingsView = equipmentView.extend({ active: z.boolean(), version: z.number() });
export type EquipmentSettingsView = z.infer<typeof equipmentSettingsView>;

export const waitlistEntryView = z.object({
  id: z.string(),
  patientId: z.string(),
  patientName: z.string(),
  appointmentTypeId: z.string(),
  preferredPractitionerId: z.string().nullable(),
  weekdays: z.array(z.number()),
  period: z.enum(['morning', 'afternoon']).nullable(),
  earliestDate: z.string().nullable(),
  latestDate: z.string().nullable(),
  requestedAt: z.string(),
  version: z.number(),
});
export type WaitlistEntryView = z.infer<typeof waitlistEntryView>;

export const versionedIdView = z.object({ id: z.string(), version: z.number() });

/** A new subscription: the secret URL is shown this once. */
export const newFeedView = z.object({ id: z.string(), token: z.string(), path: z.string() });
export const feedView = z.object({
  id: z.string(),
  resourceId: z.string(),
  resourceKind: z.enum(['practitioner', 'room']),
  showPatientNames: z.boolean(),
  createdAt: z.string(),
  createdByName: z.string().nullable(),
});
export type FeedView = z.infer<typeof feedView>;

export const noticeStatuses = ['pending', 'sent', 'failed', 'no_provider', 'cancelled'] as const;

export const noticeView = z.object({
  patientName: z.string().nullable(),
  id: z.string(),
  patientId: z.string().nullable(),
  appointmentId: z.string().nullable(),
  meetingId: z.string().nullable(),
  channel: z.enum(['email', 'sms']),
  kind: z.string(),
  language: z.enum(['fr', 'en']),
  recipient: z.string(),
  subject: z.string(),
  status: z.enum(noticeStatuses),
  attempts: z.number(),
  lastError: z.string().nullable(),
  sendAfter: z.string(),
  sentAt: z.string().nullable(),
});
export type NoticeView = z.infer<typeof noticeView>;

/** A notice queued (sent again, or a convocation e-mailed). */
export const queuedNoticeView = z.object({ id: z.string(), status: z.enum(noticeStatuses) });
export const queuedConvocationView = queuedNoticeView.extend({ recipient: z.string() });
