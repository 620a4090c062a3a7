import { DomainError } from '@pivot/core';
import { correspondentDisplayName } from '@pivot/core/directory';
import {
  allowedDocumentActions,
  applyDocumentAction,
  assertMayValidate,
  checkMandatoryMentions,
  type DocumentAction,
  type DocumentActor,
  type DocumentKind,
  type DocumentStatus,
  type DocumentVersion,
  documentKindLabel,
  fillTemplate,
  formatAddress,
  type MergeContext,
  type MissingMention,
  type PostalAddress,
  printedContent,
  type RichTextDoc,
  reportSectionsFromContent,
  reviseDocument,
  richTextDoc,
  type StructuredDocument,
  structuredDocumentSchema,
} from '@pivot/core/documents';
import type { Kysely, Selectable } from 'kysely';
import { z } from 'zod';
import { auditFrom, auditOfPatientsFrom } from '../audit/index.ts';
import type { Db } from '../db/connection.ts';
import type { Database } from '../db/schema.ts';
import { updateVersioned } from '../db/versioned-update.ts';
import type { Actor } from '../http/request-context.ts';
import { loadPatient } from '../patients/index.ts';
import type { RecordReader } from '../records/index.ts';
import { type PrintFrame, renderDocx, renderPdf } from './document-output.ts';
import {
  currentDocuments,
  type DocumentFilter,
  documentVersions,
  findDocument,
  insertDocument,
  insertFirstVersion,
  insertRevision,
} from './document-repository.ts';
import {
  correspondentName,
  findLetterhead,
  findSignerUser,
  findTemplate,
  letterheadUser,
  organizationForLetterhead,
  organizationForMergeFields,
} from './repository.ts';
import type { DocumentVersionsTable } from './tables.ts';

/** The structured part of a document, checked for mandatory mentions (lines, certificate, liaison...). */
export const documentDetailsSchema = structuredDocumentSchema
  .pick({ items: true, certificate: true, liaison: true, report: true })
  .extend({ weightKg: z.number().positive().max(500).nullish() });
export type DocumentDetails = z.infer<typeof documentDetailsSchema>;

type VersionRow = Selectable<DocumentVersionsTable>;

function documentActorOf(actor: Actor): DocumentActor {
  return {
    userId: actor.userId,
    role: actor.role,
    practitionerId: actor.role === 'practitioner' ? actor.userId : null,
    at: new Date().toISOString(),
  };
}

async function loadPractitioner(tx: Kysely<Database>, organizationId: string, id: string) {
  const user = await findSignerUser(tx, organizationId, id);
  if (user?.role !== 'practitioner') throw new DomainError('not_found', { field: 'practitionerId' });
  return user;
}

/** "Dr Paul Durand" → title, first and last name for the merge fields. */
function splitDisplayName(name: string) {
  const parts = name.trim().split(/\s+/);
  const title = /^(Dr|Pr|Docteur|Professeur)\.?$/i.test(parts[0] ?? '') ? parts.shift()! : null;
  const lastName = parts.length > 1 ? parts.pop()! : (parts[0] ?? '');
  return { title, firstName: parts.join(' '), lastName };
}

export async function mergeContextFor(
  tx: Kysely<Database>,
  organizationId: string,
  patientId: string,
  practitionerId: string | null,
  documentDate: string,
  weightKg: number | null = null,
): Promise<MergeContext> {
  const patient = await loadPatient(tx, organizationId, patientId);
  const org = await organizationForMergeFields(tx, organizationId);
  const orgAddress = org.address as PostalAddress;
  const context: MergeContext = {
    documentDate,
    patient: {
      birthName: patient.birthName,
      firstGivenName: patient.birthGivenNames[0] ?? '',
      birthGivenNames: patient.birthGivenNames,
      usedName: patient.usedName,
      usedGivenName: patient.usedGivenName,
      birthDate: patient.birthDate,
      sex: patient.sex,
      ins: patient.identity.ins?.value ?? null,
      address: (patient.address as PostalAddress | null) ?? null,
      weightKg,
    },
    organization: {
      name: org.name,
      address: orgAddress,
      phone: org.phone || null,
      email: org.email || null,
      finess: org.finess || null,
    },
  };
  if (practitionerId) {
    const p = await loadPractitioner(tx, organizationId, practitionerId);
    context.practitioner = {
      ...splitDisplayName(p.display_name),
      specialty: p.specialty,
      rpps: p.rpps,
      address: orgAddress,
      phone: org.phone || null,
      email: p.email,
    };
  }
  return context;
}

