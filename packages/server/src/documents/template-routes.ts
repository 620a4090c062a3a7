import {
  documentKindSchema,
  languageSchema,
  letterheadSettingsView,
  letterheadView,
  mergeFields,
  mergeFieldView,
  removedView,
  signerView,
  templateInput,
  templateView,
} from '@pivot/core/documents';
import { id, text, version } from '@pivot/core/input';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../http/request-context.ts';
import {
  changeTemplate,
  createTemplate,
  letterheadOf,
  removeTemplate,
  setLetterhead,
  signers,
  templates,
} from './template-service.ts';

const tags = ['documents'];
const idParams = z.object({ id });
const templateBody = templateInput.extend({ practitionerId: id.nullable().default(null) });

/** What frames a document before it is written: merge fields, signers, templates, letterheads. */
export async function templateRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { db } = app;

  app.get(
    '/api/documents/merge-fields',
    {
      config: { permission: 'documents.read' },
      schema: {
        tags,
        summary: 'The merge fields a template may use, by group',
        response: { 200: z.array(mergeFieldView).readonly() },
      },
    },
    async () => mergeFields,
  );

  app.get(
    '/api/documents/signers',
    {
      config: { permission: 'documents.read' },
      schema: {
        tags,
        summary: 'Practitioners who sign documents, with RPPS and specialty',
        response: { 200: z.array(signerView) },
      },
    },
    async (request) => signers(db, actorOf(request)),
  );

  app.get(
    '/api/document-templates',
    {
      config: { permission: 'documents.read' },
      schema: {
        tags,
        summary: 'Active templates of the organisation and its practitioners',
        querystring: z.object({ kind: documentKindSchema.optional(), language: languageSchema.optional() }),
        response: { 200: z.array(templateView) },
      },
    },
    async (request) => templates(db, actorOf(request), request.query),
  );

  app.post(
    '/api/document-templates',
    {
      config: { permission: 'documents.write' },
      schema: {
        tags,
        summary: 'Create a template (unknown merge fields refused)',
        body: templateBody,
        response: { 201: templateView },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await createTemplate(db, actorOf(request), request.body)),
  );

  app.put(
    '/api/document-templates/:id',
    {
      config: { permission: 'documents.write' },
      schema: {
        tags,
        summary: 'Change a template',
        params: idParams,
        body: templateBody.extend({ version: version }),
        response: { 200: templateView },
      },
    },
    async (request) => changeTemplate(db, actorOf(request), request.params.id, request.body),
  );

  app.delete(
    '/api/document-templates/:id',
    {
      config: { permission: 'documents.write' },
      schema: {
        tags,
        summary: 'Retire a template (documents made from it stay)',
        params: idParams,
        response: { 200: removedView },
      },
    },
    async (request) => removeTemplate(db, actorOf(request), request.params.id),
  );

  app.get(
    '/api/practitioners/:id/letterhead',
    {
      config: { permission: 'documents.read' },
      schema: {
        tags,
        summary: 'Letterhead and signature block of a practitioner, and what prints without them',
        params: idParams,
        response: { 200: letterheadView },
      },
    },
    async (request) => letterheadOf(db, actorOf(request), request.params.id),
  );

  app.put(
    '/api/practitioners/:id/letterhead',
    {
      config: { permission: 'documents.write' },
      schema: {
        tags,
        summary: 'Letterhead and signature block of a practitioner',
        params: idParams,
        body: z.object({ letterhead: text().max(2000), signature: text().max(1000) }),
        response: { 200: letterheadSettingsView },
      },
    },
    async (request) => setLetterhead(db, actorOf(request), request.params.id, request.body),
  );
}
