import { DomainError } from '@pivot/core';
import { can } from '@pivot/core/auth';
import { calendarDate, id, isStorableText, text } from '@pivot/core/input';
import { complementaryInsuranceInput, exemptionInput, mandatoryInsuranceInput } from '@pivot/core/patients';
import {
  breakGlassAccessSchema,
  breakGlassInput,
  type ClassificationPlan,
  classificationPlanInput,
  defaultClassificationPlan,
  validateClassificationPlan,
} from '@pivot/core/records';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { fileTypeFromBuffer } from 'file-type';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { auditFrom } from '../audit/index.ts';
import type { Database } from '../db/schema.ts';
import { actorOf } from '../http/request-context.ts';
import { shownInAppFrame } from '../http/security-headers.ts';
import {
  breakGlass,
  myPatientsBreakGlassAccesses,
  patientBreakGlassAccesses,
} from './break-glass-service.ts';
import { addCoverage, readCoverage, removeCoverage } from './coverage-service.ts';
import { loadPatient } from './patient-service.ts';
import { addRecordItem } from './record-items.ts';
import { readAttachmentContent, readTimeline } from './record-service.ts';

const idParams = z.object({ id });
const confidentiality = z.enum(['normal', 'restricted', 'practitioner_only']);
export const maxUploadBytes = 10 * 1024 * 1024;
const acceptedTypes: Record<string, string[]> = {
  'application/pdf': ['pdf'],
  'image/jpeg': ['jpg', 'jpeg'],
  'image/png': ['png'],
  'image/tiff': ['tif', 'tiff'],
};

/** The organization's classification plan, or the default plan until an administrator adapts it. */
export async function classificationPlan(
  tx: Kysely<Database>,
  organizationId: string,
): Promise<ClassificationPlan> {
  const rows = await tx
    .selectFrom('classification_plan')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .orderBy('position')
    .execute();
  if (rows.length === 0) return defaultClassificationPlan;
  return rows.map((r) => ({
    code: r.code,
    labels: { fr: r.label_fr, en: r.label_en },
    parentCode: r.parent_code,
    active: r.active,
  }));
}

