import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { documentVisibleTo, type RecordReader } from '../records/index.ts';

// The SQL of documents, their versions, their sendings and the outbox messages that carry them,
// as functions of (tx, organizationId, …). The outbox worker's statements (processOutbox) run for
// every organization at once: they take the message's id only.

type Tx = Kysely<Database>;

export interface DocumentFilter {
  patientId?: string | undefined;
  status?: 'draft' | 'to_validate' | 'validated' | 'sent' | 'filed' | undefined;
  practitionerId?: string | undefined;
}

/** The current version of each document the reader may see, newest first, at most 200. */
export function currentDocuments(
  tx: Tx,
  reader: RecordReader & { organizationId: string },
  filter: DocumentFilter,
) {
  let query = tx
    .selectFrom('documents')
    .innerJoin('document_versions as v', 'v.document_id', 'documents.id')
    .innerJoin('patients', 'patients.id', 'documents.patient_id')
    .select([
      'documents.id',
      'documents.kind',
      'documents.title',
      'documents.document_date as documentDate',
      'documents.patient_id as patientId',
      'patients.birth_name as patientBirthName',
      'patients.first_given_name as patientGivenName',
      'v.status',
      'v.number',
      'v.practitioner_id as practitionerId',
      'v.version',
    ])
    .where('documents.organization_id', '=', reader.organizationId)
    .where('v.superseded_by', 'is', null)
    .where((eb) => documentVisibleTo(eb, reader.organizationId, reader));
  if (filter.patientId) query = query.where('documents.patient_id', '=', filter.patientId);
  if (filter.status) query = query.where('v.status', '=', filter.status);
  if (filter.practitionerId) query = query.where('v.practitioner_id', '=', filter.practitionerId);
  return query.orderBy('documents.created_at', 'desc').limit(200).execute();
}

/** The document if the reader's organization has it and the reader may see it; undefined otherwise. */
export function findDocument(tx: Tx, reader: RecordReader & { organizationId: string }, id: string) {
  const { organizationId } = reader;
  return tx
    .selectFrom('documents')
    .selectAll()
    .where('id', '=', id)
    .where('organization_id', '=', organizationId)
    .where((eb) => documentVisibleTo(eb, organizationId, reader))
    .executeTakeFirst();
}

/** Every version of a document, in number order (empty when the organization has no such document). */
export function documentVersions(tx: Tx, organizationId: string, documentId: string) {
  return tx
    .selectFrom('document_versions')
    .selectAll()
    .where('document_id', '=', documentId)
    .where('organization_id', '=', organizationId)
    .orderBy('number')
    .execute();
}

