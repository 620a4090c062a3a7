import { DomainError } from '@pivot/core';
import { can } from '@pivot/core/auth';
import { complementaryInsuranceInput, exemptionInput, mandatoryInsuranceInput } from '@pivot/core/patients';
import {
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
import { auditFrom } from '../audit/audit-log.ts';
import type { Database } from '../db/schema.ts';
import { actorOf } from '../http/request-context.ts';
import { addCoverage, readCoverage, removeCoverage } from './coverage-service.ts';
import { loadPatient } from './patient-service.ts';
import { addRecordItem } from './record-items.ts';

const idParams = z.object({ id: z.uuid() });
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
      config: { permission: 'records.read' },
      schema: {
        tags: ['records'],
        summary: 'The record timeline, newest first, filtered by kind (the read is traced)',
        params: idParams,
        querystring: z.object({ kind: z.string().max(40).optional() }),
      },
    },
    async (request) => {
      const actor = actorOf(request);
      return db.kysely.transaction().execute(async (tx) => {
        await loadPatient(tx, actor.organizationId, request.params.id);
        let query = tx
          .selectFrom('record_items')
          .leftJoin('users', 'users.id', 'record_items.author_id')
          .leftJoin('attachments', 'attachments.id', 'record_items.attachment_id')
          .select([
            'record_items.id',
            'record_items.kind',
            'record_items.occurred_at',
            'record_items.title',
            'record_items.body',
            'record_items.confidentiality',
            'record_items.data',
            'record_items.attachment_id',
            'users.display_name as author',
            'attachments.file_name',
            'attachments.media_type',
            'attachments.classification',
          ])
          .where('record_items.patient_id', '=', request.params.id)
          .where('record_items.organization_id', '=', actor.organizationId);
        // CSP R4127-72: practitioner-only items stay invisible to the staff working under them.
        if (!can(actor.role, 'records.readConfidential'))
          query = query.where('record_items.confidentiality', '!=', 'practitioner_only');
        if (request.query.kind) query = query.where('record_items.kind', '=', request.query.kind);
        const items = await query.orderBy('record_items.occurred_at', 'desc').limit(1000).execute();
        await auditFrom(actor)(tx, {
          action: 'read',
          entity: 'record',
          entityId: request.params.id,
          patientId: request.params.id,
        });
        return items;
      });
    },
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
          title: z.string().trim().min(1).max(200),
          body: z.string().max(20_000).default(''),
          confidentiality: confidentiality.default('normal'),
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
          file = { name: part.filename, content };
        } else fields[part.fieldname] = String(part.value);
      }
      if (!file || file.content.length === 0) throw new DomainError('file_missing', { field: 'file' });
      const meta = z
        .object({
          classification: z.string().min(1).max(40),
          title: z.string().trim().max(200).optional(),
          confidentiality: confidentiality.default('normal'),
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
      config: { permission: 'records.read' },
      schema: {
        tags: ['records'],
        summary: 'The file of an attachment, for viewing in the browser (traced)',
        params: idParams,
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const attachment = await db.kysely
        .selectFrom('attachments')
        .innerJoin('record_items', 'record_items.attachment_id', 'attachments.id')
        .select([
          'attachments.id',
          'attachments.patient_id',
          'attachments.media_type',
          'attachments.storage_key',
          'record_items.confidentiality',
        ])
        .where('attachments.id', '=', request.params.id)
        .where('attachments.organization_id', '=', actor.organizationId)
        .executeTakeFirst();
      if (
        !attachment ||
        (attachment.confidentiality === 'practitioner_only' && !can(actor.role, 'records.readConfidential'))
      )
        throw new DomainError('not_found');
      const content = await storage.get(attachment.storage_key);
      await db.kysely.transaction().execute((tx) =>
        auditFrom(actor)(tx, {
          action: 'read',
          entity: 'attachment',
          entityId: attachment.id,
          patientId: attachment.patient_id,
        }),
      );
      reply
        .header('content-type', attachment.media_type)
        .header('content-disposition', 'inline')
        .header('cache-control', 'private, no-store');
      return reply.send(content);
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
        params: z.object({ id: z.uuid(), itemId: z.uuid() }),
      },
    },
    async (request) => {
      await removeCoverage(db, actorOf(request), request.params.id, request.params.itemId);
      return { ok: true };
    },
  );
}
