export const documentKinds = [
  'letter_to_colleague',
  'letter_to_patient',
  'consultation_report',
  'operative_report',
  'liaison_letter',
  'certificate',
  'prescription',
  'prescription_ald',
  'appointment_notice',
  'attendance_certificate',
] as const;
export type DocumentKind = (typeof documentKinds)[number];

export const documentFamilies = ['letter', 'report', 'certificate', 'prescription', 'notice'] as const;
export type DocumentFamily = (typeof documentFamilies)[number];

export interface DocumentKindRule {
  family: DocumentFamily;
  /** Validated and signed by a practitioner only; a secretary prepares it. */
  practitionerSignature: boolean;
  labels: { fr: string; en: string };
}

/*
 * Practitioner-only signature: prescriptions (CSP R5132-3), certificates (R4127-76), reports and
 * the liaison letter (R1112-1-2), and letters between professionals, which carry medical
 * information under the practitioner's responsibility (L1110-4). A notice, an attendance
 * certificate or an administrative letter to the patient may be issued by the secretariat.
 */
export const documentKindRules: Record<DocumentKind, DocumentKindRule> = {
  letter_to_colleague: {
    family: 'letter',
    practitionerSignature: true,
    labels: { fr: 'Lettre à un confrère', en: 'Letter to a colleague' },
  },
  letter_to_patient: {
    family: 'letter',
    practitionerSignature: false,
    labels: { fr: 'Lettre au patient', en: 'Letter to the patient' },
  },
  consultation_report: {
    family: 'report',
    practitionerSignature: true,
    labels: { fr: 'Compte rendu de consultation', en: 'Consultation report' },
  },
  operative_report: {
    family: 'report',
    practitionerSignature: true,
    labels: { fr: 'Compte rendu opératoire', en: 'Operative report' },
  },
  liaison_letter: {
    family: 'report',
    practitionerSignature: true,
    labels: { fr: 'Lettre de liaison', en: 'Discharge liaison letter' },
  },
  certificate: {
    family: 'certificate',
    practitionerSignature: true,
    labels: { fr: 'Certificat médical', en: 'Medical certificate' },
  },
  prescription: {
    family: 'prescription',
    practitionerSignature: true,
    labels: { fr: 'Ordonnance', en: 'Prescription' },
  },
  prescription_ald: {
    family: 'prescription',
    practitionerSignature: true,
    labels: { fr: 'Ordonnance bizone (ALD)', en: 'Two-zone prescription (ALD)' },
  },
  appointment_notice: {
    family: 'notice',
    practitionerSignature: false,
    labels: { fr: 'Convocation', en: 'Appointment notice' },
  },
  attendance_certificate: {
    family: 'certificate',
    practitionerSignature: false,
    labels: { fr: 'Attestation de présence', en: 'Attendance certificate' },
  },
};

export function isDocumentKind(value: string): value is DocumentKind {
  return (documentKinds as readonly string[]).includes(value);
}

export function requiresPractitionerSignature(kind: DocumentKind): boolean {
  return documentKindRules[kind].practitionerSignature;
}

export function isPrescriptionKind(kind: DocumentKind): boolean {
  return documentKindRules[kind].family === 'prescription';
}

export function documentKindLabel(kind: DocumentKind, language: 'fr' | 'en'): string {
  return documentKindRules[kind].labels[language];
}
