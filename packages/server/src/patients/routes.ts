import { DomainError } from '@pivot/core';
import { identityActionInput } from '@pivot/core/identity';
import { id, integer, text } from '@pivot/core/input';
import {
  coverageStatusOn,
  importFields,
  patientRegistrationInput,
  patientToFhir,
  patientUpdateInput,
} from '@pivot/core/patients';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { auditFrom, namesPatient } from '../audit/index.ts';
import { actorOf } from '../http/request-context.ts';
import { loadCoverage } from './coverage-service.ts';
import { duplicateCandidates } from './duplicate-check.ts';
import { importPatients } from './import-service.ts';
import { mergePatients, mergesOf, undoMerge } from './merge-service.ts';
import {
  applyIdentity,
  decideDifferentPersons,
  findPatients,
  identityEvents,
  readPatient,
  registerPatient,
  todayInParis,
  updatePatient,
} from './patient-service.ts';
import { exportableRecordItems } from './record-service.ts';
import { duplicateWorklist } from './worklist.ts';

const idParams = z.object({ id });
const acknowledged = { acknowledgedDuplicates: z.array(id).max(50).default([]) };
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

export async function patientsRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { db } = app;

  // Search terms are names, birth dates, NIRs: they travel in the body, never in the URL (logs).
  app.post(
    '/api/patients/search',
    {
      config: { permission: 'patients.read' },
      schema: {
        tags: ['patients'],
        summary: 'Search as you type: names in any order, birth date, NIR or phone',
        body: z.object({ q: text().max(200), limit: integer.min(1).max(50).default(20) }),
      },
    },
    async (request) => findPatients(db, actorOf(request), request.body.q, request.body.limit),
  );

  app.post(
    '/api/patients/duplicates',
    {
      config: { permission: 'patients.read' },
      schema: {
        tags: ['patients'],
        summary: 'Duplicate candidates for these traits, with reasons and score',
        body: duplicateCheckInput,
      },
    },
    async (request) => {
      const { excludeId, ...traits } = request.body;
      return duplicateCandidates(db, actorOf(request), traits, excludeId);
    },
  );

  app.post(
    '/api/patients',
    {
      config: { permission: 'patients.write' },
      schema: {
        tags: ['patients'],
        summary: 'Register a patient (409 possible_duplicates with the candidates unless acknowledged)',
        body: patientRegistrationInput.extend(acknowledged),
      },
    },
    async (request, reply) => {
      const { acknowledgedDuplicates, ...input } = request.body;
      const result = await registerPatient(db, actorOf(request), input, acknowledgedDuplicates);
      return reply.status(201).send(result);
    },
  );

  app.post(
    '/api/patients/import',
    {
      config: { permission: 'patients.write' },
      // An export of a whole practice: up to about 300,000 lines.
      bodyLimit: 64 * 1024 * 1024,
      schema: {
        tags: ['patients'],
        summary:
          'Import patients from a CSV export: dry run (commit false) reports errors and suspected duplicates line by line',
        body: z.object({
          csv: text()
            .min(1)
            .max(64 * 1024 * 1024),
          mapping: z.partialRecord(z.enum(importFields), text().max(100)),
          delimiter: z.enum([';', ',', '\t', '|']).optional(),
          commit: z.boolean().default(false),
        }),
      },
    },
    async (request) => importPatients(db, actorOf(request), request.body),
  );

  app.get(
    '/api/patients/duplicates/worklist',
    {
      config: { permission: 'patients.read' },
      schema: { tags: ['patients'], summary: 'Pairs of records suspected to be the same person' },
    },
    async (request) => duplicateWorklist(db, actorOf(request)),
  );

  app.get(
    '/api/patients/:id',
    {
      config: { permission: 'patients.read' },
      schema: {
        tags: ['patients'],
        summary: 'A patient, with identity status and coverage flags (the read is traced)',
        params: idParams,
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const patient = await readPatient(db, actor, request.params.id);
      const coverage = await loadCoverage(db.kysely, actor.organizationId, patient.id);
      return { ...patient, coverageStatus: coverageStatusOn(coverage, todayInParis()) };
    },
  );

  app.patch(
    '/api/patients/:id',
    {
      config: { permission: 'patients.write' },
      schema: {
        tags: ['patients'],
        summary: 'Update a patient (version required; 409 on a stale version)',
        params: idParams,
        body: patientUpdateInput.extend(acknowledged),
      },
    },
    async (request) => {
      const { acknowledgedDuplicates, ...input } = request.body;
      return updatePatient(db, actorOf(request), request.params.id, input, acknowledgedDuplicates);
    },
  );

  app.post(
    '/api/patients/:id/identity',
    {
      config: { permission: 'patients.write' },
      schema: {
        tags: ['patients'],
        summary: 'Record an identity check: document seen, INSi result, doubtful/fictitious',
        params: idParams,
        body: identityActionInput,
      },
    },
    async (request) => applyIdentity(db, actorOf(request), request.params.id, request.body),
  );

  app.get(
    '/api/patients/:id/identity-events',
    {
      config: { permission: 'patients.read' },
      schema: { tags: ['patients'], summary: 'History of identity statuses with evidence', params: idParams },
    },
    async (request) => identityEvents(db, actorOf(request), request.params.id),
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
      },
    },
    async (request) => {
      await decideDifferentPersons(db, actorOf(request), request.params.id, request.body.otherId);
      return { ok: true };
    },
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
      },
    },
    async (request) => mergePatients(db, actorOf(request), request.params.id, request.body.mergedId),
  );

  app.post(
    '/api/patient-merges/:id/undo',
    {
      config: { permission: 'patients.unmerge' },
      schema: { tags: ['patients'], summary: 'Undo a merge (administrators)', params: idParams },
    },
    async (request) => undoMerge(db, actorOf(request), request.params.id),
  );

  app.get(
    '/api/patients/:id/merges',
    {
      config: { permission: 'patients.read' },
      schema: { tags: ['patients'], summary: 'Merges into or from this record', params: idParams },
    },
    async (request) => mergesOf(db, actorOf(request), request.params.id),
  );

  app.get(
    '/api/patients/:id/access-log',
    {
      config: { permission: 'patients.read' },
      schema: { tags: ['patients'], summary: 'Who accessed this record, when, from where', params: idParams },
    },
    async (request) => {
      const actor = actorOf(request);
      const patient = await readPatient(db, actor, request.params.id);
      return db.kysely
        .selectFrom('audit_log')
        .leftJoin('users', 'users.id', 'audit_log.user_id')
        .select([
          'audit_log.id',
          'audit_log.at',
          'audit_log.action',
          'audit_log.entity',
          'audit_log.ip',
          'users.display_name as user',
          'users.role',
        ])
        .where('audit_log.organization_id', '=', actor.organizationId)
        .where(namesPatient(patient.id))
        .orderBy('audit_log.id', 'desc')
        .limit(500)
        .execute();
    },
  );

  app.get(
    '/api/patients/:id/export',
    {
      config: { permission: 'patients.read' },
      schema: {
        tags: ['patients'],
        summary: 'Everything about a patient as JSON, with its FHIR R4 (FR Core) Patient resource',
        params: idParams,
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const patient = await readPatient(db, actor, request.params.id);
      if (patient.mergedInto)
        throw new DomainError('patient_merged', { params: { survivor: patient.mergedInto } });
      const coverage = await loadCoverage(db.kysely, actor.organizationId, patient.id);
      const visible = await db.kysely.transaction().execute(async (tx) => {
        const exported = await exportableRecordItems(tx, actor, patient.id);
        await auditFrom(actor)(tx, {
          action: 'export',
          entity: 'patient',
          entityId: patient.id,
          patientId: patient.id,
          details: exported.breakGlassId ? { breakGlassId: exported.breakGlassId } : {},
        });
        return exported.items;
      });
      reply.header('content-disposition', `attachment; filename="patient-${patient.id}.json"`);
      return {
        exportedAt: new Date().toISOString(),
        patient,
        fhir: patientToFhir(patient),
        coverage,
        recordItems: visible,
      };
    },
  );
}
