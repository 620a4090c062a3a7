import { identityActionInput, patientSummaryView } from '@pivot/core/identity';
import { id, integer, text } from '@pivot/core/input';
import {
  accessLogEntryView,
  type CoverageItemView,
  identityActionResultView,
  identityEventRowView,
  importFields,
  importReportView,
  patientExportView,
  patientFileView,
  patientRegistrationInput,
  patientUpdateInput,
  patientUpdateResultView,
  registrationResultView,
} from '@pivot/core/patients';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../http/request-context.ts';
import { importPatients } from './import-service.ts';
import { exportPatient, patientAccessLog, readPatientFile } from './patient-file-service.ts';
import {
  applyIdentity,
  findPatients,
  identityEvents,
  registerPatient,
  updatePatient,
} from './patient-service.ts';

const idParams = z.object({ id });
const acknowledged = { acknowledgedDuplicates: z.array(id).max(50).default([]) };

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
        response: { 200: z.array(patientSummaryView) },
      },
    },
    async (request) => findPatients(db, actorOf(request), request.body.q, request.body.limit),
  );

  app.post(
    '/api/patients',
    {
      config: { permission: 'patients.write' },
      schema: {
        tags: ['patients'],
        summary: 'Register a patient (409 possible_duplicates with the candidates unless acknowledged)',
        body: patientRegistrationInput.extend(acknowledged),
        response: { 201: registrationResultView },
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
        response: { 200: importReportView },
      },
    },
    async (request) => importPatients(db, actorOf(request), request.body),
  );

  app.get(
    '/api/patients/:id',
    {
      config: { permission: 'patients.read' },
      schema: {
        tags: ['patients'],
        summary: 'A patient, with identity status and coverage flags (the read is traced)',
        params: idParams,
        response: { 200: patientFileView },
      },
    },
    async (request) => readPatientFile(db, actorOf(request), request.params.id),
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
        response: { 200: patientUpdateResultView },
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
        response: { 200: identityActionResultView },
      },
    },
    async (request) => applyIdentity(db, actorOf(request), request.params.id, request.body),
  );

  app.get(
    '/api/patients/:id/identity-events',
    {
      config: { permission: 'patients.read' },
      schema: {
        tags: ['patients'],
        summary: 'History of identity statuses with evidence',
        params: idParams,
        response: { 200: z.array(identityEventRowView) },
      },
    },
    async (request) => identityEvents(db, actorOf(request), request.params.id),
  );

  app.get(
    '/api/patients/:id/access-log',
    {
      config: { permission: 'patients.read' },
      schema: {
        tags: ['patients'],
        summary: 'Who accessed this record, when, from where',
        params: idParams,
        response: { 200: z.array(accessLogEntryView) },
      },
    },
    async (request) => patientAccessLog(db, actorOf(request), request.params.id),
  );

  app.get(
    '/api/patients/:id/export',
    {
      config: { permission: 'patients.read' },
      schema: {
        tags: ['patients'],
        summary: 'Everything about a patient as JSON, with its FHIR R4 (FR Core) Patient resource',
        params: idParams,
        response: { 200: patientExportView },
      },
    },
    async (request, reply) => {
      const exported = await exportPatient(db, actorOf(request), request.params.id);
      reply.header('content-disposition', `attachment; filename="patient-${exported.patient.id}.json"`);
      // coverage-service types the coverage lines `unknown[]`: they are coverageItemView's.
      return exported as typeof exported & { coverage: { items: CoverageItemView[] } };
    },
  );
}
