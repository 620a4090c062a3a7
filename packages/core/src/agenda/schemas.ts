import { z } from 'zod';
import { minutesOfTime } from '../calendar/index.ts';
import { DomainError } from '../errors/domain-error.ts';
import { calendarDate, id, instant, integer, isStorableInstant, text, version } from '../input/schemas.ts';
import { declarableAbsenceKinds } from './absences.ts';
import { appointmentStatuses } from './appointment-status.ts';
import { resolveAppointmentTime } from './appointment-type.ts';
import { weekdayNames } from './opening-hours.ts';

const localDate = calendarDate;
const wallTime = text().regex(/^(([01]\d|2[0-3]):[0-5]\d|24:00)$/, 'HH:MM');
const bilingual = z.object({
  fr: text().trim().max(4000).default(''),
  en: text().trim().max(4000).default(''),
});
const bilingualLabel = z.object({
  fr: text().trim().min(1).max(200),
  en: text().trim().min(1).max(200),
});

/** Minutes of a wall time, or null when malformed: its own check reports it, a refinement must not throw. */
function minutesOrNull(time: string): number | null {
  try {
    return minutesOfTime(time);
  } catch {
    return null;
  }
}

export const dailyRangeSchema = z
  .object({ start: wallTime, end: wallTime, reservedSameDay: z.boolean().default(false) })
  .refine(
    (r) => {
      const start = minutesOrNull(r.start);
      const end = minutesOrNull(r.end);
      return start === null || end === null || end > start;
    },
    { message: 'end_before_start', path: ['end'] },
  );

const dayRanges = z
  .array(dailyRangeSchema)
  .max(8)
  .refine(
    (ranges) => {
      if (ranges.some((r) => minutesOrNull(r.start) === null || minutesOrNull(r.end) === null)) return true;
      const sorted = [...ranges].sort((a, b) => minutesOfTime(a.start) - minutesOfTime(b.start));
      return sorted.every((r, i) => i === 0 || minutesOfTime(r.start) >= minutesOfTime(sorted[i - 1]!.end));
    },
    { message: 'opening_ranges_overlap' },
  );

export const openingHoursTemplateInput = z
  .object({
    resourceId: id,
    siteId: id,
    validFrom: localDate,
    validTo: localDate.nullable().default(null),
    weekParity: z.enum(['all', 'even', 'odd']).default('all'),
    days: z.partialRecord(z.enum(weekdayNames), dayRanges),
  })
  .refine((t) => !t.validTo || t.validTo >= t.validFrom, { message: 'end_before_start', path: ['validTo'] });
export type OpeningHoursTemplateInput = z.infer<typeof openingHoursTemplateInput>;

export const openingExceptionInput = z.object({
  resourceId: id,
  siteId: id,
  date: localDate,
  ranges: dayRanges,
  reason: text().trim().max(500).default(''),
});
export type OpeningExceptionInput = z.infer<typeof openingExceptionInput>;

