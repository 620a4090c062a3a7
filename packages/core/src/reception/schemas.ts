import { z } from 'zod';
import { id, instant, text, version } from '../input/schemas.ts';
import { callDirections, callOutcomes, callReasonCategories } from './call-log.ts';
import { incidentKinds, incidentProcedures } from './incidents.ts';
import { isValidPhoneNumber } from './phone-message.ts';
import { triagePaths } from './triage.ts';
import { urgencyLevels } from './urgency.ts';

const slug = text().regex(/^[a-z0-9][a-z0-9_]{0,59}$/, 'a-z, 0-9, _');
const bilingual = z.object({
  fr: text().trim().min(1).max(1000),
  en: text().trim().min(1).max(1000),
});
const phone = text()
  .trim()
  .max(40)
  .refine((v) => isValidPhoneNumber(v), { message: 'invalid_phone' });

export const callerSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('patient'), patientId: id }),
  z.object({ kind: z.literal('correspondent'), correspondentId: id }),
  z.object({
    kind: z.literal('free_text'),
    name: text().trim().min(1).max(200),
    phone: phone.nullable().default(null),
  }),
]);

const triageRecord = z.object({
  protocolId: slug,
  answers: z.record(text(), text()),
});

export const callLogInput = z
  .object({
    direction: z.enum(callDirections),
    at: instant,
    caller: callerSchema,
    reasonCategory: z.enum(callReasonCategories),
    urgency: z.enum(urgencyLevels).default('routine'),
    outcome: z.enum(callOutcomes),
    /** Whom the call was put through to, when transferred. */
    transferredTo: text().trim().max(200).nullable().default(null),
    note: text().trim().max(4000).default(''),
    /** The triage answers are kept with the call (the result is recomputed from them). */
    triage: triageRecord.nullable().default(null),
  })
  .refine((c) => c.outcome !== 'transferred' || !!c.transferredTo, {
    message: 'transfer_target_required',
    path: ['transferredTo'],
  });
export type CallLogInput = z.infer<typeof callLogInput>;

export const phoneMessageInput = z.object({
  recipientId: z.guid({
    error: (issue) =>
      issue.input === undefined || (typeof issue.input === 'string' && issue.input.trim() === '')
        ? 'recipient_required'
        : 'id_invalid',
  }),
  callerName: text().trim().min(1).max(200),
  callbackNumber: phone.nullable().default(null),
  content: text().trim().min(1).max(4000),
  urgency: z.enum(urgencyLevels).default('routine'),
  dueAt: instant.nullable().default(null),
  callLogId: id.nullable().default(null),
});
export type PhoneMessageInput = z.infer<typeof phoneMessageInput>;

const triageFlagSchema = z
  .object({
    level: z.enum(urgencyLevels),
    path: z.enum(triagePaths).optional(),
    advice: bilingual.optional(),
  })
  .refine((f) => (f.path === 'call_samu_15') === (f.level === 'vital') || f.path === undefined, {
    message: 'triage_path_level_mismatch',
  });

const triageOptionSchema = z.object({ id: slug, label: bilingual, flag: triageFlagSchema.optional() });

const triageQuestionSchema = z
  .object({ id: slug, text: bilingual, options: z.array(triageOptionSchema).min(2).max(12) })
  .refine((q) => new Set(q.options.map((o) => o.id)).size === q.options.length, {
    message: 'triage_duplicate_id',
    path: ['options'],
  });

/** A protocol as a practitioner or admin edits it. */
export const triageProtocolSchema = z
  .object({
    id: slug,
    title: bilingual,
    baseline: triageFlagSchema,
    questions: z.array(triageQuestionSchema).min(1).max(30),
  })
  .refine((p) => new Set(p.questions.map((q) => q.id)).size === p.questions.length, {
    message: 'triage_duplicate_id',
    path: ['questions'],
  });
export type TriageProtocolInput = z.infer<typeof triageProtocolSchema>;

/** Emergency services called during an incident: SAMU (15), police (17), fire brigade (18), 112. */
export const emergencyServices = ['samu_15', 'police_17', 'fire_18', 'european_112'] as const;

export const incidentRecordInput = z
  .object({
    kind: z.enum(incidentKinds),
    occurredAt: instant,
    location: text().trim().max(200).default(''),
    description: text().trim().min(1).max(8000),
    staffIds: z.array(id).max(50).default([]),
    patientIds: z.array(id).max(50).default([]),
    otherPeople: text().trim().max(2000).default(''),
    injuries: z.boolean().default(false),
    emergencyServicesCalled: z.array(z.enum(emergencyServices)).default([]),
    completedStepIds: z.array(text()).default([]),
    declaredToOnvs: z.boolean().default(false),
    complaintFiled: z.boolean().default(false),
    followUp: text().trim().max(4000).default(''),
  })
  .refine(
    (r) => {
      const known = new Set(incidentProcedures[r.kind].steps.map((s) => s.id));
      return r.completedStepIds.every((s) => known.has(s));
    },
    { message: 'incident_unknown_step', path: ['completedStepIds'] },
  );
export type IncidentRecordInput = z.infer<typeof incidentRecordInput>;

export const informationSheetCategories = [
  'exam_preparation',
  'what_to_bring',
  'access',
  'fees',
  'other',
] as const;
export type InformationSheetCategory = (typeof informationSheetCategories)[number];

/** A sheet handed or sent to patients, written in French and English. */
export const informationSheetInput = z.object({
  category: z.enum(informationSheetCategories),
  title: z.object({ fr: text().trim().min(1).max(200), en: text().trim().min(1).max(200) }),
  body: z.object({ fr: text().trim().min(1).max(20000), en: text().trim().min(1).max(20000) }),
});
export type InformationSheetInput = z.infer<typeof informationSheetInput>;

export const sendSheetInput = z.object({
  patientId: id,
  language: z.enum(['fr', 'en']).default('fr'),
  /** Defaults to the patient's e-mail address on record. */
  email: z.email().nullable().default(null),
});
export type SendSheetInput = z.infer<typeof sendSheetInput>;

export const arrivalInput = z.object({
  appointmentId: id,
  /** The appointment version the desk read: two desks marking the same arrival, one wins. */
  version,
});
export type ArrivalInput = z.infer<typeof arrivalInput>;

export const walkInInput = z.object({
  patientId: id,
  practitionerId: id.nullable().default(null),
  siteId: id.nullable().default(null),
  reason: text().trim().max(500).default(''),
  urgency: z.enum(urgencyLevels).default('routine'),
});
export type WalkInInput = z.infer<typeof walkInInput>;

export const visitMoveInput = z.object({
  to: z.enum(['in_consultation', 'seen', 'left']),
  version,
  /** The room the patient is called to, one of the organization's rooms (of the visit's site). */
  roomId: id.nullable().default(null),
  /** A room typed by an API client that has no room id; ignored when `roomId` is given. */
  roomLabel: text().trim().max(100).nullable().default(null),
  /** Why the patient left without being seen (kept on the appointment's history). */
  reason: text().trim().max(500).nullable().default(null),
});
export type VisitMoveInput = z.infer<typeof visitMoveInput>;
