import { isValidRpps } from '../organization/index.ts';
import { type DocumentKind, documentKindRules } from './document-kinds.ts';
import { ageAt } from './merge-fields.ts';

type Labels = { fr: string; en: string };
type Text = string | null | undefined;

export interface PrescriberHeader {
  name?: Text;
  qualification?: Text;
  rpps?: Text;
  address?: Text;
  /** Phone or e-mail where the prescriber can be reached. */
  contact?: Text;
}

export interface PatientHeader {
  lastName?: Text;
  firstName?: Text;
  sex?: Text;
  birthDate?: Text;
  weightKg?: number | null;
  ins?: Text;
  identityQualified?: boolean;
}

/** `MTE`, `EFG`, `CIF`: the justifications accepted for "non substituable" (CSS L162-2-1 al. 2, arrêté du 12 nov. 2019). */
export const nonSubstitutableReasons = ['MTE', 'EFG', 'CIF'] as const;
export type NonSubstitutableReason = (typeof nonSubstitutableReasons)[number];

export interface PrescriptionItem {
  /** `drug` items need dosage and posology; `other` (biology, device, nursing care) only the product. */
  itemKind?: 'drug' | 'other';
  product?: Text;
  dosage?: Text;
  posology?: Text;
  duration?: Text;
  quantity?: Text;
  renewals?: number | null;
  nonSubstitutable?: boolean;
  nonSubstitutableReason?: Text;
  /** Two-zone form: `ald` upper zone (100 %), `other` lower zone. */
  zone?: 'ald' | 'other' | null;
  /** The dose depends on weight, whatever the patient's age. */
  weightDependent?: boolean;
}

export interface CertificateDetails {
  examinationDate?: Text;
  purpose?: Text;
  observations?: Text;
  /** "Remis en main propre à l'intéressé(e)" or to the legal representative. */
  handedOver?: boolean;
}

export interface DischargeTreatment {
  product?: Text;
  change?: 'started' | 'changed' | 'stopped' | 'continued' | null;
}

export interface LiaisonDetails {
  dischargingPractitioner?: Text;
  attendingPhysician?: Text;
  reasonForStay?: Text;
  staySummary?: Text;
  /** An empty list states that there is no treatment at discharge; null or absent means not filled. */
  dischargeTreatments?: DischargeTreatment[] | null;
  followUp?: Text;
  handedToPatient?: boolean;
}

export interface ReportDetails {
  establishment?: Text;
  sections?: Record<string, Text>;
  /** Sections the template requires; defaults per kind below. */
  requiredSections?: string[];
}

/** A document as structured data: header, body and items. Dates are ISO `YYYY-MM-DD`. */
export interface StructuredDocument {
  kind: DocumentKind;
  date?: Text;
  signed?: boolean;
  prescriber?: PrescriberHeader;
  patient?: PatientHeader;
  items?: PrescriptionItem[];
  certificate?: CertificateDetails;
  liaison?: LiaisonDetails;
  report?: ReportDetails;
}

export const defaultReportSections: Record<'consultation_report' | 'operative_report', string[]> = {
  consultation_report: ['reason', 'examination', 'conclusion'],
  // documents.md: indication, anaesthesia, procedure, incidents (stated even when there were none),
  // post-operative instructions.
  operative_report: ['indication', 'anaesthesia', 'procedure', 'incidents', 'post_operative_instructions'],
};

