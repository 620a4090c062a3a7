import { describe, expect, it } from 'vitest';
import {
  documentKindLabel,
  documentKinds,
  isDocumentKind,
  isPrescriptionKind,
  requiresPractitionerSignature,
} from './document-kinds.ts';

describe('document kinds', () => {
  it('lists the ten kinds of the issue', () => {
    expect(documentKinds).toHaveLength(10);
    expect(isDocumentKind('prescription_ald')).toBe(true);
    expect(isDocumentKind('invoice')).toBe(false);
  });

  it('requires a practitioner signature on prescriptions, certificates, reports and the liaison letter', () => {
    for (const kind of [
      'prescription',
      'prescription_ald',
      'certificate',
      'consultation_report',
      'operative_report',
      'liaison_letter',
      'letter_to_colleague',
    ] as const) {
      expect(requiresPractitionerSignature(kind)).toBe(true);
    }
  });

  it('lets the secretariat issue notices, attendance certificates and letters to the patient', () => {
    for (const kind of ['appointment_notice', 'attendance_certificate', 'letter_to_patient'] as const) {
      expect(requiresPractitionerSignature(kind)).toBe(false);
    }
  });

  it('treats the two-zone ALD form as a prescription', () => {
    expect(isPrescriptionKind('prescription_ald')).toBe(true);
    expect(isPrescriptionKind('certificate')).toBe(false);
  });

  it('labels each kind in French and English', () => {
    expect(documentKindLabel('prescription_ald', 'fr')).toBe('Ordonnance bizone (ALD)');
    for (const kind of documentKinds) expect(documentKindLabel(kind, 'en')).not.toBe('');
  });
});
