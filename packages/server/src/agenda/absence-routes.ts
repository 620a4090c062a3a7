import {
  absenceImpactView,
  absenceInput,
  busyImportReportView,
  displacedPatientsNoticeView,
  listedAbsenceView,
} from '@pivot/core/agenda';
import { id, instant, integer, integerParam, text } from '@pivot/core/input';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../http/request-context.ts';
import {
  absenceImpactOf,
  absences,
  declareAbsence,
  notifyDisplacedPatients,
  withdrawAbsence,
} from './absence-service.ts';
import { importBusyPeriods } from './ics-import.ts';

const idParams = z.object({ id });
const tags = ['agenda'];

/** Absences: declared, imported from an external calendar, their impact and the messages to displaced patients. */
export async function absenceRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { db } = app;

  app.get(
    '/api/agenda/absences',
    {
      config: { permission: 'agenda.read' },
      schema: {
        tags,
        summary: 'Absences between two instants',
        querystring: z.object({ from: instant, to: instant }),
        response: { 200: z.array(listedAbsenceView) },
      },
    },
    async (request) => absences(db, actorOf(request), request.query),
  );

  app.post(
    '/api/agenda/absences',
    {
      config: { permission: 'agenda.write' },
      schema: {
        tags,
        summary:
          'Declare an absence; answers the affected appointments, rebooking proposals and patients to notify',
        body: absenceInput,
        response: { 201: absenceImpactView },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await declareAbsence(db, actorOf(request), request.body)),
  );

  app.get(
    '/api/agenda/absences/:id/impact',
    {
      config: { permission: 'agenda.read' },
      schema: {
        tags,
        summary: 'Affected appointments, rebooking proposals and patients to notify',
        params: idParams,
        response: { 200: absenceImpactView },
      },
    },
    async (request) => absenceImpactOf(db, actorOf(request), request.params.id),
  );

  app.delete(
    '/api/agenda/absences/:id',
    {
      config: { permission: 'agenda.write' },
      schema: {
        tags,
        summary: 'Withdraw an absence',
        params: idParams,
        querystring: z.object({ version: integerParam.nonnegative() }),
      },
    },
    async (request, reply) => {
      await withdrawAbsence(db, actorOf(request), request.params.id, request.query.version);
      return reply.status(204).send();
    },
  );

  app.post(
    '/api/agenda/absences/:id/notices',
    {
      config: { permission: 'agenda.write' },
      schema: {
        tags,
        summary:
          'Queue a message to each patient whose appointment the absence displaces (e-mail and SMS, in their language, with the proposed slot)',
        params: idParams,
        response: { 201: displacedPatientsNoticeView },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await notifyDisplacedPatients(db, actorOf(request), request.params.id)),
  );

  app.post(
    '/api/agenda/absences/import',
    {
      config: { permission: 'agenda.write' },
      // An .ics of a year of busy time is a few hundred kilobytes.
      bodyLimit: 3 * 1024 * 1024,
      schema: {
        tags,
        summary:
          'Import an external calendar (.ics) as busy periods of a person; dryRun reports without writing',
        body: z.object({
          personId: id,
          ics: text().min(1).max(2_000_000),
          days: integer.min(1).max(730).default(365),
          dryRun: z.boolean().default(false),
        }),
        response: { 200: busyImportReportView },
      },
    },
    async (request) => importBusyPeriods(db, actorOf(request), request.body),
  );
}