function toCore(row: VersionRow, kind: DocumentKind): DocumentVersion {
  return {
    id: row.id,
    documentId: row.document_id,
    version: row.number,
    kind,
    status: row.status as DocumentStatus,
    patientId: row.patient_id,
    practitionerId: row.practitioner_id,
    content: row.content as RichTextDoc,
    supersedes: row.supersedes,
    supersededBy: row.superseded_by,
    validation:
      row.validated_by && row.validated_at
        ? { byUserId: row.validated_by, at: new Date(row.validated_at).toISOString() }
        : null,
    sentAt: row.sent_at ? new Date(row.sent_at).toISOString() : null,
    filedAt: row.filed_at ? new Date(row.filed_at).toISOString() : null,
  };
}

/**
 * Loads a document of the reader's organization, or not_found: also when a record item linking it
 * (its sending, its filing) is one the reader may not see (core's confidentiality rule).
 */
export async function loadDocument(
  tx: Kysely<Database>,
  reader: RecordReader & { organizationId: string },
  id: string,
) {
  const { organizationId } = reader;
  const document = await findDocument(tx, reader, id);
  if (!document) throw new DomainError('not_found');
  const versions = (await documentVersions(tx, organizationId, id)) as VersionRow[];
  const current = versions.filter((v) => v.superseded_by === null).at(-1) ?? versions.at(-1)!;
  return { document, versions, current, kind: document.kind as DocumentKind };
}

/**
 * The current version as printed, e-mailed and checked for confidentiality: its text, then its
 * prescription lines (under the two zones of the ALD form for a bizone prescription).
 */
export function printedDocument(loaded: Awaited<ReturnType<typeof loadDocument>>): RichTextDoc {
  const details = (loaded.current.details ?? {}) as DocumentDetails;
  return printedContent(
    loaded.current.content as RichTextDoc,
    loaded.kind,
    { items: details.items, certificate: details.certificate, liaison: details.liaison },
    loaded.document.language === 'en' ? 'en' : 'fr',
  );
}

/** The document as the mandatory-mentions check sees it: headers from the records, body from details. */
export async function structuredDocument(
  tx: Kysely<Database>,
  organizationId: string,
  loaded: Awaited<ReturnType<typeof loadDocument>>,
  signer: string | null,
): Promise<StructuredDocument> {
  const { document, current, kind } = loaded;
  const details = (current.details ?? {}) as DocumentDetails;
  const practitionerId = current.practitioner_id ?? signer;
  const context = await mergeContextFor(
    tx,
    organizationId,
    document.patient_id,
    practitionerId,
    document.document_date,
    details.weightKg ?? null,
  );
  const p = context.practitioner;
  const contact = p?.phone || p?.email || null;
  return {
    kind,
    date: document.document_date,
    // The practitioner's validation is the signature (electronic signature block on the output).
    signed: practitionerId !== null,
    prescriber: p
      ? {
          name: [p.firstName, p.lastName].filter(Boolean).join(' '),
          qualification: p.specialty,
          rpps: p.rpps,
          address: formatAddress(p.address),
          contact,
        }
      : {},
    patient: {
      lastName: context.patient?.birthName,
      firstName: context.patient?.firstGivenName,
      sex: context.patient?.sex,
      birthDate: context.patient?.birthDate,
      weightKg: details.weightKg ?? null,
      ins: context.patient?.ins,
    },
    items: details.items,
    certificate: details.certificate,
    liaison: details.liaison,
    report: {
      ...details.report,
      establishment: details.report?.establishment ?? context.organization?.name,
      // The sections written under their headings in the text, unless given as details.
      sections: {
        ...reportSectionsFromContent(current.content as RichTextDoc),
        ...Object.fromEntries(
          Object.entries(details.report?.sections ?? {}).filter(([, text]) => text && text.trim() !== ''),
        ),
      },
    },
  };
}

export async function missingMentions(
  tx: Kysely<Database>,
  organizationId: string,
  loaded: Awaited<ReturnType<typeof loadDocument>>,
  signer: string | null,
): Promise<MissingMention[]> {
  return checkMandatoryMentions(await structuredDocument(tx, organizationId, loaded, signer));
}

