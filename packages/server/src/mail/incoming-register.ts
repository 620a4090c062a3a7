import { DomainError } from '@pivot/core';
import { parisToday } from '@pivot/core/calendar';
import {
  annotateMail,
  assignMail,
  changeIncomingStatus,
  fileScanIntoRecord,
  type IncomingMailInput,
  type IncomingMailStatus,
  linkMailToPatient,
  newIncomingMail,
  trayCounters,
  trayOf,
} from '@pivot/core/mail';
import { auditFrom } from '../audit/index.ts';
import type { Db } from '../db/connection.ts';
import { assertReferences } from '../db/references.ts';
import { updateVersioned } from '../db/versioned-update.ts';
import type { FileStorage } from '../files/storage.ts';
import type { Actor } from '../http/request-context.ts';
import { loadPatient } from '../patients/index.ts';
import { addRecordItem, classificationPlan, insertAttachment } from '../records/index.ts';
import {
  assertPatient,
  checkAssignee,
  incomingFromRow,
  linkedPatients,
  registerRow,
} from './mail-service.ts';
import {
  incomingRegister,
  insertIncoming,
  loadIncoming,
  openIncoming,
  updateIncoming,
} from './repository.ts';
import type { CheckedScan } from './scan-upload.ts';

/** The incoming mail register, newest first, each row with its linked patient (traced). */
export async function incomingMailList(
  db: Db,
  actor: Actor,
  filter: {
    status?: IncomingMailStatus | undefined;
    assigneeId?: string | undefined;
    patientId?: string | undefined;
  },
) {
  const rows = await incomingRegister(db.kysely, actor.organizationId, filter);
  return db.kysely.transaction().execute(async (tx) => {
    const patients = await linkedPatients(
      tx,
      actor,
      rows.map((r) => r.patient_id),
      'incoming',
    );
    return rows.map((row) => registerRow(incomingFromRow(row), patients));
  });
}

export async function registerIncoming(db: Db, actor: Actor, input: IncomingMailInput) {
  // The scan is attached afterwards (POST /api/mail/incoming/:id/scan): no file can be named yet.
  if (input.scanFileId !== null) throw new DomainError('reference_not_found', { field: 'scanFileId' });
  const mail = newIncomingMail({ ...input, id: '', scanFileId: null });
  const row = await db.kysely.transaction().execute(async (tx) => {
    await assertPatient(tx, actor.organizationId, mail.patientId);
    await checkAssignee(tx, actor.organizationId, mail.assigneeId);
    if (mail.sender.kind === 'directory') {
      await assertReferences(
        tx,
        actor.organizationId,
        'correspondents',
        [mail.sender.correspondentId],
        'sender.correspondentId',
      );
    }
    const created = await insertIncoming(tx, actor.organizationId, {
      patient_id: mail.patientId,
      received_on: mail.receivedOn,
      sender: JSON.stringify(mail.sender),
      kind: mail.kind,
      subject: mail.subject,
      assignee_id: mail.assigneeId,
      annotations: '[]',
      due_date: mail.dueDate,
      scan_key: null,
      scan_name: null,
      scan_media_type: null,
      filed_attachment_id: null,
      created_by: actor.userId,
    });
    await auditFrom(actor)(tx, {
      action: 'create',
      entity: 'incoming_mail',
      entityId: created.id,
      patientId: mail.patientId,
    });
    return created;
  });
  return incomingFromRow(row);
}

/** Attaches the scanned file (its type already checked by its content) to a mail not archived. */
export async function attachScan(db: Db, storage: FileStorage, actor: Actor, id: string, file: CheckedScan) {
  const stored = await storage.put(file.content);
  const row = await db.kysely.transaction().execute(async (tx) => {
    const mail = await loadIncoming(tx, actor.organizationId, id);
    if (mail.status === 'archived') throw new DomainError('mail_archived');
    const updated = await updateIncoming(tx, actor.organizationId, mail, {
      scan_key: stored.key,
      scan_name: file.name.slice(0, 200),
      scan_media_type: file.mediaType,
    });
    await auditFrom(actor)(tx, {
      action: 'update',
      entity: 'incoming_mail',
      entityId: mail.id,
      patientId: mail.patient_id,
      details: { scan: true, bytes: file.content.length },
    });
    return updated;
  });
  return incomingFromRow(row);
}

/** The scanned file of a mail and its media type; reading it is traced. */
export async function scanOf(db: Db, storage: FileStorage, actor: Actor, id: string) {
  const mail = await loadIncoming(db.kysely, actor.organizationId, id);
  if (!mail.scan_key || !mail.scan_media_type) throw new DomainError('not_found');
  const content = await storage.get(mail.scan_key);
  await db.kysely.transaction().execute((tx) =>
    auditFrom(actor)(tx, {
      action: 'read',
      entity: 'incoming_mail',
      entityId: mail.id,
      patientId: mail.patient_id,
    }),
  );
  return { content, mediaType: mail.scan_media_type };
}

export interface IncomingMailUpdate {
  version: number;
  status?: IncomingMailStatus | undefined;
  assigneeId?: string | null | undefined;
  patientId?: string | null | undefined;
  dueDate?: string | null | undefined;
}

