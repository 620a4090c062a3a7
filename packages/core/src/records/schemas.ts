import { z } from 'zod';
import { calendarDate, id, instant, integer, text } from '../input/schemas.ts';
import { postMortemPurposes, requesterKinds } from './access-request.ts';
import { breakGlassReasonMaxLength, breakGlassReasonMinLength } from './break-glass.ts';
import { timelineItemKinds } from './classification.ts';
import { confidentialityLevels } from './confidentiality-level.ts';

const isoDate = calendarDate;
const labels = z.object({ fr: text().trim().min(1).max(120), en: text().trim().min(1).max(120) });

export const confidentialityLevelSchema = z.enum(confidentialityLevels);

export const accessRequestInput = z.object({
  patientId: id,
  receivedAt: instant,
  requester: z.object({
    kind: z.enum(requesterKinds),
    name: text().trim().min(1).max(200),
    identityChecked: z.boolean(),
    entitlementProven: z.boolean(),
    purpose: z.enum(postMortemPurposes).nullish(),
    designatedByPatient: z.boolean().optional(),
  }),
  /** On site consultation, copies by post, or sent to the named practitioner. */
  delivery: z.enum(['on_site', 'post', 'practitioner']),
  psychiatricCommissionSeized: z.boolean().default(false),
});
export type AccessRequestInput = z.infer<typeof accessRequestInput>;

export const requiredRecordItemSchema = z.object({
  classificationCode: text().trim().min(2).max(40),
  labels,
  maxAgeDays: integer.positive().max(3650).nullable().default(null),
});

export const classificationCategorySchema = z.object({
  code: text().regex(/^[a-z][a-z0-9_]{1,39}$/),
  labels,
  parentCode: text().nullable().default(null),
  active: z.boolean().default(true),
});
export const classificationPlanInput = z.object({
  categories: z.array(classificationCategorySchema).min(1).max(200),
});

export const timelineFilterInput = z.object({
  kinds: z.array(z.enum(timelineItemKinds)).optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  classificationCodes: z.array(text().max(40)).max(50).optional(),
  text: text().trim().max(200).optional(),
  authorUserId: id.optional(),
});

export const retentionClaimInput = z
  .object({ from: isoDate, to: isoDate.nullable().default(null) })
  .refine((c) => c.to === null || c.to >= c.from, { message: 'claim_ends_before_start', path: ['to'] });

/** Why the glass is broken: required, so the patient's practitioners can judge it afterwards. */
export const breakGlassInput = z.object({
  reason: z
    .string({ message: 'break_glass_reason_required' })
    .trim()
    .min(breakGlassReasonMinLength, { message: 'break_glass_reason_required' })
    .max(breakGlassReasonMaxLength, { message: 'break_glass_reason_too_long' }),
});
export type BreakGlassInput = z.infer<typeof breakGlassInput>;

export const breakGlassAccessSchema = z.object({
  id: z.string(),
  patientId: z.string(),
  userId: z.string(),
  userName: z.string(),
  userRole: z.string(),
  reason: z.string(),
  startedAt: z.string(),
  expiresAt: z.string(),
  active: z.boolean(),
});
export type BreakGlassAccess = z.infer<typeof breakGlassAccessSchema>;
