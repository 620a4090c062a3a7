import type { DocumentKind } from './document-kinds.ts';
import type { CertificateDetails, LiaisonDetails, PrescriptionItem } from './mandatory-mentions.ts';
import { formatDate } from './merge-fields.ts';
import type { RichTextDoc, RichTextNode } from './rich-text.ts';

type Language = 'fr' | 'en';

const words = {
  fr: {
    during: 'pendant',
    quantity: 'QSP',
    renewals: (n: number) => `à renouveler ${n} fois`,
    nonSubstitutable: 'Non substituable',
    // Headings of the two zones of the ALD form (cerfa n° 12708).
    aldZone:
      'Prescriptions relatives au traitement de l’affection de longue durée reconnue (liste ou hors liste) (AFFECTION EXONÉRANTE)',
    otherZone: 'Prescriptions SANS RAPPORT avec l’affection de longue durée (MALADIES INTERCURRENTES)',
    examinationDate: 'Date de l’examen',
    observations: 'Constatations',
    purpose: 'Certificat établi pour',
    handedOver: 'Certificat remis en main propre à l’intéressé(e).',
    dischargingPractitioner: 'Praticien ayant prescrit la sortie',
    attendingPhysician: 'Médecin traitant',
    reasonForStay: 'Motif de l’hospitalisation',
    staySummary: 'Synthèse du séjour',
    dischargeTreatments: 'Traitements de sortie',
    noDischargeTreatment: 'Aucun traitement à la sortie.',
    changes: { started: 'débuté', changed: 'modifié', stopped: 'arrêté', continued: 'poursuivi' },
    followUp: 'Suivi prévu',
    handedToPatient: 'Lettre remise au patient le jour de sa sortie et adressée à son médecin traitant.',
  },
  en: {
    during: 'for',
    quantity: 'quantity',
    renewals: (n: number) => `renew ${n} time${n > 1 ? 's' : ''}`,
    nonSubstitutable: 'Not substitutable',
    aldZone: 'Prescriptions related to the recognised long-term condition (ALD, 100 % cover)',
    otherZone: 'Prescriptions UNRELATED to the long-term condition',
    examinationDate: 'Date of examination',
    observations: 'Findings',
    purpose: 'Certificate issued for',
    handedOver: 'Certificate handed to the person concerned.',
    dischargingPractitioner: 'Discharging practitioner',
    attendingPhysician: 'Attending physician',
    reasonForStay: 'Reason for the stay',
    staySummary: 'Summary of the stay',
    dischargeTreatments: 'Treatments at discharge',
    noDischargeTreatment: 'No treatment at discharge.',
    changes: { started: 'started', changed: 'changed', stopped: 'stopped', continued: 'continued' },
    followUp: 'Planned follow-up',
    handedToPatient:
      'Letter given to the patient on the day of discharge and sent to the attending physician.',
  },
} as const;

const present = (value: string | null | undefined): value is string => !!value && value.trim() !== '';

/** One prescription line as printed: "Amoxicilline 1 g — 1 comprimé matin et soir — pendant 6 jours". */
export function prescriptionLineText(item: PrescriptionItem, language: Language): string {
  const w = words[language];
  const parts = [
    [item.product, item.dosage].filter(present).join(' '),
    item.posology,
    present(item.duration) ? `${w.during} ${item.duration!.trim()}` : null,
    present(item.quantity) ? `${w.quantity} ${item.quantity!.trim()}` : null,
    item.renewals ? w.renewals(item.renewals) : null,
    item.nonSubstitutable
      ? `${w.nonSubstitutable}${present(item.nonSubstitutableReason) ? ` (${item.nonSubstitutableReason})` : ''}`
      : null,
  ];
  return parts.filter(present).join(' — ');
}

const list = (items: readonly PrescriptionItem[], language: Language): RichTextNode => ({
  type: 'orderedList',
  attrs: { start: 1 },
  content: items.map((item) => ({
    type: 'listItem',
    content: [{ type: 'paragraph', content: [{ type: 'text', text: prescriptionLineText(item, language) }] }],
  })),
});

const heading = (text: string): RichTextNode => ({
  type: 'heading',
  attrs: { level: 3 },
  content: [{ type: 'text', text }],
});

const paragraph = (...runs: RichTextNode[]): RichTextNode => ({ type: 'paragraph', content: runs });
const bold = (text: string): RichTextNode => ({ type: 'text', text, marks: [{ type: 'bold' }] });
const plain = (text: string): RichTextNode => ({ type: 'text', text });