export const mentionLabels = {
  prescriber_name: { fr: 'Nom du praticien', en: 'Practitioner name' },
  prescriber_qualification: {
    fr: 'Qualification ou spécialité du praticien',
    en: 'Practitioner qualification or specialty',
  },
  prescriber_rpps: { fr: 'N° RPPS du praticien', en: 'Practitioner RPPS number' },
  prescriber_rpps_invalid: {
    fr: 'N° RPPS invalide (11 chiffres, clé)',
    en: 'Invalid RPPS number (11 digits, key)',
  },
  prescriber_address: { fr: 'Adresse professionnelle', en: 'Professional address' },
  prescriber_contact: { fr: 'Téléphone ou e-mail du praticien', en: 'Practitioner phone or e-mail' },
  document_date: { fr: 'Date de rédaction', en: 'Date of writing' },
  signature: { fr: 'Signature du praticien', en: 'Practitioner signature' },
  patient_last_name: { fr: 'Nom du patient', en: 'Patient last name' },
  patient_first_name: { fr: 'Prénom du patient', en: 'Patient first name' },
  patient_sex: { fr: 'Sexe du patient', en: 'Patient sex' },
  patient_birth_date: { fr: 'Date de naissance (âge) du patient', en: 'Patient birth date (age)' },
  patient_weight: {
    fr: 'Poids du patient (enfant ou posologie au poids)',
    en: 'Patient weight (child or weight-based dose)',
  },
  patient_ins: { fr: 'INS du patient (identité qualifiée)', en: 'Patient INS (qualified identity)' },
  prescription_items: { fr: 'Au moins une ligne de prescription', en: 'At least one prescription line' },
  item_product: { fr: 'Produit prescrit (dénomination commune)', en: 'Prescribed product (common name)' },
  item_dosage: { fr: 'Dosage', en: 'Strength' },
  item_posology: { fr: 'Posologie', en: 'Posology' },
  item_duration_or_quantity: { fr: 'Durée de traitement ou quantité', en: 'Treatment duration or quantity' },
  item_non_substitutable_reason: {
    fr: 'Justification « non substituable » (MTE, EFG ou CIF)',
    en: '“Non-substitutable” justification (MTE, EFG or CIF)',
  },
  item_ald_zone: {
    fr: 'Zone de l’ordonnance bizone (ALD ou hors ALD)',
    en: 'Two-zone form zone (ALD or not)',
  },
  ald_items: { fr: 'Au moins une ligne en rapport avec l’ALD', en: 'At least one line related to the ALD' },
  certificate_examination_date: { fr: 'Date de l’examen', en: 'Examination date' },
  certificate_examination_after_writing: {
    fr: 'La date de l’examen est postérieure à la date de rédaction',
    en: 'The examination date is after the date of writing',
  },
  certificate_purpose: { fr: 'Objet du certificat', en: 'Purpose of the certificate' },
  certificate_observations: { fr: 'Constatations personnelles', en: 'Facts personally observed' },
  certificate_handed_over: {
    fr: 'Mention « remis en main propre à l’intéressé(e) »',
    en: '“Handed in person to the person concerned” statement',
  },
  liaison_discharging_practitioner: {
    fr: 'Praticien ayant prescrit la sortie',
    en: 'Discharging practitioner',
  },
  liaison_attending_physician: { fr: 'Médecin traitant', en: 'Attending physician' },
  liaison_reason: { fr: 'Motif de l’hospitalisation', en: 'Reason for the stay' },
  liaison_summary: { fr: 'Synthèse du séjour', en: 'Summary of the stay' },
  liaison_treatments: { fr: 'Traitements de sortie', en: 'Treatments at discharge' },
  liaison_treatment_product: {
    fr: 'Médicament du traitement de sortie',
    en: 'Drug of the discharge treatment',
  },
  liaison_treatment_change: {
    fr: 'Traitement débuté, modifié, arrêté ou poursuivi',
    en: 'Treatment started, changed, stopped or continued',
  },
  liaison_follow_up: {
    fr: 'Suivi prévu (rendez-vous, examens)',
    en: 'Planned follow-up (appointments, exams)',
  },
  liaison_handed_to_patient: {
    fr: 'Remise au patient le jour de la sortie',
    en: 'Given to the patient on discharge day',
  },
  report_establishment: { fr: 'Établissement et service', en: 'Establishment and unit' },
  report_section: { fr: 'Rubrique du compte rendu', en: 'Report section' },
} satisfies Record<string, Labels>;
export type MentionCode = keyof typeof mentionLabels;

export interface MissingMention {
  code: MentionCode;
  /** 0-based index of the prescription or treatment line concerned. */
  itemIndex?: number;
  /** The report section concerned. */
  section?: string;
  labels: Labels;
}

/** Report sections and their headings, as the check names them and a heading of the text may. */
export const reportSectionLabels: Record<string, Labels> = {
  reason: { fr: 'Motif', en: 'Reason' },
  history: { fr: 'Antécédents', en: 'History' },
  examination: { fr: 'Examen clinique', en: 'Examination' },
  conclusion: { fr: 'Conclusion', en: 'Conclusion' },
  plan: { fr: 'Conduite à tenir', en: 'Plan' },
  indication: { fr: 'Indication', en: 'Indication' },
  anaesthesia: { fr: 'Anesthésie', en: 'Anaesthesia' },
  procedure: { fr: 'Description de l’intervention', en: 'Procedure' },
  incidents: { fr: 'Incidents', en: 'Incidents' },
  post_operative_instructions: { fr: 'Consignes post-opératoires', en: 'Post-operative instructions' },
};

