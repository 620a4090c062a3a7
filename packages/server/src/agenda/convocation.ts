import { DomainError } from '@pivot/core';
import { type NoticeContent, noticeContent } from '@pivot/core/agenda';
import type { Kysely } from 'kysely';
import PDFDocument from 'pdfkit';
import type { Database } from '../db/schema.ts';
import { embedPrintFonts } from '../documents/index.ts';
import { findConvocationSubject } from './notice-repository.ts';

type Tx = Kysely<Database>;

export interface ConvocationData {
  appointmentId: string;
  patientId: string;
  patientName: string;
  patientEmail: string | null;
  language: 'fr' | 'en';
  status: string;
  roomName: string | null;
  organizationName: string;
  organizationAddress: string;
  content: NoticeContent;
}

const addressText = (address: unknown) => {
  const a = (address ?? {}) as Record<string, string | undefined>;
  return [a.line1, a.line2, [a.postalCode, a.city].filter(Boolean).join(' ')].filter(Boolean).join(', ');
};

/**
 * What a convocation says about one appointment: date, place (the appointment's site, else the
 * practice), practitioner, motif, preparation and documents, in the patient's language unless the
 * caller chooses one.
 */
export async function loadConvocation(
  tx: Tx,
  organizationId: string,
  appointmentId: string,
  language?: 'fr' | 'en',
): Promise<ConvocationData> {
  const a = await findConvocationSubject(tx, organizationId, appointmentId);
  if (!a) throw new DomainError('not_found');
  const details = a.details as { email?: string | null; preferredLanguage?: string };
  const lang = language ?? (details.preferredLanguage === 'en' ? 'en' : 'fr');
  const siteAddress = addressText(a.site_address) || addressText(a.org_address);
  const content = noticeContent({
    kind: 'confirmation',
    language: lang,
    start: new Date(a.starts_at).getTime(),
    motif: {
      label: a.label,
      preparationInstructions: a.preparation_instructions,
      documentsToBring: a.documents_to_bring,
    },
    practitionerName: a.display_name,
    siteName: a.site_name ?? a.org_name,
    siteAddress: siteAddress || null,
    sitePhone: a.org_phone || null,
  });
  return {
    appointmentId: a.id,
    patientId: a.patient_id,
    patientName: `${a.used_name || a.birth_name} ${a.used_given_name || a.first_given_name}`,
    patientEmail: details.email ?? null,
    language: lang,
    status: a.status,
    roomName: a.room_name,
    organizationName: a.org_name,
    organizationAddress: addressText(a.org_address),
    content,
  };
}

const words = {
  fr: {
    title: 'Convocation',
    patient: 'Patient(e)',
    date: 'Date',
    time: 'Heure',
    practitioner: 'Praticien',
    motif: 'Motif',
    place: 'Lieu',
    room: 'Salle',
    preparation: 'Préparation',
    documents: 'Documents à apporter',
    cannotCome: (phone: string) => `Empêché(e) ? Merci de prévenir au ${phone}.`,
    cannotComeNoPhone: 'Empêché(e) ? Merci de nous prévenir au plus tôt.',
  },
  en: {
    title: 'Appointment notice',
    patient: 'Patient',
    date: 'Date',
    time: 'Time',
    practitioner: 'Practitioner',
    motif: 'Reason',
    place: 'Place',
    room: 'Room',
    preparation: 'Preparation',
    documents: 'Documents to bring',
    cannotCome: (phone: string) => `Cannot come? Please call ${phone}.`,
    cannotComeNoPhone: 'Cannot come? Please let us know as soon as possible.',
  },
} as const;

/** The convocation as an A4 PDF (pdfkit, as the invoices). */
export function convocationPdf(data: ConvocationData): Promise<Buffer> {
  const w = words[data.language];
  const c = data.content;
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({
      size: 'A4',
      margin: 56,
      info: { Producer: 'Pivot', Creator: 'Pivot', Title: w.title },
    });
    const fonts = embedPrintFonts(doc);
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.font(fonts.bold).fontSize(14).text(data.organizationName);
    doc.font(fonts.regular).fontSize(9);
    if (data.organizationAddress) doc.text(data.organizationAddress);
    if (c.sitePhone) doc.text(c.sitePhone);
    doc.moveDown(2);
    doc.font(fonts.bold).fontSize(20).text(w.title);
    doc.moveDown();
    const line = (label: string, value: string) => {
      doc.font(fonts.bold).fontSize(11).text(`${label} : `, { continued: true });
      doc.font(fonts.regular).text(value);
    };
    line(w.patient, data.patientName);
    line(w.date, c.dateText);
    line(w.time, c.timeText);
    line(w.practitioner, c.practitionerName);
    line(w.motif, c.motif);
    line(w.place, c.location);
    if (data.roomName) line(w.room, data.roomName);
    if (c.preparationInstructions) {
      doc.moveDown();
      doc.font(fonts.bold).fontSize(12).text(w.preparation);
      doc.font(fonts.regular).fontSize(11).text(c.preparationInstructions);
    }
    if (c.documentsToBring.length > 0) {
      doc.moveDown();
      doc.font(fonts.bold).fontSize(12).text(w.documents);
      doc.font(fonts.regular).fontSize(11);
      for (const d of c.documentsToBring) doc.text(`[  ]  ${d}`);
    }
    doc.moveDown(2);
    doc
      .font(fonts.italic)
      .fontSize(10)
      .text(c.sitePhone ? w.cannotCome(c.sitePhone) : w.cannotComeNoPhone);
    doc.end();
  });
}
