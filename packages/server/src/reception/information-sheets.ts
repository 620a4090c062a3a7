import { DomainError } from '@pivot/core';
import type { InformationSheetInput, SendSheetInput } from '@pivot/core/reception';
import type { Kysely } from 'kysely';
import PDFDocument from 'pdfkit';
import { auditFrom } from '../audit/index.ts';
import type { Db } from '../db/connection.ts';
import type { Database } from '../db/schema.ts';
import { embedPrintFonts, queueEmail } from '../documents/index.ts';
import type { Actor } from '../http/request-context.ts';
import { loadPatient } from '../patients/index.ts';
import { addRecordItem } from '../records/index.ts';
import { activeSheets, findSheet, insertSheet, organizationLetterhead, updateSheet } from './repository.ts';

type Tx = Kysely<Database>;
type Bilingual = { fr: string; en: string };

export interface InformationSheet {
  id: string;
  category: InformationSheetInput['category'];
  title: Bilingual;
  body: Bilingual;
  active: boolean;
  version: number;
}

function view(r: {
  id: string;
  category: string;
  title: Bilingual;
  body: Bilingual;
  active: boolean;
  version: number;
}): InformationSheet {
  return {
    id: r.id,
    category: r.category as InformationSheet['category'],
    title: r.title,
    body: r.body,
    active: r.active,
    version: r.version,
  };
}

export async function listSheets(tx: Tx, organizationId: string) {
  return (await activeSheets(tx, organizationId)).map(view);
}

export async function loadSheet(tx: Tx, organizationId: string, id: string) {
  const row = await findSheet(tx, organizationId, id);
  if (!row) throw new DomainError('not_found');
  return view(row);
}

/** The sheet as a PDF to print, under the organization's letterhead. */
export async function printableSheet(db: Db, actor: Actor, id: string, language: 'fr' | 'en') {
  const sheet = await loadSheet(db.kysely, actor.organizationId, id);
  const org = await organizationLetterhead(db.kysely, actor.organizationId);
  const a = org.address as Record<string, string>;
  const address = [a.line1, a.line2, [a.postalCode, a.city].filter(Boolean).join(' ')]
    .filter(Boolean)
    .join(', ');
  return sheetPdf(sheet, language, { name: org.name, address, phone: org.phone });
}

export async function saveSheet(
  db: Db,
  actor: Actor,
  input: InformationSheetInput & { active?: boolean | undefined },
  existing?: { id: string; version: number },
) {
  return db.kysely.transaction().execute(async (tx) => {
    let id: string;
    if (existing) {
      const updated = await updateSheet(tx, actor.organizationId, existing.id, existing.version, {
        category: input.category,
        title: JSON.stringify(input.title),
        body: JSON.stringify(input.body),
        active: input.active ?? true,
        updated_at: new Date(),
        version: existing.version + 1,
      });
      if (!updated) {
        await loadSheet(tx, actor.organizationId, existing.id);
        throw new DomainError('stale_version', { field: 'version' });
      }
      id = updated.id;
    } else {
      const inserted = await insertSheet(tx, actor.organizationId, {
        category: input.category,
        title: JSON.stringify(input.title),
        body: JSON.stringify(input.body),
        updated_at: new Date(),
      });
      id = inserted.id;
    }
    await auditFrom(actor)(tx, {
      action: existing ? 'update' : 'create',
      entity: 'information_sheet',
      entityId: id,
    });
    return loadSheet(tx, actor.organizationId, id);
  });
}

/** The printable sheet: the organization's name and address on top, the text below. */
export function sheetPdf(
  sheet: InformationSheet,
  language: 'fr' | 'en',
  organization: { name: string; address: string; phone: string },
): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ size: 'A4', margin: 56, info: { Title: sheet.title[language] } });
    const fonts = embedPrintFonts(doc);
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.font(fonts.bold).fontSize(11).text(organization.name);
    doc.font(fonts.regular).fontSize(9).fillColor('#555').text(organization.address);
    if (organization.phone) doc.text(organization.phone);
    doc.moveDown(2).fillColor('#000').font(fonts.bold).fontSize(16).text(sheet.title[language]);
    doc.moveDown();
    doc.font(fonts.regular).fontSize(11);
    for (const paragraph of sheet.body[language].split(/\n{2,}/)) {
      doc.text(paragraph.trim(), { align: 'left', lineGap: 2 });
      doc.moveDown(0.7);
    }
    doc.end();
  });
}

/** Sends the sheet to the patient by e-mail through the outbox (retried until delivered). */
export async function sendSheet(db: Db, actor: Actor, id: string, input: SendSheetInput) {
  return db.kysely.transaction().execute(async (tx) => {
    const sheet = await loadSheet(tx, actor.organizationId, id);
    const patient = await loadPatient(tx, actor.organizationId, input.patientId);
    const email = input.email ?? patient.email ?? null;
    if (!email) throw new DomainError('patient_email_missing', { field: 'email' });
    const outbox = await queueEmail(tx, actor.organizationId, {
      patientId: patient.id,
      recipient: email,
      subject: sheet.title[input.language],
      body: sheet.body[input.language],
    });
    await addRecordItem(tx, {
      organizationId: actor.organizationId,
      patientId: patient.id,
      kind: 'correspondence',
      title: 'information_sheet_sent',
      body: sheet.title[input.language],
      authorId: actor.userId,
      data: { sheetId: sheet.id, outboxId: outbox.id, language: input.language },
    });
    await auditFrom(actor)(tx, {
      action: 'send',
      entity: 'information_sheet',
      entityId: sheet.id,
      patientId: patient.id,
      details: { channel: 'email' },
    });
    return { outboxId: outbox.id };
  });
}
