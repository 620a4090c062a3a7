import { z } from 'zod';
import { urgencyLevels } from './urgency.ts';

// What the reception's routes answer, declared from what its services return: the server
// serializes through these (an undeclared field is stripped), the web is typed by them.

const bilingual = z.object({ fr: z.string(), en: z.string() });

export const visitStages = ['waiting', 'in_consultation', 'seen', 'billed', 'left'] as const;

/** One arrival at the desk. */
export const visitView = z.object({
  id: z.string(),
  ticket: z.number(),
  stage: z.enum(visitStages),
  patientId: z.string(),
  patientName: z.string(),
  practitionerId: z.string().nullable(),
  practitionerName: z.string().nullable(),
  appointmentId: z.string().nullable(),
  scheduledStart: z.string().nullable(),
  arrivedAt: z.string(),
  calledAt: z.string().nullable(),
  seenAt: z.string().nullable(),
  leftAt: z.string().nullable(),
  roomLabel: z.string().nullable(),
  walkInReason: z.string(),
  urgency: z.enum(urgencyLevels),
  billed: z.boolean(),
  version: z.number(),
});
export type VisitView = z.infer<typeof visitView>;

/** An appointment of the day at the desk: ids, the names and labels they point to given once in the day. */
export const deskAppointmentView = z.object({
  appointmentId: z.string(),
  version: z.number(),
  start: z.string(),
  status: z.string(),
  patientId: z.string(),
  patientName: z.string(),
  birthDate: z.string(),
  practitionerId: z.string(),
  appointmentTypeId: z.string(),
  comment: z.string(),
  identityToCheck: z.boolean(),
  coverageExpiredOn: z.string().nullable(),
  noMandatoryCoverage: z.boolean(),
  missingDocuments: z.array(z.string()),
  /** The ticket and stage; the waiting-room board has the whole visit. */
  visit: visitView.pick({ id: true, ticket: true, stage: true, version: true }).nullable(),
});
export type DeskAppointmentView = z.infer<typeof deskAppointmentView>;

export const deskDayView = z.object({
  date: z.string(),
  appointments: z.array(deskAppointmentView),
  walkIns: z.array(visitView),
  practitioners: z.record(z.string(), z.string()),
  appointmentTypes: z.record(z.string(), bilingual),
  requirementLabels: z.record(z.string(), bilingual),
});
export type DeskDayView = z.infer<typeof deskDayView>;

export const waitingRoomBoardView = z.object({
  date: z.string(),
  at: z.string(),
  visits: z.array(visitView.extend({ waitingMinutes: z.number() })),
  stats: z.array(
    z.object({
      practitionerId: z.string().nullable(),
      practitionerName: z.string().nullable(),
      patients: z.number(),
      averageMinutes: z.number(),
      maxMinutes: z.number(),
    }),
  ),
  late: z.array(
    z.object({
      practitionerId: z.string(),
      practitionerName: z.string().nullable(),
      lateMinutes: z.number(),
    }),
  ),
  billingQueue: z.array(z.string()),
});
export type WaitingRoomBoardView = z.infer<typeof waitingRoomBoardView>;

export const colleagueView = z.object({
  id: z.string(),
  displayName: z.string(),
  role: z.string(),
  specialty: z.string().nullable(),
});
export type ColleagueView = z.infer<typeof colleagueView>;

export const messageCountersView = z.object({
  recipientId: z.string(),
  unread: z.number(),
  open: z.number(),
  overdue: z.number(),
  urgent: z.number(),
});
export type MessageCountersView = z.infer<typeof messageCountersView>;

/** The screen in the waiting room: tickets or initials, the practitioner and room; never a name. */
export const publicBoardView = z.object({
  date: z.string(),
  entries: z.array(
    z.object({
      label: z.string(),
      stage: z.enum(['waiting', 'in_consultation']),
      practitionerLabel: z.string().nullable(),
      roomLabel: z.string().nullable(),
    }),
  ),
});
export type PublicBoardView = z.infer<typeof publicBoardView>;