/** Changes status, assignee, linked patient or due date, each by core's register rules. */
export async function updateIncomingMail(db: Db, actor: Actor, id: string, body: IncomingMailUpdate) {
  return db.kysely.transaction().execute(async (tx) => {
    const row = await loadIncoming(tx, actor.organizationId, id);
    let mail = incomingFromRow(row);
    if (body.assigneeId !== undefined) {
      await checkAssignee(tx, actor.organizationId, body.assigneeId);
      mail = { ...assignMail(mail, body.assigneeId), version: mail.version };
    }
    if (body.patientId !== undefined) {
      await assertPatient(tx, actor.organizationId, body.patientId);
      mail = { ...linkMailToPatient(mail, body.patientId), version: mail.version };
    }
    if (body.dueDate !== undefined) {
      if (mail.status === 'archived') throw new DomainError('mail_archived');
      if (body.dueDate !== null && body.dueDate < mail.receivedOn)
        throw new DomainError('mail_due_before_received', { field: 'dueDate' });
      mail = { ...mail, dueDate: body.dueDate };
    }
    if (body.status !== undefined && body.status !== mail.status)
      mail = { ...changeIncomingStatus(mail, body.status), version: mail.version };
    await updateVersioned(
      tx,
      'incoming_mail',
      { organizationId: actor.organizationId, id: mail.id, version: body.version },
      {
        assignee_id: mail.assigneeId,
        patient_id: mail.patientId,
        due_date: mail.dueDate,
        status: mail.status,
      },
    );
    await auditFrom(actor)(tx, {
      action: 'update',
      entity: 'incoming_mail',
      entityId: mail.id,
      patientId: mail.patientId,
      details: { fields: Object.keys(body).filter((k) => k !== 'version') },
    });
    return incomingFromRow(await loadIncoming(tx, actor.organizationId, mail.id));
  });
}

export async function annotateIncoming(db: Db, actor: Actor, id: string, text: string) {
  const mail = await db.kysely.transaction().execute(async (tx) => {
    const row = await loadIncoming(tx, actor.organizationId, id);
    const annotated = annotateMail(incomingFromRow(row), {
      authorId: actor.userId,
      at: new Date().toISOString(),
      text,
    });
    const updated = await updateIncoming(tx, actor.organizationId, row, {
      annotations: JSON.stringify(annotated.annotations),
    });
    await auditFrom(actor)(tx, {
      action: 'annotate',
      entity: 'incoming_mail',
      entityId: row.id,
      patientId: row.patient_id,
    });
    return updated;
  });
  return incomingFromRow(mail);
}

/** Files the scan into a patient record in one action: attachment, timeline item, mail done. */
export async function fileIntoRecord(
  db: Db,
  storage: FileStorage,
  actor: Actor,
  id: string,
  body: { version: number; patientId: string; classificationCode: string },
) {
  const plan = await classificationPlan(db.kysely, actor.organizationId);
  if (!plan.some((c) => c.code === body.classificationCode))
    throw new DomainError('classification_unknown', { field: 'classificationCode' });
  return db.kysely.transaction().execute(async (tx) => {
    const row = await loadIncoming(tx, actor.organizationId, id);
    const patient = await loadPatient(tx, actor.organizationId, body.patientId);
    if (patient.mergedInto)
      throw new DomainError('patient_merged', {
        field: 'patientId',
        params: { survivor: patient.mergedInto },
      });
    const mail = incomingFromRow(row);
    // Rules checked before anything is written (scan present, not filed twice, not archived).
    fileScanIntoRecord(mail, { patientId: patient.id, attachmentId: 'pending' });
    const content = await storage.get(row.scan_key!);
    // The scan's storage key is its content's SHA-256 (files/storage.ts).
    const attachmentId = await insertAttachment(tx, actor.organizationId, {
      patientId: patient.id,
      fileName: row.scan_name ?? 'courrier',
      mediaType: row.scan_media_type ?? 'application/pdf',
      sizeBytes: content.length,
      sha256: row.scan_key!,
      storageKey: row.scan_key!,
      classification: body.classificationCode,
      uploadedBy: actor.userId,
    });
    const filed = fileScanIntoRecord(mail, { patientId: patient.id, attachmentId });
    await addRecordItem(tx, {
      organizationId: actor.organizationId,
      patientId: patient.id,
      kind: 'attachment',
      title: row.subject || row.scan_name || 'Courrier',
      attachmentId,
      authorId: actor.userId,
      data: { classification: body.classificationCode, incomingMailId: row.id },
    });
    await updateVersioned(
      tx,
      'incoming_mail',
      { organizationId: actor.organizationId, id: row.id, version: body.version },
      { patient_id: filed.patientId, status: filed.status, filed_attachment_id: attachmentId },
    );
    await auditFrom(actor)(tx, {
      action: 'file',
      entity: 'incoming_mail',
      entityId: row.id,
      patientId: patient.id,
      details: { attachmentId },
    });
    return incomingFromRow(await loadIncoming(tx, actor.organizationId, row.id));
  });
}

/** A tray (the actor's by default): open mail, overdue first, with the counters of every tray. */
export async function tray(db: Db, actor: Actor, assigneeId: string = actor.userId) {
  const rows = await openIncoming(db.kysely, actor.organizationId);
  const mails = rows.map(incomingFromRow);
  const today = parisToday();
  const counters = trayCounters(mails, today);
  // The same rows, filtered and sorted: each keeps its version.
  const items = trayOf(mails, assigneeId, today) as typeof mails;
  const patients = await db.kysely.transaction().execute((tx) =>
    linkedPatients(
      tx,
      actor,
      items.map((m) => m.patientId),
      'tray',
    ),
  );
  return {
    assigneeId,
    counter: counters.byAssignee[assigneeId] ?? { toProcess: 0, inProgress: 0, overdue: 0, open: 0 },
    unassigned: counters.unassigned,
    byAssignee: counters.byAssignee,
    items: items.map((m) => registerRow(m, patients)),
  };
}