const filled = (value: Text): boolean => typeof value === 'string' && value.trim() !== '';

function mention(code: MentionCode, where: { itemIndex?: number; section?: string } = {}): MissingMention {
  const base = mentionLabels[code];
  if (where.itemIndex !== undefined) {
    const line = where.itemIndex + 1;
    return {
      code,
      itemIndex: where.itemIndex,
      labels: { fr: `${base.fr} (ligne ${line})`, en: `${base.en} (line ${line})` },
    };
  }
  if (where.section !== undefined) {
    const name = reportSectionLabels[where.section] ?? { fr: where.section, en: where.section };
    return {
      code,
      section: where.section,
      labels: { fr: `${base.fr} : ${name.fr}`, en: `${base.en}: ${name.en}` },
    };
  }
  return { code, labels: base };
}

function isMinorAt(birthDate: Text, date: Text): boolean {
  if (!filled(birthDate) || !filled(date)) return false;
  try {
    return ageAt(birthDate!, date!).years < 18;
  } catch {
    return false;
  }
}

function checkPrescriber(p: PrescriberHeader | undefined, withContact: boolean, out: MissingMention[]): void {
  if (!filled(p?.name)) out.push(mention('prescriber_name'));
  if (!filled(p?.qualification)) out.push(mention('prescriber_qualification'));
  if (!filled(p?.rpps)) out.push(mention('prescriber_rpps'));
  else if (!isValidRpps(p!.rpps!)) out.push(mention('prescriber_rpps_invalid'));
  if (!filled(p?.address)) out.push(mention('prescriber_address'));
  if (withContact && !filled(p?.contact)) out.push(mention('prescriber_contact'));
}

function checkPatientName(p: PatientHeader | undefined, out: MissingMention[]): void {
  if (!filled(p?.lastName)) out.push(mention('patient_last_name'));
  if (!filled(p?.firstName)) out.push(mention('patient_first_name'));
}

function checkDateAndSignature(doc: StructuredDocument, signature: boolean, out: MissingMention[]): void {
  if (!filled(doc.date)) out.push(mention('document_date'));
  if (signature && doc.signed !== true) out.push(mention('signature'));
}

// CSP R5132-3: prescriber, patient (name, sex, age, weight where needed) and each line.
function checkPrescription(doc: StructuredDocument, out: MissingMention[]): void {
  const items = doc.items ?? [];
  checkPrescriber(doc.prescriber, true, out);
  checkDateAndSignature(doc, true, out);
  checkPatientName(doc.patient, out);
  if (!filled(doc.patient?.sex)) out.push(mention('patient_sex'));
  if (!filled(doc.patient?.birthDate)) out.push(mention('patient_birth_date'));
  const needsWeight =
    isMinorAt(doc.patient?.birthDate, doc.date) || items.some((i) => i.weightDependent === true);
  if (needsWeight && !(typeof doc.patient?.weightKg === 'number' && doc.patient.weightKg > 0)) {
    out.push(mention('patient_weight'));
  }
  if (items.length === 0) out.push(mention('prescription_items'));
  items.forEach((item, itemIndex) => {
    const where = { itemIndex };
    if (!filled(item.product)) out.push(mention('item_product', where));
    if ((item.itemKind ?? 'drug') === 'drug') {
      if (!filled(item.dosage)) out.push(mention('item_dosage', where));
      if (!filled(item.posology)) out.push(mention('item_posology', where));
      if (!filled(item.duration) && !filled(item.quantity))
        out.push(mention('item_duration_or_quantity', where));
    }
    if (
      item.nonSubstitutable === true &&
      !(nonSubstitutableReasons as readonly string[]).includes(
        (item.nonSubstitutableReason ?? '').trim().toUpperCase(),
      )
    ) {
      out.push(mention('item_non_substitutable_reason', where));
    }
    if (doc.kind === 'prescription_ald' && item.zone !== 'ald' && item.zone !== 'other') {
      out.push(mention('item_ald_zone', where));
    }
  });
  if (doc.kind === 'prescription_ald' && items.length > 0 && !items.some((i) => i.zone === 'ald')) {
    out.push(mention('ald_items'));
  }
}

