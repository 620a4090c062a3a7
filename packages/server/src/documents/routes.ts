import { DomainError } from '@pivot/core';
import {
  confidentialityCheckInput,
  documentActionInput,
  documentInput,
  documentKindSchema,
  languageSchema,
  mergeFields,
  type RichTextDoc,
  richTextDocSchema,
  sendingInput,
  snippetInput,
  spellCheckInput,
  templateInput,
  userTermsInput,
  validateSnippet,
  validateTemplate,
} from '@pivot/core/documents';
import { id, text, version } from '@pivot/core/input';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { auditFrom, auditOfPatientsFrom } from '../audit/index.ts';
import { updateVersioned } from '../db/versioned-update.ts';
import { actorOf } from '../http/request-context.ts';
import { documentVisibleTo } from '../patients/index.ts';
import { renderDocx, renderPdf } from './document-output.ts';
import {
  applyAction,
  createDocument,
  documentDetailsSchema,
  documentView,
  loadDocument,
  missingMentions,
  practitionerLetterhead,
  printedDocument,
  printFrame,
  reviseValidated,
} from './document-service.ts';
import { outboxMessages, processOutbox, transportsFor } from './outbox.ts';
import { confidentialityCheck, organizationWords, sendDocument, sendingsOf } from './sending-service.ts';
import { spellChecker } from './spell-checker.ts';
import { staffAndPatientNames, withoutCorrespondentNames, withoutNames } from './spelling-names.ts';

const idParams = z.object({ id });

