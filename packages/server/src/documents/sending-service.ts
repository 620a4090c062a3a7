import { DomainError } from '@pivot/core';
import {
  applyDocumentAction,
  checkBeforeSending,
  type DocumentKind,
  type DocumentStatus,
  printedLabels,
  type RichTextDoc,
  richTextPlainText,
  type SendingInput,
  templateFixedText,
  templateWordRanges,
} from '@pivot/core/documents';
import type { Kysely } from 'kysely';
import { auditFrom } from '../audit/index.ts';
import type { Db } from '../db/connection.ts';
import type { Database } from '../db/schema.ts';
import { updateVersioned } from '../db/versioned-update.ts';
import type { FileStorage } from '../files/storage.ts';
import type { Actor } from '../http/request-context.ts';
import { registerDocumentSentByPostIn } from '../mail/index.ts';
import { loadPatient } from '../patients/index.ts';
import { addRecordItem } from '../records/index.ts';
import { distributionListRecipients } from './distribution.ts';
import { renderPdf } from './document-output.ts';
import { insertOutboxMessage, insertSending, listSendings } from './document-repository.ts';
import { loadDocument, mergeContextFor, printedDocument, printFrame } from './document-service.ts';
import { medicalTermIndex } from './medical-reference.ts';
import { correspondentAddresses, findTemplate, organizationWords } from './repository.ts';

/**
 * The current version as checked for confidentiality: the printed content, its text, and where
 * the words of its template are in that text (the template it was made from, and the labels
 * Pivot prints for its kind), which the check leaves out.
 */
async function checkedDocument(
  tx: Kysely<Database>,
  organizationId: string,
  loaded: Awaited<ReturnType<typeof loadDocument>>,
) {
  const content = printedDocument(loaded);
  const text = richTextPlainText(content);
  const template = loaded.document.template_id
    ? await findTemplate(tx, organizationId, loaded.document.template_id)
    : undefined;
  const language = loaded.document.language === 'en' ? 'en' : 'fr';
  const templateText = [
    template ? templateFixedText(template.content as RichTextDoc) : '',
    ...printedLabels(loaded.kind, language),
  ].join('\n');
  // The names the merge fields fill in (the patient's, the practitioner's and specialty, the
  // practice's) say nothing of the patient's health, whatever eponym or specialty they spell.
  const context = await mergeContextFor(
    tx,
    organizationId,
    loaded.document.patient_id,
    loaded.current.practitioner_id,
    loaded.document.document_date,
  );
  const { patient, practitioner, organization } = context;
  const names = [
    patient?.birthName,
    ...(patient?.birthGivenNames ?? []),
    patient?.usedName,
    patient?.usedGivenName,
    practitioner?.firstName,
    practitioner?.lastName,
    practitioner?.specialty,
    organization?.name,
  ].filter((name): name is string => !!name);
  return { content, text, templateRanges: templateWordRanges(text, templateText, names) };
}

/**
 * The confidentiality check of the current version for each recipient category, with the text
 * as sent (its spans are offsets in it): a read of the document, traced.
 */
export async function confidentialityCheck(
  db: Db,
  actor: Actor,
  documentId: string,
  recipients: { category: SendingInput['recipients'][number]['category'] }[],
  confirmedTerms: string[],
  distributionListIds: readonly string[] = [],
) {
  return db.kysely.transaction().execute(async (tx) => {
    const loaded = await loadDocument(tx, actor, documentId);
    const members = await distributionListRecipients(tx, actor.organizationId, distributionListIds);
    const index = await medicalTermIndex(
      actor.organizationId,
      await organizationWords(tx, actor.organizationId),
    );
    const { text, templateRanges } = await checkedDocument(tx, actor.organizationId, loaded);
    const results = [...recipients, ...members].map((r) => ({
      category: r.category,
      ...checkBeforeSending(text, r, index, confirmedTerms, templateRanges),
    }));
    await auditFrom(actor)(tx, {
      action: 'read',
      entity: 'confidentiality_check',
      entityId: documentId,
      patientId: loaded.document.patient_id,
    });
    return { text, results };
  });
}

/** The sendings of a document with their outbox state: recipients of a patient's letter, traced. */
export async function sendingsOf(db: Db, actor: Actor, documentId: string) {
  return db.kysely.transaction().execute(async (tx) => {
    // Who may read the document is the record's rule (loadDocument), for its sendings too.
    const { document } = await loadDocument(tx, actor, documentId);
    const sendings = await listSendings(tx, actor.organizationId, documentId);
    await auditFrom(actor)(tx, {
      action: 'read',
      entity: 'document_sendings',
      entityId: documentId,
      patientId: document.patient_id,
    });
    return sendings;
  });
}

const outgoingChannelOf = {
  email: 'email',
  secure_messaging: 'secure_messaging',
  post: 'post',
  print: 'hand_delivered',
} as const;

/**
 * Sends the validated version: confidentiality confirmed for every non-health recipient, one
 * sending per recipient on the patient timeline, e-mails and secure messages put in the outbox
 * with the PDF, paper sendings in the outgoing mail register.
 */
