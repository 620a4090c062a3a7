import { z } from 'zod';
import { calendarDate, id, integer, storableJson, text, version } from '../input/schemas.ts';
import { recipientCategories } from './confidentiality.ts';
import { documentKinds } from './document-kinds.ts';
import { nonSubstitutableReasons } from './mandatory-mentions.ts';
import type { RichTextNode } from './rich-text.ts';

const isoDate = calendarDate;
const optionalText = (max: number) => text().trim().max(max).nullish();

export const richTextMarkSchema = z.object({
  type: text().min(1).max(60),
  attrs: z.record(text(), storableJson).optional(),
});

export const richTextNodeSchema: z.ZodType<RichTextNode> = z.lazy(() =>
  z.object({
    type: text().min(1).max(60),
    attrs: z.record(text(), storableJson).optional(),
    content: z.array(richTextNodeSchema).max(5000).optional(),
    text: text().max(100_000).optional(),
    marks: z.array(richTextMarkSchema).max(20).optional(),
  }),
);

export const richTextDocSchema = z.object({
  type: z.literal('doc'),
  content: z.array(richTextNodeSchema).max(5000),
});

export const documentKindSchema = z.enum(documentKinds);
export const languageSchema = z.enum(['fr', 'en']);

/** A template: per organisation (practitionerId null) or per practitioner, in one language. */
export const templateInput = z.object({
  name: text().trim().min(1).max(200),
  kind: documentKindSchema,
  language: languageSchema,
  practitionerId: id.nullable().default(null),
  content: richTextDocSchema,
});
export type TemplateInput = z.infer<typeof templateInput>;

export const documentInput = z.object({
  kind: documentKindSchema,
  patientId: id,
  practitionerId: id.nullable().default(null),
  templateId: id.nullable().default(null),
  language: languageSchema.default('fr'),
  documentDate: isoDate,
  content: richTextDocSchema.optional(),
});
export type DocumentInput = z.infer<typeof documentInput>;

export const documentActionInput = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('edit'),
    version,
    content: richTextDocSchema,
    practitionerId: id.nullable().optional(),
  }),
  z.object({ kind: z.literal('submit'), version }),
  z.object({ kind: z.literal('return_to_draft'), version }),
  z.object({ kind: z.literal('validate'), version }),
  z.object({ kind: z.literal('send'), version }),
  z.object({ kind: z.literal('file'), version }),
]);
export type DocumentActionInput = z.infer<typeof documentActionInput>;

export const documentRevisionInput = z.object({
  version,
  content: richTextDocSchema,
});

export const prescriptionItemSchema = z.object({
  itemKind: z.enum(['drug', 'other']).default('drug'),
  product: optionalText(300),
  dosage: optionalText(120),
  posology: optionalText(500),
  duration: optionalText(120),
  quantity: optionalText(120),
  renewals: integer.min(0).max(12).nullish(),
  nonSubstitutable: z.boolean().default(false),
  nonSubstitutableReason: z.enum(nonSubstitutableReasons).nullish(),
  zone: z.enum(['ald', 'other']).nullish(),
  weightDependent: z.boolean().default(false),
});

export const structuredDocumentSchema = z.object({
  kind: documentKindSchema,
  date: isoDate.nullish(),
  signed: z.boolean().default(false),
  prescriber: z
    .object({
      name: optionalText(200),
      qualification: optionalText(200),
      rpps: optionalText(20),
      address: optionalText(500),
      contact: optionalText(200),
    })
    .optional(),
  patient: z
    .object({
      lastName: optionalText(100),
      firstName: optionalText(100),
      sex: z.enum(['M', 'F', 'I']).nullish(),
      birthDate: isoDate.nullish(),
      weightKg: z.number().positive().max(500).nullish(),
      ins: optionalText(40),
      identityQualified: z.boolean().optional(),
    })
    .optional(),
  items: z.array(prescriptionItemSchema).max(100).optional(),
  certificate: z
    .object({
      examinationDate: isoDate.nullish(),
      purpose: optionalText(500),
      observations: optionalText(10_000),
      handedOver: z.boolean().optional(),
    })
    .optional(),
  liaison: z
    .object({
      dischargingPractitioner: optionalText(200),
      attendingPhysician: optionalText(200),
      reasonForStay: optionalText(2000),
      staySummary: optionalText(20_000),
      dischargeTreatments: z
        .array(
          z.object({
            product: optionalText(300),
            change: z.enum(['started', 'changed', 'stopped', 'continued']).nullish(),
          }),
        )
        .max(100)
        .nullish(),
      followUp: optionalText(5000),
      handedToPatient: z.boolean().optional(),
    })
    .optional(),
  report: z
    .object({
      establishment: optionalText(300),
      sections: z.record(text(), text().max(50_000).nullish()).optional(),
      requiredSections: z.array(text().max(60)).max(30).optional(),
    })
    .optional(),
});

export const snippetInput = z.object({
  shortcut: text().trim().min(2).max(31),
  text: text().trim().min(1).max(5000),
});

export const recipientInput = z.object({
  category: z.enum(recipientCategories),
  correspondentId: id.nullable().default(null),
  name: text().trim().min(1).max(200),
  email: text().trim().email().max(254).nullish(),
});

/** Distribution lists of the directory: the server sends to each of their members. */
const distributionListIds = z.array(id).max(20).default([]);

export const sendingInput = z
  .object({
    version,
    channel: z.enum(['email', 'secure_messaging', 'print', 'post']),
    recipients: z.array(recipientInput).max(50).default([]),
    distributionListIds,
    /** Medical terms the user confirmed for non-health recipients (the patient asked for them). */
    confirmedTerms: z.array(text().trim().min(1).max(300)).max(500).default([]),
  })
  .refine((s) => s.recipients.length + s.distributionListIds.length > 0, {
    message: 'recipients_missing',
    path: ['recipients'],
  });
export type SendingInput = z.infer<typeof sendingInput>;

export const userTermsInput = z.object({
  terms: z.array(text().trim().min(2).max(200)).max(5000),
});

export const confidentialityCheckInput = z
  .object({
    recipients: z
      .array(z.object({ category: z.enum(recipientCategories) }))
      .max(50)
      .default([]),
    distributionListIds,
    confirmedTerms: z.array(text().trim().min(1).max(300)).max(500).default([]),
  })
  .refine((s) => s.recipients.length + s.distributionListIds.length > 0, {
    message: 'recipients_missing',
    path: ['recipients'],
  });

/** A text to spell-check; with the document it belongs to, its patient's names are known words. */
export const spellCheckInput = z.object({
  text: text().max(200_000),
  documentId: id.optional(),
});