/** Inserts a document (without a version yet); returns its id. */
export function insertDocument(
  tx: Tx,
  organizationId: string,
  document: {
    patientId: string;
    kind: string;
    language: string;
    title: string;
    templateId: string | null;
    documentDate: string;
    createdBy: string;
  },
) {
  return tx
    .insertInto('documents')
    .values({
      organization_id: organizationId,
      patient_id: document.patientId,
      kind: document.kind,
      language: document.language,
      title: document.title,
      template_id: document.templateId,
      document_date: document.documentDate,
      created_by: document.createdBy,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
}

/** Inserts the first version of a new document, a draft numbered 1. */
export function insertFirstVersion(
  tx: Tx,
  organizationId: string,
  version: {
    patientId: string;
    documentId: string;
    practitionerId: string | null;
    content: unknown;
    details: unknown;
    createdBy: string;
  },
) {
  return tx
    .insertInto('document_versions')
    .values({
      organization_id: organizationId,
      patient_id: version.patientId,
      document_id: version.documentId,
      number: 1,
      status: 'draft',
      practitioner_id: version.practitionerId,
      content: JSON.stringify(version.content),
      details: JSON.stringify(version.details),
      created_by: version.createdBy,
    })
    .execute();
}

/** Inserts a draft version that supersedes another (the correction of a validated one); returns its id. */
export function insertRevision(
  tx: Tx,
  organizationId: string,
  revision: {
    patientId: string;
    documentId: string;
    number: number;
    practitionerId: string | null;
    content: unknown;
    details: unknown;
    supersedes: string;
    createdBy: string;
  },
) {
  return tx
    .insertInto('document_versions')
    .values({
      organization_id: organizationId,
      patient_id: revision.patientId,
      document_id: revision.documentId,
      number: revision.number,
      status: 'draft',
      practitioner_id: revision.practitionerId,
      content: JSON.stringify(revision.content),
      details: JSON.stringify(revision.details),
      supersedes: revision.supersedes,
      created_by: revision.createdBy,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
}

/** The names of the patient of a document, undefined when the organization has no such document. */
export function documentPatientNames(tx: Tx, organizationId: string, documentId: string) {
  return tx
    .selectFrom('documents')
    .innerJoin('patients', 'patients.id', 'documents.patient_id')
    .select([
      'patients.birth_name',
      'patients.used_name',
      'patients.birth_given_names',
      'patients.used_given_name',
    ])
    .where('documents.id', '=', documentId)
    .where('documents.organization_id', '=', organizationId)
    .executeTakeFirst();
}

// --- sendings ------------------------------------------------------------------------------

/** The sendings of a document, oldest first, each with the state of its outbox message if any. */
export function listSendings(tx: Tx, organizationId: string, documentId: string) {
  return tx
    .selectFrom('document_sendings as s')
    .leftJoin('outbox_messages as o', 'o.sending_id', 's.id')
    .select([
      's.id',
      's.channel',
      's.recipient_name as recipientName',
      's.recipient_address as recipientAddress',
      's.recipient_category as recipientCategory',
      's.created_at as createdAt',
      'o.id as outboxId',
      'o.status as outboxStatus',
      'o.attempts',
      'o.last_error as lastError',
      'o.sent_at as sentAt',
    ])
    .where('s.document_id', '=', documentId)
    .where('s.organization_id', '=', organizationId)
    .orderBy('s.created_at')
    .execute();
}

/** Inserts the sending of a version to one recipient; returns its id. */
export function insertSending(
  tx: Tx,
  organizationId: string,
  sending: {
    patientId: string;
    documentId: string;
    versionId: string;
    channel: string;
    recipientCategory: string;
    recipientName: string;
    recipientAddress: string | null;
    correspondentId: string | null;
    confirmedTerms: readonly string[];
    sentBy: string;
  },
) {
  return tx
    .insertInto('document_sendings')
    .values({
      organization_id: organizationId,
      patient_id: sending.patientId,
      document_id: sending.documentId,
      version_id: sending.versionId,
      channel: sending.channel,
      recipient_category: sending.recipientCategory,
      recipient_name: sending.recipientName,
      recipient_address: sending.recipientAddress,
      correspondent_id: sending.correspondentId,
      confirmed_terms: JSON.stringify(sending.confirmedTerms),
      sent_by: sending.sentBy,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
}

// --- the outbox ----------------------------------------------------------------------------

/** Puts a message of a sending in the outbox, with its attachment already stored; returns its id. */
export function insertOutboxMessage(
  tx: Tx,
  organizationId: string,
  message: {
    patientId: string;
    sendingId: string;
    channel: 'email' | 'secure_messaging';
    recipient: string;
    subject: string;
    body: string;
    attachmentName: string;
    attachmentKey: string;
  },
) {
  return tx
    .insertInto('outbox_messages')
    .values({
      organization_id: organizationId,
      patient_id: message.patientId,
      sending_id: message.sendingId,
      channel: message.channel,
      recipient: message.recipient,
      subject: message.subject,
      body: message.body,
      attachment_name: message.attachmentName,
      attachment_key: message.attachmentKey,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
}

/** The pending messages due at `now`, of every organization, oldest first, at most 50. */
export function dueOutboxMessages(tx: Tx, now: Date) {
  return tx
    .selectFrom('outbox_messages')
    .selectAll()
    .where('status', '=', 'pending')
    .where('next_attempt_at', '<=', now)
    .orderBy('created_at')
    .limit(50)
    .execute();
}

/** Marks a pending message as being sent; false when another server claimed it first. */
export async function claimOutboxMessage(tx: Tx, id: string) {
  const claimed = await tx
    .updateTable('outbox_messages')
    .set({ status: 'sending' })
    .where('id', '=', id)
    .where('status', '=', 'pending')
    .executeTakeFirst();
  return Number(claimed.numUpdatedRows) === 1;
}

/** Marks a message sent now, after its `attempts`-th attempt. */
export function markOutboxMessageSent(tx: Tx, id: string, attempts: number) {
  return tx
    .updateTable('outbox_messages')
    .set({ status: 'sent', sent_at: new Date(), attempts, last_error: null })
    .where('id', '=', id)
    .execute();
}

/** Records a refused attempt: the message goes back to pending (or stays failed) with its error. */
export function markOutboxMessageRefused(
  tx: Tx,
  id: string,
  refusal: {
    status: 'pending' | 'failed';
    attempts: number;
    lastError: string;
    nextAttemptAt: Date;
  },
) {
  return tx
    .updateTable('outbox_messages')
    .set({
      status: refusal.status,
      attempts: refusal.attempts,
      last_error: refusal.lastError,
      next_attempt_at: refusal.nextAttemptAt,
    })
    .where('id', '=', id)
    .execute();
}

/** The organization's outbox messages, newest first, at most 200, with the patient each names. */
export function listOutboxMessages(tx: Tx, organizationId: string) {
  return tx
    .selectFrom('outbox_messages')
    .select([
      'id',
      'patient_id',
      'channel',
      'recipient',
      'subject',
      'status',
      'attempts',
      'last_error as lastError',
      'next_attempt_at as nextAttemptAt',
      'sent_at as sentAt',
      'created_at as createdAt',
    ])
    .where('organization_id', '=', organizationId)
    .orderBy('created_at', 'desc')
    .limit(200)
    .execute();
}

/** Puts a pending or failed message due now; false when the organization has no such message. */
export async function retryOutboxMessage(tx: Tx, organizationId: string, id: string) {
  const result = await tx
    .updateTable('outbox_messages')
    .set({ status: 'pending', next_attempt_at: new Date() })
    .where('id', '=', id)
    .where('organization_id', '=', organizationId)
    .where('status', 'in', ['pending', 'failed'])
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** An e-mail without attachment queued in the outbox; returns its id. */
export function insertQueuedEmail(
  tx: Tx,
  organizationId: string,
  email: { patientId: string | null; recipient: string; subject: string; body: string },
) {
  return tx
    .insertInto('outbox_messages')
    .values({
      organization_id: organizationId,
      patient_id: email.patientId,
      channel: 'email',
      recipient: email.recipient,
      subject: email.subject,
      body: email.body,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
}
