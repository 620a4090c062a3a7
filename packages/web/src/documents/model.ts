import type {
  certificateFormView,
  documentRowView,
  documentVersionView,
  documentView,
  liaisonFormView,
  missingMentionView,
  prescriptionLineView,
  RichTextDoc,
  signerView,
  templateView,
  treatmentChanges,
} from '@pivot/core/documents';
import type { z } from 'zod';

// The answers of the documents' routes, typed by core's response schemas.
export type MissingMentionView = z.input<typeof missingMentionView>;
export type VersionView = z.input<typeof documentVersionView>;
export type DocumentView = z.input<typeof documentView>;
export type DocumentRow = z.input<typeof documentRowView>;
export type TemplateView = z.input<typeof templateView>;
export type Signer = z.input<typeof signerView>;

/** A prescription line as stored in a version's details. */
export type PrescriptionLine = z.input<typeof prescriptionLineView>;
/** What a certificate states besides its text (CSP R4127-76). */
export type CertificateForm = z.input<typeof certificateFormView>;
export type TreatmentChange = (typeof treatmentChanges)[number];
/** What a liaison letter states from its form (CSP R1112-1-2). */
export type LiaisonForm = z.input<typeof liaisonFormView>;

/** A document with nothing written yet. */
export const emptyDoc: RichTextDoc = { type: 'doc', content: [] };