const templateBody = templateInput.extend({ practitionerId: id.nullable().default(null) });
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

  /** A practitioner of the organisation (a letterhead belongs to one), else 404. */
  const loadSigner = async (organizationId: string, id: string) => {
    const user = await db.kysely
      .selectFrom('users')
      .select(['id'])
      .where('id', '=', id)
      .where('organization_id', '=', organizationId)
      .where('role', '=', 'practitioner')
      .executeTakeFirst();
    if (!user) throw new DomainError('not_found');
  };

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

  app.get(
    '/api/documents/merge-fields',
    {
      config: { permission: 'documents.read' },
      schema: { tags: ['documents'], summary: 'The merge fields a template may use, by group' },
    },
    async () => mergeFields,
  );

  app.get(
    '/api/documents/signers',
    {
      config: { permission: 'documents.read' },
      schema: { tags: ['documents'], summary: 'Practitioners who sign documents, with RPPS and specialty' },
    },
    async (request) =>
      db.kysely
        .selectFrom('users')
        .select(['id', 'display_name as displayName', 'specialty', 'rpps'])
        .where('organization_id', '=', actorOf(request).organizationId)
        .where('role', '=', 'practitioner')
        .where('active', '=', true)
        .orderBy('display_name')
        .execute(),
  );

  // Templates -------------------------------------------------------------------------------
  app.get(
    '/api/document-templates',
    {
      config: { permission: 'documents.read' },
      schema: {
        tags: ['documents'],
        summary: 'Active templates of the organisation and its practitioners',
        querystring: z.object({ kind: documentKindSchema.optional(), language: languageSchema.optional() }),
      },
    },
    async (request) => {
      const actor = actorOf(request);
      let query = db.kysely
        .selectFrom('document_templates')
        .selectAll()
        .where('organization_id', '=', actor.organizationId)
        .where('active', '=', true);
      if (request.query.kind) query = query.where('kind', '=', request.query.kind);
      if (request.query.language) query = query.where('language', '=', request.query.language);
      const rows = await query.orderBy('kind').orderBy('name').execute();
      return rows.map(templateView);
    },
  );

  app.post(
    '/api/document-templates',
    {
      config: { permission: 'documents.write' },
      schema: {
        tags: ['documents'],
        summary: 'Create a template (unknown merge fields refused)',
        body: templateBody,
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const fields = validateTemplate(request.body.content as RichTextDoc);
      const row = await db.kysely.transaction().execute(async (tx) => {
        const created = await tx
          .insertInto('document_templates')
          .values({
            organization_id: actor.organizationId,
            practitioner_id: request.body.practitionerId,
            name: request.body.name,
            kind: request.body.kind,
            language: request.body.language,
            content: JSON.stringify(request.body.content),
            merge_fields: JSON.stringify(fields),
          })
          .returningAll()
          .executeTakeFirstOrThrow();
        await auditFrom(actor)(tx, { action: 'create', entity: 'document_template', entityId: created.id });
        return created;
      });
      return reply.status(201).send(templateView(row));
    },
  );

  app.put(
    '/api/document-templates/:id',
    {
      config: { permission: 'documents.write' },
      schema: {
        tags: ['documents'],
        summary: 'Change a template',
        params: idParams,
        body: templateBody.extend({ version: version }),
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const fields = validateTemplate(request.body.content as RichTextDoc);
      await db.kysely.transaction().execute(async (tx) => {
        await updateVersioned(
          tx,
          'document_templates',
          { organizationId: actor.organizationId, id: request.params.id, version: request.body.version },
          {
            name: request.body.name,
            kind: request.body.kind,
            language: request.body.language,
            practitioner_id: request.body.practitionerId,
            content: JSON.stringify(request.body.content),
            merge_fields: JSON.stringify(fields),
            updated_at: new Date(),
          },
        );
        await auditFrom(actor)(tx, {
          action: 'update',
          entity: 'document_template',
          entityId: request.params.id,
        });
      });
      const row = await db.kysely
        .selectFrom('document_templates')
        .selectAll()
        .where('id', '=', request.params.id)
        .executeTakeFirstOrThrow();
      return templateView(row);
    },
  );

  app.delete(
    '/api/document-templates/:id',
    {
      config: { permission: 'documents.write' },
      schema: {
        tags: ['documents'],
        summary: 'Retire a template (documents made from it stay)',
        params: idParams,
      },
    },
    async (request) => {
      const actor = actorOf(request);
      await db.kysely.transaction().execute(async (tx) => {
        const result = await tx
          .updateTable('document_templates')
          .set({ active: false })
          .where('id', '=', request.params.id)
          .where('organization_id', '=', actor.organizationId)
          .executeTakeFirst();
        if (Number(result.numUpdatedRows) !== 1) throw new DomainError('not_found');
        await auditFrom(actor)(tx, {
          action: 'delete',
          entity: 'document_template',
          entityId: request.params.id,
        });
      });
      return { ok: true };
    },
  );

  app.get(
    '/api/practitioners/:id/letterhead',
    {
      config: { permission: 'documents.read' },
      schema: {
        tags: ['documents'],
        summary: 'Letterhead and signature block of a practitioner, and what prints without them',
        params: idParams,
      },
    },
    async (request) => {
      const actor = actorOf(request);
      await loadSigner(actor.organizationId, request.params.id);
      return practitionerLetterhead(db.kysely, actor.organizationId, request.params.id);
    },
  );

  app.put(
    '/api/practitioners/:id/letterhead',
    {
      config: { permission: 'documents.write' },
      schema: {
        tags: ['documents'],
        summary: 'Letterhead and signature block of a practitioner',
        params: idParams,
        body: z.object({ letterhead: text().max(2000), signature: text().max(1000) }),
      },
    },
    async (request) => {
      const actor = actorOf(request);
      await loadSigner(actor.organizationId, request.params.id);
      await db.kysely.transaction().execute(async (tx) => {
        await tx
          .insertInto('practitioner_letterheads')
          .values({
            organization_id: actor.organizationId,
            practitioner_id: request.params.id,
            letterhead: request.body.letterhead,
            signature: request.body.signature,
          })
          .onConflict((oc) =>
            oc.columns(['organization_id', 'practitioner_id']).doUpdateSet({
              letterhead: request.body.letterhead,
              signature: request.body.signature,
            }),
          )
          .execute();
        await auditFrom(actor)(tx, { action: 'update', entity: 'letterhead', entityId: request.params.id });
      });
      return request.body;
    },
  );

  // Snippets and medical words --------------------------------------------------------------
  app.get(
    '/api/snippets',
    { config: { permission: 'documents.read' }, schema: { tags: ['documents'], summary: 'Text snippets' } },
    async (request) =>
      db.kysely
        .selectFrom('document_snippets')
        .select(['id', 'shortcut', 'text', 'user_id as userId'])
        .where('organization_id', '=', actorOf(request).organizationId)
        .orderBy('shortcut')
        .execute(),
  );

  app.post(
    '/api/snippets',
    {
      config: { permission: 'documents.write' },
      schema: { tags: ['documents'], summary: 'Add a text snippet', body: snippetInput },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const row = await db.kysely.transaction().execute(async (tx) => {
        const existing = await tx
          .selectFrom('document_snippets')
          .select(['shortcut', 'text'])
          .where('organization_id', '=', actor.organizationId)
          .execute();
        const snippet = validateSnippet(request.body, existing);
        const created = await tx
          .insertInto('document_snippets')
          .values({ organization_id: actor.organizationId, user_id: null, ...snippet })
          .returning(['id', 'shortcut', 'text'])
          .executeTakeFirstOrThrow();
        await auditFrom(actor)(tx, { action: 'create', entity: 'snippet', entityId: created.id });
        return created;
      });
      return reply.status(201).send(row);
    },
  );

  app.delete(
    '/api/snippets/:id',
    {
      config: { permission: 'documents.write' },
      schema: { tags: ['documents'], summary: 'Remove a text snippet', params: idParams },
    },
    async (request) => {
      const actor = actorOf(request);
      await db.kysely.transaction().execute(async (tx) => {
        const removed = await tx
          .deleteFrom('document_snippets')
          .where('id', '=', request.params.id)
          .where('organization_id', '=', actor.organizationId)
          .returning('id')
          .executeTakeFirst();
        if (!removed) throw new DomainError('not_found');
        await auditFrom(actor)(tx, { action: 'delete', entity: 'snippet', entityId: request.params.id });
      });
      return { ok: true };
    },
  );

  app.get(
    '/api/medical-words',
    {
      config: { permission: 'documents.read' },
      schema: { tags: ['documents'], summary: 'Words the users added to the medical word list' },
    },
    async (request) => organizationWords(db.kysely, actorOf(request).organizationId),
  );

  app.post(
    '/api/medical-words',
    {
      config: { permission: 'documents.write' },
      schema: { tags: ['documents'], summary: 'Add words to the medical word list', body: userTermsInput },
    },
    async (request) => {
      const actor = actorOf(request);
      await db.kysely.transaction().execute(async (tx) => {
        for (const word of request.body.terms)
          await tx
            .insertInto('medical_words')
            .values({ organization_id: actor.organizationId, word, added_by: actor.userId })
            .onConflict((oc) => oc.columns(['organization_id', 'word']).doNothing())
            .execute();
        await auditFrom(actor)(tx, {
          action: 'create',
          entity: 'medical_words',
          details: { count: request.body.terms.length },
        });
      });
      return organizationWords(db.kysely, actor.organizationId);
    },
  );

  app.post(
    '/api/spell-check',
    {
      config: { permission: 'documents.read' },
      schema: {
        tags: ['documents'],
        summary: 'French and medical spell-check of a text (offsets of unknown words)',
        body: spellCheckInput.extend({ documentId: id.optional() }),
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const words = await organizationWords(db.kysely, actor.organizationId);
      const names = await staffAndPatientNames(db.kysely, actor.organizationId, request.body.documentId);
      const misspellings = withoutNames(
        await spellChecker(config.spellCheckerIdleSeconds * 1000).check(request.body.text, words),
        names,
      );
      return {
        misspellings: await withoutCorrespondentNames(db.kysely, actor.organizationId, misspellings),
      };
    },
  );

  app.post(
    '/api/spell-check/suggestions',
    {
      config: { permission: 'documents.read' },
      schema: {
        tags: ['documents'],
        summary: 'Spelling suggestions for one word',
        body: z.object({ word: text().trim().min(1).max(100) }),
      },
    },
    async (request) => ({
      suggestions: await spellChecker(config.spellCheckerIdleSeconds * 1000).suggest(request.body.word),
    }),
  );

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
      },
    },
    async (request) => {
      const actor = actorOf(request);
      let query = db.kysely
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
        .where('documents.organization_id', '=', actor.organizationId)
        .where('v.superseded_by', 'is', null)
        .where((eb) => documentVisibleTo(eb, actor.organizationId, actor));
      if (request.query.patientId) query = query.where('documents.patient_id', '=', request.query.patientId);
      if (request.query.status) query = query.where('v.status', '=', request.query.status);
      if (request.query.practitionerId)
        query = query.where('v.practitioner_id', '=', request.query.practitionerId);
      const rows = await query.orderBy('documents.created_at', 'desc').limit(200).execute();
      await db.kysely.transaction().execute(async (tx) => {
        await auditOfPatientsFrom(actor)(
          tx,
          { action: 'read', entity: 'documents', details: { count: rows.length } },
          rows.map((r) => r.patientId),
        );
      });
      return rows;
    },
  );

  app.post(
    '/api/documents',
    {
      config: { permission: 'documents.write' },
      schema: {
        tags: ['documents'],
        summary: 'Create a draft for a patient, from a template',
        body: createBody,
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
      },
    },
    async (request) => {
      const actor = actorOf(request);
      return db.kysely.transaction().execute(async (tx) => {
        const loaded = await loadDocument(tx, actor, request.params.id);
        const signer = actor.role === 'practitioner' ? actor.userId : null;
        const missing = await missingMentions(tx, actor.organizationId, loaded, signer);
        await auditFrom(actor)(tx, {
          action: 'read',
          entity: 'document',
          entityId: loaded.document.id,
          patientId: loaded.document.patient_id,
        });
        return documentView(loaded, missing);
      });
    },
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
        const actor = actorOf(request);
        const loaded = await loadDocument(db.kysely, actor, request.params.id);
        const frame = await printFrame(db.kysely, actor.organizationId, loaded);
        const content = printedDocument(loaded);
        const file = format === 'pdf' ? await renderPdf(content, frame) : await renderDocx(content, frame);
        await db.kysely.transaction().execute((tx) =>
          auditFrom(actor)(tx, {
            action: 'export',
            entity: 'document',
            entityId: loaded.document.id,
            patientId: loaded.document.patient_id,
            details: { format },
          }),
        );
        reply
          .header(
            'content-type',
            format === 'pdf'
              ? 'application/pdf'
              : 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
          )
          .header('content-disposition', `attachment; filename="document-${loaded.current.number}.${format}"`)
          .header('cache-control', 'private, no-store');
        return reply.send(file);
      },
    );
  }

  // Outbox ----------------------------------------------------------------------------------
  app.get(
    '/api/outbox',
    {
      config: { permission: 'documents.read' },
      schema: { tags: ['documents'], summary: 'Messages leaving the system and their state' },
    },
    async (request) => outboxMessages(db.kysely, actorOf(request)),
  );

  app.post(
    '/api/outbox/process',
    {
      config: { permission: 'documents.write' },
      schema: { tags: ['documents'], summary: 'Send the messages that are due now (the worker does it too)' },
    },
    async () => processOutbox(db.kysely, storage, transportsFor(config)),
  );

  app.post(
    '/api/outbox/:id/retry',
    {
      config: { permission: 'documents.write' },
      schema: { tags: ['documents'], summary: 'Retry a message now', params: idParams },
    },
    async (request) => {
      const actor = actorOf(request);
      const result = await db.kysely
        .updateTable('outbox_messages')
        .set({ status: 'pending', next_attempt_at: new Date() })
        .where('id', '=', request.params.id)
        .where('organization_id', '=', actor.organizationId)
        .where('status', 'in', ['pending', 'failed'])
        .executeTakeFirst();
      if (Number(result.numUpdatedRows) !== 1) throw new DomainError('not_found');
      return { ok: true };
    },
  );
}

function templateView(row: {
  id: string;
  practitioner_id: string | null;
  name: string;
  kind: string;
  language: string;
  content: unknown;
  merge_fields: string[];
  version: number;
}) {
  return {
    id: row.id,
    practitionerId: row.practitioner_id,
    name: row.name,
    kind: row.kind,
    language: row.language,
    content: row.content as RichTextDoc,
    mergeFields: row.merge_fields,
    version: row.version,
  };
}
