import {
  createdSnippetView,
  removedView,
  snippetInput,
  snippetView,
  spellCheckInput,
  spellCheckView,
  spellingSuggestionsView,
  userTermsInput,
} from '@pivot/core/documents';
import { id, text } from '@pivot/core/input';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../http/request-context.ts';
import {
  addMedicalWords,
  addSnippet,
  medicalWords,
  removeSnippet,
  snippets,
  spellCheck,
  spellingSuggestions,
} from './writing-aids-service.ts';

const tags = ['documents'];
const idParams = z.object({ id });

/** Text snippets, the medical word list and the spell-checker. */
export async function writingAidsRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { db, config } = app;
  const idleMs = config.spellCheckerIdleSeconds * 1000;

  app.get(
    '/api/snippets',
    {
      config: { permission: 'documents.read' },
      schema: { tags, summary: 'Text snippets', response: { 200: z.array(snippetView) } },
    },
    async (request) => snippets(db, actorOf(request)),
  );

  app.post(
    '/api/snippets',
    {
      config: { permission: 'documents.write' },
      schema: {
        tags,
        summary: 'Add a text snippet',
        body: snippetInput,
        response: { 201: createdSnippetView },
      },
    },
    async (request, reply) => reply.status(201).send(await addSnippet(db, actorOf(request), request.body)),
  );

  app.delete(
    '/api/snippets/:id',
    {
      config: { permission: 'documents.write' },
      schema: { tags, summary: 'Remove a text snippet', params: idParams, response: { 200: removedView } },
    },
    async (request) => removeSnippet(db, actorOf(request), request.params.id),
  );

  app.get(
    '/api/medical-words',
    {
      config: { permission: 'documents.read' },
      schema: {
        tags,
        summary: 'Words the users added to the medical word list',
        response: { 200: z.array(z.string()) },
      },
    },
    async (request) => medicalWords(db, actorOf(request)),
  );

  app.post(
    '/api/medical-words',
    {
      config: { permission: 'documents.write' },
      schema: {
        tags,
        summary: 'Add words to the medical word list',
        body: userTermsInput,
        response: { 200: z.array(z.string()) },
      },
    },
    async (request) => addMedicalWords(db, actorOf(request), request.body.terms),
  );

  app.post(
    '/api/spell-check',
    {
      config: { permission: 'documents.read' },
      schema: {
        tags,
        summary: 'French and medical spell-check of a text (offsets of unknown words)',
        body: spellCheckInput.extend({ documentId: id.optional() }),
        response: { 200: spellCheckView },
      },
    },
    async (request) => spellCheck(db, actorOf(request), idleMs, request.body),
  );

  app.post(
    '/api/spell-check/suggestions',
    {
      config: { permission: 'documents.read' },
      schema: {
        tags,
        summary: 'Spelling suggestions for one word',
        body: z.object({ word: text().trim().min(1).max(100) }),
        response: { 200: spellingSuggestionsView },
      },
    },
    async (request) => spellingSuggestions(idleMs, request.body.word),
  );
}
