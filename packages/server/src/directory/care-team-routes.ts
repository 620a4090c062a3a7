import { careTeamMemberInput, careTeamMemberView } from '@pivot/core/directory';
import { id } from '@pivot/core/input';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../http/request-context.ts';
import { addCareTeamMember, readCareTeam, removeCareTeamMember } from './care-team-service.ts';

const patientParams = z.object({ patientId: id });
const memberParams = z.object({ patientId: id, memberId: id });

/** A patient's care team: the correspondents of the directory who look after them. */
export async function careTeamRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { db } = app;

  app.get(
    '/api/patients/:patientId/care-team',
    {
      config: { permission: 'patients.read' },
      schema: {
        tags: ['directory'],
        summary: 'The care team of a patient (the read is traced)',
        params: patientParams,
        response: { 200: z.array(careTeamMemberView) },
      },
    },
    async (request) => readCareTeam(db, actorOf(request), request.params.patientId),
  );

  app.post(
    '/api/patients/:patientId/care-team',
    {
      config: { permission: 'patients.write' },
      schema: {
        tags: ['directory'],
        summary: 'Add a correspondent to the care team of a patient (one attending physician at most)',
        params: patientParams,
        body: careTeamMemberInput,
        response: { 201: z.array(careTeamMemberView) },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await addCareTeamMember(db, actorOf(request), request.params.patientId, request.body)),
  );

  app.delete(
    '/api/patients/:patientId/care-team/:memberId',
    {
      config: { permission: 'patients.write' },
      schema: {
        tags: ['directory'],
        summary: 'Remove a correspondent from the care team of a patient',
        params: memberParams,
        response: { 200: z.array(careTeamMemberView) },
      },
    },
    async (request) =>
      removeCareTeamMember(db, actorOf(request), request.params.patientId, request.params.memberId),
  );
}
