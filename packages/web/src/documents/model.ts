import type { RichTextDoc } from '@pivot/core/documents';

export interface MissingMentionView {
  code: string;
  itemIndex?: number;
  section?: string;
  labels: { fr: string; en: string };
}

export interface VersionView {
  id: string;
  number: number;
  status: string;
  practitionerId: string | null;
  content: RichTextDoc;
  details: {
    items?: PrescriptionLine[];
    weightKg?: number | null;
    certificate?: CertificateForm;
    liaison?: LiaisonForm;
  };
  supersededBy: string | null;
  version: number;
}

export interface DocumentView {
  id: string;
  patientId: string;
  kind: string;
  language: 'fr' | 'en';
  title: string;
  documentDate: string;
  current: VersionView;
  versions: VersionView[];
  allowedActions: string[];
  missingMentions: MissingMentionView[];
}

export interface DocumentRow {
  id: string;
  kind: string;
  title: string;
  documentDate: string;
  patientId: string;
  patientBirthName: string;
  patientGivenName: string;
  status: string;
  number: number;
}

export interface TemplateView {
  id: string;
  name: string;
  kind: string;
  language: 'fr' | 'en';
  practitionerId: string | null;
  content: RichTextDoc;
  mergeFields: string[];
  version: number;
}

export interface PrescriptionLine {
  product?: string | null;
  dosage?: string | null;
  posology?: string | null;
  duration?: string | null;
  /** Two-zone ALD form: `ald` upper zone, `other` lower zone. */
  zone?: 'ald' | 'other' | null;
}

export interface Signer {
  id: string;
  displayName: string;
  specialty: string | null;
}

/** What a certificate states besides its text (CSP R4127-76). */
export interface CertificateForm {
  examinationDate?: string | null;
  purpose?: string | null;
  observations?: string | null;
  handedOver?: boolean;
}

export type TreatmentChange = 'started' | 'changed' | 'stopped' | 'continued';

/** What a liaison letter states from its form (CSP R1112-1-2). */
export interface LiaisonForm {
  dischargingPractitioner?: string | null;
  attendingPhysician?: string | null;
  reasonForStay?: string | null;
  staySummary?: string | null;
  /** An empty list states that there is no treatment at discharge; null means not filled yet. */
  dischargeTreatments?: { product?: string | null; change?: TreatmentChange | null }[] | null;
  followUp?: string | null;
  handedToPatient?: boolean;
}

/** A document with nothing written yet. */
export const emptyDoc: RichTextDoc = { type: 'doc', content: [] };
