import { DomainError } from '@pivot/core';
import { can } from '@pivot/core/auth';
import type { Kysely } from 'kysely';
import { auditFrom } from '../audit/index.ts';
import type { Db } from '../db/connection.ts';
import type { Database } from '../db/schema.ts';
import type { FileStorage } from '../files/storage.ts';
import type { Actor } from '../http/request-context.ts';
import { addRecordItem, type Confidentiality, loadRecordPatient } from './record-items.ts';
import {
  activeBreakGlass,
  type RecordItemFilter,
  visibleAttachment,
  visibleRecordItems,
} from './visibility-repository.ts';

/**
 * Opens a patient's record for the actor: a role that reads records, or one holding an unexpired
 * break-glass access to this patient. Says which access, for the audit entry of the read.
 */
export async function openRecord(
  tx: Kysely<Database>,
  actor: Actor,
  patientId: string,
): Promise<{ breakGlassId: string | null }> {
  const access = can(actor.role, 'records.breakGlass')
    ? await activeBreakGlass(tx, actor.organizationId, actor.userId, patientId)
    : undefined;
  if (!can(actor.role, 'records.read') && !access)
    throw new DomainError('break_glass_required', { field: 'reason' });
  return { breakGlassId: access?.id ?? null };
}

/** The timeline, newest first, and its search: only what the actor may see (the read is traced). */
export async function readTimeline(db: Db, actor: Actor, patientId: string, filter: RecordItemFilter) {
  return db.kysely.transaction().execute(async (tx) => {
    await loadRecordPatient(tx, actor.organizationId, patientId);
    const { breakGlassId } = await openRecord(tx, actor, patientId);
    const items = await visibleRecordItems(tx, actor.organizationId, actor, patientId, filter);
    await auditFrom(actor)(tx, {
      action: filter.text ? 'search' : 'read',
      entity: 'record',
      entityId: patientId,
      patientId,
      details: breakGlassId ? { breakGlassId } : {},
    });
    return items.map(({ author_id, allowed_user_ids, ...item }) => item);
  });
}

/** The file of an attachment the actor may see, else not_found (the read is traced). */
export async function readAttachmentContent(
  db: Db,
  storage: FileStorage,
  actor: Actor,
  attachmentId: string,
) {
  const attachment = await db.kysely.transaction().execute(async (tx) => {
    const found = await visibleAttachment(tx, actor.organizationId, actor, attachmentId);
    if (!found) throw new DomainError('not_found');
    const { breakGlassId } = await openRecord(tx, actor, found.patient_id);
    await auditFrom(actor)(tx, {
      action: 'read',
      entity: 'attachment',
      entityId: found.id,
      patientId: found.patient_id,
      details: breakGlassId ? { breakGlassId } : {},
    });
    return found;
  });
  return { mediaType: attachment.media_type, content: await storage.get(attachment.storage_key) };
}

/**
 * Every item of the record the actor may see, oldest first, for the patient's export; with the
 * break-glass access it went through, if any, for the audit entry.
 */
export async function exportableRecordItems(tx: Kysely<Database>, actor: Actor, patientId: string) {
  const access = can(actor.role, 'records.breakGlass')
    ? await activeBreakGlass(tx, actor.organizationId, actor.userId, patientId)
    : undefined;
  const items = await visibleRecordItems(tx, actor.organizationId, actor, patientId, {}, 100_000);
  return {
    items: items.reverse().map(({ author_id, allowed_user_ids, ...item }) => item),
    breakGlassId: access?.id ?? null,
  };
}

/** Adds a note to the record (practitioner-only notes by those who may read them), traced. */
export async function addNote(
  db: Db,
  actor: Actor,
  patientId: string,
  note: { title: string; body: string; confidentiality: Confidentiality; allowedUserIds: string[] },
) {
  if (note.confidentiality === 'practitioner_only' && !can(actor.role, 'records.readConfidential'))
    throw new DomainError('forbidden', { field: 'confidentiality' });
  const id = await db.kysely.transaction().execute(async (tx) => {
    const patient = await loadRecordPatient(tx, actor.organizationId, patientId, 'write');
    const itemId = await addRecordItem(tx, {
      organizationId: actor.organizationId,
      patientId: patient.id,
      kind: 'note',
      title: note.title,
      body: note.body,
      confidentiality: note.confidentiality,
      allowedUserIds: note.allowedUserIds,
      authorId: actor.userId,
    });
    await auditFrom(actor)(tx, {
      action: 'create',
      entity: 'record_item',
      entityId: itemId,
      patientId: patient.id,
    });
    return itemId;
  });
  return { id };
}