export function documentView(loaded: Awaited<ReturnType<typeof loadDocument>>, missing: MissingMention[]) {
  const { document, versions, current, kind } = loaded;
  return {
    id: document.id,
    patientId: document.patient_id,
    kind,
    language: document.language as 'fr' | 'en',
    title: document.title,
    documentDate: document.document_date,
    templateId: document.template_id,
    current: versionView(current),
    versions: versions.map(versionView),
    allowedActions: allowedDocumentActions(toCore(current, kind)),
    missingMentions: missing,
  };
}

function versionView(v: VersionRow) {
  return {
    id: v.id,
    number: v.number,
    status: v.status,
    practitionerId: v.practitioner_id,
    content: v.content as RichTextDoc,
    details: v.details,
    supersedes: v.supersedes,
    supersededBy: v.superseded_by,
    validatedBy: v.validated_by,
    validatedAt: v.validated_at,
    sentAt: v.sent_at,
    filedAt: v.filed_at,
    version: v.version,
  };
}

export interface CreateDocumentInput {
  kind: DocumentKind;
  patientId: string;
  practitionerId: string | null;
  templateId: string | null;
  language: 'fr' | 'en';
  documentDate: string;
  content?: RichTextDoc | undefined;
  details?: DocumentDetails | undefined;
  title?: string | undefined;
}

/**
 * What the records already say of a liaison letter: the signing practitioner discharges the patient
 * and the patient's attending physician (care team) receives it. The secretary completes the rest.
 */
async function liaisonDefaults(
  tx: Kysely<Database>,
  organizationId: string,
  attendingPhysicianId: string | null,
  practitionerId: string | null,
): Promise<NonNullable<DocumentDetails['liaison']>> {
  const signer = practitionerId ? await loadPractitioner(tx, organizationId, practitionerId) : undefined;
  const attending = attendingPhysicianId
    ? await correspondentName(tx, organizationId, attendingPhysicianId)
    : undefined;
  return {
    dischargingPractitioner: signer?.display_name ?? null,
    attendingPhysician: attending
      ? `Dr ${correspondentDisplayName({ kind: 'practitioner', familyName: attending.family_name, givenName: attending.given_name })}`
      : null,
  };
}

/** Creates a draft for a patient, filled from the template's merge fields. */
export async function createDocument(db: Db, actor: Actor, input: CreateDocumentInput) {
  return db.kysely.transaction().execute(async (tx) => {
    const patient = await loadPatient(tx, actor.organizationId, input.patientId);
    if (patient.mergedInto)
      throw new DomainError('patient_merged', {
        field: 'patientId',
        params: { survivorId: patient.mergedInto },
      });
    const practitionerId = input.practitionerId ?? (actor.role === 'practitioner' ? actor.userId : null);
    let content = input.content ?? richTextDoc('');
    let missingFields: string[] = [];
    let kind = input.kind;
    let language = input.language;
    if (input.templateId) {
      const template = await findTemplate(tx, actor.organizationId, input.templateId);
      if (!template) throw new DomainError('not_found', { field: 'templateId' });
      kind = template.kind as DocumentKind;
      language = template.language as 'fr' | 'en';
      const context = await mergeContextFor(
        tx,
        actor.organizationId,
        patient.id,
        practitionerId,
        input.documentDate,
        input.details?.weightKg ?? null,
      );
      const filled = fillTemplate(template.content as RichTextDoc, context, language);
      content = filled.doc;
      missingFields = filled.missing;
    }
    const details =
      kind === 'liaison_letter' && !input.details?.liaison
        ? {
            ...input.details,
            liaison: await liaisonDefaults(
              tx,
              actor.organizationId,
              patient.attendingPhysicianId,
              practitionerId,
            ),
          }
        : input.details;
    const title =
      input.title ??
      `${documentKindLabel(kind, language)} — ${patient.birthName} ${patient.birthGivenNames[0] ?? ''}`;
    const document = await insertDocument(tx, actor.organizationId, {
      patientId: patient.id,
      kind,
      language,
      title: title.trim().slice(0, 300),
      templateId: input.templateId,
      documentDate: input.documentDate,
      createdBy: actor.userId,
    });
    await insertFirstVersion(tx, actor.organizationId, {
      patientId: patient.id,
      documentId: document.id,
      practitionerId,
      content,
      details: details ?? {},
      createdBy: actor.userId,
    });
    await auditFrom(actor)(tx, {
      action: 'create',
      entity: 'document',
      entityId: document.id,
      patientId: patient.id,
      details: { kind, templateId: input.templateId, missingFields },
    });
    return { id: document.id, missingFields };
  });
}

