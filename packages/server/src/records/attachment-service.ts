import { DomainError } from '@pivot/core';
import { can } from '@pivot/core/auth';
import { id, text } from '@pivot/core/input';
import { fileTypeFromBuffer } from 'file-type';
import { z } from 'zod';
import { auditFrom } from '../audit/index.ts';
import type { Db } from '../db/connection.ts';
import type { FileStorage } from '../files/storage.ts';
import type { Actor } from '../http/request-context.ts';
import { classificationPlan } from './classification-service.ts';
import { addRecordItem, confidentialityLevel, loadRecordPatient } from './record-items.ts';
import { insertAttachment } from './repository.ts';

export const maxUploadBytes = 10 * 1024 * 1024;
const acceptedTypes: Record<string, string[]> = {
  'application/pdf': ['pdf'],
  'image/jpeg': ['jpg', 'jpeg'],
  'image/png': ['png'],
  'image/tiff': ['tif', 'tiff'],
};

const attachmentFields = z.object({
  classification: text().min(1).max(40),
  title: text().trim().max(200).optional(),
  confidentiality: confidentialityLevel.default('normal'),
  /** Comma-separated account ids, for a restricted item. */
  allowedUserIds: text()
    .max(800)
    .transform((v) =>
      v
        .split(',')
        .map((userId) => userId.trim())
        .filter(Boolean),
    )
    .pipe(z.array(id).max(20))
    .default([]),
});

/**
 * Files an uploaded scan or file in a patient's record: the fields of the form are checked, the
 * content (not the name) decides the type, the file is stored, then the attachment and its record
 * item are written and traced in one transaction.
 */
export async function fileAttachment(
  db: Db,
  storage: FileStorage,
  actor: Actor,
  patientId: string,
  file: { name: string; content: Buffer } | undefined,
  fields: Record<string, string>,
) {
  if (!file || file.content.length === 0) throw new DomainError('file_missing', { field: 'file' });
  const meta = attachmentFields.safeParse(fields);
  if (!meta.success)
    throw new DomainError('validation_failed', {
      field: String(meta.error.issues[0]?.path[0] ?? 'classification'),
      params: { detail: meta.error.issues[0]?.message ?? '' },
    });
  // The content decides, not the name: a file called .pdf that is not a PDF is refused.
  const detected = await fileTypeFromBuffer(file.content);
  const extension = file.name.split('.').pop()?.toLowerCase() ?? '';
  const allowed = detected ? acceptedTypes[detected.mime] : undefined;
  if (!detected || !allowed?.includes(extension))
    throw new DomainError('file_type_mismatch', { field: 'file' });
  const plan = await classificationPlan(db.kysely, actor.organizationId);
  if (!plan.some((c) => c.code === meta.data.classification))
    throw new DomainError('classification_unknown', { field: 'classification' });
  if (meta.data.confidentiality === 'practitioner_only' && !can(actor.role, 'records.readConfidential'))
    throw new DomainError('forbidden', { field: 'confidentiality' });
  const stored = await storage.put(file.content);
  return db.kysely.transaction().execute(async (tx) => {
    const patient = await loadRecordPatient(tx, actor.organizationId, patientId, 'write');
    const attachmentId = await insertAttachment(tx, actor.organizationId, {
      patientId: patient.id,
      fileName: file.name.slice(0, 200),
      mediaType: detected.mime,
      sizeBytes: file.content.length,
      sha256: stored.sha256,
      storageKey: stored.key,
      classification: meta.data.classification,
      uploadedBy: actor.userId,
    });
    const itemId = await addRecordItem(tx, {
      organizationId: actor.organizationId,
      patientId: patient.id,
      kind: 'attachment',
      title: meta.data.title || file.name.slice(0, 200),
      confidentiality: meta.data.confidentiality,
      allowedUserIds: meta.data.allowedUserIds,
      attachmentId,
      authorId: actor.userId,
      data: { classification: meta.data.classification },
    });
    await auditFrom(actor)(tx, {
      action: 'create',
      entity: 'attachment',
      entityId: attachmentId,
      patientId: patient.id,
      details: { classification: meta.data.classification, bytes: file.content.length },
    });
    return { id: attachmentId, recordItemId: itemId, mediaType: detected.mime };
  });
}