/** What a certificate states besides its text: examination date, findings, purpose, handing over. */
function certificateParagraphs(c: CertificateDetails | undefined, language: Language): RichTextNode[] {
  const w = words[language];
  const out: RichTextNode[] = [];
  if (present(c?.examinationDate))
    out.push(paragraph(bold(`${w.examinationDate} : `), plain(formatDate(c!.examinationDate!, language))));
  if (present(c?.observations)) {
    out.push(paragraph(bold(`${w.observations} :`)));
    for (const line of c!.observations!.split('\n').filter(present)) out.push(paragraph(plain(line)));
  }
  if (present(c?.purpose)) out.push(paragraph(bold(`${w.purpose} : `), plain(c!.purpose!.trim())));
  if (c?.handedOver) out.push(paragraph(plain(w.handedOver)));
  return out;
}

const textLines = (text: string) =>
  text
    .split('\n')
    .filter(present)
    .map((line) => paragraph(plain(line)));

/**
 * What a liaison letter states from its form (CSP R1112-1-2): the discharging practitioner and the
 * attending physician, the reason for and summary of the stay, each treatment at discharge with
 * whether it was started, changed, stopped or continued, the follow-up, the handing over.
 */
function liaisonParagraphs(l: LiaisonDetails | undefined, language: Language): RichTextNode[] {
  const w = words[language];
  const out: RichTextNode[] = [];
  const field = (label: string, value: string | null | undefined) => {
    if (present(value)) out.push(paragraph(bold(`${label} : `), plain(value.trim())));
  };
  const block = (label: string, value: string | null | undefined) => {
    if (!present(value)) return;
    out.push(heading(label), ...textLines(value));
  };
  field(w.dischargingPractitioner, l?.dischargingPractitioner);
  field(w.attendingPhysician, l?.attendingPhysician);
  block(w.reasonForStay, l?.reasonForStay);
  block(w.staySummary, l?.staySummary);
  const treatments = l?.dischargeTreatments;
  if (Array.isArray(treatments)) {
    const lines = treatments.filter((t) => present(t.product));
    out.push(heading(w.dischargeTreatments));
    if (lines.length === 0) out.push(paragraph(plain(w.noDischargeTreatment)));
    else
      out.push({
        type: 'bulletList',
        content: lines.map((t) => ({
          type: 'listItem',
          content: [
            paragraph(plain(t.change ? `${t.product!.trim()} — ${w.changes[t.change]}` : t.product!.trim())),
          ],
        })),
      });
  }
  block(w.followUp, l?.followUp);
  if (l?.handedToPatient) out.push(paragraph(plain(w.handedToPatient)));
  return out;
}

export interface PrintedDetails {
  items?: readonly PrescriptionItem[] | undefined;
  certificate?: CertificateDetails | undefined;
  liaison?: LiaisonDetails | undefined;
}

/**
 * The document as printed (PDF, DOCX, e-mailed): its text, then for a prescription its lines —
 * for the two-zone ALD form (bizone), the lines of the ALD zone under the upper heading and the
 * others under the lower one, as on the cerfa form —, for a certificate the examination date,
 * findings, purpose and handing over it states, and for a liaison letter what its form holds.
 * Other kinds print their text only.
 */
export function printedContent(
  content: RichTextDoc,
  kind: DocumentKind,
  details: PrintedDetails,
  language: Language,
): RichTextDoc {
  if (kind === 'certificate' || kind === 'liaison_letter') {
    const added =
      kind === 'certificate'
        ? certificateParagraphs(details.certificate, language)
        : liaisonParagraphs(details.liaison, language);
    return added.length === 0 ? content : { ...content, content: [...content.content, ...added] };
  }
  const lines = (details.items ?? []).filter((item) => present(item.product));
  if ((kind !== 'prescription' && kind !== 'prescription_ald') || lines.length === 0) return content;
  if (kind === 'prescription') return { ...content, content: [...content.content, list(lines, language)] };
  const ald = lines.filter((item) => item.zone === 'ald');
  const other = lines.filter((item) => item.zone !== 'ald');
  return {
    ...content,
    content: [
      ...content.content,
      heading(words[language].aldZone),
      ...(ald.length > 0 ? [list(ald, language)] : [{ type: 'paragraph' }]),
      heading(words[language].otherZone),
      ...(other.length > 0 ? [list(other, language)] : [{ type: 'paragraph' }]),
    ],
  };
}

/**
 * The labels `printedContent` writes for a kind, in the order it prints them: Pivot's own words,
 * which the confidentiality check does not count as written about the patient.
 */
export function printedLabels(kind: DocumentKind, language: Language): string[] {
  const w = words[language];
  switch (kind) {
    case 'certificate':
      return [w.examinationDate, w.observations, w.purpose, w.handedOver];
    case 'liaison_letter':
      return [
        w.dischargingPractitioner,
        w.attendingPhysician,
        w.reasonForStay,
        w.staySummary,
        w.dischargeTreatments,
        w.noDischargeTreatment,
        ...Object.values(w.changes),
        w.followUp,
        w.handedToPatient,
      ];
    case 'prescription':
    case 'prescription_ald':
      return [w.aldZone, w.otherZone, w.during, w.quantity, w.nonSubstitutable];
    default:
      return [];
  }
}