export type ActionInput =
  | {
      kind: 'edit';
      version: number;
      content: RichTextDoc;
      practitionerId?: string | null;
      details?: DocumentDetails;
    }
  | { kind: 'submit' | 'return_to_draft' | 'validate' | 'file'; version: number };

/** One workflow action on the current version, in one transaction with its audit entry. */
export async function applyAction(db: Db, actor: Actor, documentId: string, input: ActionInput) {
  return db.kysely.transaction().execute(async (tx) => {
    const loaded = await loadDocument(tx, actor, documentId);
    const { current, kind } = loaded;
    const patient = await loadPatient(tx, actor.organizationId, loaded.document.patient_id);
    const docActor = documentActorOf(actor);
    let action: DocumentAction;
    if (input.kind === 'validate') {
      // The role rule first: a secretary gets the clear 403, not a list of mentions.
      assertMayValidate(toCore(current, kind), docActor);
      const missing = await missingMentions(tx, actor.organizationId, loaded, docActor.practitionerId);
      action = { kind: 'validate', missingMentions: missing };
      if (missing.length > 0)
        throw new DomainError('mandatory_mentions_missing', {
          params: { count: missing.length, mentions: missing.map((m) => m.code).join(', ') },
          details: { missingMentions: missing },
        });
    } else if (input.kind === 'edit') {
      if (input.practitionerId) await loadPractitioner(tx, actor.organizationId, input.practitionerId);
      action = {
        kind: 'edit',
        content: input.content,
        ...(input.practitionerId !== undefined ? { practitionerId: input.practitionerId } : {}),
      };
    } else action = { kind: input.kind };
    const { document: next, event } = applyDocumentAction(toCore(current, kind), action, docActor, {
      id: patient.id,
      mergedIntoId: patient.mergedInto,
    });
    const values: Record<string, unknown> = { status: next.status };
    if (input.kind === 'edit') {
      values.content = JSON.stringify(next.content);
      values.practitioner_id = next.practitionerId;
      if (input.details) values.details = JSON.stringify(input.details);
    }
    if (input.kind === 'validate') {
      values.validated_by = next.validation?.byUserId;
      values.validated_at = next.validation?.at;
      values.practitioner_id = next.practitionerId;
    }
    if (input.kind === 'file') values.filed_at = next.filedAt;
    await updateVersioned(
      tx,
      'document_versions',
      { organizationId: actor.organizationId, id: current.id, version: input.version },
      values,
    );
    await auditFrom(actor)(tx, {
      action: event.type,
      entity: 'document',
      entityId: documentId,
      patientId: patient.id,
      details: { version: current.number, status: next.status },
    });
    return { status: next.status };
  });
}

/** Corrects a validated document by a new draft version; the validated one is only superseded. */
export async function reviseValidated(
  db: Db,
  actor: Actor,
  documentId: string,
  input: { version: number; content: RichTextDoc },
) {
  return db.kysely.transaction().execute(async (tx) => {
    const loaded = await loadDocument(tx, actor, documentId);
    const patient = await loadPatient(tx, actor.organizationId, loaded.document.patient_id);
    const { superseded, revision, event } = reviseDocument(
      toCore(loaded.current, loaded.kind),
      { id: '00000000-0000-0000-0000-000000000000', content: input.content },
      documentActorOf(actor),
      { id: patient.id, mergedIntoId: patient.mergedInto },
    );
    const inserted = await insertRevision(tx, actor.organizationId, {
      patientId: patient.id,
      documentId,
      number: revision.version,
      practitionerId: revision.practitionerId,
      content: revision.content,
      details: loaded.current.details ?? {},
      supersedes: superseded.id,
      createdBy: actor.userId,
    });
    await updateVersioned(
      tx,
      'document_versions',
      { organizationId: actor.organizationId, id: superseded.id, version: input.version },
      { superseded_by: inserted.id },
    );
    await auditFrom(actor)(tx, {
      action: event.type,
      entity: 'document',
      entityId: documentId,
      patientId: patient.id,
      details: { version: revision.version },
    });
    return { versionId: inserted.id, number: revision.version };
  });
}