export async function sendDocument(
  db: Db,
  storage: FileStorage,
  actor: Actor,
  documentId: string,
  input: SendingInput,
) {
  const loaded = await loadDocument(db.kysely, actor, documentId);
  const { content, text, templateRanges } = await checkedDocument(db.kysely, actor.organizationId, loaded);
  const index = await medicalTermIndex(
    actor.organizationId,
    await organizationWords(db.kysely, actor.organizationId),
  );
  // The members of the distribution lists follow the recipients chosen by hand, each once.
  const listed = await distributionListRecipients(
    db.kysely,
    actor.organizationId,
    input.distributionListIds,
    input.recipients.map((r) => r.correspondentId),
  );
  const chosen = [...input.recipients, ...listed];
  for (const [i, recipient] of chosen.entries()) {
    const check = checkBeforeSending(text, recipient, index, input.confirmedTerms, templateRanges);
    if (check.needsConfirmation)
      throw new DomainError('confidential_terms_unconfirmed', {
        field: `recipients.${i}`,
        params: { count: check.spans.length },
        details: { spans: check.spans },
      });
  }
  // Addresses come from the directory when the recipient is a correspondent.
  const recipients = await Promise.all(
    chosen.map(async (r) => {
      let address = r.email ?? null;
      if (r.correspondentId) {
        const c = await correspondentAddresses(db.kysely, actor.organizationId, r.correspondentId);
        if (!c) throw new DomainError('not_found', { field: 'recipients' });
        address = input.channel === 'secure_messaging' ? (c.secure_email ?? address) : (address ?? c.email);
      }
      if ((input.channel === 'email' || input.channel === 'secure_messaging') && !address)
        throw new DomainError('recipient_address_missing', { field: 'recipients', params: { name: r.name } });
      return { ...r, address };
    }),
  );
  const electronic = input.channel === 'email' || input.channel === 'secure_messaging';
  const frame = await printFrame(db.kysely, actor.organizationId, loaded);
  const stored = electronic ? await storage.put(await renderPdf(content, frame)) : null;
  const fileName = `${loaded.document.title.replace(/[^\p{L}\p{N} _-]+/gu, '').slice(0, 80) || 'document'}.pdf`;

  return db.kysely.transaction().execute(async (tx) => {
    const again = await loadDocument(tx, actor, documentId);
    const patient = await loadPatient(tx, actor.organizationId, again.document.patient_id);
    const current = again.current;
    const { document: next } = applyDocumentAction(
      {
        id: current.id,
        documentId,
        version: current.number,
        kind: again.kind as DocumentKind,
        status: current.status as DocumentStatus,
        patientId: current.patient_id,
        practitionerId: current.practitioner_id,
        content: current.content as RichTextDoc,
        supersedes: current.supersedes,
        supersededBy: current.superseded_by,
        validation: null,
        sentAt: current.sent_at ? new Date(current.sent_at).toISOString() : null,
        filedAt: null,
      },
      { kind: 'send' },
      { userId: actor.userId, role: actor.role, practitionerId: null, at: new Date().toISOString() },
      { id: patient.id, mergedIntoId: patient.mergedInto },
    );
    await updateVersioned(
      tx,
      'document_versions',
      { organizationId: actor.organizationId, id: current.id, version: input.version },
      { status: next.status, sent_at: next.sentAt },
    );
    const sendings: { id: string; outboxId: string | null }[] = [];
    for (const r of recipients) {
      const sending = await insertSending(tx, actor.organizationId, {
        patientId: patient.id,
        documentId,
        versionId: current.id,
        channel: input.channel,
        recipientCategory: r.category,
        recipientName: r.name,
        recipientAddress: r.address,
        correspondentId: r.correspondentId,
        confirmedTerms: input.confirmedTerms,
        sentBy: actor.userId,
      });
      let outboxId: string | null = null;
      if (electronic && stored) {
        const row = await insertOutboxMessage(tx, actor.organizationId, {
          patientId: patient.id,
          sendingId: sending.id,
          channel: input.channel as 'email' | 'secure_messaging',
          recipient: r.address!,
          subject: again.document.title,
          body:
            again.document.language === 'en'
              ? 'Please find the document attached.'
              : 'Veuillez trouver ci-joint le document.',
          attachmentName: fileName,
          attachmentKey: stored.key,
        });
        outboxId = row.id;
      } else {
        await registerDocumentSentByPostIn(tx, actor.organizationId, {
          patientId: patient.id,
          recipient: r.correspondentId
            ? { kind: 'directory', correspondentId: r.correspondentId, displayName: r.name }
            : { kind: 'free_text', name: r.name },
          channel: outgoingChannelOf[input.channel],
          subject: again.document.title,
          documentId,
          createdBy: actor.userId,
        });
      }
      await addRecordItem(tx, {
        organizationId: actor.organizationId,
        patientId: patient.id,
        kind: 'document_sent',
        title: again.document.title,
        body: `${r.name}${r.address ? ` <${r.address}>` : ''}`,
        authorId: actor.userId,
        data: {
          documentId,
          versionId: current.id,
          sendingId: sending.id,
          channel: input.channel,
          recipientCategory: r.category,
          outboxId,
        },
      });
      sendings.push({ id: sending.id, outboxId });
    }
    await auditFrom(actor)(tx, {
      action: 'send',
      entity: 'document',
      entityId: documentId,
      patientId: patient.id,
      details: {
        channel: input.channel,
        recipients: recipients.length,
        distributionLists: input.distributionListIds.length,
        confirmedTerms: input.confirmedTerms.length,
      },
    });
    return { status: next.status, sendings };
  });
}
