import { z } from 'zod';
import { instantView } from '../calendar/index.ts';
import { recipientCategories } from './confidentiality.ts';
import { mergeFieldGroups } from './merge-fields.ts';
import type { RichTextDoc, RichTextMark, RichTextNode } from './rich-text.ts';
import { documentStatuses } from './workflow.ts';

// What the documents' routes answer, declared from what their services return: the server
// serializes through these (an undeclared field is stripped), the web is typed by them. Plain
// strings where the input schemas carry limits: an answer is what was stored, not what a form may send.

const labels = z.object({ fr: z.string(), en: z.string() });

const richTextMarkView: z.ZodType<RichTextMark, RichTextMark> = z.object({
  type: z.string(),
  attrs: z.record(z.string(), z.unknown()).optional(),
});

const richTextNodeView: z.ZodType<RichTextNode, RichTextNode> = z.lazy(() =>
  z.object({
    type: z.string(),
    attrs: z.record(z.string(), z.unknown()).optional(),
    content: z.array(richTextNodeView).optional(),
    text: z.string().optional(),
    marks: z.array(richTextMarkView).optional(),
  }),
);

/** A document's or a template's text, as the editor stores it. */
export const richTextView: z.ZodType<RichTextDoc, RichTextDoc> = z.object({
  type: z.literal('doc'),
  content: z.array(richTextNodeView),
});

const nullableText = z.string().nullish();

/** A prescription line as stored in a version's details. */
export const prescriptionLineView = z.object({
  itemKind: z.enum(['drug', 'other']).optional(),
  product: nullableText,
  dosage: nullableText,
  posology: nullableText,
  duration: nullableText,
  quantity: nullableText,
  renewals: z.number().nullish(),
  nonSubstitutable: z.boolean().optional(),
  nonSubstitutableReason: nullableText,
  /** Two-zone ALD form: `ald` upper zone, `other` lower zone. */
  zone: z.enum(['ald', 'other']).nullish(),
  weightDependent: z.boolean().optional(),
});

/** What a certificate states besides its text (CSP R4127-76). */
export const certificateFormView = z.object({
  examinationDate: nullableText,
  purpose: nullableText,
  observations: nullableText,
  handedOver: z.boolean().optional(),
});

export const treatmentChanges = ['started', 'changed', 'stopped', 'continued'] as const;

/** What a liaison letter states from its form (CSP R1112-1-2). */
export const liaisonFormView = z.object({
  dischargingPractitioner: nullableText,
  attendingPhysician: nullableText,
  reasonForStay: nullableText,
  staySummary: nullableText,
  /** An empty list states that there is no treatment at discharge; null means not filled yet. */
  dischargeTreatments: z
    .array(z.object({ product: nullableText, change: z.enum(treatmentChanges).nullish() }))
    .nullish(),
  followUp: nullableText,
  handedToPatient: z.boolean().optional(),
});

/** The structured part of a version (lines, certificate, liaison, report, weight), as stored. */
export const documentDetailsView = z.looseObject({
  items: z.array(prescriptionLineView).optional(),
  weightKg: z.number().nullish(),
  certificate: certificateFormView.optional(),
  liaison: liaisonFormView.optional(),
  report: z
    .object({
      establishment: nullableText,
      sections: z.record(z.string(), nullableText).optional(),
      requiredSections: z.array(z.string()).optional(),
    })
    .optional(),
});

export const documentVersionView = z.object({
  id: z.string(),
  number: z.number(),
  status: z.string(),
  practitionerId: z.string().nullable(),
  content: richTextView,
  details: documentDetailsView,
  supersedes: z.string().nullable(),
  supersededBy: z.string().nullable(),
  validatedBy: z.string().nullable(),
  validatedAt: instantView.nullable(),
  sentAt: instantView.nullable(),
  filedAt: instantView.nullable(),
  version: z.number(),
});

export const missingMentionView = z.object({
  code: z.string(),
  /** 0-based index of the prescription or treatment line concerned. */
  itemIndex: z.number().optional(),
  /** The report section concerned. */
  section: z.string().optional(),
  labels,
});

export const documentActionKinds = ['edit', 'submit', 'return_to_draft', 'validate', 'send', 'file'] as const;