/**
 * The letterhead and signature block of a practitioner: their own when set (letterhead settings),
 * else built from the organisation (name, address, phone) and the practitioner (name, specialty,
 * RPPS). `defaults` are what prints when they have none.
 */
export async function practitionerLetterhead(
  tx: Kysely<Database>,
  organizationId: string,
  practitionerId: string | null,
) {
  const org = await organizationForLetterhead(tx, organizationId);
  const practitioner = practitionerId ? await letterheadUser(tx, organizationId, practitionerId) : undefined;
  const custom = practitionerId ? await findLetterhead(tx, organizationId, practitionerId) : undefined;
  const defaultLetterhead = [
    org.name,
    ...(practitioner
      ? [
          [practitioner.display_name, practitioner.specialty].filter(Boolean).join(' — '),
          practitioner.rpps ? `RPPS ${practitioner.rpps}` : '',
        ]
      : []),
    formatAddress(org.address as PostalAddress) ?? '',
    org.phone,
  ].filter((l): l is string => !!l);
  return {
    letterhead: custom?.letterhead ?? '',
    signature: custom?.signature ?? '',
    defaults: { letterhead: defaultLetterhead, signature: practitioner ? [practitioner.display_name] : [] },
  };
}

/** Letterhead lines and signature block of the signing practitioner, for PDF and DOCX. */
export async function printFrame(
  tx: Kysely<Database>,
  organizationId: string,
  loaded: Awaited<ReturnType<typeof loadDocument>>,
): Promise<PrintFrame> {
  const settings = await practitionerLetterhead(tx, organizationId, loaded.current.practitioner_id);
  const lines = (text: string) => text.split('\n').filter((l) => l.trim() !== '');
  const validated = loaded.current.validated_at !== null;
  const letterhead = settings.letterhead.trim() ? lines(settings.letterhead) : settings.defaults.letterhead;
  const signature = settings.signature.trim()
    ? lines(settings.signature)
    : settings.defaults.signature.length > 0
      ? [...settings.defaults.signature, ...(validated ? ['Signé électroniquement'] : [])]
      : [];
  return { title: loaded.document.title, letterhead, signature };
}

/** The documents (current versions) the actor may see; the list names patients: traced. */
export async function documentList(db: Db, actor: Actor, filter: DocumentFilter) {
  const rows = await currentDocuments(db.kysely, actor, filter);
  await db.kysely.transaction().execute(async (tx) => {
    await auditOfPatientsFrom(actor)(
      tx,
      { action: 'read', entity: 'documents', details: { count: rows.length } },
      rows.map((r) => r.patientId),
    );
  });
  return rows;
}

/** A document with its versions, allowed actions and missing mandatory mentions (traced). */
export async function documentDetail(db: Db, actor: Actor, documentId: string) {
  return db.kysely.transaction().execute(async (tx) => {
    const loaded = await loadDocument(tx, actor, documentId);
    const signer = actor.role === 'practitioner' ? actor.userId : null;
    const missing = await missingMentions(tx, actor.organizationId, loaded, signer);
    await auditFrom(actor)(tx, {
      action: 'read',
      entity: 'document',
      entityId: loaded.document.id,
      patientId: loaded.document.patient_id,
    });
    return documentView(loaded, missing);
  });
}

/** The current version printed as PDF or DOCX (A4, letterhead and signature); the export is traced. */
export async function documentFile(db: Db, actor: Actor, documentId: string, format: 'pdf' | 'docx') {
  const loaded = await loadDocument(db.kysely, actor, documentId);
  const frame = await printFrame(db.kysely, actor.organizationId, loaded);
  const content = printedDocument(loaded);
  const file = format === 'pdf' ? await renderPdf(content, frame) : await renderDocx(content, frame);
  await db.kysely.transaction().execute((tx) =>
    auditFrom(actor)(tx, {
      action: 'export',
      entity: 'document',
      entityId: loaded.document.id,
      patientId: loaded.document.patient_id,
      details: { format },
    }),
  );
  return { file, number: loaded.current.number };
}
