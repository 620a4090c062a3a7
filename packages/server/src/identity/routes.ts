import {
  duplicateCandidateView,
  duplicatePairView,
  mergeResultView,
  mergeUndoneView,
  okView,
  patientMergeView,
} from '@pivot/core/identity';
import { id } from '@pivot/core/input';
import { patientRegistrationInput } from '@pivot/core/patients';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../http/request-context.ts';
import { decideDifferentPersons, duplicateCandidates } from './duplicate-check.ts';
import { mergePatients, mergesOf, undoMerge } from './merge-service.ts';
import { duplicateWorklist } from './worklist.ts';

const idParams = z.object({ id });
const duplicateCheckInput = z.object({
  birthName: patientRegistrationInput.shape.birthName,
  birthGivenNames: patientRegistrationInput.shape.birthGivenNames,
  birthDate: patientRegistrationInput.shape.birthDate,
  sex: patientRegistrationInput.shape.sex,
  usedName: patientRegistrationInput.shape.usedName,
  usedGivenName: patientRegistrationInput.shape.usedGivenName,
  nir: patientRegistrationInput.shape.nir,
  excludeId: id.optional(),
});

/** Identity vigilance: duplicate candidates and decisions, merges and their undoing. */
export async function identityRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { db } = app;

  app.post(
    '/api/patients/duplicates',
    {
      config: { permission: 'patients.read' },
      schema: {
        tags: ['patients'],
        summary: 'Duplicate candidates for these traits, with reasons and score',
        body: duplicateCheckInput,
        response: { 200: z.array(duplicateCandidateView) },
      },
    },
    async (request) => {
      const { excludeId, ...traits } = request.body;
      return duplicateCandidates(db, actorOf(request), traits, excludeId);
    },
  );

  app.get(
    '/api/patients/duplicates/worklist',
    {
      config: { permission: 'patients.read' },
      schema: {
        tags: ['patients'],
        summary: 'Pairs of records suspected to be the same person',
        response: { 200: z.array(duplicatePairView) },
      },
    },
    async (request) => duplicateWorklist(db, actorOf(request)),
  );

  app.post(
    '/api/patients/:id/different-from',
    {
      config: { permission: 'patients.write' },
      schema: {
        tags: ['patients'],
        summary: 'Record that two records are two different persons',
        params: idParams,
        body: z.object({ otherId: id }),
        response: { 200: okView },
      },
    },
    async (request) => decideDifferentPersons(db, actorOf(request), request.params.id, request.body.otherId),
  );

  app.post(
    '/api/patients/:id/merge',
    {
      config: { permission: 'patients.merge' },
      schema: {
        tags: ['patients'],
        summary: 'Merge another record into this surviving one',
        params: idParams,
        body: z.object({ mergedId: id }),
        response: { 200: mergeResultView },
      },
    },
    async (request) => mergePatients(db, actorOf(request), request.params.id, request.body.mergedId),
  );

  app.post(
    '/api/patient-merges/:id/undo',
    {
      config: { permission: 'patients.unmerge' },
      schema: {
        tags: ['patients'],
        summary: 'Undo a merge (administrators)',
        params: idParams,
        response: { 200: mergeUndoneView },
      },
    },
    async (request) => undoMerge(db, actorOf(request), request.params.id),
  );

  app.get(
    '/api/patients/:id/merges',
    {
      config: { permission: 'patients.read' },
      schema: {
        tags: ['patients'],
        summary: 'Merges into or from this record',
        params: idParams,
        response: { 200: z.array(patientMergeView) },
      },
    },
    async (request) => mergesOf(db, actorOf(request), request.params.id),
  );
}