export async function recordRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { db, storage } = app;

  app.get(
    '/api/classification-plan',
    {
      config: { permission: 'records.read' },
      schema: { tags: ['records'], summary: 'The classification plan of attachments' },
    },
    async (request) =>
      (await classificationPlan(db.kysely, actorOf(request).organizationId)).filter((c) => c.active),
  );

  app.put(
    '/api/classification-plan',
    {
      config: { permission: 'organization.manage' },
      schema: {
        tags: ['records'],
        summary: 'Replace the classification plan (retired categories stay for filed items)',
        body: classificationPlanInput,
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const plan = request.body.categories;
      validateClassificationPlan(plan);
      await db.kysely.transaction().execute(async (tx) => {
        await tx
          .deleteFrom('classification_plan')
          .where('organization_id', '=', actor.organizationId)
          .execute();
        await tx
          .insertInto('classification_plan')
          .values(
            plan.map((c, i) => ({
              organization_id: actor.organizationId,
              code: c.code,
              label_fr: c.labels.fr,
              label_en: c.labels.en,
              parent_code: c.parentCode,
              position: i,
              active: c.active,
            })),
          )
          .execute();
        await auditFrom(actor)(tx, {
          action: 'update',
          entity: 'classification_plan',
          details: { categories: plan.length },
        });
      });
      return plan;
    },
  );

  app.get(
    '/api/patients/:id/timeline',
    {
      // Who sees which item is core's confidentiality rule, applied by readTimeline; an
      // administrator reads it only through a break-glass access.
      config: { permission: 'patients.read' },
      schema: {
        tags: ['records'],
        summary: 'The record timeline, newest first, filtered by kind, searched by text (the read is traced)',
        params: idParams,
        querystring: z.object({
          kind: text().max(40).optional(),
          text: text().trim().max(200).optional(),
          from: calendarDate.optional(),
          to: calendarDate.optional(),
        }),
      },
    },
    async (request) => readTimeline(db, actorOf(request), request.params.id, request.query),
  );

  app.post(
    '/api/patients/:id/break-glass',
    {
      config: { permission: 'records.breakGlass' },
      schema: {
        tags: ['records'],
        summary:
          'Emergency access to this record for a few hours, with a reason (traced, shown to practitioners)',
        params: idParams,
        body: breakGlassInput,
        response: { 201: breakGlassAccessSchema },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await breakGlass(db, actorOf(request), request.params.id, request.body)),
  );

  app.get(
    '/api/patients/:id/break-glass',
    {
      config: { permission: 'records.readConfidential' },
      schema: {
        tags: ['records'],
        summary: 'The emergency accesses to this record, with their reasons (traced)',
        params: idParams,
        response: { 200: z.array(breakGlassAccessSchema) },
      },
    },
    async (request) => patientBreakGlassAccesses(db, actorOf(request), request.params.id),
  );

  app.get(
    '/api/break-glass-accesses',
    {
      config: { permission: 'records.readConfidential' },
      schema: {
        tags: ['records'],
        summary: 'Emergency accesses of the last 90 days to my patients (traced)',
        response: { 200: z.array(breakGlassAccessSchema.extend({ patientName: z.string() })) },
      },
    },
    async (request) => myPatientsBreakGlassAccesses(db, actorOf(request)),
  );

  app.post(
    '/api/patients/:id/notes',
    {
      config: { permission: 'records.write' },
      schema: {
        tags: ['records'],
        summary: 'Add a note to the record',
        params: idParams,
        body: z.object({
          title: text().trim().min(1).max(200),
          body: text().max(20_000).default(''),
          confidentiality: confidentiality.default('normal'),
          allowedUserIds: z.array(id).max(20).default([]),
        }),
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      if (
        request.body.confidentiality === 'practitioner_only' &&
        !can(actor.role, 'records.readConfidential')
      )
        throw new DomainError('forbidden', { field: 'confidentiality' });
      const id = await db.kysely.transaction().execute(async (tx) => {
        const patient = await loadPatient(tx, actor.organizationId, request.params.id);
        if (patient.mergedInto)
          throw new DomainError('patient_merged', { params: { survivor: patient.mergedInto } });
        const itemId = await addRecordItem(tx, {
          organizationId: actor.organizationId,
          patientId: patient.id,
          kind: 'note',
          title: request.body.title,
          body: request.body.body,
          confidentiality: request.body.confidentiality,
          allowedUserIds: request.body.allowedUserIds,
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
      return reply.status(201).send({ id });
    },
  );

  app.post(
    '/api/patients/:id/attachments',
    {
      config: { permission: 'records.write' },
      schema: {
        tags: ['records'],
        summary: 'Upload a scan or file (multipart: file, classification, title, confidentiality)',
        params: idParams,
        consumes: ['multipart/form-data'],
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      if (!request.isMultipart()) throw new DomainError('file_missing', { field: 'file' });
      const fields: Record<string, string> = {};
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
        } else fields[part.fieldname] = String(part.value);
      }
      if (!file || file.content.length === 0) throw new DomainError('file_missing', { field: 'file' });
      const meta = z
        .object({
          classification: text().min(1).max(40),
          title: text().trim().max(200).optional(),
          confidentiality: confidentiality.default('normal'),
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
        })
        .safeParse(fields);
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
      const result = await db.kysely.transaction().execute(async (tx) => {
        const patient = await loadPatient(tx, actor.organizationId, request.params.id);
        if (patient.mergedInto)
          throw new DomainError('patient_merged', { params: { survivor: patient.mergedInto } });
        const attachment = await tx
          .insertInto('attachments')
          .values({
            organization_id: actor.organizationId,
            patient_id: patient.id,
            file_name: file.name.slice(0, 200),
            media_type: detected.mime,
            size_bytes: file.content.length,
            sha256: stored.sha256,
            storage_key: stored.key,
            classification: meta.data.classification,
            uploaded_by: actor.userId,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        const itemId = await addRecordItem(tx, {
          organizationId: actor.organizationId,
          patientId: patient.id,
          kind: 'attachment',
          title: meta.data.title || file.name.slice(0, 200),
          confidentiality: meta.data.confidentiality,
          allowedUserIds: meta.data.allowedUserIds,
          attachmentId: attachment.id,
          authorId: actor.userId,
          data: { classification: meta.data.classification },
        });
        await auditFrom(actor)(tx, {
          action: 'create',
          entity: 'attachment',
          entityId: attachment.id,
          patientId: patient.id,
          details: { classification: meta.data.classification, bytes: file.content.length },
        });
        return { id: attachment.id, recordItemId: itemId, mediaType: detected.mime };
      });
      return reply.status(201).send(result);
    },
  );

  app.get(
    '/api/attachments/:id/content',
    {
      config: { permission: 'patients.read' },
      // The record's viewer shows the file in a frame of the app itself.
      helmet: shownInAppFrame,
      schema: {
        tags: ['records'],
        summary: 'The file of an attachment, for viewing in the browser (traced)',
        params: idParams,
      },
    },
    async (request, reply) => {
      const file = await readAttachmentContent(db, storage, actorOf(request), request.params.id);
      reply
        .header('content-type', file.mediaType)
        .header('content-disposition', 'inline')
        .header('cache-control', 'private, no-store');
      return reply.send(file.content);
    },
  );

  app.get(
    '/api/patients/:id/coverage',
    {
      config: { permission: 'patients.read' },
      schema: {
        tags: ['patients'],
        summary: 'Mandatory and complementary insurance, exemptions',
        params: idParams,
      },
    },
    async (request) => readCoverage(db, actorOf(request), request.params.id),
  );

  const coverageBodies = {
    mandatory: mandatoryInsuranceInput,
    complementary: complementaryInsuranceInput,
    exemption: exemptionInput,
  } as const;
  for (const [kind, body] of Object.entries(coverageBodies) as [
    keyof typeof coverageBodies,
    (typeof coverageBodies)[keyof typeof coverageBodies],
  ][]) {
    app.post(
      `/api/patients/:id/coverage/${kind}`,
      {
        config: { permission: 'patients.write' },
        schema: { tags: ['patients'], summary: `Add ${kind} coverage`, params: idParams, body },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(await addCoverage(db, actorOf(request), request.params.id, kind, request.body)),
    );
  }

  app.delete(
    '/api/patients/:id/coverage/:itemId',
    {
      config: { permission: 'patients.write' },
      schema: {
        tags: ['patients'],
        summary: 'Remove a coverage line entered by mistake',
        params: z.object({ id: id, itemId: id }),
      },
    },
    async (request) => {
      await removeCoverage(db, actorOf(request), request.params.id, request.params.itemId);
      return { ok: true };
    },
  );
}