/** A document with its versions, the actions allowed on its current version and what it misses. */
export const documentView = z.object({
  id: z.string(),
  patientId: z.string(),
  kind: z.string(),
  language: z.enum(['fr', 'en']),
  title: z.string(),
  documentDate: z.string(),
  templateId: z.string().nullable(),
  current: documentVersionView,
  versions: z.array(documentVersionView),
  allowedActions: z.array(z.enum(documentActionKinds)),
  missingMentions: z.array(missingMentionView),
});

/** A document of the list: its current version. */
export const documentRowView = z.object({
  id: z.string(),
  kind: z.string(),
  title: z.string(),
  documentDate: z.string(),
  patientId: z.string(),
  patientBirthName: z.string(),
  patientGivenName: z.string(),
  status: z.string(),
  number: z.number(),
  practitionerId: z.string().nullable(),
  version: z.number(),
});

export const createdDocumentView = z.object({ id: z.string(), missingFields: z.array(z.string()) });

export const documentStatusView = z.object({ status: z.enum(documentStatuses) });

export const documentRevisionView = z.object({ versionId: z.string(), number: z.number() });

export const termSpanView = z.object({
  start: z.number(),
  end: z.number(),
  text: z.string(),
  term: z.string(),
  source: z.enum(['cim10', 'drug', 'user']),
  code: z.string().optional(),
});

/** The text as sent, and for each recipient category the medical terms to confirm (offsets in it). */
export const confidentialityCheckView = z.object({
  text: z.string(),
  results: z.array(
    z.object({
      category: z.enum(recipientCategories),
      needsConfirmation: z.boolean(),
      spans: z.array(termSpanView),
    }),
  ),
});

export const sendingResultView = z.object({
  status: z.enum(documentStatuses),
  sendings: z.array(z.object({ id: z.string(), outboxId: z.string().nullable() })),
});

/** A sending of a document, with the state of its outbox message (none for paper). */
export const documentSendingView = z.object({
  id: z.string(),
  channel: z.string(),
  recipientName: z.string(),
  recipientAddress: z.string().nullable(),
  recipientCategory: z.string(),
  createdAt: instantView,
  outboxId: z.string().nullable(),
  outboxStatus: z.string().nullable(),
  attempts: z.number().nullable(),
  lastError: z.string().nullable(),
  sentAt: instantView.nullable(),
});

// --- templates, signers, letterheads ---------------------------------------------------------

export const mergeFieldView = z.object({ field: z.string(), group: z.enum(mergeFieldGroups), labels });

export const signerView = z.object({
  id: z.string(),
  displayName: z.string(),
  specialty: z.string().nullable(),
  rpps: z.string().nullable(),
});

export const templateView = z.object({
  id: z.string(),
  practitionerId: z.string().nullable(),
  name: z.string(),
  kind: z.string(),
  language: z.enum(['fr', 'en']),
  content: richTextView,
  mergeFields: z.array(z.string()),
  version: z.number(),
});

export const letterheadSettingsView = z.object({ letterhead: z.string(), signature: z.string() });

/** A practitioner's letterhead and signature block, and what prints without them. */
export const letterheadView = letterheadSettingsView.extend({
  defaults: z.object({ letterhead: z.array(z.string()), signature: z.array(z.string()) }),
});

/** The answer of a removal. */
export const removedView = z.object({ ok: z.boolean() });

// --- writing aids ----------------------------------------------------------------------------

export const snippetView = z.object({
  id: z.string(),
  shortcut: z.string(),
  text: z.string(),
  userId: z.string().nullable(),
});

export const createdSnippetView = snippetView.omit({ userId: true });

export const misspellingView = z.object({ start: z.number(), end: z.number(), word: z.string() });

export const spellCheckView = z.object({ misspellings: z.array(misspellingView) });

export const spellingSuggestionsView = z.object({ suggestions: z.array(z.string()) });

// --- the outbox ------------------------------------------------------------------------------

export const outboxMessageView = z.object({
  id: z.string(),
  channel: z.enum(['email', 'secure_messaging']),
  recipient: z.string(),
  subject: z.string(),
  status: z.enum(['pending', 'sending', 'sent', 'failed']),
  attempts: z.number(),
  lastError: z.string().nullable(),
  nextAttemptAt: instantView,
  sentAt: instantView.nullable(),
  createdAt: instantView,
});

export const outboxRunView = z.object({ sent: z.number(), failed: z.number() });
