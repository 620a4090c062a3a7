import { z } from 'zod';
import { instantView } from '../calendar/index.ts';

// Answers of the server, declared beside the inputs: the server checks and strips what it sends
// against them, the web reads their wire types (z.input: what travels as JSON).

/** A patient as lists show it: search results, duplicate candidates, the duplicate worklist. */
export const patientSummaryView = z.object({
  id: z.string(),
  birthName: z.string(),
  usedName: z.string(),
  birthGivenNames: z.array(z.string()),
  usedGivenName: z.string(),
  birthDate: z.string(),
  sex: z.string(),
  identityStatus: z.string(),
  nir: z.string().nullable(),
  mergedInto: z.string().nullable(),
});
export type PatientSummaryView = z.input<typeof patientSummaryView>;

const scoreReasons = z.array(z.object({ code: z.string(), points: z.number() }));

export const duplicateCandidateView = z.object({
  patient: patientSummaryView,
  score: z.number(),
  level: z.string(),
  reasons: scoreReasons,
});
export type DuplicateCandidateView = z.input<typeof duplicateCandidateView>;

export const duplicatePairView = z.object({
  a: patientSummaryView,
  b: patientSummaryView,
  score: z.number(),
  level: z.string(),
  reasons: scoreReasons,
});
export type DuplicatePairView = z.input<typeof duplicatePairView>;

export const mergeResultView = z.object({
  mergeId: z.string(),
  moved: z.record(z.string(), z.number()),
  keptOnMergedRecord: z.record(z.string(), z.number()),
});
export type MergeResultView = z.input<typeof mergeResultView>;

export const mergeUndoneView = z.object({ survivorId: z.string(), restoredId: z.string() });

/** A merge into or from a record, as stored (with which rows moved, for the undo). */
export const patientMergeView = z.object({
  id: z.string(),
  organization_id: z.string(),
  survivor_id: z.string(),
  merged_id: z.string(),
  merged_by: z.string().nullable(),
  merged_at: instantView,
  moved: z.record(z.string(), z.array(z.string())),
  undone_by: z.string().nullable(),
  undone_at: instantView.nullable(),
});
export type PatientMergeView = z.input<typeof patientMergeView>;

export const okView = z.object({ ok: z.boolean() });
