import { describe, expect, it } from 'vitest';
import { checkMandatoryMentions, type StructuredDocument } from './mandatory-mentions.ts';

const prescriber = {
  name: 'Dr Jean DUPONT',
  qualification: 'Médecin généraliste',
  rpps: '10003456786',
  address: '12 rue de la Paix, 75002 Paris',
  contact: '01 23 45 67 89',
};
const adult = { lastName: 'MARTIN', firstName: 'Marie', sex: 'F', birthDate: '1980-02-29' };
const item = {
  product: 'Paracétamol',
  dosage: '1 g',
  posology: '1 comprimé 3 fois par jour',
  duration: '5 jours',
};

const prescription: StructuredDocument = {
  kind: 'prescription',
  date: '2025-06-15',
  signed: true,
  prescriber,
  patient: adult,
  items: [item],
};

const codes = (doc: StructuredDocument) => checkMandatoryMentions(doc).map((m) => m.code);

describe('prescription mentions (CSP R5132-3)', () => {
  it('accepts a complete prescription', () => {
    expect(checkMandatoryMentions(prescription)).toEqual([]);
  });

  it('lists every prescriber, date, signature and patient mention missing from an empty prescription', () => {
    expect(codes({ kind: 'prescription' })).toEqual([
      'prescriber_name',
      'prescriber_qualification',
      'prescriber_rpps',
      'prescriber_address',
      'prescriber_contact',
      'document_date',
      'signature',
      'patient_last_name',
      'patient_first_name',
      'patient_sex',
      'patient_birth_date',
      'prescription_items',
    ]);
  });

  it('refuses an RPPS number whose key does not match', () => {
    expect(codes({ ...prescription, prescriber: { ...prescriber, rpps: '10003456789' } })).toEqual([
      'prescriber_rpps_invalid',
    ]);
  });

  it('requires the weight of a child under 18 at the prescription date', () => {
    const child = { ...adult, birthDate: '2010-01-01' };
    expect(codes({ ...prescription, patient: child })).toEqual(['patient_weight']);
    expect(codes({ ...prescription, patient: { ...child, weightKg: 42 } })).toEqual([]);
  });

  it('no longer requires the weight from the 18th birthday', () => {
    expect(codes({ ...prescription, patient: { ...adult, birthDate: '2007-06-15' } })).toEqual([]);
    expect(codes({ ...prescription, patient: { ...adult, birthDate: '2007-06-16' } })).toEqual([
      'patient_weight',
    ]);
  });

  it('requires the weight of an adult when a dose depends on it', () => {
    expect(codes({ ...prescription, items: [{ ...item, weightDependent: true }] })).toEqual([
      'patient_weight',
    ]);
  });

  it('lists product, strength, posology and duration or quantity missing per line', () => {
    const missing = checkMandatoryMentions({ ...prescription, items: [item, { product: 'Amoxicilline' }] });
    expect(missing.map((m) => [m.code, m.itemIndex])).toEqual([
      ['item_dosage', 1],
      ['item_posology', 1],
      ['item_duration_or_quantity', 1],
    ]);
    expect(missing[0]!.labels).toEqual({ fr: 'Dosage (ligne 2)', en: 'Strength (line 2)' });
  });

  it('accepts a quantity instead of a duration', () => {
    expect(codes({ ...prescription, items: [{ ...item, duration: null, quantity: '1 boîte' }] })).toEqual([]);
  });

  it('asks only the product for a line that is not a drug', () => {
    expect(codes({ ...prescription, items: [{ itemKind: 'other', product: 'NFS, ionogramme' }] })).toEqual(
      [],
    );
    expect(codes({ ...prescription, items: [{ itemKind: 'other' }] })).toEqual(['item_product']);
  });

  it('requires the MTE, EFG or CIF justification for a non-substitutable line', () => {
    expect(codes({ ...prescription, items: [{ ...item, nonSubstitutable: true }] })).toEqual([
      'item_non_substitutable_reason',
    ]);
    expect(
      codes({ ...prescription, items: [{ ...item, nonSubstitutable: true, nonSubstitutableReason: 'XYZ' }] }),
    ).toEqual(['item_non_substitutable_reason']);
    expect(
      codes({ ...prescription, items: [{ ...item, nonSubstitutable: true, nonSubstitutableReason: 'MTE' }] }),
    ).toEqual([]);
  });

  it('requires a zone on each line of a two-zone ALD prescription and at least one ALD line', () => {
    const ald: StructuredDocument = { ...prescription, kind: 'prescription_ald' };
    expect(codes(ald)).toEqual(['item_ald_zone', 'ald_items']);
    expect(codes({ ...ald, items: [{ ...item, zone: 'other' }] })).toEqual(['ald_items']);
    expect(
      codes({
        ...ald,
        items: [
          { ...item, zone: 'ald' },
          { ...item, zone: 'other' },
        ],
      }),
    ).toEqual([]);
  });

  it('labels each missing mention in French and English', () => {
    const [first] = checkMandatoryMentions({ ...prescription, signed: false });
    expect(first).toEqual({
      code: 'signature',
      labels: { fr: 'Signature du praticien', en: 'Practitioner signature' },
    });
  });
});