export const appointmentTypeInput = z.object({
  label: bilingualLabel,
  durationMinutes: integer.min(5).max(24 * 60),
  colour: text().regex(/^#[0-9a-fA-F]{6}$/, '#rrggbb'),
  eligiblePractitionerIds: z.array(id).min(1),
  roomKind: text().trim().min(1).max(60).nullable().default(null),
  equipmentKinds: z.array(text().trim().min(1).max(60)).default([]),
  preparationInstructions: bilingual.default({ fr: '', en: '' }),
  documentsToBring: z.array(bilingual).max(30).default([]),
  newPatientsAllowed: z.boolean().default(true),
  bookableOnline: z.boolean().default(false),
  urgentSameDayOnly: z.boolean().default(false),
  active: z.boolean().default(true),
});
export type AppointmentTypeInput = z.infer<typeof appointmentTypeInput>;

/** An ISO instant with offset, or a Paris wall-clock 'YYYY-MM-DDTHH:MM' from a form. */
export const appointmentTime = text().superRefine((value, ctx) => {
  try {
    if (!isStorableInstant(resolveAppointmentTime(value))) {
      ctx.addIssue({ code: 'custom', message: 'instant_invalid' });
    }
  } catch (error) {
    ctx.addIssue({ code: 'custom', message: error instanceof DomainError ? error.code : 'invalid_instant' });
  }
});

function safeTime(value: string): number | null {
  try {
    return resolveAppointmentTime(value);
  } catch {
    return null;
  }
}

export const appointmentInput = z
  .object({
    patientId: id,
    practitionerId: id,
    appointmentTypeId: id,
    start: appointmentTime,
    end: appointmentTime,
    roomId: id.nullable().default(null),
    equipmentIds: z.array(id).default([]),
    comment: text().trim().max(2000).default(''),
    /** Booking outside opening hours needs this, with a reason. */
    override: z
      .object({ reason: text().trim().min(1, { message: 'override_reason_required' }).max(500) })
      .nullable()
      .default(null),
  })
  .refine(
    (a) => {
      const start = safeTime(a.start);
      const end = safeTime(a.end);
      return start === null || end === null || end > start;
    },
    { message: 'end_before_start', path: ['end'] },
  );
export type AppointmentInput = z.infer<typeof appointmentInput>;

export const statusChangeInput = z.object({
  to: z.enum(appointmentStatuses),
  reason: text().trim().max(500).nullable().default(null),
  version,
});
export type StatusChangeInput = z.infer<typeof statusChangeInput>;

export const absenceInput = z
  .object({
    personId: id,
    kind: z.enum(declarableAbsenceKinds),
    start: instant,
    end: instant,
    note: text().trim().max(500).default(''),
  })
  .refine((a) => Date.parse(a.end) > Date.parse(a.start), { message: 'end_before_start', path: ['end'] });
export type AbsenceInput = z.infer<typeof absenceInput>;

export const slotSearchInput = z.object({
  appointmentTypeId: id,
  from: instant.optional(),
  days: integer.min(1).max(366).default(90),
  count: integer.min(1).max(100).default(10),
  stepMinutes: integer.min(5).max(120).default(15),
  urgent: z.boolean().default(false),
  weekdays: z.array(integer.min(1).max(7)).max(7).default([]),
  period: z.enum(['morning', 'afternoon']).nullable().default(null),
  preferredPractitionerId: id.nullable().default(null),
  onlyPreferredPractitioner: z.boolean().default(false),
});
export type SlotSearchInput = z.infer<typeof slotSearchInput>;

export const waitlistEntryInput = z
  .object({
    patientId: id,
    appointmentTypeId: id,
    preferredPractitionerId: id.nullable().default(null),
    weekdays: z.array(integer.min(1).max(7)).max(7).default([]),
    period: z.enum(['morning', 'afternoon']).nullable().default(null),
    earliestDate: localDate.nullable().default(null),
    latestDate: localDate.nullable().default(null),
  })
  .refine((w) => !w.earliestDate || !w.latestDate || w.latestDate >= w.earliestDate, {
    message: 'end_before_start',
    path: ['latestDate'],
  });
export type WaitlistEntryInput = z.infer<typeof waitlistEntryInput>;

const attendee = z.object({ email: z.email(), name: text().trim().max(200).nullable().default(null) });

/** Internal meeting, training or conference: shown in the list, the same booking and invitation rules. */
export const meetingKinds = ['meeting', 'training', 'conference'] as const;
export type MeetingKind = (typeof meetingKinds)[number];

const meetingFields = {
  title: text().trim().min(1).max(200),
  kind: z.enum(meetingKinds).default('meeting'),
  start: instant,
  end: instant,
  roomId: id.nullable().default(null),
  location: text().trim().max(300).default(''),
  description: text().trim().max(4000).default(''),
  /** The points of the agenda (ordre du jour), in order. */
  agenda: z.array(text().trim().min(1).max(300)).max(50).default([]),
  attendees: z.array(attendee).max(200).default([]),
};

type MeetingShape = { start: string; end: string; attendees: { email: string }[] };

function withMeetingRules<S extends z.ZodType<MeetingShape>>(schema: S) {
  return schema
    .refine((m) => Date.parse(m.end) > Date.parse(m.start), { message: 'end_before_start', path: ['end'] })
    .refine((m) => new Set(m.attendees.map((a) => a.email.toLowerCase())).size === m.attendees.length, {
      message: 'duplicate_attendee',
      path: ['attendees'],
    });
}

export const meetingInput = withMeetingRules(z.object(meetingFields));
export type MeetingInput = z.infer<typeof meetingInput>;

/** A meeting edit replaces every field and names the version it read (a stale one is a 409). */
export const meetingUpdateInput = withMeetingRules(z.object({ ...meetingFields, version }));
export type MeetingUpdateInput = z.infer<typeof meetingUpdateInput>;

export const meetingCancelInput = z.object({
  reason: text().trim().min(1, 'reason_required').max(500),
  version,
});
export type MeetingCancelInput = z.infer<typeof meetingCancelInput>;
