import { z } from 'zod';
import { absenceKinds } from './absences.ts';
import { appointmentStatuses } from './appointment-status.ts';
import { weekdayNames } from './opening-hours.ts';
import { meetingKinds } from './schemas.ts';

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

/** The outcome of one run of the outbox: how many notices were sent, failed, put back to retry, had no provider. */
export const outboxRunView = z.object({
  sent: z.number(),
  failed: z.number(),
  retried: z.number(),
  noProvider: z.number(),
});
export type OutboxRunView = z.infer<typeof outboxRunView>;

// --- opening hours -------------------------------------------------------------------------

/** A wall-clock range of one day, 'HH:MM' to 'HH:MM'. */
export const dailyRangeView = z.object({
  start: z.string(),
  end: z.string(),
  reservedSameDay: z.boolean().optional(),
});
export type DailyRangeView = z.infer<typeof dailyRangeView>;

/** A weekly template of a practitioner's, room's or equipment's agenda. */
export const openingHoursTemplateView = z.object({
  id: z.string(),
  resourceId: z.string(),
  resourceKind: z.enum(['practitioner', 'room', 'equipment']),
  siteId: z.string(),
  validFrom: z.string(),
  validTo: z.string().nullable(),
  weekParity: z.enum(['all', 'even', 'odd']),
  days: z.partialRecord(z.enum(weekdayNames), z.array(dailyRangeView)),
  version: z.number(),
});
export type OpeningHoursTemplateView = z.infer<typeof openingHoursTemplateView>;

/** One date opened or closed against the templates. */
export const openingExceptionView = z.object({
  id: z.string(),
  resourceId: z.string(),
  siteId: z.string(),
  date: z.string(),
  ranges: z.array(dailyRangeView),
  reason: z.string(),
});
export type OpeningExceptionView = z.infer<typeof openingExceptionView>;

export const openingHoursView = z.object({
  templates: z.array(openingHoursTemplateView),
  exceptions: z.array(openingExceptionView),
});
export type OpeningHoursView = z.infer<typeof openingHoursView>;

// --- free slots and the daily check ----------------------------------------------------------

/** A free slot: who, where and when (instants as ISO text). */
export const freeSlotView = z.object({
  start: z.string(),
  end: z.string(),
  practitionerId: z.string(),
  siteId: z.string(),
  roomId: z.string().nullable(),
  equipmentIds: z.array(z.string()),
  reservedSameDay: z.boolean(),
});
export type FreeSlotView = z.infer<typeof freeSlotView>;

/** The checklist of the next working day, with the names of the patients its problems point to. */
export const dailyCheckView = z.object({
  date: z.string(),
  problems: z.array(
    z.discriminatedUnion('kind', [
      z.object({
        kind: z.literal('unconfirmed_appointment'),
        appointmentId: z.string(),
        patientId: z.string(),
        practitionerId: z.string(),
      }),
      z.object({
        kind: z.literal('missing_documents'),
        appointmentId: z.string(),
        patientId: z.string(),
        documents: z.array(z.string()),
      }),
      z.object({
        kind: z.literal('room_conflict'),
        roomId: z.string(),
        appointmentIds: z.tuple([z.string(), z.string()]),
      }),
      z.object({
        kind: z.literal('absent_practitioner'),
        practitionerId: z.string(),
        absenceId: z.string(),
        appointmentIds: z.array(z.string()),
      }),
      z.object({
        kind: z.literal('expired_coverage'),
        patientId: z.string(),
        validUntil: z.string(),
        appointmentIds: z.array(z.string()),
      }),
    ]),
  ),
  patientNames: z.record(z.string(), z.string()),
});
export type DailyCheckView = z.infer<typeof dailyCheckView>;

// --- absences --------------------------------------------------------------------------------

/** An absence of a person (instants as ISO text). */
export const absenceView = z.object({
  id: z.string(),
  personId: z.string(),
  /** `external`: imported from a calendar. */
  kind: z.enum(absenceKinds),
  start: z.string(),
  end: z.string(),
  note: z.string(),
  version: z.number(),
});
export type AbsenceView = z.infer<typeof absenceView>;

/** An absence in the list, with the name of the person absent. */
export const listedAbsenceView = absenceView.extend({ personName: z.string() });
export type ListedAbsenceView = z.infer<typeof listedAbsenceView>;

/** What an absence does: the appointments it hits, a rebooking proposal for each, the patients to tell. */
export const absenceImpactView = z.object({
  absence: absenceView,
  affected: z.array(appointmentView),
  proposals: z.array(
    z.object({ appointmentId: z.string(), patientId: z.string(), slot: freeSlotView.nullable() }),
  ),
  patientsToNotify: z.array(
    z.object({ patientId: z.string(), language: z.enum(['fr', 'en']), appointmentIds: z.array(z.string()) }),
  ),
});
export type AbsenceImpactView = z.infer<typeof absenceImpactView>;

/** The messages queued to the patients an absence displaces, and those who could not be reached. */
export const displacedPatientsNoticeView = z.object({
  queued: z.number(),
  alreadyNotified: z.number(),
  withoutContact: z.array(z.object({ appointmentId: z.string(), patientName: z.string() })),
});
export type DisplacedPatientsNoticeView = z.infer<typeof displacedPatientsNoticeView>;

/** The report of an external calendar's import (the same on a trial run, which writes nothing). */
export const busyImportReportView = z.object({
  dryRun: z.boolean(),
  events: z.number(),
  periods: z.array(z.object({ start: z.string(), end: z.string() })),
  replaced: z.number(),
  lines: z.array(
    z.object({
      uid: z.string(),
      summary: z.string(),
      start: z.string(),
      end: z.string(),
      outcome: z.enum(['imported', 'skipped']),
      reason: z.string().optional(),
    }),
  ),
  appointmentsInBusyPeriods: z.array(
    z.object({ appointmentId: z.string(), start: z.string(), patientName: z.string() }),
  ),
});
export type BusyImportReportView = z.infer<typeof busyImportReportView>;

// --- meetings --------------------------------------------------------------------------------

export const meetingStatuses = ['scheduled', 'cancelled', 'over'] as const;

/** A meeting, training or conference with its attendees (instants as ISO text). */
export const meetingView = z.object({
  id: z.string(),
  kind: z.enum(meetingKinds),
  title: z.string(),
  start: z.string(),
  end: z.string(),
  roomId: z.string().nullable(),
  location: z.string(),
  description: z.string(),
  agenda: z.array(z.string()),
  attendees: z.array(z.object({ email: z.string(), name: z.string().nullable() })),
  organizerId: z.string().nullable(),
  status: z.enum(meetingStatuses),
  cancelledReason: z.string().nullable(),
  sequence: z.number(),
  version: z.number(),
});
export type MeetingView = z.infer<typeof meetingView>;

/** A meeting in the list, with its room's and organizer's names. */
export const listedMeetingView = meetingView.extend({
  roomName: z.string().nullable(),
  cancelled: z.boolean(),
  organizerName: z.string().nullable(),
});
export type ListedMeetingView = z.infer<typeof listedMeetingView>;
