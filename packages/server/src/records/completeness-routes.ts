import { calendarDate, id, text } from '@pivot/core/input';
import {
  appointmentTypeRequirementsView,
  recordCompletenessView,
  requiredRecordItemSchema,
  requiredRecordItemView,
} from '@pivot/core/records';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../http/request-context.ts';
import {
  allRequirements,
  recordCompleteness,
  requirementsOfType,
  setRequirements,
} from './completeness-service.ts';

const typeCode = text()
  .trim()
  .regex(/^[a-z0-9_-]{1,40}$/);

/** Completeness checklist: what an appointment type needs in the record before the visit. */
export async function completenessRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { db } = app;

  app.get(
    '/api/completeness-requirements',
    {
      config: { permission: 'records.read' },
      schema: {
        tags: ['records'],
        summary: 'Appointment types that require items, with their requirements',
        response: { 200: z.array(appointmentTypeRequirementsView) },
      },
    },
    async (request) => allRequirements(db, actorOf(request)),
  );

  app.get(
    '/api/completeness-requirements/:appointmentType',
    {
      config: { permission: 'records.read' },
      schema: {
        tags: ['records'],
        summary: 'Items an appointment type requires',
        params: z.object({ appointmentType: typeCode }),
        response: { 200: z.array(requiredRecordItemView) },
      },
    },
    async (request) => requirementsOfType(db, actorOf(request), request.params.appointmentType),
  );

  app.put(
    '/api/completeness-requirements/:appointmentType',
    {
      config: { permission: 'organization.manage' },
      schema: {
        tags: ['records'],
        summary: 'Set the items an appointment type requires',
        params: z.object({ appointmentType: typeCode }),
        body: z.object({ requirements: z.array(requiredRecordItemSchema).max(30) }),
        response: { 200: z.array(requiredRecordItemView) },
      },
    },
    async (request) =>
      setRequirements(db, actorOf(request), request.params.appointmentType, request.body.requirements),
  );

  app.get(
    '/api/patients/:id/completeness',
    {
      config: { permission: 'records.read' },
      schema: {
        tags: ['records'],
        summary: 'What the record lacks before a visit of this appointment type',
        params: z.object({ id }),
        querystring: z.object({ appointmentType: typeCode, visitDate: calendarDate.optional() }),
        response: { 200: recordCompletenessView },
      },
    },
    async (request) =>
      recordCompleteness(
        db,
        actorOf(request),
        request.params.id,
        request.query.appointmentType,
        request.query.visitDate,
      ),
  );
}
