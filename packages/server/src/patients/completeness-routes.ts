import { calendarDate, id, text } from '@pivot/core/input';
import { missingBeforeVisit, requiredRecordItemSchema } from '@pivot/core/records';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { auditFrom } from '../audit/index.ts';
import { actorOf } from '../http/request-context.ts';
import { loadPatient, todayInParis } from './patient-service.ts';

const typeCode = text()
  .trim()
  .regex(/^[a-z0-9_-]{1,40}$/);

/** Completeness checklist: what an appointment type needs in the record before the visit. */
export async function completenessRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { db } = app;

  const requirementsOf = async (organizationId: string, appointmentType: string) =>
    (
      await db.kysely
        .selectFrom('completeness_requirements')
        .selectAll()
        .where('organization_id', '=', organizationId)
        .where('appointment_type_code', '=', appointmentType)
        .execute()
    ).map((r) => ({
      classificationCode: r.classification,
      labels: { fr: r.label_fr, en: r.label_en },
      maxAgeDays: r.max_age_days,
    }));

  app.get(
    '/api/completeness-requirements',
    {
      config: { permission: 'records.read' },
      schema: { tags: ['records'], summary: 'Appointment types that require items, with their requirements' },
    },
    async (request) => {
      const actor = actorOf(request);
      const rows = await db.kysely
        .selectFrom('completeness_requirements')
        .selectAll()
        .where('organization_id', '=', actor.organizationId)
        .orderBy('appointment_type_code')
        .execute();
      const byType = new Map<
        string,
        { classificationCode: string; labels: { fr: string; en: string }; maxAgeDays: number | null }[]
      >();
      for (const r of rows) {
        byType.set(r.appointment_type_code, [
          ...(byType.get(r.appointment_type_code) ?? []),
          {
            classificationCode: r.classification,
            labels: { fr: r.label_fr, en: r.label_en },
            maxAgeDays: r.max_age_days,
          },
        ]);
      }
      return [...byType.entries()].map(([appointmentType, requirements]) => ({
        appointmentType,
        requirements,
      }));
    },
  );

  app.get(
    '/api/completeness-requirements/:appointmentType',
    {
      config: { permission: 'records.read' },
      schema: {
        tags: ['records'],
        summary: 'Items an appointment type requires',
        params: z.object({ appointmentType: typeCode }),
      },
    },
    async (request) => requirementsOf(actorOf(request).organizationId, request.params.appointmentType),
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
      },
    },
    async (request) => {
      const actor = actorOf(request);
      await db.kysely.transaction().execute(async (tx) => {
        await tx
          .deleteFrom('completeness_requirements')
          .where('organization_id', '=', actor.organizationId)
          .where('appointment_type_code', '=', request.params.appointmentType)
          .execute();
        if (request.body.requirements.length) {
          await tx
            .insertInto('completeness_requirements')
            .values(
              request.body.requirements.map((r) => ({
                organization_id: actor.organizationId,
                appointment_type_code: request.params.appointmentType,
                classification: r.classificationCode,
                label_fr: r.labels.fr,
                label_en: r.labels.en,
                max_age_days: r.maxAgeDays,
              })),
            )
            .execute();
        }
        await auditFrom(actor)(tx, {
          action: 'update',
          entity: 'completeness_requirements',
          entityId: request.params.appointmentType,
        });
      });
      return requirementsOf(actor.organizationId, request.params.appointmentType);
    },
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
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const patient = await loadPatient(db.kysely, actor.organizationId, request.params.id);
      const requirements = await requirementsOf(actor.organizationId, request.query.appointmentType);
      const attachments = await db.kysely
        .selectFrom('attachments')
        .select(['id', 'classification', 'uploaded_at'])
        .where('patient_id', '=', patient.id)
        .where('organization_id', '=', actor.organizationId)
        .execute();
      const visitDate = request.query.visitDate ?? todayInParis();
      const missing = missingBeforeVisit(
        requirements,
        attachments.map((a) => ({
          id: a.id,
          classificationCode: a.classification,
          documentDate: todayInParis(new Date(a.uploaded_at)),
        })),
        visitDate,
      );
      await db.kysely.transaction().execute((tx) =>
        auditFrom(actor)(tx, {
          action: 'read',
          entity: 'completeness',
          entityId: patient.id,
          patientId: patient.id,
        }),
      );
      return { visitDate, required: requirements.length, missing };
    },
  );
}
