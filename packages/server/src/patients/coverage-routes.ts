import { id } from '@pivot/core/input';
import {
  type CoverageItemView,
  complementaryInsuranceInput,
  coverageAddedView,
  coverageItemView,
  coverageRemovedView,
  exemptionInput,
  mandatoryInsuranceInput,
} from '@pivot/core/patients';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../http/request-context.ts';
import { addCoverage, readCoverage, removeCoverage } from './coverage-service.ts';

const idParams = z.object({ id });

/** Mandatory and complementary insurance, exemptions (ALD). */
export async function coverageRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { db } = app;

  app.get(
    '/api/patients/:id/coverage',
    {
      config: { permission: 'patients.read' },
      schema: {
        tags: ['patients'],
        summary: 'Mandatory and complementary insurance, exemptions',
        params: idParams,
        response: { 200: z.array(coverageItemView) },
      },
    },
    // coverage-service types its lines `unknown[]`: they are coverageItemView's.
    async (request) => readCoverage(db, actorOf(request), request.params.id) as Promise<CoverageItemView[]>,
  );

  const coverageBodies = {
    mandatory: mandatoryInsuranceInput,
    complementary: complementaryInsuranceInput,
    exemption: exemptionInput,
  } as const;
  for (const [kind, body] of Object.entries(coverageBodies) as [
    keyof typeof coverageBodies,
    (typeof coverageBodies)[keyof typeof coverageBodies],
  ][]) {
    app.post(
      `/api/patients/:id/coverage/${kind}`,
      {
        config: { permission: 'patients.write' },
        schema: {
          tags: ['patients'],
          summary: `Add ${kind} coverage`,
          params: idParams,
          body,
          response: { 201: coverageAddedView },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(await addCoverage(db, actorOf(request), request.params.id, kind, request.body)),
    );
  }

  app.delete(
    '/api/patients/:id/coverage/:itemId',
    {
      config: { permission: 'patients.write' },
      schema: {
        tags: ['patients'],
        summary: 'Remove a coverage line entered by mistake',
        params: z.object({ id: id, itemId: id }),
        response: { 200: coverageRemovedView },
      },
    },
    async (request) => removeCoverage(db, actorOf(request), request.params.id, request.params.itemId),
  );
}