describe('certificate mentions (CSP R4127-76)', () => {
  const certificate: StructuredDocument = {
    kind: 'certificate',
    date: '2025-06-15',
    signed: true,
    prescriber,
    patient: adult,
    certificate: {
      examinationDate: '2025-06-15',
      purpose: 'Pratique du football en compétition',
      observations: 'Absence de contre-indication cliniquement décelable',
      handedOver: true,
    },
  };

  it('accepts a complete certificate', () => {
    expect(codes(certificate)).toEqual([]);
  });

  it('requires the examination date, purpose, observations and "remis en main propre"', () => {
    expect(codes({ ...certificate, certificate: {} })).toEqual([
      'certificate_examination_date',
      'certificate_purpose',
      'certificate_observations',
      'certificate_handed_over',
    ]);
  });

  it('refuses an examination dated after the certificate is written', () => {
    expect(
      codes({ ...certificate, certificate: { ...certificate.certificate, examinationDate: '2025-06-16' } }),
    ).toEqual(['certificate_examination_after_writing']);
  });

  it('requires the practitioner identity but not a phone number', () => {
    expect(codes({ ...certificate, prescriber: { ...prescriber, contact: null } })).toEqual([]);
    expect(codes({ ...certificate, prescriber: { name: 'Dr X' } })).toEqual([
      'prescriber_qualification',
      'prescriber_rpps',
      'prescriber_address',
    ]);
  });
});

describe('liaison letter mentions (CSP R1112-1-2)', () => {
  const letter: StructuredDocument = {
    kind: 'liaison_letter',
    date: '2025-06-15',
    signed: true,
    patient: adult,
    liaison: {
      dischargingPractitioner: 'Dr DUPONT',
      attendingPhysician: 'Dr LEROY',
      reasonForStay: 'Pneumopathie',
      staySummary: 'Antibiothérapie, évolution favorable',
      dischargeTreatments: [{ product: 'Amoxicilline', change: 'started' }],
      followUp: 'Radiographie à 6 semaines',
      handedToPatient: true,
    },
  };

  it('accepts a complete liaison letter', () => {
    expect(codes(letter)).toEqual([]);
  });

  it('lists the stay, treatment and follow-up items missing', () => {
    expect(codes({ ...letter, liaison: {} })).toEqual([
      'liaison_discharging_practitioner',
      'liaison_attending_physician',
      'liaison_reason',
      'liaison_summary',
      'liaison_treatments',
      'liaison_follow_up',
      'liaison_handed_to_patient',
    ]);
  });

  it('accepts an explicit empty list of discharge treatments', () => {
    expect(codes({ ...letter, liaison: { ...letter.liaison, dischargeTreatments: [] } })).toEqual([]);
  });

  it('asks for the patient identity, the date and the signature of the letter', () => {
    expect(codes({ ...letter, date: null, signed: false, patient: {} })).toEqual([
      'document_date',
      'signature',
      'patient_last_name',
      'patient_first_name',
      'patient_birth_date',
    ]);
  });

  it('names the drug missing on a treatment line', () => {
    const missing = checkMandatoryMentions({
      ...letter,
      liaison: {
        ...letter.liaison,
        dischargeTreatments: [
          { product: 'Amoxicilline', change: 'started' },
          { product: ' ', change: 'stopped' },
        ],
      },
    });
    expect(missing.map((m) => [m.code, m.itemIndex])).toEqual([['liaison_treatment_product', 1]]);
    expect(missing[0]!.labels.fr).toBe('Médicament du traitement de sortie (ligne 2)');
  });

  it('requires the letter to be given to the patient on the day of discharge', () => {
    expect(codes({ ...letter, liaison: { ...letter.liaison, handedToPatient: false } })).toEqual([
      'liaison_handed_to_patient',
    ]);
  });

  it('requires each treatment to say whether it was started, changed, stopped or continued', () => {
    const missing = checkMandatoryMentions({
      ...letter,
      liaison: { ...letter.liaison, dischargeTreatments: [{ product: 'X' }] },
    });
    expect(missing.map((m) => [m.code, m.itemIndex])).toEqual([['liaison_treatment_change', 0]]);
  });
});

