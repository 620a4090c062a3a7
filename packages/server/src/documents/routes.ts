import {
  confidentialityCheckInput,
  confidentialityCheckView,
  createdDocumentView,
  documentActionInput,
  documentInput,
  documentRevisionView,
  documentRowView,
  documentSendingView,
  documentStatusView,
  documentView,
  type RichTextDoc,
  richTextDocSchema,
  sendingInput,
  sendingResultView,
} from '@pivot/core/documents';
import { id, text, version } from '@pivot/core/input';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../http/request-context.ts';
import {
  applyAction,
  createDocument,
  documentDetail,
  documentDetailsSchema,
  documentFile,
  documentList,
  reviseValidated,
} from './document-service.ts';
import { warmMedicalTermIndex } from './medical-reference.ts';
import { processOutbox, transportsFor } from './outbox.ts';
import { outboxRoutes } from './outbox-routes.ts';
import { confidentialityCheck, sendDocument, sendingsOf } from './sending-service.ts';
import { templateRoutes } from './template-routes.ts';
import { writingAidsRoutes } from './writing-aids-routes.ts';

const idParams = z.object({ id });

const createBody = documentInput.extend({
  patientId: id,
  practitionerId: id.nullable().default(null),
  templateId: id.nullable().default(null),
  details: documentDetailsSchema.optional(),
  title: text().trim().min(1).max(300).optional(),
});
// Discriminated by kind, so a refusal names the field inside the chosen action, not the whole body.
const actionBody = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('edit'),
    version: version,
    content: richTextDocSchema,
    practitionerId: id.nullable().optional(),
    details: documentDetailsSchema.optional(),
  }),
  documentActionInput.options[1],
  documentActionInput.options[2],
  documentActionInput.options[3],
  documentActionInput.options[5],
]);

export async function documentsRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { db, storage, config } = app;

  if (config.outboxIntervalMs > 0) {
    const transports = transportsFor(config);
    let running = false;
    const timer = setInterval(() => {
      if (running) return;
      running = true;
      processOutbox(db.kysely, storage, transports)
        .catch((error: Error) => app.log.error({ err: error }, 'outbox failed'))
        .finally(() => {
          running = false;
        });
    }, config.outboxIntervalMs);
    timer.unref();
    app.addHook('onClose', async () => clearInterval(timer));
  }

  // The confidentiality check's index is built at start, in a worker (medical-reference.ts): the
  // first check no longer waits for it. In-process tests (inject) never listen, nor build it.
  app.addHook('onListen', async () => {
    void warmMedicalTermIndex();
  });

  await app.register(templateRoutes);
  await app.register(writingAidsRoutes);
  await app.register(outboxRoutes);

  // Documents --------------------------------------------------------------------------------
  app.get(
    '/api/documents',
    {
      config: { permission: 'documents.read' },
      schema: {
        tags: ['documents'],
        summary: 'Documents (current versions), by patient, status or signing practitioner',
        querystring: z.object({
          patientId: id.optional(),
          status: z.enum(['draft', 'to_validate', 'validated', 'sent', 'filed']).optional(),
          practitionerId: id.optional(),
        }),
        response: { 200: z.array(documentRowView) },
      },
    },
    async (request) => documentList(db, actorOf(request), request.query),
  );

  app.post(
    '/api/documents',
    {
      config: { permission: 'documents.write' },
      schema: {
        tags: ['documents'],
        summary: 'Create a draft for a patient, from a template',
        body: createBody,
        response: { 201: createdDocumentView },
      },
    },
    async (request, reply) => {
      const created = await createDocument(db, actorOf(request), request.body);
      return reply.status(201).send(created);
    },
  );

  app.get(
    '/api/documents/:id',
    {
      config: { permission: 'documents.read' },
      schema: {
        tags: ['documents'],
        summary: 'A document with its versions and checks (traced)',
        params: idParams,
        response: { 200: documentView },
      },
    },
    async (request) => documentDetail(db, actorOf(request), request.params.id),
  );

  app.post(
    '/api/documents/:id/actions',
    {
      config: { permission: 'documents.write' },
      schema: {
        tags: ['documents'],
        summary: 'Edit, submit, return to draft, validate (practitioner) or file the current version',
        params: idParams,
        body: actionBody,
        response: { 200: documentStatusView },
      },
    },
    async (request) => {
      const body = request.body;
      return applyAction(
        db,
        actorOf(request),
        request.params.id,
        body.kind === 'edit' ? { ...body, content: body.content as RichTextDoc } : body,
      );
    },
  );

  app.post(
    '/api/documents/:id/revisions',
    {
      config: { permission: 'documents.write' },
      schema: {
        tags: ['documents'],
        summary: 'Correct a validated document: a new version supersedes it',
        params: idParams,
        body: z.object({ version: version, content: richTextDocSchema }),
        response: { 201: documentRevisionView },
      },
    },
    async (request, reply) =>
      reply.status(201).send(
        await reviseValidated(db, actorOf(request), request.params.id, {
          version: request.body.version,
          content: request.body.content as RichTextDoc,
        }),
      ),
  );

  app.post(
    '/api/documents/:id/confidentiality-check',
    {
      config: { permission: 'documents.read' },
      schema: {
        tags: ['documents'],
        summary: 'Medical terms to confirm or remove before sending to non-health recipients',
        params: idParams,
        body: confidentialityCheckInput,
        response: { 200: confidentialityCheckView },
      },
    },
    async (request) => {
      return confidentialityCheck(
        db,
        actorOf(request),
        request.params.id,
        request.body.recipients,
        request.body.confirmedTerms,
        request.body.distributionListIds,
      );
    },
  );

  app.post(
    '/api/documents/:id/sendings',
    {
      config: { permission: 'documents.write' },
      schema: {
        tags: ['documents'],
        summary: 'Send the validated document (e-mail, secure messaging, post, print)',
        params: idParams,
        body: sendingInput,
        response: { 201: sendingResultView },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await sendDocument(db, storage, actorOf(request), request.params.id, request.body)),
  );

  app.get(
    '/api/documents/:id/sendings',
    {
      config: { permission: 'documents.read' },
      schema: {
        tags: ['documents'],
        summary: 'Sendings of a document with their outbox state',
        params: idParams,
        response: { 200: z.array(documentSendingView) },
      },
    },
    async (request) => sendingsOf(db, actorOf(request), request.params.id),
  );

  for (const format of ['pdf', 'docx'] as const) {
    app.get(
      `/api/documents/:id/${format}`,
      {
        config: { permission: 'documents.read' },
        schema: {
          tags: ['documents'],
          summary: `The current version as ${format.toUpperCase()} (A4; traced)`,
          params: idParams,
        },
      },
      async (request, reply) => {
        const { file, number } = await documentFile(db, actorOf(request), request.params.id, format);
        reply
          .header(
            'content-type',
            format === 'pdf'
              ? 'application/pdf'
              : 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
          )
          .header('content-disposition', `attachment; filename="document-${number}.${format}"`)
          .header('cache-control', 'private, no-store');
        return reply.send(file);
      },
    );
  }
}
