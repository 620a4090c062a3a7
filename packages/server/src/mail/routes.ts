import { DomainError } from '@pivot/core';
import { id, isStorableText, text } from '@pivot/core/input';
import {
  annotateMail,
  assignMail,
  changeIncomingStatus,
  changeOutgoingStatus,
  fileScanInput,
  fileScanIntoRecord,
  incomingMailInput,
  incomingMailStatuses,
  incomingMailUpdateInput,
  linkMailToPatient,
  mailAnnotationInput,
  newIncomingMail,
  outgoingMailInput,
  outgoingMailStatusInput,
  trayCounters,
  trayOf,
} from '@pivot/core/mail';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { fileTypeFromBuffer } from 'file-type';
import { z } from 'zod';
import { auditFrom } from '../audit/index.ts';
import { assertReferences } from '../db/references.ts';
import { updateVersioned } from '../db/versioned-update.ts';
import { actorOf } from '../http/request-context.ts';
import {
  addRecordItem,
  classificationPlan,
  loadPatient,
  maxUploadBytes,
  todayInParis,
} from '../patients/index.ts';
import {
  checkAssignee,
  incomingFromRow,
  linkedPatients,
  loadIncoming,
  loadOutgoing,
  outgoingFromRow,
} from './mail-service.ts';

const idParams = z.object({ id });
const scanTypes: Record<string, string[]> = {
  'application/pdf': ['pdf'],
  'image/jpeg': ['jpg', 'jpeg'],
  'image/png': ['png'],
  'image/tiff': ['tif', 'tiff'],
};

async function assertPatient(
  tx: Parameters<typeof loadPatient>[0],
  organizationId: string,
  patientId: string | null | undefined,
) {
  if (!patientId) return;
  const patient = await loadPatient(tx, organizationId, patientId).catch(() => {
    throw new DomainError('not_found', { field: 'patientId' });
  });
  if (patient.mergedInto)
    throw new DomainError('patient_merged', { field: 'patientId', params: { survivor: patient.mergedInto } });
}