// CSP R4127-76: facts personally observed, dated, signed, handed to the person concerned.
function checkCertificate(doc: StructuredDocument, out: MissingMention[]): void {
  const c = doc.certificate;
  checkPrescriber(doc.prescriber, false, out);
  checkDateAndSignature(doc, true, out);
  checkPatientName(doc.patient, out);
  if (!filled(doc.patient?.birthDate)) out.push(mention('patient_birth_date'));
  if (!filled(c?.examinationDate)) out.push(mention('certificate_examination_date'));
  else if (filled(doc.date) && c!.examinationDate! > doc.date!)
    out.push(mention('certificate_examination_after_writing'));
  if (!filled(c?.purpose)) out.push(mention('certificate_purpose'));
  if (!filled(c?.observations)) out.push(mention('certificate_observations'));
  if (c?.handedOver !== true) out.push(mention('certificate_handed_over'));
}

// CSP R1112-1-2: content of the liaison letter given at discharge.
function checkLiaisonLetter(doc: StructuredDocument, out: MissingMention[]): void {
  const l = doc.liaison;
  checkDateAndSignature(doc, true, out);
  checkPatientName(doc.patient, out);
  if (!filled(doc.patient?.birthDate)) out.push(mention('patient_birth_date'));
  if (!filled(l?.dischargingPractitioner)) out.push(mention('liaison_discharging_practitioner'));
  if (!filled(l?.attendingPhysician)) out.push(mention('liaison_attending_physician'));
  if (!filled(l?.reasonForStay)) out.push(mention('liaison_reason'));
  if (!filled(l?.staySummary)) out.push(mention('liaison_summary'));
  if (!Array.isArray(l?.dischargeTreatments)) out.push(mention('liaison_treatments'));
  else
    l.dischargeTreatments.forEach((t, itemIndex) => {
      if (!filled(t.product)) out.push(mention('liaison_treatment_product', { itemIndex }));
      if (!t.change) out.push(mention('liaison_treatment_change', { itemIndex }));
    });
  if (!filled(l?.followUp)) out.push(mention('liaison_follow_up'));
  if (l?.handedToPatient !== true) out.push(mention('liaison_handed_to_patient'));
}

function checkReport(
  doc: StructuredDocument,
  kind: 'consultation_report' | 'operative_report',
  out: MissingMention[],
) {
  const r = doc.report;
  if (!filled(r?.establishment)) out.push(mention('report_establishment'));
  if (!filled(doc.prescriber?.name)) out.push(mention('prescriber_name'));
  checkDateAndSignature(doc, true, out);
  checkPatientName(doc.patient, out);
  if (!filled(doc.patient?.sex)) out.push(mention('patient_sex'));
  if (!filled(doc.patient?.birthDate)) out.push(mention('patient_birth_date'));
  // RNIV 2021: the INS is shown on documents once the identity is qualified.
  if (doc.patient?.identityQualified === true && !filled(doc.patient.ins)) out.push(mention('patient_ins'));
  for (const section of r?.requiredSections ?? defaultReportSections[kind]) {
    if (!filled(r?.sections?.[section])) out.push(mention('report_section', { section }));
  }
}

/**
 * The legal mentions a document of this kind lacks, checked before validation. An empty list
 * means the document may be validated.
 */
export function checkMandatoryMentions(doc: StructuredDocument): MissingMention[] {
  const out: MissingMention[] = [];
  switch (doc.kind) {
    case 'prescription':
    case 'prescription_ald':
      checkPrescription(doc, out);
      break;
    case 'certificate':
      checkCertificate(doc, out);
      break;
    case 'liaison_letter':
      checkLiaisonLetter(doc, out);
      break;
    case 'consultation_report':
    case 'operative_report':
      checkReport(doc, doc.kind, out);
      break;
    default:
      checkPatientName(doc.patient, out);
      checkDateAndSignature(doc, documentKindRules[doc.kind].practitionerSignature, out);
      if (documentKindRules[doc.kind].practitionerSignature && !filled(doc.prescriber?.name)) {
        out.push(mention('prescriber_name'));
      }
  }
  return out;
}
