import { z } from 'zod';
import { callDirections, callOutcomes, callReasonCategories } from './call-log.ts';
import { incidentKinds } from './incidents.ts';
import { emergencyServices, informationSheetCategories } from './schemas.ts';
import { triagePaths } from './triage.ts';
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
  /** The room called to: its id when picked from the organization's rooms, its name as it was then. */
  roomId: z.string().nullable(),
  roomLabel: z.string().nullable(),
  siteId: z.string().nullable(),
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
      /** Called in so far today; the waits (arrival to call, whole minutes) are theirs. */
      called: z.number(),
      /** In the waiting room now. */
      waiting: z.number(),
      averageMinutes: z.number().nullable(),
      maxMinutes: z.number().nullable(),
    }),
  ),
  /** The room each practitioner was last called into (any day), to preselect it when calling in. */
  lastRoomByPractitioner: z.record(z.string(), z.string()),
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

// --- calls and messages ----------------------------------------------------------------------

/** The triage kept with a call: the protocol and version answered, the answers and their result. */
export const callTriageView = z.object({
  protocolId: z.string(),
  protocolVersion: z.number(),
  answers: z.record(z.string(), z.string()),
  level: z.enum(urgencyLevels),
  path: z.enum(triagePaths),
  flags: z.array(z.object({ questionId: z.string(), optionId: z.string(), level: z.enum(urgencyLevels) })),
});
export type CallTriageView = z.infer<typeof callTriageView>;

/** A call just logged: its urgency (raised by the triage), the triage kept, the message taken. */
export const loggedCallView = z.object({
  id: z.string(),
  urgency: z.enum(urgencyLevels),
  triage: callTriageView.nullable(),
  messageId: z.string().nullable(),
});
export type LoggedCallView = z.infer<typeof loggedCallView>;

/** One call of the log, with the caller's name as it was given. */
export const callLogEntryView = z.object({
  id: z.string(),
  direction: z.enum(callDirections),
  at: z.string(),
  caller: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('patient'), patientId: z.string(), name: z.string() }),
    z.object({ kind: z.literal('correspondent'), correspondentId: z.string(), name: z.string() }),
    z.object({ kind: z.literal('free_text'), name: z.string(), phone: z.string().nullable() }),
  ]),
  reasonCategory: z.enum(callReasonCategories),
  urgency: z.enum(urgencyLevels),
  outcome: z.enum(callOutcomes),
  transferredTo: z.string().nullable(),
  note: z.string(),
  triage: callTriageView.nullable(),
  authorId: z.string(),
  authorName: z.string(),
});
export type CallLogEntryView = z.infer<typeof callLogEntryView>;

/** A day's call log, latest first, with its counts. */
export const callLogDayView = z.object({
  date: z.string(),
  calls: z.array(callLogEntryView),
  summary: z.object({
    total: z.number(),
    byReason: z.record(z.enum(callReasonCategories), z.number()),
    byOutcome: z.record(z.enum(callOutcomes), z.number()),
    urgentOrVital: z.number(),
  }),
});
export type CallLogDayView = z.infer<typeof callLogDayView>;

/** A phone message, with its recipient's and taker's names and whether it is overdue. */
export const phoneMessageView = z.object({
  id: z.string(),
  recipientId: z.string(),
  recipientName: z.string(),
  callerName: z.string(),
  callbackNumber: z.string().nullable(),
  content: z.string(),
  urgency: z.enum(urgencyLevels),
  dueAt: z.string(),
  status: z.enum(['unread', 'read', 'done']),
  overdue: z.boolean(),
  callLogId: z.string().nullable(),
  patientId: z.string().nullable(),
  takenBy: z.string(),
  takenByName: z.string(),
  takenAt: z.string(),
  doneAt: z.string().nullable(),
  version: z.number(),
});
export type PhoneMessageView = z.infer<typeof phoneMessageView>;

// --- triage ----------------------------------------------------------------------------------

const triageFlagView = z.object({
  level: z.enum(urgencyLevels),
  path: z.enum(triagePaths).optional(),
  advice: bilingual.optional(),
});

/** A triage protocol as stored: its definition, whether in use, its version and last change. */
export const triageProtocolView = z.object({
  id: z.string(),
  title: bilingual,
  baseline: triageFlagView,
  questions: z.array(
    z.object({
      id: z.string(),
      text: bilingual,
      options: z.array(z.object({ id: z.string(), label: bilingual, flag: triageFlagView.optional() })),
    }),
  ),
  active: z.boolean(),
  version: z.number(),
  updatedAt: z.string(),
});
export type TriageProtocolView = z.infer<typeof triageProtocolView>;

/** The urgency and path the answers give (an aid, never a medical decision), and the protocol's version. */
export const triageEvaluationView = z.object({
  protocolId: z.string(),
  level: z.enum(urgencyLevels),
  path: z.enum(triagePaths),
  advice: bilingual.nullable(),
  flags: z.array(triageFlagView.extend({ questionId: z.string(), optionId: z.string() })),
  unanswered: z.array(z.string()),
  isAid: z.literal(true),
  disclaimer: bilingual,
  protocolVersion: z.number(),
});
export type TriageEvaluationView = z.infer<typeof triageEvaluationView>;

// --- information sheets ----------------------------------------------------------------------

export const informationSheetView = z.object({
  id: z.string(),
  category: z.enum(informationSheetCategories),
  title: bilingual,
  body: bilingual,
  active: z.boolean(),
  version: z.number(),
});
export type InformationSheetView = z.infer<typeof informationSheetView>;

/** A sheet queued for e-mail: the outbox message that carries it. */
export const sentSheetView = z.object({ outboxId: z.string() });
export type SentSheetView = z.infer<typeof sentSheetView>;

// --- incidents -------------------------------------------------------------------------------

/** What to do for a kind of incident, in the language asked. */
export const incidentProcedureView = z.object({
  kind: z.enum(incidentKinds),
  title: z.string(),
  steps: z.array(z.object({ id: z.string(), text: z.string(), mandatory: z.boolean() })),
});
export type IncidentProcedureView = z.infer<typeof incidentProcedureView>;

/** An incident of the register, with the mandatory steps still to do. */
export const incidentView = z.object({
  id: z.string(),
  kind: z.enum(incidentKinds),
  occurredAt: z.string(),
  location: z.string(),
  description: z.string(),
  staffIds: z.array(z.string()),
  patientIds: z.array(z.string()),
  otherPeople: z.string(),
  injuries: z.boolean(),
  emergencyServicesCalled: z.array(z.enum(emergencyServices)),
  completedStepIds: z.array(z.string()),
  missingSteps: z.array(z.string()),
  declaredToOnvs: z.boolean(),
  complaintFiled: z.boolean(),
  followUp: z.string(),
  status: z.enum(['open', 'closed']),
  recordedBy: z.string(),
  recordedByName: z.string(),
  closedAt: z.string().nullable(),
  version: z.number(),
});
export type IncidentView = z.infer<typeof incidentView>;