export async function mailRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { db, storage } = app;

  app.get(
    '/api/mail/assignees',
    {
      config: { permission: 'mail.read' },
      schema: { tags: ['mail'], summary: 'Practitioners and colleagues a mail can be assigned to' },
    },
    async (request) =>
      db.kysely
        .selectFrom('users')
        .select(['id', 'display_name as displayName', 'role'])
        .where('organization_id', '=', actorOf(request).organizationId)
        .where('active', '=', true)
        .where('role', 'in', ['practitioner', 'secretary'])
        .orderBy('display_name')
        .execute(),
  );

  app.get(
    '/api/mail/incoming',
    {
      config: { permission: 'mail.read' },
      schema: {
        tags: ['mail'],
        summary: 'The incoming mail register, newest first',
        querystring: z.object({
          status: z.enum(incomingMailStatuses).optional(),
          assigneeId: id.optional(),
          patientId: id.optional(),
        }),
      },
    },
    async (request) => {
      const actor = actorOf(request);
      let query = db.kysely
        .selectFrom('incoming_mail')
        .selectAll()
        .where('organization_id', '=', actor.organizationId);
      if (request.query.status) query = query.where('status', '=', request.query.status);
      if (request.query.assigneeId) query = query.where('assignee_id', '=', request.query.assigneeId);
      if (request.query.patientId) query = query.where('patient_id', '=', request.query.patientId);
      const rows = await query
        .orderBy('received_on', 'desc')
        .orderBy('created_at', 'desc')
        .limit(500)
        .execute();
      return db.kysely.transaction().execute(async (tx) => {
        const patients = await linkedPatients(
          tx,
          actor,
          rows.map((r) => r.patient_id),
          'incoming',
        );
        return rows.map((row) => ({
          ...incomingFromRow(row),
          patient: row.patient_id ? (patients.get(row.patient_id) ?? null) : null,
        }));
      });
    },
  );

  app.post(
    '/api/mail/incoming',
    {
      config: { permission: 'mail.write' },
      schema: { tags: ['mail'], summary: 'Register an incoming mail', body: incomingMailInput },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const input = request.body;
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
        const created = await tx
          .insertInto('incoming_mail')
          .values({
            organization_id: actor.organizationId,
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
          })
          .returningAll()
          .executeTakeFirstOrThrow();
        await auditFrom(actor)(tx, {
          action: 'create',
          entity: 'incoming_mail',
          entityId: created.id,
          patientId: mail.patientId,
        });
        return created;
      });
      return reply.status(201).send(incomingFromRow(row));
    },
  );

  app.post(
    '/api/mail/incoming/:id/scan',
    {
      config: { permission: 'mail.write' },
      schema: {
        tags: ['mail'],
        summary: 'Attach the scanned file (multipart: file; PDF, JPEG, PNG or TIFF, checked by content)',
        params: idParams,
        consumes: ['multipart/form-data'],
      },
    },
    async (request) => {
      const actor = actorOf(request);
      if (!request.isMultipart()) throw new DomainError('file_missing', { field: 'file' });
      let file: { name: string; content: Buffer } | undefined;
      for await (const part of request.parts({ limits: { fileSize: maxUploadBytes, files: 1 } })) {
        if (part.type === 'file') {
          const content = await part.toBuffer().catch((error: { code?: string }) => {
            if (error.code === 'FST_REQ_FILE_TOO_LARGE')
              throw new DomainError('file_too_large', {
                field: 'file',
                params: { max: maxUploadBytes / 1024 / 1024 },
              });
            throw error;
          });
          // The name is stored: it must be text PostgreSQL can hold, as every other field.
          if (!isStorableText(part.filename))
            throw new DomainError('text_invalid_character', { field: 'file' });
          file = { name: part.filename, content };
        }
      }
      if (!file || file.content.length === 0) throw new DomainError('file_missing', { field: 'file' });
      // The content decides, not the name: a file called .pdf that is not a PDF is refused.
      const detected = await fileTypeFromBuffer(file.content);
      const extension = file.name.split('.').pop()?.toLowerCase() ?? '';
      const allowed = detected ? scanTypes[detected.mime] : undefined;
      if (!detected || !allowed?.includes(extension))
        throw new DomainError('file_type_mismatch', { field: 'file' });
      const stored = await storage.put(file.content);
      const row = await db.kysely.transaction().execute(async (tx) => {
        const mail = await loadIncoming(tx, actor.organizationId, request.params.id);
        if (mail.status === 'archived') throw new DomainError('mail_archived');
        const updated = await tx
          .updateTable('incoming_mail')
          .set({
            scan_key: stored.key,
            scan_name: file.name.slice(0, 200),
            scan_media_type: detected.mime,
            version: mail.version + 1,
          })
          .where('id', '=', mail.id)
          .returningAll()
          .executeTakeFirstOrThrow();
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
    },
  );

  app.get(
    '/api/mail/incoming/:id/scan',
    {
      config: { permission: 'mail.read' },
      schema: { tags: ['mail'], summary: 'The scanned file (traced)', params: idParams },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const mail = await loadIncoming(db.kysely, actor.organizationId, request.params.id);
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
      reply
        .header('content-type', mail.scan_media_type)
        .header('content-disposition', 'inline')
        .header('cache-control', 'private, no-store');
      return reply.send(content);
    },
  );

  app.patch(
    '/api/mail/incoming/:id',
    {
      config: { permission: 'mail.write' },
      schema: {
        tags: ['mail'],
        summary: 'Change status, assignee, linked patient or due date',
        params: idParams,
        body: incomingMailUpdateInput,
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const body = request.body;
      return db.kysely.transaction().execute(async (tx) => {
        const row = await loadIncoming(tx, actor.organizationId, request.params.id);
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
    },
  );

  app.post(
    '/api/mail/incoming/:id/annotations',
    {
      config: { permission: 'mail.write' },
      schema: {
        tags: ['mail'],
        summary: 'Annotate an incoming mail',
        params: idParams,
        body: mailAnnotationInput,
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const mail = await db.kysely.transaction().execute(async (tx) => {
        const row = await loadIncoming(tx, actor.organizationId, request.params.id);
        const annotated = annotateMail(incomingFromRow(row), {
          authorId: actor.userId,
          at: new Date().toISOString(),
          text: request.body.text,
        });
        const updated = await tx
          .updateTable('incoming_mail')
          .set({ annotations: JSON.stringify(annotated.annotations), version: row.version + 1 })
          .where('id', '=', row.id)
          .returningAll()
          .executeTakeFirstOrThrow();
        await auditFrom(actor)(tx, {
          action: 'annotate',
          entity: 'incoming_mail',
          entityId: row.id,
          patientId: row.patient_id,
        });
        return updated;
      });
      return reply.status(201).send(incomingFromRow(mail));
    },
  );

  app.post(
    '/api/mail/incoming/:id/file-into-record',
    {
      config: { permission: 'mail.write' },
      schema: {
        tags: ['mail'],
        summary: 'File the scan into a patient record in one action (attachment, timeline, done)',
        params: idParams,
        body: fileScanInput.extend({ patientId: id }),
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const plan = await classificationPlan(db.kysely, actor.organizationId);
      if (!plan.some((c) => c.code === request.body.classificationCode))
        throw new DomainError('classification_unknown', { field: 'classificationCode' });
      return db.kysely.transaction().execute(async (tx) => {
        const row = await loadIncoming(tx, actor.organizationId, request.params.id);
        const patient = await loadPatient(tx, actor.organizationId, request.body.patientId);
        if (patient.mergedInto)
          throw new DomainError('patient_merged', {
            field: 'patientId',
            params: { survivor: patient.mergedInto },
          });
        const mail = incomingFromRow(row);
        // Rules checked before anything is written (scan present, not filed twice, not archived).
        fileScanIntoRecord(mail, { patientId: patient.id, attachmentId: 'pending' });
        const content = await storage.get(row.scan_key!);
        const attachment = await tx
          .insertInto('attachments')
          .values({
            organization_id: actor.organizationId,
            patient_id: patient.id,
            file_name: row.scan_name ?? 'courrier',
            media_type: row.scan_media_type ?? 'application/pdf',
            size_bytes: content.length,
            sha256: row.scan_key!,
            storage_key: row.scan_key!,
            classification: request.body.classificationCode,
            uploaded_by: actor.userId,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        const filed = fileScanIntoRecord(mail, { patientId: patient.id, attachmentId: attachment.id });
        await addRecordItem(tx, {
          organizationId: actor.organizationId,
          patientId: patient.id,
          kind: 'attachment',
          title: row.subject || row.scan_name || 'Courrier',
          attachmentId: attachment.id,
          authorId: actor.userId,
          data: { classification: request.body.classificationCode, incomingMailId: row.id },
        });
        await updateVersioned(
          tx,
          'incoming_mail',
          { organizationId: actor.organizationId, id: row.id, version: request.body.version },
          { patient_id: filed.patientId, status: filed.status, filed_attachment_id: attachment.id },
        );
        await auditFrom(actor)(tx, {
          action: 'file',
          entity: 'incoming_mail',
          entityId: row.id,
          patientId: patient.id,
          details: { attachmentId: attachment.id },
        });
        return incomingFromRow(await loadIncoming(tx, actor.organizationId, row.id));
      });
    },
  );

  app.get(
    '/api/mail/tray',
    {
      config: { permission: 'mail.read' },
      schema: {
        tags: ['mail'],
        summary: 'A tray (mine by default): open mail, overdue first, with counters',
        querystring: z.object({ assigneeId: id.optional() }),
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const assigneeId = request.query.assigneeId ?? actor.userId;
      const rows = await db.kysely
        .selectFrom('incoming_mail')
        .selectAll()
        .where('organization_id', '=', actor.organizationId)
        .where('status', 'in', ['to_process', 'in_progress'])
        .execute();
      const mails = rows.map(incomingFromRow);
      const today = todayInParis();
      const counters = trayCounters(mails, today);
      const items = trayOf(mails, assigneeId, today);
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
        items: items.map((m) => ({
          ...m,
          patient: m.patientId ? (patients.get(m.patientId) ?? null) : null,
        })),
      };
    },
  );

  app.get(
    '/api/mail/outgoing',
    {
      config: { permission: 'mail.read' },
      schema: { tags: ['mail'], summary: 'The outgoing mail register, newest first' },
    },
    async (request) => {
      const actor = actorOf(request);
      return db.kysely.transaction().execute(async (tx) => {
        const rows = await tx
          .selectFrom('outgoing_mail')
          .selectAll()
          .where('organization_id', '=', actor.organizationId)
          .orderBy('created_at', 'desc')
          .limit(500)
          .execute();
        const patients = await linkedPatients(
          tx,
          actor,
          rows.map((r) => r.patient_id),
          'outgoing',
        );
        return rows.map((row) => ({
          ...outgoingFromRow(row),
          patient: row.patient_id ? (patients.get(row.patient_id) ?? null) : null,
        }));
      });
    },
  );

  app.post(
    '/api/mail/outgoing',
    {
      config: { permission: 'mail.write' },
      schema: { tags: ['mail'], summary: 'Register an outgoing mail', body: outgoingMailInput },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const input = request.body;
      const row = await db.kysely.transaction().execute(async (tx) => {
        await assertPatient(tx, actor.organizationId, input.patientId);
        if (input.recipient.kind === 'directory') {
          await assertReferences(
            tx,
            actor.organizationId,
            'correspondents',
            [input.recipient.correspondentId],
            'recipient.correspondentId',
          );
        }
        const created = await tx
          .insertInto('outgoing_mail')
          .values({
            organization_id: actor.organizationId,
            patient_id: input.patientId,
            recipient: JSON.stringify(input.recipient),
            channel: input.channel,
            subject: input.subject,
            document_id: input.documentId,
            tracking_number: input.trackingNumber,
            created_by: actor.userId,
          })
          .returningAll()
          .executeTakeFirstOrThrow();
        await auditFrom(actor)(tx, {
          action: 'create',
          entity: 'outgoing_mail',
          entityId: created.id,
          patientId: input.patientId,
        });
        return created;
      });
      return reply.status(201).send(outgoingFromRow(row));
    },
  );

  app.post(
    '/api/mail/outgoing/:id/status',
    {
      config: { permission: 'mail.write' },
      schema: {
        tags: ['mail'],
        summary: 'Mark an outgoing mail sent, returned or to send again',
        params: idParams,
        body: outgoingMailStatusInput.extend({ trackingNumber: text().trim().max(40).optional() }),
      },
    },
    async (request) => {
      const actor = actorOf(request);
      return db.kysely.transaction().execute(async (tx) => {
        const row = await loadOutgoing(tx, actor.organizationId, request.params.id);
        const current = outgoingFromRow(row);
        const withTracking = request.body.trackingNumber
          ? { ...current, trackingNumber: request.body.trackingNumber }
          : current;
        const next = changeOutgoingStatus(withTracking, request.body.status, request.body.on);
        await updateVersioned(
          tx,
          'outgoing_mail',
          { organizationId: actor.organizationId, id: row.id, version: request.body.version },
          { status: next.status, sent_on: next.sentOn, tracking_number: next.trackingNumber },
        );
        await auditFrom(actor)(tx, {
          action: 'update',
          entity: 'outgoing_mail',
          entityId: row.id,
          patientId: row.patient_id,
          details: { status: next.status },
        });
        return outgoingFromRow(await loadOutgoing(tx, actor.organizationId, row.id));
      });
    },
  );
}