describe('report mentions', () => {
  const report: StructuredDocument = {
    kind: 'operative_report',
    date: '2025-06-15',
    signed: true,
    prescriber,
    patient: adult,
    report: {
      establishment: 'Clinique du Parc, bloc opératoire',
      sections: {
        indication: 'a',
        anaesthesia: 'b',
        procedure: 'c',
        incidents: 'Aucun',
        post_operative_instructions: 'd',
      },
    },
  };

  it('accepts a complete operative report', () => {
    expect(codes(report)).toEqual([]);
  });

  it('names the missing sections of an operative report', () => {
    const missing = checkMandatoryMentions({
      ...report,
      report: { establishment: 'x', sections: { indication: 'a' } },
    });
    expect(missing.map((m) => m.section)).toEqual([
      'anaesthesia',
      'procedure',
      'incidents',
      'post_operative_instructions',
    ]);
    expect(missing[0]!.labels.fr).toBe('Rubrique du compte rendu : Anesthésie');
  });

  it('requires the incidents of an operative report to be stated, even when there were none', () => {
    const { incidents: _, ...withoutIncidents } = report.report!.sections!;
    const missing = checkMandatoryMentions({
      ...report,
      report: { ...report.report, sections: withoutIncidents },
    });
    expect(missing.map((m) => [m.code, m.section])).toEqual([['report_section', 'incidents']]);
    expect(missing[0]!.labels).toEqual({
      fr: 'Rubrique du compte rendu : Incidents',
      en: 'Report section: Incidents',
    });
  });

  it('asks an operative report for the establishment, the operator and the patient’s strict traits', () => {
    expect(codes({ kind: 'operative_report', report: { sections: report.report!.sections } })).toEqual([
      'report_establishment',
      'prescriber_name',
      'document_date',
      'signature',
      'patient_last_name',
      'patient_first_name',
      'patient_sex',
      'patient_birth_date',
    ]);
  });

  it('uses the sections the template requires', () => {
    expect(
      codes({
        ...report,
        kind: 'consultation_report',
        report: { establishment: 'x', sections: { plan: 'p' }, requiredSections: ['plan'] },
      }),
    ).toEqual([]);
  });

  it('requires the INS once the identity is qualified', () => {
    expect(codes({ ...report, patient: { ...adult, identityQualified: true } })).toEqual(['patient_ins']);
    expect(
      codes({ ...report, patient: { ...adult, identityQualified: true, ins: '285057800608412' } }),
    ).toEqual([]);
  });
});

describe('other kinds', () => {
  it('asks a letter to a colleague for the practitioner and signature', () => {
    expect(codes({ kind: 'letter_to_colleague', date: '2025-06-15', patient: adult })).toEqual([
      'signature',
      'prescriber_name',
    ]);
  });

  it('asks an appointment notice only for the patient and the date', () => {
    expect(codes({ kind: 'appointment_notice', patient: adult })).toEqual(['document_date']);
  });
});
