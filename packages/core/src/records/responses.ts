import { z } from 'zod';
import { instantView } from '../calendar/index.ts';
import { confidentialityLevels } from './confidentiality-level.ts';

// Answers of the server (see identity/responses.ts): the web reads their wire types.

/** An item of the record timeline as the reader may see it, with its attachment's file if any. */
export const timelineEntryView = z.object({
  id: z.string(),
  kind: z.string(),
  occurred_at: instantView,
  title: z.string(),
  body: z.string(),
  confidentiality: z.enum(confidentialityLevels),
  data: z.record(z.string(), z.unknown()),
  attachment_id: z.string().nullable(),
  author: z.string().nullable(),
  file_name: z.string().nullable(),
  media_type: z.string().nullable(),
  classification: z.string().nullable(),
});
export type TimelineEntryView = z.input<typeof timelineEntryView>;

export const createdRecordItemView = z.object({ id: z.string() });

export const filedAttachmentView = z.object({
  id: z.string(),
  recordItemId: z.string(),
  mediaType: z.string(),
});
export type FiledAttachmentView = z.input<typeof filedAttachmentView>;

const labelsView = z.object({ fr: z.string(), en: z.string() });

export const classificationCategoryView = z.object({
  code: z.string(),
  labels: labelsView,
  parentCode: z.string().nullable(),
  active: z.boolean(),
});
export type ClassificationCategoryView = z.input<typeof classificationCategoryView>;

export const requiredRecordItemView = z.object({
  classificationCode: z.string(),
  labels: labelsView,
  maxAgeDays: z.number().nullable(),
});
export type RequiredRecordItemView = z.input<typeof requiredRecordItemView>;

export const appointmentTypeRequirementsView = z.object({
  appointmentType: z.string(),
  requirements: z.array(requiredRecordItemView),
});
export type AppointmentTypeRequirementsView = z.input<typeof appointmentTypeRequirementsView>;

export const recordCompletenessView = z.object({
  visitDate: z.string(),
  required: z.number(),
  missing: z.array(
    z.object({
      requirement: requiredRecordItemView,
      reason: z.enum(['absent', 'too_old']),
      latestDate: z.string().nullable(),
      acceptedFrom: z.string().nullable(),
    }),
  ),
});
export type RecordCompletenessView = z.input<typeof recordCompletenessView>;
