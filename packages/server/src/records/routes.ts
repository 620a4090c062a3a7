import { DomainError } from '@pivot/core';
import { calendarDate, id, isStorableText, text } from '@pivot/core/input';
import {
  breakGlassAccessSchema,
  breakGlassInput,
  classificationCategoryView,
  classificationPlanInput,
  createdRecordItemView,
  filedAttachmentView,
  timelineEntryView,
} from '@pivot/core/records';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../http/request-context.ts';
import { shownInAppFrame } from '../http/security-headers.ts';
import { fileAttachment, maxUploadBytes } from './attachment-service.ts';
import {
  breakGlass,
  myPatientsBreakGlassAccesses,
  patientBreakGlassAccesses,
} from './break-glass-service.ts';
import { activeClassificationPlan, replaceClassificationPlan } from './classification-service.ts';
import { confidentialityLevel } from './record-items.ts';
import { addNote, readAttachmentContent, readTimeline } from './record-service.ts';

const idParams = z.object({ id });

export async function recordRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { db, storage } = app;

  app.get(
    '/api/classification-plan',
    {
      config: { permission: 'records.read' },
      schema: {
        tags: ['records'],
        summary: 'The classification plan of attachments',
        response: { 200: z.array(classificationCategoryView) },
      },
    },
    async (request) => activeClassificationPlan(db, actorOf(request)),
  );

  app.put(
    '/api/classification-plan',
    {
      config: { permission: 'organization.manage' },
      schema: {
        tags: ['records'],
        summary: 'Replace the classification plan (retired categories stay for filed items)',
        body: classificationPlanInput,
        response: { 200: z.array(classificationCategoryView) },
      },
    },
    async (request) => replaceClassificationPlan(db, actorOf(request), request.body.categories),
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
        response: { 200: z.array(timelineEntryView) },
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
          confidentiality: confidentialityLevel.default('normal'),
          allowedUserIds: z.array(id).max(20).default([]),
        }),
        response: { 201: createdRecordItemView },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await addNote(db, actorOf(request), request.params.id, request.body)),
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
        response: { 201: filedAttachmentView },
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
      const result = await fileAttachment(db, storage, actor, request.params.id, file, fields);
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
}
